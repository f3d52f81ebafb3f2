package io.github.missedcalls.examples.jmh;

import io.github.missedcalls.CallRecord;
import io.github.missedcalls.MissedCalls;
import io.github.missedcalls.ReportListener;
import io.github.missedcalls.examples.bench.MemoryCallSource;
import io.github.missedcalls.generator.MonthGenerator;
import io.github.missedcalls.inmemory.InMemoryHandleStore;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * The resolver's calls per second of the reporting thread's CPU time, beside wall-clock time: on a
 * machine shared with other builds, wall-clock throughput measures the machine's load as much as
 * the code, and CPU time tells what one free core would do. Garbage collection runs on other
 * threads; its pause time is printed apart.
 *
 * <pre>{@code
 * java -Xmx6g -cp missed-calls-examples/target/benchmarks.jar \
 *     io.github.missedcalls.examples.jmh.ResolverCpuTime [calls] [rounds] [start-order|shuffled]
 * }</pre>
 */
public final class ResolverCpuTime {

    private ResolverCpuTime() {}

    public static void main(String[] args) {
        long target = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        MonthGenerator generator = GeneratedMonth.generator(target);
        InMemoryHandleStore handles = new InMemoryHandleStore();
        List<CallRecord> month = GeneratedMonth.calls(generator, handles);
        List<CallRecord> shuffled = new ArrayList<>(month);
        Collections.shuffle(shuffled, new Random(7));
        System.out.printf(
                Locale.ROOT,
                "%,d calls; Java %s; load average %.2f%n",
                month.size(),
                Runtime.version(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        String only = args.length > 2 ? args[2] : "";
        if (!only.equals("shuffled")) {
            run("start-order", month, true, handles, generator, rounds);
        }
        if (!only.equals("start-order")) {
            run("shuffled", shuffled, false, handles, generator, rounds);
        }
    }

    private static void run(
            String name,
            List<CallRecord> calls,
            boolean inStartOrder,
            InMemoryHandleStore handles,
            MonthGenerator generator,
            int rounds) {
        MissedCalls missedCalls = MissedCalls.builder()
                .callSource(new MemoryCallSource(calls, inStartOrder))
                .handleStore(handles)
                .settings(GeneratedMonth.settings(generator))
                .build();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double bestCpu = 0;
        double bestWall = 0;
        for (int round = 1; round <= rounds; round++) {
            long gcBefore = gcMillis();
            long cpu = threads.getCurrentThreadCpuTime();
            long wall = System.nanoTime();
            missedCalls.report(GeneratedMonth.QUERY, new ReportListener() {});
            double wallSeconds = (System.nanoTime() - wall) / 1e9;
            double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpu) / 1e9;
            bestCpu = Math.max(bestCpu, calls.size() / cpuSeconds);
            bestWall = Math.max(bestWall, calls.size() / wallSeconds);
            System.out.printf(
                    Locale.ROOT,
                    "%-12s round %2d: wall %6.3f s, cpu %6.3f s, gc pauses %5d ms: %,12.0f calls/s wall, %,12.0f calls/cpu-s%n",
                    name,
                    round,
                    wallSeconds,
                    cpuSeconds,
                    gcMillis() - gcBefore,
                    calls.size() / wallSeconds,
                    calls.size() / cpuSeconds);
        }
        System.out.printf(
                Locale.ROOT, "%-12s best: %,.0f calls/s wall, %,.0f calls per CPU second%n", name, bestWall, bestCpu);
    }

    private static long gcMillis() {
        long total = 0;
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            total += Math.max(0, collector.getCollectionTime());
        }
        return total;
    }
}
