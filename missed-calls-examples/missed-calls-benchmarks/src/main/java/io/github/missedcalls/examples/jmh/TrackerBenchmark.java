package io.github.missedcalls.examples.jmh;

import io.github.missedcalls.CallRecord;
import io.github.missedcalls.ProjectSettings;
import io.github.missedcalls.generator.MonthGenerator;
import io.github.missedcalls.inmemory.InMemoryHandleStore;
import io.github.missedcalls.live.MissedCallTracker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
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
 * The live tracker fed a month one call at a time, as a webhook would: in start order, and
 * shuffled with every call delivered within the lateness bound (an hour) after it started.
 * Events go to a listener that keeps nothing. One operation is the whole month; the
 * {@code calls} counter is calls per second.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
// Pre-touched: on a VM, first touches of the heap's pages otherwise cost a third of the thread's CPU in the kernel.
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-XX:+AlwaysPreTouch"})
@State(Scope.Benchmark)
public class TrackerBenchmark {

    private static final Duration LATENESS = MissedCallTracker.DEFAULT_ALLOWED_LATENESS;

    /** Calls in the month. */
    @Param({"100000", "1000000"})
    public int calls;

    /** {@code start-order}, or {@code shuffled} within the lateness bound. */
    @Param({"start-order", "shuffled"})
    public String order = "start-order";

    private List<CallRecord> month = List.of();
    private ProjectSettings settings = ProjectSettings.defaults();

    @Setup(Level.Trial)
    public void generate() {
        MonthGenerator generator = GeneratedMonth.generator(calls);
        settings = GeneratedMonth.settings(generator);
        List<CallRecord> generated = GeneratedMonth.calls(generator, new InMemoryHandleStore());
        month = order.equals("start-order") ? generated : withinLateness(generated, new Random(7));
    }

    private static List<CallRecord> withinLateness(List<CallRecord> calls, Random random) {
        record Delivery(long at, CallRecord call) {}
        List<Delivery> deliveries = new ArrayList<>(calls.size());
        for (CallRecord call : calls) {
            deliveries.add(new Delivery(
                    call.startedAt().toEpochMilli() + (long) (random.nextDouble() * LATENESS.toMillis()), call));
        }
        deliveries.sort(Comparator.comparingLong(Delivery::at));
        return deliveries.stream().map(Delivery::call).toList();
    }

    @Benchmark
    public MissedCallTracker track(CallCounter counter, Blackhole blackhole) {
        counter.calls += month.size();
        MissedCallTracker tracker = MissedCallTracker.builder(settings)
                .allowedLateness(LATENESS)
                .trackFrom(GeneratedMonth.FROM)
                .listener(blackhole::consume)
                .build();
        for (CallRecord call : month) {
            tracker.accept(call);
        }
        return tracker;
    }
}
