package io.github.missedcalls.kafka;

import io.github.missedcalls.ProcessedRow;
import io.github.missedcalls.UnprocessedRow;
import io.github.missedcalls.live.TrackerEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Folds the events topic into both tabs as docs/kafka.md tells a consumer to, and checks every
 * event against the state before it.
 *
 * <p>A fold that only puts and removes rows forgives an event told twice: the second put changes
 * nothing. This one does not. An {@code opened} for a client with an open group, a {@code grew}
 * that adds no call, an {@code attempted} that adds no attempt, a {@code resolved} of a row already
 * resolved, a {@code retracted} or revised resolution of a row never told: each is a violation,
 * and each is what a redelivered or lost event looks like. Events of one client come in the order
 * they were told, because the events topic is keyed by client.
 */
final class EventFold {

    private final Map<String, UnprocessedRow> open = new HashMap<>();
    private final Map<String, ProcessedRow> processed = new HashMap<>();
    private final List<String> violations = new ArrayList<>();
    private int folded;

    void apply(EventMessage message) {
        folded++;
        String client = message.project() + "|" + message.client();
        if (message.unprocessed() != null) {
            applyOpen(client, message.type(), message.unprocessed());
        } else {
            applyResolved(client, message.type(), Objects.requireNonNull(message.processed()));
        }
    }

    private void applyOpen(String client, TrackerEvent.Type type, UnprocessedRow row) {
        UnprocessedRow before = open.put(client, row);
        switch (type) {
            case OPENED -> {
                if (before != null) {
                    violation(type, client, "the client already has an open group");
                }
            }
            case GREW -> {
                if (before == null || row.calls().size() <= before.calls().size()) {
                    violation(type, client, "no open group with fewer calls");
                }
            }
            case ATTEMPTED -> {
                if (before == null
                        || row.callbackAttempts().size()
                                <= before.callbackAttempts().size()) {
                    violation(type, client, "no open group with fewer callback attempts");
                }
            }
            case REVISED -> {
                if (before != null && sameGroup(before, row)) {
                    violation(type, client, "the revision changes nothing");
                }
            }
            default -> violation(type, client, "an event of this type carries a processed row");
        }
    }

    private void applyResolved(String client, TrackerEvent.Type type, ProcessedRow row) {
        // A revision replaces the row of the same resolution instant, whatever else it changed.
        String key = client + "|" + row.resolution().resolvedAt();
        switch (type) {
            case RESOLVED -> {
                // A late handle may resolve the first part of a group and leave the rest open.
                UnprocessedRow before = open.get(client);
                if (before != null && row.calls().containsAll(before.calls())) {
                    open.remove(client);
                }
                if (processed.put(key, row) != null) {
                    violation(type, client, "this resolution was told before");
                }
            }
            case REVISED -> {
                ProcessedRow before = processed.put(key, row);
                if (before != null && before.equals(row)) {
                    violation(type, client, "the revision changes nothing");
                }
            }
            case RETRACTED -> {
                if (processed.remove(key) == null) {
                    violation(type, client, "no such resolution was told");
                }
            }
            default -> violation(type, client, "an event of this type carries an open row");
        }
    }

    private static boolean sameGroup(UnprocessedRow a, UnprocessedRow b) {
        return a.calls().equals(b.calls()) && a.callbackAttempts().equals(b.callbackAttempts());
    }

    private void violation(TrackerEvent.Type type, String client, String what) {
        violations.add("event " + folded + ", " + type + " for " + client + ": " + what);
    }

    /** Each event that does not follow from the ones before it. */
    List<String> violations() {
        return List.copyOf(violations);
    }

    /** How many events were folded. */
    int folded() {
        return folded;
    }

    /** The open groups of a project, as the last event of each client told them. */
    List<UnprocessedRow> unprocessed(String project) {
        List<UnprocessedRow> rows = new ArrayList<>();
        open.forEach((client, row) -> {
            if (client.startsWith(project + "|")) {
                rows.add(row);
            }
        });
        return rows;
    }

    /** The processed rows of a project. */
    List<ProcessedRow> processed(String project) {
        List<ProcessedRow> rows = new ArrayList<>();
        processed.forEach((key, row) -> {
            if (key.startsWith(project + "|")) {
                rows.add(row);
            }
        });
        return rows;
    }
}
