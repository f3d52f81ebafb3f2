package io.github.missedcalls;

import io.github.missedcalls.spi.CallSource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * What a refresh needs of a source, over a list a test may add to: calls of the range asked for,
 * in start order, ids unique (the test makes sure), counted where {@link #counts} says so; rows
 * with an {@link #UNREADABLE} id are rejected, as a table's unreadable rows are. It remembers
 * where its last read began.
 */
final class CountingCallSource implements CallSource {

    /** Calls whose id starts so are rows the source rejects instead of delivering. */
    static final String UNREADABLE = "unreadable-";

    private final List<CallRecord> calls = new ArrayList<>();
    boolean counts = true;
    Instant lastReadFrom = Instant.MIN;

    CountingCallSource(Collection<CallRecord> initial) {
        calls.addAll(initial);
    }

    void add(CallRecord call) {
        calls.add(call);
    }

    @Override
    public Stream<CallRecord> calls(
            String project, Instant startedFrom, Instant startedUntil, Consumer<Rejection> rejections) {
        lastReadFrom = startedFrom;
        return calls.stream()
                .sorted(Comparator.comparing(CallRecord::startedAt))
                .filter(c ->
                        !c.startedAt().isBefore(startedFrom) && !c.startedAt().isAfter(startedUntil))
                .flatMap(c -> {
                    if (c.id().startsWith(UNREADABLE)) {
                        // A row the source cannot read, rejected where it comes in start order, as a table's would be.
                        rejections.accept(Rejection.ofCall(c.id(), null, "unreadable row"));
                        return Stream.empty();
                    }
                    return Stream.of(c);
                });
    }

    @Override
    public boolean deliversInStartOrder() {
        return true;
    }

    @Override
    public boolean idsAreUnique() {
        return true;
    }

    @Override
    public OptionalLong countCalls(String project, Instant startedFrom, Instant startedBefore) {
        return counts
                ? OptionalLong.of(calls.stream()
                        .filter(c -> !c.startedAt().isBefore(startedFrom)
                                && c.startedAt().isBefore(startedBefore))
                        .count())
                : OptionalLong.empty();
    }
}
