package io.github.missedcalls;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A group of one client's missed calls, as either tab shows it (R7).
 *
 * <p>{@link #calls()} are the group's missed calls in the order of R5, never empty;
 * {@link #callbackAttempts()} are the manager-initiated calls that count for the group.
 */
public sealed interface ReportRow permits UnprocessedRow, ProcessedRow {

    /** The normalized client number (R3). */
    String client();

    /** The group's missed calls in start order; never empty. */
    List<MissedCall> calls();

    /** The callback attempts that count for this group (R7), in start order. */
    List<CallbackAttempt> callbackAttempts();

    /** The first missed call's start. */
    default Instant firstMissedAt() {
        return calls().get(0).startedAt();
    }

    /** The last missed call's start. */
    default Instant lastMissedAt() {
        return calls().get(calls().size() - 1).startedAt();
    }

    /** Last minus first missed call start; zero for a single call. */
    default Duration lostFor() {
        return Duration.between(firstMissedAt(), lastMissedAt());
    }

    /** How many missed calls the group has. */
    default int missed() {
        return calls().size();
    }

    /** How many callback attempts count for the group. */
    default int attempts() {
        return callbackAttempts().size();
    }

    /** The reason of the last missed call. */
    default MissedReason reason() {
        return calls().get(calls().size() - 1).reason();
    }

    /** The reasons of all the group's calls, in start order. */
    default List<MissedReason> reasons() {
        List<MissedReason> reasons = new ArrayList<>(calls().size());
        for (MissedCall call : calls()) {
            reasons.add(call.reason());
        }
        return reasons;
    }

    /** The company lines the client called, in order of first appearance. */
    default Set<String> lines() {
        Set<String> lines = new LinkedHashSet<>();
        for (MissedCall call : calls()) {
            if (call.line() != null) {
                lines.add(call.line());
            }
        }
        return lines;
    }

    /**
     * The employees involved, in order of first appearance: those the missed calls name, then
     * those who made the callback attempts.
     */
    default Set<String> employees() {
        Set<String> employees = new LinkedHashSet<>();
        for (MissedCall call : calls()) {
            if (call.employee() != null) {
                employees.add(call.employee());
            }
        }
        for (CallbackAttempt attempt : callbackAttempts()) {
            if (attempt.employee() != null) {
                employees.add(attempt.employee());
            }
        }
        return employees;
    }
}
