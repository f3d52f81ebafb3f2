package io.github.missedcalls.pbx.csv;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The column names of the call log and the handles file, and their date-time form. */
public final class CallLogColumns {

    public static final String ID = "id";
    public static final String DIRECTION = "direction";
    public static final String CLIENT = "client";
    public static final String LINE = "line";
    public static final String EMPLOYEE = "employee";
    public static final String STARTED_AT = "started_at";
    public static final String ANSWERED_AT = "answered_at";
    public static final String ENDED_AT = "ended_at";
    public static final String STAGE = "stage";
    public static final String MANAGERS = "managers";
    public static final String REASON = "reason";

    /** Every column of the call log, in the order {@code CallLogCsvWriter} writes them. */
    public static final List<String> CALL_LOG =
            List.of(ID, DIRECTION, CLIENT, LINE, EMPLOYEE, STARTED_AT, ANSWERED_AT, ENDED_AT, STAGE, MANAGERS, REASON);
    /** The columns a call log cannot do without. */
    public static final List<String> CALL_LOG_REQUIRED = List.of(ID, DIRECTION, STARTED_AT, ENDED_AT);

    public static final String COVERS_UNTIL = "covers_until";
    public static final String NOTE = "note";
    public static final String ACTOR = "actor";
    public static final String HANDLED_AT = "handled_at";

    /** Every column of the handles file, in the order {@code CallLogCsvWriter} writes them. */
    public static final List<String> HANDLES = List.of(CLIENT, COVERS_UNTIL, REASON, NOTE, ACTOR, HANDLED_AT);
    /** The columns a handles file cannot do without. */
    public static final List<String> HANDLES_REQUIRED = List.of(CLIENT, COVERS_UNTIL, REASON, ACTOR, HANDLED_AT);

    private CallLogColumns() {}

    /**
     * Reads a date-time as both files write it: ISO-8601 with an offset or {@code Z}, seconds and
     * fractions optional ({@code 2026-11-02T09:15+02:00}).
     *
     * @throws IllegalArgumentException naming the column and the value when it is of another form
     */
    public static Instant parseDateTime(String column, String value) {
        Instant common = parseCommonForm(value);
        if (common != null) {
            return common;
        }
        try {
            return OffsetDateTime.parse(value, DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                    .toInstant();
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(
                    column + " is not a date-time with an offset (2026-11-02T09:15:03+02:00): '" + value + "'", e);
        }
    }

    /**
     * The forms PBX exports write, read without {@link DateTimeFormatter}, which costs a quarter of
     * reading a large file: {@code yyyy-MM-ddTHH:mm[:ss[.fraction]]} and {@code Z} or
     * {@code ±HH:MM}. Anything else, valid or not, returns {@code null} and is left to
     * {@link DateTimeFormatter#ISO_OFFSET_DATE_TIME}, so both paths accept exactly the same texts.
     */
    static @Nullable Instant parseCommonForm(String text) {
        int length = text.length();
        if (length < 17
                || text.charAt(4) != '-'
                || text.charAt(7) != '-'
                || text.charAt(10) != 'T'
                || text.charAt(13) != ':') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int second = 0;
        int nano = 0;
        int i = 16;
        if (i < length && text.charAt(i) == ':') {
            second = digits(text, i + 1, 2);
            i += 3;
            if (i < length && text.charAt(i) == '.') {
                int start = ++i;
                while (i < length && i - start < 9 && isDigit(text.charAt(i))) {
                    nano = nano * 10 + text.charAt(i) - '0';
                    i++;
                }
                if (i == start) {
                    return null;
                }
                for (int scale = i - start; scale < 9; scale++) {
                    nano *= 10;
                }
            }
        }
        if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0 || i >= length) {
            return null;
        }
        int offsetSeconds;
        char sign = text.charAt(i);
        if (sign == 'Z' && i + 1 == length) {
            offsetSeconds = 0;
        } else if ((sign == '+' || sign == '-') && i + 6 == length && text.charAt(i + 3) == ':') {
            int offsetHours = digits(text, i + 1, 2);
            int offsetMinutes = digits(text, i + 4, 2);
            if (offsetHours < 0 || offsetMinutes < 0 || offsetHours > 18 || offsetMinutes > 59) {
                return null;
            }
            offsetSeconds = (sign == '-' ? -1 : 1) * (offsetHours * 3600 + offsetMinutes * 60);
        } else {
            return null;
        }
        try {
            LocalDateTime local = LocalDateTime.of(year, month, day, hour, minute, second, nano);
            return local.toInstant(ZoneOffset.ofTotalSeconds(offsetSeconds));
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** The number written with {@code count} ASCII digits at {@code from}; -1 if they are not all digits. */
    private static int digits(String text, int from, int count) {
        if (from + count > text.length()) {
            return -1;
        }
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = text.charAt(i);
            if (!isDigit(c)) {
                return -1;
            }
            value = value * 10 + c - '0';
        }
        return value;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
