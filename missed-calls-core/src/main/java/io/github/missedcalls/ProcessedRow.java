package io.github.missedcalls;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A group resolved as of the report's as-of instant (R6, R7, R8).
 *
 * @param client the normalized client number
 * @param calls the missed calls, in start order; not empty
 * @param callbackAttempts the callback attempts that count for the group, the resolving callback included
 * @param resolution how and when it was resolved
 * @param due when the group should have been called back by (R14); {@code null} without a deadline
 * @param owner who was expected to call back when it was resolved (R16); {@code null} for nobody
 */
public record ProcessedRow(
        String client,
        List<MissedCall> calls,
        List<CallbackAttempt> callbackAttempts,
        Resolution resolution,
        @Nullable Instant due,
        @Nullable String owner)
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

    /** A row without a deadline or an owner, as R1 to R13 make it. */
    public ProcessedRow(
            String client, List<MissedCall> calls, List<CallbackAttempt> callbackAttempts, Resolution resolution) {
        this(client, calls, callbackAttempts, resolution, null, null);
    }

    /** Whether the group was resolved by its due (R14): at due is on time. */
    public Timeliness timeliness() {
        if (due == null) {
            return Timeliness.NO_DEADLINE;
        }
        return resolution.resolvedAt().isAfter(due) ? Timeliness.LATE : Timeliness.ON_TIME;
    }

    /** Resolution instant minus the first missed call's start. */
    public Duration timeToResolution() {
        return Duration.between(firstMissedAt(), resolution.resolvedAt());
    }
}
