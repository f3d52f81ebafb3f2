package io.github.missedcalls;

import io.github.missedcalls.spi.HandleStore;
import io.github.missedcalls.spi.SaveOutcome;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A store that lists every handle it was given, repeats included and whatever the range, ordered
 * by instant: what a file of handles delivers. The report must cope with it on its own.
 */
final class ListHandleStore implements HandleStore {

    private final List<Handle> handles = new ArrayList<>();

    ListHandleStore(List<Handle> handles) {
        this.handles.addAll(handles);
    }

    @Override
    public SaveOutcome save(String project, Handle handle) {
        handles.add(handle);
        return SaveOutcome.STORED;
    }

    @Override
    public List<Handle> handles(String project, Instant handledFrom, Instant handledUntil) {
        List<Handle> sorted = new ArrayList<>(handles);
        sorted.sort(Comparator.comparing(Handle::handledAt));
        return sorted;
    }
}
