package io.github.missedcalls;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A group not resolved as of the report's as-of instant (R7, R8).
 *
 * @param client the normalized client number
 * @param calls the missed calls, in start order; not empty
 * @param callbackAttempts the callback attempts that count for the group
 * @param waiting as-of minus the first missed call's start
 */
public record UnprocessedRow(
        String client, List<MissedCall> calls, List<CallbackAttempt> callbackAttempts, Duration waiting)
        implements ReportRow {

    /**
     * @throws NullPointerException if a value is {@code null}
     * @throws IllegalArgumentException if there are no calls
     */
    public UnprocessedRow {
        Objects.requireNonNull(client, "client");
        calls = List.copyOf(calls);
        callbackAttempts = List.copyOf(callbackAttempts);
        Objects.requireNonNull(waiting, "waiting");
        if (calls.isEmpty()) {
            throw new IllegalArgumentException("a row has at least one missed call");
        }
    }
}
