package io.github.missedcalls;

import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * How the team did over a report's window (R18): in total, per employee and per line. A value
 * made from the rows of both tabs, with no I/O; {@link Report#team()} makes it from a report, a
 * {@link Tally} from rows as a streamed report hands them over.
 *
 * <p>Credit, per employee: a missed call and a group opened go to the employee the group's call
 * names (the one it rang); a resolution to the employee who made it (their callback, their
 * handle), never to anyone when the client got through; an attempt to who dialled it; the time
 * to first attempt to who made the first attempt; a group still open, and overdue, to its owner
 * (R16). Per line: a missed call to its own line, everything else to the line of the group's
 * first missed call. Rows and calls without an employee or a line count only in the total.
 *
 * @param total every group of both tabs
 * @param byEmployee by employee, in name order
 * @param byLine by line, in number order
 */
public record TeamFigures(Figures total, Map<String, Figures> byEmployee, Map<String, Figures> byLine) {

    public TeamFigures {
        Objects.requireNonNull(total, "total");
        byEmployee = Collections.unmodifiableMap(new TreeMap<>(byEmployee));
        byLine = Collections.unmodifiableMap(new TreeMap<>(byLine));
    }

    /** One employee's figures, if the rows name them. */
    public Optional<Figures> employee(String name) {
        return Optional.ofNullable(byEmployee.get(name));
    }

    /** One line's figures, if the rows' calls came on it. */
    public Optional<Figures> line(String number) {
        return Optional.ofNullable(byLine.get(number));
    }

    /** The figures of a report's rows. */
    public static TeamFigures of(Report report) {
        Tally tally = new Tally();
        report.processed().forEach(tally::processed);
        report.unprocessed().forEach(tally::unprocessed);
        return tally.figures();
    }

    /**
     * One part of the team's figures.
     *
     * @param missedByReason missed calls by reason (R9), every reason present
     * @param missedCalls all missed calls
     * @param groupsOpened groups of both tabs
     * @param calledBack groups resolved by a callback
     * @param gotThrough groups resolved by the client getting through
     * @param handled groups resolved by a handle
     * @param resolvedWithDeadline resolved groups that had a due (R14)
     * @param resolvedOnTime of those, resolved at or before due
     * @param attempts callback attempts
     * @param attemptsReached of those, the ones that reached the client
     * @param medianToFirstAttempt from the first missed call to the first attempt, nearest-rank median; null without attempts
     * @param p90ToFirstAttempt the same, 90th percentile
     * @param medianToResolution from the first missed call to the resolution, nearest-rank median; null without resolutions
     * @param p90ToResolution the same, 90th percentile
     * @param open groups still open as of the report
     * @param overdue of those, the ones past due
     */
    public record Figures(
            Map<MissedReason, Long> missedByReason,
            long missedCalls,
            long groupsOpened,
            long calledBack,
            long gotThrough,
            long handled,
            long resolvedWithDeadline,
            long resolvedOnTime,
            long attempts,
            long attemptsReached,
            @Nullable Duration medianToFirstAttempt,
            @Nullable Duration p90ToFirstAttempt,
            @Nullable Duration medianToResolution,
            @Nullable Duration p90ToResolution,
            long open,
            long overdue) {

        public Figures {
            EnumMap<MissedReason, Long> every = new EnumMap<>(MissedReason.class);
            for (MissedReason reason : MissedReason.values()) {
                every.put(reason, missedByReason.getOrDefault(reason, 0L));
            }
            missedByReason = Collections.unmodifiableMap(every);
        }

        /** Groups resolved, by any kind. */
        public long resolved() {
            return calledBack + gotThrough + handled;
        }

        /** The share of resolutions with a due that came on time; empty when none had one. */
        public OptionalDouble onTimeShare() {
            return resolvedWithDeadline == 0
                    ? OptionalDouble.empty()
                    : OptionalDouble.of((double) resolvedOnTime / resolvedWithDeadline);
        }

        /** The share of attempts that reached the client; empty without attempts. */
        public OptionalDouble reachedShare() {
            return attempts == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) attemptsReached / attempts);
        }
    }

    /**
     * Adds rows up as a report hands them over; a {@link ReportListener}, so that a streamed
     * report gives the team's figures in the same pass. Memory grows with the groups (one number
     * each for the percentiles), employees and lines, not with the calls.
     *
     * <p>Not thread-safe.
     */
    public static final class Tally implements ReportListener {
        private final Part total = new Part();
        // Hash maps while rows come in; figures() sorts them once.
        private final Map<String, Part> employees = new HashMap<>();
        private final Map<String, Part> lines = new HashMap<>();

        @Override
        public void processed(ProcessedRow row) {
            Part line = lineOf(row);
            group(row, line);
            Resolution resolution = row.resolution();
            Part by = resolution.kind() == ResolutionKind.CLIENT_GOT_THROUGH || resolution.resolvedBy() == null
                    ? null
                    : employee(resolution.resolvedBy());
            long seconds = row.timeToResolution().toSeconds();
            Timeliness timeliness = row.timeliness();
            for (Part part : new Part[] {total, line, by}) {
                if (part != null) {
                    part.resolved(resolution.kind(), timeliness, seconds);
                }
            }
        }

        @Override
        public void unprocessed(UnprocessedRow row) {
            Part line = lineOf(row);
            group(row, line);
            Part owner = row.owner() == null ? null : employee(row.owner());
            boolean overdue = row.overdue();
            for (Part part : new Part[] {total, line, owner}) {
                if (part != null) {
                    part.open++;
                    if (overdue) {
                        part.overdue++;
                    }
                }
            }
        }

        /** The figures of the rows added so far. */
        public TeamFigures figures() {
            Map<String, Figures> byEmployee = new TreeMap<>();
            employees.forEach((name, part) -> byEmployee.put(name, part.figures()));
            Map<String, Figures> byLine = new TreeMap<>();
            lines.forEach((number, part) -> byLine.put(number, part.figures()));
            return new TeamFigures(total.figures(), byEmployee, byLine);
        }

        private @Nullable Part lineOf(ReportRow row) {
            String line = row.calls().get(0).line();
            return line == null ? null : lines.computeIfAbsent(line, key -> new Part());
        }

        private Part employee(String name) {
            return employees.computeIfAbsent(name, key -> new Part());
        }

        /** What every row adds: its calls, the group, its attempts. */
        private void group(ReportRow row, @Nullable Part line) {
            for (MissedCall call : row.calls()) {
                total.missed(call.reason());
                if (call.line() != null) {
                    lines.computeIfAbsent(call.line(), key -> new Part()).missed(call.reason());
                }
                if (call.employee() != null) {
                    employee(call.employee()).missed(call.reason());
                }
            }
            String rang = row.calls().get(0).employee();
            Part rangEmployee = rang == null ? null : employee(rang);
            for (Part part : new Part[] {total, line, rangEmployee}) {
                if (part != null) {
                    part.groupsOpened++;
                }
            }
            for (CallbackAttempt attempt : row.callbackAttempts()) {
                Part dialled = attempt.employee() == null ? null : employee(attempt.employee());
                for (Part part : new Part[] {total, line, dialled}) {
                    if (part != null) {
                        part.attempt(attempt.reached());
                    }
                }
            }
            CallbackAttempt first = firstAttempt(row);
            if (first != null) {
                long seconds =
                        Duration.between(row.firstMissedAt(), first.startedAt()).toSeconds();
                Part dialled = first.employee() == null ? null : employee(first.employee());
                for (Part part : new Part[] {total, line, dialled}) {
                    if (part != null) {
                        part.toFirstAttempt.add(seconds);
                    }
                }
            }
        }

        private static @Nullable CallbackAttempt firstAttempt(ReportRow row) {
            CallbackAttempt first = null;
            for (CallbackAttempt attempt : row.callbackAttempts()) {
                if (first == null || attempt.startedAt().isBefore(first.startedAt())) {
                    first = attempt;
                }
            }
            return first;
        }
    }

    /** One employee's, one line's or the total's counters while rows come in. */
    private static final class Part {
        final long[] missedByReason = new long[MissedReason.values().length];
        long missedCalls;
        long groupsOpened;
        long calledBack;
        long gotThrough;
        long handled;
        long resolvedWithDeadline;
        long resolvedOnTime;
        long attempts;
        long attemptsReached;
        final Seconds toFirstAttempt = new Seconds();
        final Seconds toResolution = new Seconds();
        long open;
        long overdue;

        void missed(MissedReason reason) {
            missedByReason[reason.ordinal()]++;
            missedCalls++;
        }

        void attempt(boolean reached) {
            attempts++;
            if (reached) {
                attemptsReached++;
            }
        }

        void resolved(ResolutionKind kind, Timeliness timeliness, long seconds) {
            switch (kind) {
                case CALLED_BACK -> calledBack++;
                case CLIENT_GOT_THROUGH -> gotThrough++;
                case HANDLED -> handled++;
            }
            if (timeliness != Timeliness.NO_DEADLINE) {
                resolvedWithDeadline++;
                if (timeliness == Timeliness.ON_TIME) {
                    resolvedOnTime++;
                }
            }
            toResolution.add(seconds);
        }

        Figures figures() {
            Map<MissedReason, Long> reasons = new EnumMap<>(MissedReason.class);
            for (MissedReason reason : MissedReason.values()) {
                reasons.put(reason, missedByReason[reason.ordinal()]);
            }
            return new Figures(
                    reasons,
                    missedCalls,
                    groupsOpened,
                    calledBack,
                    gotThrough,
                    handled,
                    resolvedWithDeadline,
                    resolvedOnTime,
                    attempts,
                    attemptsReached,
                    toFirstAttempt.percentile(50),
                    toFirstAttempt.percentile(90),
                    toResolution.percentile(50),
                    toResolution.percentile(90),
                    open,
                    overdue);
        }
    }

    /** Durations in whole seconds, for nearest-rank percentiles. */
    private static final class Seconds {
        private long[] values = new long[8];
        private int size;
        private boolean sorted = true;

        void add(long seconds) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = seconds;
            sorted = false;
        }

        /** The nearest-rank percentile: the smallest value with at least that share of values at or below it. */
        @Nullable
        Duration percentile(int percent) {
            if (size == 0) {
                return null;
            }
            if (!sorted) {
                Arrays.sort(values, 0, size);
                sorted = true;
            }
            int rank = (int) Math.ceil(percent / 100.0 * size);
            return Duration.ofSeconds(values[Math.max(1, rank) - 1]);
        }
    }
}
