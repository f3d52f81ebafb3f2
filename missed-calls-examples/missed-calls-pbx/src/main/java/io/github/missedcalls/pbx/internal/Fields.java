package io.github.missedcalls.pbx.internal;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Reading the values of PBX files; every failure is an {@link IllegalArgumentException} whose message is the rejection's reason. */
public final class Fields {

    // "2024-01-27 15:07:24", with an optional fraction; a 'T' is accepted for exports that write ISO.
    private static final DateTimeFormatter LOCAL_STAMP = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd")
            .optionalStart()
            .appendLiteral(' ')
            .optionalEnd()
            .optionalStart()
            .appendLiteral('T')
            .optionalEnd()
            .appendPattern("HH:mm:ss")
            .optionalStart()
            .appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true)
            .optionalEnd()
            .toFormatter(Locale.ROOT);

    private Fields() {}

    /** The value stripped of surrounding spaces; {@code null} when empty or a database's {@code NULL}. */
    public static @Nullable String text(@Nullable String value) {
        if (value == null) {
            return null;
        }
        String stripped = value.strip();
        return stripped.isEmpty() || stripped.equalsIgnoreCase("NULL") ? null : stripped;
    }

    /** The value stripped, or the empty string. */
    public static String textOrEmpty(@Nullable String value) {
        String text = text(value);
        return text == null ? "" : text;
    }

    /**
     * A local date-time without offset, read in {@code zone}. In a daylight-saving overlap the
     * earlier offset is taken; a time in a gap moves forward by the gap ({@link LocalDateTime#atZone}).
     *
     * @throws IllegalArgumentException naming the column when the value is absent or not a date-time
     */
    public static Instant localStamp(@Nullable String value, ZoneId zone, String column) {
        String text = text(value);
        if (text == null) {
            throw new IllegalArgumentException("no " + column);
        }
        try {
            return LocalDateTime.parse(text, LOCAL_STAMP).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("unparsable " + column + " '" + text + "'", e);
        }
    }

    /** As {@link #localStamp}, {@code null} when the value is absent. */
    public static @Nullable Instant optionalLocalStamp(@Nullable String value, ZoneId zone, String column) {
        return text(value) == null ? null : localStamp(value, zone, column);
    }

    /**
     * A count of whole seconds.
     *
     * @throws IllegalArgumentException naming the column when absent, not a whole number or negative
     */
    public static long seconds(@Nullable String value, String column) {
        String text = text(value);
        if (text == null) {
            throw new IllegalArgumentException("no " + column);
        }
        try {
            long seconds = Long.parseLong(text);
            if (seconds < 0) {
                throw new IllegalArgumentException("negative " + column + " '" + text + "'");
            }
            return seconds;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("unparsable " + column + " '" + text + "'", e);
        }
    }
}
