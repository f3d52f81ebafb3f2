package io.github.missedcalls.kafka;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * What the tracker's state is keyed by: a project and one of its clients' normalized numbers.
 * Records with the same key go to the same partition, so one task sees all of a client's records.
 *
 * <p>On the wire it is the UTF-8 text {@code project TAB client}: readable in a console
 * consumer, and all keys of a project share the prefix {@code project TAB}, which a state store
 * can scan. A normalized number never holds a tab, so the last tab separates the two.
 *
 * @param project the project (tenant)
 * @param client the normalized client number
 */
public record ClientKey(String project, String client) {

    static final char SEPARATOR = '\t';

    public ClientKey {
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(client, "client");
    }

    /** The text every key of {@code project} starts with. */
    static String prefixOf(String project) {
        return project + SEPARATOR;
    }

    /** The key as it is written to topics and stores. */
    String text() {
        return prefixOf(project) + client;
    }

    /**
     * Reads a key's text.
     *
     * @throws IllegalArgumentException if it holds no separator
     */
    static ClientKey parse(String text) {
        int at = text.lastIndexOf(SEPARATOR);
        if (at < 0) {
            throw new IllegalArgumentException("not a client key: " + text);
        }
        return new ClientKey(text.substring(0, at), text.substring(at + 1));
    }

    /** The serde of keys, for the repartition topic, the state store and the events topic. */
    static Serde<ClientKey> serde() {
        return Serdes.serdeFrom(
                (topic, key) -> key == null ? null : key.text().getBytes(StandardCharsets.UTF_8), (topic, bytes) -> {
                    if (bytes == null) {
                        return null;
                    }
                    try {
                        return parse(new String(bytes, StandardCharsets.UTF_8));
                    } catch (IllegalArgumentException e) {
                        throw new SerializationException(e.getMessage(), e);
                    }
                });
    }

    @Override
    public String toString() {
        return project + "/" + client;
    }
}
