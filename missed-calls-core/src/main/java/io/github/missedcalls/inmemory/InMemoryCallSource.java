package io.github.missedcalls.inmemory;

import io.github.missedcalls.CallRecord;
import io.github.missedcalls.Rejection;
import io.github.missedcalls.spi.CallSource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Calls held in memory, per project, delivered in the order they were added. For tests, for
 * demos and for applications that already hold their calls.
 *
 * <p>Thread-safe: calls may be added while reports are made; a report sees the calls added
 * before its stream was opened.
 */
public final class InMemoryCallSource implements CallSource {

    private final Map<String, List<CallRecord>> callsByProject = new ConcurrentHashMap<>();

    /** Adds calls to a project. */
    public InMemoryCallSource add(String project, Collection<CallRecord> calls) {
        Objects.requireNonNull(project, "project");
        List<CallRecord> copy = List.copyOf(calls);
        callsByProject.compute(project, (p, existing) -> {
            List<CallRecord> all = existing == null ? new ArrayList<>() : new ArrayList<>(existing);
            all.addAll(copy);
            return List.copyOf(all);
        });
        return this;
    }

    /** Adds calls to a project. */
    public InMemoryCallSource add(String project, CallRecord... calls) {
        return add(project, List.of(calls));
    }

    @Override
    public Stream<CallRecord> calls(
            String project, Instant startedFrom, Instant startedUntil, Consumer<Rejection> rejections) {
        List<CallRecord> calls = callsByProject.getOrDefault(project, List.of());
        return calls.stream()
                .filter(call -> !call.startedAt().isBefore(startedFrom)
                        && !call.startedAt().isAfter(startedUntil));
    }

    @Override
    public Optional<Instant> latestStartBefore(String project, Instant before) {
        return callsByProject.getOrDefault(project, List.of()).stream()
                .map(CallRecord::startedAt)
                .filter(start -> start.isBefore(before))
                .max(Comparator.naturalOrder());
    }

    @Override
    public OptionalLong countCalls(String project, Instant startedFrom, Instant startedBefore) {
        return OptionalLong.of(callsByProject.getOrDefault(project, List.of()).stream()
                .filter(call -> !call.startedAt().isBefore(startedFrom)
                        && call.startedAt().isBefore(startedBefore))
                .count());
    }
}
