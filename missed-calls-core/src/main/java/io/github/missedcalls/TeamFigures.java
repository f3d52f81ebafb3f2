package io.github.missedcalls;

import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
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
        private final Part.Index employees = new Part.Index();
        private final Part.Index lines = new Part.Index();

        @Override
        public void processed(ProcessedRow row) {
            Part line = lineOf(row);
            group(row, line);
            Resolution resolution = row.resolution();
            String resolvedBy = resolution.kind() == ResolutionKind.CLIENT_GOT_THROUGH ? null : resolution.resolvedBy();
            Part by = resolvedBy == null ? null : employees.of(resolvedBy);
            ResolutionKind kind = resolution.kind();
            Timeliness timeliness = row.timeliness();
            long seconds = row.timeToResolution().toSeconds();
            total.resolved(kind, timeliness, seconds);
            if (line != null) {
                line.resolved(kind, timeliness, seconds);
            }
            if (by != null) {
                by.resolved(kind, timeliness, seconds);
            }
        }

        @Override
        public void unprocessed(UnprocessedRow row) {
            Part line = lineOf(row);
            group(row, line);
            boolean overdue = row.overdue();
            total.open(overdue);
            if (line != null) {
                line.open(overdue);
            }
            String owner = row.owner();
            if (owner != null) {
                employees.of(owner).open(overdue);
            }
        }

        /** The figures of the rows added so far. */
        public TeamFigures figures() {
            return new TeamFigures(total.figures(), employees.figures(), lines.figures());
        }

        private @Nullable Part lineOf(ReportRow row) {
            String line = row.calls().get(0).line();
            return line == null ? null : lines.of(line);
        }

        /** What every row adds: its calls, the group, its attempts. */
        private void group(ReportRow row, @Nullable Part line) {
            List<MissedCall> calls = row.calls();
            for (MissedCall call : calls) {
                MissedReason reason = call.reason();
                total.missed(reason);
                if (call.line() != null) {
                    lines.of(call.line()).missed(reason);
                }
                if (call.employee() != null) {
                    employees.of(call.employee()).missed(reason);
                }
            }
            total.groupsOpened++;
            if (line != null) {
                line.groupsOpened++;
            }
            String rang = calls.get(0).employee();
            if (rang != null) {
                employees.of(rang).groupsOpened++;
            }
            CallbackAttempt first = null;
            for (CallbackAttempt attempt : row.callbackAttempts()) {
                boolean reached = attempt.reached();
                total.attempt(reached);
                if (line != null) {
                    line.attempt(reached);
                }
                if (attempt.employee() != null) {
                    employees.of(attempt.employee()).attempt(reached);
                }
                if (first == null || attempt.startedAt().isBefore(first.startedAt())) {
                    first = attempt;
                }
            }
            if (first != null) {
                long seconds =
                        Duration.between(row.firstMissedAt(), first.startedAt()).toSeconds();
                total.toFirstAttempt.add(seconds);
                if (line != null) {
                    line.toFirstAttempt.add(seconds);
                }
                if (first.employee() != null) {
                    employees.of(first.employee()).toFirstAttempt.add(seconds);
                }
            }
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

        void open(boolean overdue) {
            open++;
            if (overdue) {
                this.overdue++;
            }
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

        /**
         * The parts by employee or by line. Rows name the same few employees and lines over and
         * over, mostly as the same String a source handed out, so the last one found is tried first.
         */
        static final class Index {
            private final Map<String, Part> parts = new HashMap<>();
            private @Nullable String lastName;
            private @Nullable Part lastPart;

            Part of(String name) {
                Part last = lastPart;
                if (name == lastName && last != null) {
                    return last;
                }
                Part part = parts.computeIfAbsent(name, key -> new Part());
                lastName = name;
                lastPart = part;
                return part;
            }

            Map<String, Figures> figures() {
                Map<String, Figures> sorted = new TreeMap<>();
                parts.forEach((name, part) -> sorted.put(name, part.figures()));
                return sorted;
            }
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
