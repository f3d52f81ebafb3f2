package io.github.missedcalls;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How and when a group was resolved (R6).
 *
 * @param kind called back, client got through, or handled
 * @param resolvedAt the start of the resolving call, or the handle's instant
 * @param resolvedBy the employee on the resolving call, or the handle's actor; {@code null} when unknown
 * @param handleReason for {@link ResolutionKind#HANDLED}: the handle's reason
 * @param note for {@link ResolutionKind#HANDLED}: the handle's note
 * @param callId for a resolution by a call: that call's id
 */
public record Resolution(
        ResolutionKind kind,
        Instant resolvedAt,
        @Nullable String resolvedBy,
        @Nullable HandleReason handleReason,
        @Nullable String note,
        @Nullable String callId) {

    /**
     * @throws NullPointerException if kind or resolvedAt is {@code null}, or a handle resolution has no reason
     */
    public Resolution {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(resolvedAt, "resolvedAt");
        if (kind == ResolutionKind.HANDLED) {
            Objects.requireNonNull(handleReason, "handleReason");
        }
    }
}
