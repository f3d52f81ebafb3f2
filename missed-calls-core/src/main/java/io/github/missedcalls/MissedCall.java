package io.github.missedcalls;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A missed call as a row shows it (R7).
 *
 * @param id the call record's id
 * @param startedAt when it started
 * @param reason why it was missed (R9)
 * @param line the company number involved
 * @param employee the employee the source named, if any
 */
public record MissedCall(
        String id,
        Instant startedAt,
        MissedReason reason,
        @Nullable String line,
        @Nullable String employee) {

    public MissedCall {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(reason, "reason");
    }
}
