package io.github.missedcalls.examples.bench;

import io.github.missedcalls.CallRecord;
import io.github.missedcalls.Rejection;
import io.github.missedcalls.spi.CallSource;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Records already in memory, declaring what a database with a primary key would: unique ids,
 * and start order when the benchmark says so. Benchmarks use it so that neither a database nor a
 * file is measured.
 *
 * @param calls the records, delivered as they are
 * @param inStartOrder whether they are in start order (the report then streams them)
 */
public record MemoryCallSource(List<CallRecord> calls, boolean inStartOrder) implements CallSource {

    public MemoryCallSource {
        Objects.requireNonNull(calls, "calls");
    }

    @Override
    public Stream<CallRecord> calls(
            String project, Instant startedFrom, Instant startedUntil, Consumer<Rejection> rejections) {
        return calls.stream();
    }

    @Override
    public boolean deliversInStartOrder() {
        return inStartOrder;
    }

    @Override
    public boolean idsAreUnique() {
        return true;
    }
}
