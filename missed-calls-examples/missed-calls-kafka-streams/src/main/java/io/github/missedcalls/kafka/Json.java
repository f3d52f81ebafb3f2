package io.github.missedcalls.kafka;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.cfg.EnumFeature;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.function.Function;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * The JSON form of everything the topology writes: field names in {@code snake_case} as the call
 * log CSV names its columns, words in lower case as the CSV writes them (read in any case),
 * instants as ISO-8601 text in UTC, durations as ISO-8601 durations ({@code PT1H30M}).
 *
 * <p>Records are mapped by their components only: a method such as
 * {@link io.github.missedcalls.CallRecord#isAnswered()} is derived and never written.
 */
final class Json {

    static final ObjectMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .visibility(PropertyAccessor.ALL, Visibility.NONE)
            .visibility(PropertyAccessor.FIELD, Visibility.ANY)
            .configure(EnumFeature.WRITE_ENUMS_TO_LOWERCASE, true)
            .configure(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS, true)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .addModule(new SimpleModule("missed-calls-time")
                    .addSerializer(Instant.class, ToStringSerializer.instance)
                    .addDeserializer(Instant.class, new TextValue<>(Instant.class, Json::instant))
                    .addSerializer(Duration.class, ToStringSerializer.instance)
                    .addDeserializer(Duration.class, new TextValue<>(Duration.class, Duration::parse)))
            .build();

    private Json() {}

    /** A serde of one type; a value that cannot be read fails with the reason Jackson gives. */
    static <T> Serde<T> serde(Class<T> type) {
        return Serdes.serdeFrom(
                (topic, value) -> value == null ? null : write(value),
                (topic, bytes) -> bytes == null ? null : read(bytes, type));
    }

    static byte[] write(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static <T> T read(byte[] bytes, Class<T> type) {
        try {
            return MAPPER.readValue(bytes, type);
        } catch (IOException e) {
            throw new SerializationException(
                    e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage(), e);
        }
    }

    /**
     * Instants as the call log writes them: with an offset or {@code Z}, seconds and fractions
     * optional (docs/call-log-csv.md).
     */
    static Instant instant(String text) {
        return OffsetDateTime.parse(text).toInstant();
    }

    /** A value Jackson reads from a JSON string through a parse function. */
    private static final class TextValue<T> extends StdScalarDeserializer<T> {
        private static final long serialVersionUID = 1L;
        private final transient Function<String, T> parse;

        TextValue(Class<T> type, Function<String, T> parse) {
            super(type);
            this.parse = parse;
        }

        @Override
        public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = parser.getValueAsString();
            if (text == null) {
                throw context.wrongTokenException(
                        parser, handledType(), JsonToken.VALUE_STRING, "expected ISO-8601 text");
            }
            try {
                return parse.apply(text.strip());
            } catch (RuntimeException e) {
                throw context.weirdStringException(text, handledType(), "not an ISO-8601 value");
            }
        }
    }
}
