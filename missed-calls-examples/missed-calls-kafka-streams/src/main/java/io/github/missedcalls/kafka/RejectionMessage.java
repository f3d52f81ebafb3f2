package io.github.missedcalls.kafka;

import io.github.missedcalls.Rejection;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A record or handle the topology did not use, and why (R2), as the rejections topic carries
 * it, keyed by project: nothing is dropped silently.
 *
 * @param project the project; {@code null} when the message had no key
 * @param kind a call or a handle
 * @param id the call's id, where known
 * @param reason why, in words a person reads
 */
public record RejectionMessage(
        @Nullable String project,
        Rejection.Kind kind,
        @Nullable String id,
        String reason) {

    public RejectionMessage {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(reason, "reason");
    }

    static RejectionMessage of(@Nullable String project, Rejection rejection) {
        return new RejectionMessage(project, rejection.kind(), rejection.id(), rejection.reason());
    }
}
