package io.github.missedcalls.examples.jmh;

import io.github.missedcalls.CallRecord;
import io.github.missedcalls.MissedCalls;
import io.github.missedcalls.ProcessedRow;
import io.github.missedcalls.ReportListener;
import io.github.missedcalls.ReportSummary;
import io.github.missedcalls.UnprocessedRow;
import io.github.missedcalls.examples.bench.MemoryCallSource;
import io.github.missedcalls.generator.MonthGenerator;
import io.github.missedcalls.inmemory.InMemoryHandleStore;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * One month's report, start to end, from calls already in memory: validation, normalization,
 * classification and resolution, streamed to a listener that keeps nothing. The month is
 * generated once per trial, so generation is never measured.
 *
 * <p>One operation is one report; the {@code calls} counter is calls per second.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
// Ten million generated records take about 3 GB; the shuffled run holds as much again while it sorts.
// Pre-touched: on a VM, first touches of the heap's pages otherwise cost a third of the thread's CPU in the kernel.
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms6g", "-Xmx6g", "-XX:+AlwaysPreTouch"})
@State(Scope.Benchmark)
public class ResolverBenchmark {

    /** Calls in the month. */
    @Param({"100000", "1000000", "10000000"})
    public int calls;

    /**
     * {@code start-order}: a source that delivers in start order (the streaming path);
     * {@code shuffled}: the same calls in random order (held and sorted).
     */
    @Param({"start-order", "shuffled"})
    public String order = "start-order";

    private MissedCalls missedCalls = MissedCalls.builder()
            .callSource(new MemoryCallSource(List.of(), true))
            .handleStore(new InMemoryHandleStore())
            .build();
    private int delivered;

    @Setup(Level.Trial)
    public void generate() {
        MonthGenerator generator = GeneratedMonth.generator(calls);
        InMemoryHandleStore handles = new InMemoryHandleStore();
        List<CallRecord> month = GeneratedMonth.calls(generator, handles);
        boolean inStartOrder = order.equals("start-order");
        if (!inStartOrder) {
            month = new ArrayList<>(month);
            Collections.shuffle(month, new Random(7));
        }
        delivered = month.size();
        missedCalls = MissedCalls.builder()
                .callSource(new MemoryCallSource(month, inStartOrder))
                .handleStore(handles)
                .settings(GeneratedMonth.settings(generator))
                .build();
    }

    @Benchmark
    public ReportSummary report(CallCounter counter, Blackhole blackhole) {
        counter.calls += delivered;
        return missedCalls.report(GeneratedMonth.QUERY, new ReportListener() {
            @Override
            public void processed(ProcessedRow row) {
                blackhole.consume(row);
            }

            @Override
            public void unprocessed(UnprocessedRow row) {
                blackhole.consume(row);
            }
        });
    }
}
