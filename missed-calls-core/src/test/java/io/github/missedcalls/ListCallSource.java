package io.github.missedcalls;

import io.github.missedcalls.spi.CallSource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * A source that delivers a fixed list, with the capability claims a test chooses. Unless it
 * filters, it delivers every call, whatever the range, as a file does.
 */
final class ListCallSource implements CallSource {

    private final List<CallRecord> calls;
    private final boolean inStartOrder;
    private final boolean uniqueIds;
    private final boolean filters;

    private ListCallSource(List<CallRecord> calls, boolean inStartOrder, boolean uniqueIds, boolean filters) {
        this.calls = List.copyOf(calls);
        this.inStartOrder = inStartOrder;
        this.uniqueIds = uniqueIds;
        this.filters = filters;
    }

    /** Every call, in the order given, claiming nothing. */
    static ListCallSource everything(List<CallRecord> calls) {
        return new ListCallSource(calls, false, false, false);
    }

    /** Every call, in the order given, claiming unique ids (the caller makes sure they are). */
    static ListCallSource withUniqueIds(List<CallRecord> calls) {
        return new ListCallSource(calls, false, true, false);
    }

    /** Every call, ordered by start with ties in an order {@code seed} picks, claiming start order. */
    static ListCallSource inStartOrder(List<CallRecord> calls, long seed, boolean uniqueIds) {
        List<CallRecord> sorted = new ArrayList<>(calls);
        Collections.shuffle(sorted, new Random(seed));
        sorted.sort(Comparator.comparing(CallRecord::startedAt));
        return new ListCallSource(sorted, true, uniqueIds, false);
    }

    /** Only the calls of the range asked for, in the order given. */
    static ListCallSource filtering(List<CallRecord> calls) {
        return new ListCallSource(calls, false, false, true);
    }

    @Override
    public Stream<CallRecord> calls(
            String project, Instant startedFrom, Instant startedUntil, Consumer<Rejection> rejections) {
        return calls.stream()
                .filter(call -> !filters
                        || (!call.startedAt().isBefore(startedFrom)
                                && !call.startedAt().isAfter(startedUntil)));
    }

    @Override
    public boolean deliversInStartOrder() {
        return inStartOrder;
    }

    @Override
    public boolean idsAreUnique() {
        return uniqueIds;
    }
}
