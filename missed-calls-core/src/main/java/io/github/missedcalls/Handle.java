package io.github.missedcalls;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A manager's decision that a client's missed calls need nothing more (R11).
 *
 * <p>A handle resolves the client's open missed calls that started at or before
 * {@link #effectiveCoversUntil()}; later missed calls stay open as a new group. Two handles with
 * the same client, instant and actor are the same handle: a store keeps one of them
 * ({@link io.github.missedcalls.spi.HandleStore}).
 *
 * @param client the client's number; normalized when the handle is made through
 *     {@link MissedCalls#handle}, and normalized again when a report reads it
 * @param handledAt when the manager handled it
 * @param coversUntil the start of the last missed call the manager saw
 * @param reason why
 * @param note free text; required, not blank, for {@link HandleReason#OTHER}
 * @param actor who handled it
 */
public record Handle(
        String client,
        Instant handledAt,
        Instant coversUntil,
        HandleReason reason,
        @Nullable String note,
        String actor) {

    /**
     * @throws NullPointerException if a required value is {@code null}
     * @throws IllegalArgumentException if the client or actor is blank, or the reason is
     *     {@link HandleReason#OTHER} and the note is blank
     */
    public Handle {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(handledAt, "handledAt");
        Objects.requireNonNull(coversUntil, "coversUntil");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(actor, "actor");
        if (client.isBlank()) {
            throw new IllegalArgumentException("no client number");
        }
        if (actor.isBlank()) {
            throw new IllegalArgumentException("no actor");
        }
        if (reason == HandleReason.OTHER && (note == null || note.isBlank())) {
            throw new IllegalArgumentException("blank note for other");
        }
    }

    /** {@link #coversUntil()}, or {@link #handledAt()} when it is later: a handle covers nothing from its future. */
    public Instant effectiveCoversUntil() {
        return coversUntil.isAfter(handledAt) ? handledAt : coversUntil;
    }

    /** The same handle for another spelling of the client's number. */
    public Handle withClient(String newClient) {
        return new Handle(newClient, handledAt, coversUntil, reason, note, actor);
    }

    /** Whether {@code other} is the same handle by identity: same client, instant and actor. */
    public boolean sameKey(Handle other) {
        return client.equals(other.client) && handledAt.equals(other.handledAt) && actor.equals(other.actor);
    }
}
