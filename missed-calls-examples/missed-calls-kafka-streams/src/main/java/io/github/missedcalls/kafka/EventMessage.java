package io.github.missedcalls.kafka;

import io.github.missedcalls.ProcessedRow;
import io.github.missedcalls.UnprocessedRow;
import io.github.missedcalls.live.TrackerEvent;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A {@link TrackerEvent} as the events topic carries it, keyed by {@link ClientKey}.
 *
 * <pre>{@code
 * {"project": "acme", "client": "+380501110001", "type": "opened",
 *  "unprocessed": {"client": "+380501110001", "calls": [...], "callback_attempts": [], "waiting": "PT0S"}}
 * }</pre>
 *
 * @param project the project
 * @param client the normalized client number
 * @param type what happened
 * @param unprocessed the open group, for events about it
 * @param processed the resolved group, for {@code resolved}, {@code retracted} and a revised resolution
 */
public record EventMessage(
        String project,
        String client,
        TrackerEvent.Type type,
        @Nullable UnprocessedRow unprocessed,
        @Nullable ProcessedRow processed) {

    public EventMessage {
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(type, "type");
        if ((unprocessed == null) == (processed == null)) {
            throw new IllegalArgumentException("an event carries one row");
        }
    }

    /** The message of an event of a project's client. */
    public static EventMessage of(String project, TrackerEvent event) {
        return event.row() instanceof UnprocessedRow open
                ? new EventMessage(project, event.client(), event.type(), open, null)
                : new EventMessage(project, event.client(), event.type(), null, (ProcessedRow) event.row());
    }

    /** The event again. */
    public TrackerEvent event() {
        return new TrackerEvent(type, unprocessed != null ? unprocessed : Objects.requireNonNull(processed));
    }
}
