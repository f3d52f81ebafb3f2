package io.github.missedcalls.examples.jmh;

import io.github.missedcalls.CallRecord;
import io.github.missedcalls.Handle;
import io.github.missedcalls.MissedCalls;
import io.github.missedcalls.ProcessedRow;
import io.github.missedcalls.Rejection;
import io.github.missedcalls.ReportListener;
import io.github.missedcalls.ReportSummary;
import io.github.missedcalls.UnprocessedRow;
import io.github.missedcalls.generator.MonthGenerator;
import io.github.missedcalls.inmemory.InMemoryHandleStore;
import io.github.missedcalls.spi.CallSource;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.Locale;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Shows that a streamed report's memory follows the clients with an open group, not the calls:
 * a month of generated calls goes straight from the generator through
 * {@link MissedCalls#report(io.github.missedcalls.ReportQuery, ReportListener)}, never held, with
 * a source that declares start order and unique ids. Every tenth of the calls it collects the
 * garbage and prints the heap still in use. With a second argument {@code generator-only} it
 * reads the generator the same way without making a report, to show what of that heap is the
 * generator's.
 *
 * <pre>{@code
 * java -Xmx256m -cp missed-calls-examples/target/benchmarks.jar \
 *     io.github.missedcalls.examples.jmh.StreamingHeap 10000000
 * }</pre>
 */
public final class StreamingHeap {

    private StreamingHeap() {}

    /** Pushes the generator's calls into the report as they are made. */
    private record GeneratingSource(MonthGenerator generator, long checkpoint) implements CallSource {
        @Override
        public Stream<CallRecord> calls(
                String project, Instant startedFrom, Instant startedUntil, Consumer<Rejection> rejections) {
            Spliterator<CallRecord> pushed =
                    new Spliterators.AbstractSpliterator<>(Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL) {
                        private boolean done;

                        @Override
                        public boolean tryAdvance(Consumer<? super CallRecord> action) {
                            // The report reads a source with forEach; pulling one record at a time would need the
                            // generator on its own thread.
                            throw new UnsupportedOperationException("this source is read with forEach only");
                        }

                        @Override
                        public void forEachRemaining(Consumer<? super CallRecord> action) {
                            if (done) {
                                return;
                            }
                            done = true;
                            long[] seen = {0};
                            generator.generate(call -> {
                                action.accept(call);
                                if (++seen[0] % checkpoint == 0) {
                                    printHeap(seen[0] + " calls");
                                }
                            });
                        }
                    };
            return StreamSupport.stream(pushed, false);
        }

        @Override
        public boolean deliversInStartOrder() {
            return true;
        }

        @Override
        public boolean idsAreUnique() {
            return true;
        }
    }

    public static void main(String[] args) {
        long target = args.length > 0 ? Long.parseLong(args[0]) : 10_000_000;
        long checkpoint = Math.max(1, target / 10);
        MonthGenerator generator = GeneratedMonth.generator(target);
        InMemoryHandleStore handles = new InMemoryHandleStore();
        generator.generate(new MonthGenerator.Sink() {
            @Override
            public void call(CallRecord call) {}

            @Override
            public void handle(Handle handle) {
                handles.save(GeneratedMonth.PROJECT, handle);
            }
        });
        System.out.printf(
                Locale.ROOT,
                "about %,d calls, %,d handles; Java %s, max heap %,d MB%n",
                target,
                handles.handles(GeneratedMonth.PROJECT, Instant.MIN, Instant.MAX)
                        .size(),
                Runtime.version(),
                Runtime.getRuntime().maxMemory() >> 20);
        printHeap("before the report");
        if (args.length > 1 && args[1].equals("generator-only")) {
            generatorOnly(generator, checkpoint);
            return;
        }
        long[] rows = {0, 0};
        long started = System.nanoTime();
        ReportSummary summary = MissedCalls.builder()
                .callSource(new GeneratingSource(generator, checkpoint))
                .handleStore(handles)
                .settings(GeneratedMonth.settings(generator))
                .build()
                .report(GeneratedMonth.QUERY, new ReportListener() {
                    @Override
                    public void processed(ProcessedRow row) {
                        rows[0]++;
                    }

                    @Override
                    public void unprocessed(UnprocessedRow row) {
                        rows[1]++;
                    }
                });
        double seconds = (System.nanoTime() - started) / 1e9;
        printHeap("after the report");
        System.out.printf(
                Locale.ROOT,
                "%,d processed and %,d unprocessed rows (summary: %,d / %,d) in %.1f s, generation included%n",
                rows[0],
                rows[1],
                summary.processedRows(),
                summary.unprocessedRows(),
                seconds);
    }

    /**
     * The generator alone, read the same way without a report: what of the heap above is the
     * generator's (it holds up to a day of calls to emit them in start order) and the handles'.
     */
    private static void generatorOnly(MonthGenerator generator, long checkpoint) {
        try (Stream<CallRecord> calls = new GeneratingSource(generator, checkpoint)
                .calls(GeneratedMonth.PROJECT, Instant.MIN, Instant.MAX, rejection -> {})) {
            calls.forEach(call -> {});
        }
        printHeap("after the generator");
    }

    private static void printHeap(String when) {
        System.gc();
        long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        System.out.printf(Locale.ROOT, "heap in use after a collection, %s: %,d MB%n", when, used >> 20);
    }
}
