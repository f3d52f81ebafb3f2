package io.github.missedcalls;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What {@link MissedCalls#handle} did: either it stored a handle, or the client had nothing open
 * to handle and nothing was stored. A caller that shows a manager the outcome tells the two
 * apart; an empty value would not say which of "no such client", "already resolved" and "a
 * moment too late" it was.
 */
public sealed interface HandleResult permits HandleResult.Handled, HandleResult.NothingOpen {

    /** The stored handle, or empty when nothing was open. */
    Optional<Handle> stored();

    /**
     * The handle was stored: it covers the client's open group up to its last missed call.
     *
     * @param handle the handle as stored, its client number normalized
     */
    record Handled(Handle handle) implements HandleResult {

        /** @throws NullPointerException if handle is {@code null} */
        public Handled {
            Objects.requireNonNull(handle, "handle");
        }

        @Override
        public Optional<Handle> stored() {
            return Optional.of(handle);
        }
    }

    /**
     * The client had no unprocessed group in the window, so nothing was stored.
     *
     * @param client the client number, normalized
     * @param from the start of the window that was looked at
     * @param to the end of that window
     * @param lastResolved the client's latest processed group in that window, if any: how and by
     *     whom the calls were resolved (a colleague's callback, or a handle a moment ago);
     *     {@code null} when the client has no missed call in the window at all
     */
    record NothingOpen(
            String client,
            Instant from,
            Instant to,
            @Nullable ProcessedRow lastResolved) implements HandleResult {

        /** @throws NullPointerException if client, from or to is {@code null} */
        public NothingOpen {
            Objects.requireNonNull(client, "client");
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
        }

        @Override
        public Optional<Handle> stored() {
            return Optional.empty();
        }
    }
}
