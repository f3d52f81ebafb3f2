package com.example.crm;

import io.github.missedcalls.Handle;
import io.github.missedcalls.HandleConflictException;
import io.github.missedcalls.spi.HandleStore;
import io.github.missedcalls.spi.SaveOutcome;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The smallest store a CRM developer might write first: a list per project behind one lock. */
final class ToyHandleStore implements HandleStore {

    private final Map<String, List<Handle>> byProject = new HashMap<>();

    @Override
    public synchronized SaveOutcome save(String project, Handle handle) {
        List<Handle> handles = byProject.computeIfAbsent(project, p -> new ArrayList<>());
        for (Handle stored : handles) {
            if (stored.sameKey(handle)) {
                if (stored.equals(handle)) {
                    return SaveOutcome.ALREADY_STORED;
                }
                throw new HandleConflictException(stored, handle);
            }
        }
        handles.add(handle);
        return SaveOutcome.STORED;
    }

    @Override
    public synchronized List<Handle> handles(String project, Instant handledFrom, Instant handledUntil) {
        return byProject.getOrDefault(project, List.of()).stream()
                .filter(h -> !h.handledAt().isBefore(handledFrom) && !h.handledAt().isAfter(handledUntil))
                .sorted(Comparator.comparing(Handle::handledAt))
                .toList();
    }
}
