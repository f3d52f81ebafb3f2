package io.github.missedcalls.examples.web;

import io.github.missedcalls.ReportQuery;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import org.jspecify.annotations.Nullable;

/**
 * The date range the page shows: both days included, read in the project's zone. It is the
 * report window [start of {@code from}, start of the day after {@code to}) (R8), so "to today"
 * includes today's calls up to now.
 *
 * @param from the first day
 * @param to the last day, included
 */
public record ReportWindow(LocalDate from, LocalDate to) {

    /** A longer range is refused: a report reads every call of its range. */
    static final long MAX_DAYS = 366;

    /**
     * Reads the range of a request; a day left out defaults to the last month up to today.
     *
     * @throws ApiException if a day is not {@code YYYY-MM-DD}, {@code from} is after {@code to},
     *     or the range is longer than {@link #MAX_DAYS}
     */
    static ReportWindow parse(@Nullable String from, @Nullable String to, LocalDate today) {
        LocalDate last = blank(to) ? today : day("to", to);
        LocalDate first = blank(from) ? lastMonth(last).from() : day("from", from);
        if (first.isAfter(last)) {
            throw ApiException.badRequest("the range starts (" + first + ") after it ends (" + last + ")");
        }
        if (ChronoUnit.DAYS.between(first, last) >= MAX_DAYS) {
            throw ApiException.badRequest("the range is longer than " + MAX_DAYS + " days");
        }
        return new ReportWindow(first, last);
    }

    /**
     * The page's default range, which the {@code demo} command reports too: from the same day a
     * month before {@code today} to {@code today}, both included.
     */
    public static ReportWindow lastMonth(LocalDate today) {
        return new ReportWindow(today.minusMonths(1), today);
    }

    /** The report of this range for a project as of an instant. */
    public ReportQuery query(String project, Instant asOf) {
        return ReportQuery.of(project).windowDates(from, to.plusDays(1)).asOf(asOf);
    }

    private static boolean blank(@Nullable String value) {
        return value == null || value.isBlank();
    }

    private static LocalDate day(String name, @Nullable String value) {
        try {
            return LocalDate.parse(String.valueOf(value).strip());
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(name + " is not a day of the form YYYY-MM-DD: " + ApiException.shown(value));
        }
    }
}
