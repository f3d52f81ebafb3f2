package io.github.missedcalls;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How urgently an unprocessed row should be called back (R15), with the parts of its score.
 *
 * <p>The score, in points, is
 *
 * <pre>
 *   100 × bursts + 20 × (missed calls − bursts)
 *   + whole hours waiting, at most 168
 *   + (overdue ? 200 + whole hours overdue, at most 168 : 0)
 *   − 30 × failed callback attempts
 * </pre>
 *
 * never below zero. A burst is a run of missed calls each within one hour of the one before: a
 * client who rang three times in five minutes is one anxious client, three calls on three days
 * are three. One burst weighs as much as four days of waiting and being overdue as two bursts,
 * so an overdue row comes before any row that is not, unless that row has three more bursts;
 * a failed attempt lowers the score because someone has already tried. The score depends only
 * on the row (so on the report's as-of), not on the order the records came in (R12).
 *
 * @param score the points, higher first
 * @param missedCalls the group's missed calls
 * @param bursts the runs of calls within an hour of each other
 * @param waiting as-of minus the first missed call's start
 * @param overdue whether as-of is at or after the row's due (R14)
 * @param overdueBy as-of minus due when overdue, else zero
 * @param failedAttempts callback attempts that did not reach the client
 */
public record Priority(
        int score,
        int missedCalls,
        int bursts,
        Duration waiting,
        boolean overdue,
        Duration overdueBy,
        int failedAttempts) {

    /** Calls this close to the one before belong to its burst. */
    public static final Duration BURST_GAP = Duration.ofHours(1);

    static final int BURST_POINTS = 100;
    static final int REPEAT_POINTS = 20;
    static final int OVERDUE_POINTS = 200;
    static final int FAILED_ATTEMPT_POINTS = 30;
    static final long HOURS_CAP = 168;

    public Priority {
        Objects.requireNonNull(waiting, "waiting");
        Objects.requireNonNull(overdueBy, "overdueBy");
    }

    /** The priority of a row as of the report that made it. */
    public static Priority of(UnprocessedRow row) {
        List<MissedCall> calls = row.calls();
        int bursts = 1;
        for (int i = 1; i < calls.size(); i++) {
            Duration gap =
                    Duration.between(calls.get(i - 1).startedAt(), calls.get(i).startedAt());
            if (gap.compareTo(BURST_GAP) > 0) {
                bursts++;
            }
        }
        int failed = 0;
        for (CallbackAttempt attempt : row.callbackAttempts()) {
            if (!attempt.reached()) {
                failed++;
            }
        }
        Duration overdueBy = row.overdueBy();
        long points = (long) BURST_POINTS * bursts
                + (long) REPEAT_POINTS * (calls.size() - bursts)
                + Math.min(Math.max(0, row.waiting().toHours()), HOURS_CAP)
                + (row.overdue() ? OVERDUE_POINTS + Math.min(overdueBy.toHours(), HOURS_CAP) : 0)
                - (long) FAILED_ATTEMPT_POINTS * failed;
        int score = (int) Math.max(0, Math.min(Integer.MAX_VALUE, points));
        return new Priority(score, calls.size(), bursts, row.waiting(), row.overdue(), overdueBy, failed);
    }

    /** The score's parts in words, for a tooltip or a log. */
    public String explain() {
        StringBuilder text = new StringBuilder();
        text.append(bursts)
                .append(bursts == 1 ? " burst" : " bursts")
                .append(" × ")
                .append(BURST_POINTS);
        if (missedCalls > bursts) {
            text.append(" + ")
                    .append(missedCalls - bursts)
                    .append(" more calls × ")
                    .append(REPEAT_POINTS);
        }
        text.append(" + ")
                .append(Math.min(Math.max(0, waiting.toHours()), HOURS_CAP))
                .append(" h waiting");
        if (overdue) {
            text.append(" + overdue ")
                    .append(OVERDUE_POINTS)
                    .append(" + ")
                    .append(Math.min(overdueBy.toHours(), HOURS_CAP))
                    .append(" h overdue");
        }
        if (failedAttempts > 0) {
            text.append(" − ")
                    .append(failedAttempts)
                    .append(failedAttempts == 1 ? " failed attempt × " : " failed attempts × ")
                    .append(FAILED_ATTEMPT_POINTS);
        }
        return text.append(" = ").append(score).toString();
    }
}
