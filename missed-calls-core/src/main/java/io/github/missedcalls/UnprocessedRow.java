package io.github.missedcalls;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A group not resolved as of the report's as-of instant (R7, R8).
 *
 * @param client the normalized client number
 * @param calls the missed calls, in start order; not empty
 * @param callbackAttempts the callback attempts that count for the group
 * @param waiting as-of minus the first missed call's start
 * @param due when the group should have been called back by (R14); {@code null} without a deadline
 * @param owner who is expected to call back (R16); {@code null} for nobody
 */
public record UnprocessedRow(
        String client,
        List<MissedCall> calls,
        List<CallbackAttempt> callbackAttempts,
        Duration waiting,
        @Nullable Instant due,
        @Nullable String owner)
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

    /** A row without a deadline or an owner, as R1 to R13 make it. */
    public UnprocessedRow(
            String client, List<MissedCall> calls, List<CallbackAttempt> callbackAttempts, Duration waiting) {
        this(client, calls, callbackAttempts, waiting, null, null);
    }

    /** The report's as-of: the first missed call's start plus {@link #waiting()}. */
    public Instant asOf() {
        return firstMissedAt().plus(waiting);
    }

    /** Whether as-of is at or after {@link #due()} (R14); never without a deadline. */
    public boolean overdue() {
        return due != null && !asOf().isBefore(due);
    }

    /** How long past due the row is as of the report; zero when not {@linkplain #overdue() overdue}. */
    public Duration overdueBy() {
        return due != null && overdue() ? Duration.between(due, asOf()) : Duration.ZERO;
    }

    /** How urgently to call back, with its parts (R15). */
    public Priority priority() {
        return Priority.of(this);
    }

    /** The same row with another owner. */
    public UnprocessedRow withOwner(@Nullable String value) {
        return new UnprocessedRow(client, calls, callbackAttempts, waiting, due, value);
    }
}
