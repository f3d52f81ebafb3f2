package io.github.missedcalls.inmemory;

import io.github.missedcalls.Assignment;
import io.github.missedcalls.AssignmentConflictException;
import io.github.missedcalls.Handle;
import io.github.missedcalls.HandleConflictException;
import io.github.missedcalls.spi.HandleStore;
import io.github.missedcalls.spi.SaveOutcome;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/** Handles held in memory. Thread-safe; nothing survives the process. */
public final class InMemoryHandleStore implements HandleStore {

    private record Key(String project, String client, Instant handledAt, String actor) {}

    private final Map<Key, Handle> handles = new ConcurrentHashMap<>();
    private final Map<Key, Assignment> assignments = new ConcurrentHashMap<>();

    @Override
    public SaveOutcome save(String project, Handle handle) {
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(handle, "handle");
        Key key = new Key(project, handle.client(), handle.handledAt(), handle.actor());
        Handle stored = handles.putIfAbsent(key, handle);
        if (stored == null) {
            return SaveOutcome.STORED;
        }
        if (stored.equals(handle)) {
            return SaveOutcome.ALREADY_STORED;
        }
        throw new HandleConflictException(stored, handle);
    }

    @Override
    public List<Handle> handles(String project, Instant handledFrom, Instant handledUntil) {
        return handles.entrySet().stream()
                .filter(entry -> entry.getKey().project().equals(project))
                .map(Map.Entry::getValue)
                .filter(h ->
                        !h.handledAt().isBefore(handledFrom) && !h.handledAt().isAfter(handledUntil))
                .sorted(Comparator.comparing(Handle::handledAt))
                .toList();
    }

    @Override
    public OptionalLong countHandles(String project, Instant handledFrom, Instant handledBefore) {
        return OptionalLong.of(handles.entrySet().stream()
                .filter(entry -> entry.getKey().project().equals(project))
                .map(Map.Entry::getValue)
                .filter(h ->
                        !h.handledAt().isBefore(handledFrom) && h.handledAt().isBefore(handledBefore))
                .count());
    }

    @Override
    public SaveOutcome assign(String project, Assignment assignment) {
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(assignment, "assignment");
        Key key = new Key(project, assignment.client(), assignment.assignedAt(), assignment.actor());
        Assignment stored = assignments.putIfAbsent(key, assignment);
        if (stored == null) {
            return SaveOutcome.STORED;
        }
        if (stored.equals(assignment)) {
            return SaveOutcome.ALREADY_STORED;
        }
        throw new AssignmentConflictException(stored, assignment);
    }

    @Override
    public List<Assignment> assignments(String project, Instant assignedFrom, Instant assignedUntil) {
        return assignments.entrySet().stream()
                .filter(entry -> entry.getKey().project().equals(project))
                .map(Map.Entry::getValue)
                .filter(a -> !a.assignedAt().isBefore(assignedFrom)
                        && !a.assignedAt().isAfter(assignedUntil))
                .sorted(Comparator.comparing(Assignment::assignedAt))
                .toList();
    }
}
