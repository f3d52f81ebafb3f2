package io.github.missedcalls;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What report to make: a project, a window and an as-of instant (R8). Every part but the
 * project has a default, taken when the report is made:
 *
 * <ol>
 *   <li>as-of: now, from the {@link java.time.Clock} given to {@link MissedCalls};
 *   <li>to: as-of;
 *   <li>from: one calendar month before as-of in the project's zone, as
 *       {@link ZonedDateTime#minusMonths(long)} computes it.
 * </ol>
 *
 * <p>A window given as dates runs from the start of {@code from}'s day to the start of
 * {@code to}'s day in the project's zone. Immutable; each {@code with} method returns a copy.
 */
public final class ReportQuery {

    private final String project;
    private final @Nullable Instant from;
    private final @Nullable Instant to;
    private final @Nullable LocalDate fromDate;
    private final @Nullable LocalDate toDate;
    private final @Nullable Instant asOf;
    private final boolean strict;

    private ReportQuery(
            String project,
            @Nullable Instant from,
            @Nullable Instant to,
            @Nullable LocalDate fromDate,
            @Nullable LocalDate toDate,
            @Nullable Instant asOf,
            boolean strict) {
        this.project = Objects.requireNonNull(project, "project");
        this.from = from;
        this.to = to;
        this.fromDate = fromDate;
        this.toDate = toDate;
        this.asOf = asOf;
        this.strict = strict;
    }

    /** The default report of a project: the last month up to now. */
    public static ReportQuery of(String project) {
        return new ReportQuery(project, null, null, null, null, null, false);
    }

    /** The window [from, to); either may be {@code null} for its default. */
    public ReportQuery window(@Nullable Instant newFrom, @Nullable Instant newTo) {
        return new ReportQuery(project, newFrom, newTo, null, null, asOf, strict);
    }

    /** The window from the start of {@code fromDay} to the start of {@code toDay} in the project's zone. */
    public ReportQuery windowDates(LocalDate fromDay, LocalDate toDay) {
        return new ReportQuery(
                project,
                null,
                null,
                Objects.requireNonNull(fromDay, "fromDay"),
                Objects.requireNonNull(toDay, "toDay"),
                asOf,
                strict);
    }

    /** The report as it was at {@code instant}: everything later is ignored. */
    public ReportQuery asOf(@Nullable Instant instant) {
        return new ReportQuery(project, from, to, fromDate, toDate, instant, strict);
    }

    /** Whether the first rejected record or handle ends the report with {@link RejectedInputException}. */
    public ReportQuery strict(boolean value) {
        return new ReportQuery(project, from, to, fromDate, toDate, asOf, value);
    }

    public String project() {
        return project;
    }

    public boolean isStrict() {
        return strict;
    }

    /** The as-of instant: the one given, or {@code now}. */
    public Instant resolveAsOf(Instant now) {
        return asOf == null ? now : asOf;
    }

    /** The window's end for an as-of instant, per R8. */
    public Instant resolveTo(Instant resolvedAsOf, ZoneId zone) {
        if (toDate != null) {
            return startOfDay(toDate, zone);
        }
        return to == null ? resolvedAsOf : to;
    }

    /** The window's start for an as-of instant, per R8. */
    public Instant resolveFrom(Instant resolvedAsOf, ZoneId zone) {
        if (fromDate != null) {
            return startOfDay(fromDate, zone);
        }
        return from == null
                ? ZonedDateTime.ofInstant(resolvedAsOf, zone).minusMonths(1).toInstant()
                : from;
    }

    private static Instant startOfDay(LocalDate date, ZoneId zone) {
        // atStartOfDay takes the earliest valid local time, and the earlier offset of an overlap.
        return date.atStartOfDay(zone).toInstant();
    }

    @Override
    public String toString() {
        return "ReportQuery[project=" + project + ", from=" + (fromDate != null ? fromDate : from) + ", to="
                + (toDate != null ? toDate : to) + ", asOf=" + asOf + ", strict=" + strict + "]";
    }
}
