package io.github.missedcalls;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A manager-initiated call to the client that counts for a group (R7), answered or not.
 *
 * @param id the call record's id
 * @param startedAt when it started
 * @param employee who dialled, if the source says
 * @param reached whether it reached the client (and so resolved the group)
 */
public record CallbackAttempt(
        String id, Instant startedAt, @Nullable String employee, boolean reached) {

    public CallbackAttempt {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(startedAt, "startedAt");
    }
}
