package io.github.missedcalls.kafka;

import io.github.missedcalls.Handle;
import io.github.missedcalls.HandleReason;
import org.jspecify.annotations.Nullable;

/**
 * A manual handle (R11) as the handles topic carries it: the handles file's columns
 * ({@code docs/call-log-csv.md}) as a JSON object, every value as text.
 *
 * <pre>{@code
 * {"client": "+380501110001", "covers_until": "2026-11-02T09:15:03+02:00", "reason": "spam",
 *  "actor": "anna", "handled_at": "2026-11-02T10:00:00+02:00"}
 * }</pre>
 */
record HandleMessage(
        @Nullable String client,
        @Nullable String coversUntil,
        @Nullable String reason,
        @Nullable String note,
        @Nullable String actor,
        @Nullable String handledAt) {

    /** The message of a handle, for producers and tests. */
    static HandleMessage of(Handle handle) {
        return new HandleMessage(
                handle.client(),
                handle.coversUntil().toString(),
                handle.reason().token(),
                handle.note(),
                handle.actor(),
                handle.handledAt().toString());
    }

    /**
     * The handle this message describes, checked as the handles file's rows are (R2, R11).
     *
     * @throws IllegalArgumentException with the reason to reject it
     */
    Handle toHandle() {
        String number = CallMessage.present(client);
        if (number == null) {
            throw new IllegalArgumentException("no client");
        }
        String who = CallMessage.present(actor);
        if (who == null) {
            throw new IllegalArgumentException("no actor");
        }
        return new Handle(
                number,
                CallMessage.instant("handled_at", handledAt),
                CallMessage.instant("covers_until", coversUntil),
                CallMessage.word("reason", reason, HandleReason::fromToken),
                CallMessage.present(note),
                who);
    }
}
