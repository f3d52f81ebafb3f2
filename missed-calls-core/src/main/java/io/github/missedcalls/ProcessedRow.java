package io.github.missedcalls;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A group resolved as of the report's as-of instant (R6, R7, R8).
 *
 * @param client the normalized client number
 * @param calls the missed calls, in start order; not empty
 * @param callbackAttempts the callback attempts that count for the group, the resolving callback included
 * @param resolution how and when it was resolved
 */
public record ProcessedRow(
        String client, List<MissedCall> calls, List<CallbackAttempt> callbackAttempts, Resolution resolution)
        implements ReportRow {

    /**
     * @throws NullPointerException if a value is {@code null}
     * @throws IllegalArgumentException if there are no calls
     */
    public ProcessedRow {
        Objects.requireNonNull(client, "client");
        calls = List.copyOf(calls);
        callbackAttempts = List.copyOf(callbackAttempts);
        Objects.requireNonNull(resolution, "resolution");
        if (calls.isEmpty()) {
            throw new IllegalArgumentException("a row has at least one missed call");
        }
    }

    /** Resolution instant minus the first missed call's start. */
    public Duration timeToResolution() {
        return Duration.between(firstMissedAt(), resolution.resolvedAt());
    }
}
