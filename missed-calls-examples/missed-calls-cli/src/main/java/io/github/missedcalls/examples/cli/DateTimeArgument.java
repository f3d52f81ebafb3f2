package io.github.missedcalls.examples.cli;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * A DATETIME of the command line ({@code docs/cli.md}):
 *
 * <ol>
 *   <li>ISO-8601 with an offset or {@code Z} ({@code 2026-11-10T12:00:00+02:00}) is that instant;
 *   <li>without an offset ({@code 2026-11-10T12:00}) it is local time in the project's zone (a
 *       time in a daylight-saving gap moves forward by the gap; in an overlap the earlier offset
 *       is taken);
 *   <li>a bare date ({@code 2026-11-10}) is the start of that day in the project's zone.
 * </ol>
 */
final class DateTimeArgument {

    private DateTimeArgument() {}

    /**
     * @param option the option, for the message
     * @throws UsageException if the text is none of the three forms
     */
    static Instant parse(String option, String text, ZoneId zone) {
        String value = text.strip();
        try {
            return OffsetDateTime.parse(value, DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                    .toInstant();
        } catch (DateTimeException notWithOffset) {
            // try the next form
        }
        try {
            return ZonedDateTime.of(LocalDateTime.parse(value, DateTimeFormatter.ISO_LOCAL_DATE_TIME), zone)
                    .toInstant();
        } catch (DateTimeException notLocal) {
            // try the next form
        }
        try {
            return LocalDate.parse(value, DateTimeFormatter.ISO_LOCAL_DATE)
                    .atStartOfDay(zone)
                    .toInstant();
        } catch (DateTimeException notADate) {
            throw new UsageException(option + ": '" + text + "' is not a date-time"
                    + " (2026-11-10T12:00:00+02:00, 2026-11-10T12:00 in --zone, or 2026-11-10)");
        }
    }
}
