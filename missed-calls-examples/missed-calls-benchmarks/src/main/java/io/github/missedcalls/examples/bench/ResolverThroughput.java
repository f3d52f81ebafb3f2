package io.github.missedcalls.examples.bench;

import io.github.missedcalls.CallRecord;
import io.github.missedcalls.LineRules;
import io.github.missedcalls.MissedCalls;
import io.github.missedcalls.OwnerRule;
import io.github.missedcalls.ProcessedRow;
import io.github.missedcalls.ProjectSettings;
import io.github.missedcalls.ReportListener;
import io.github.missedcalls.ReportQuery;
import io.github.missedcalls.ReportSummary;
import io.github.missedcalls.TeamFigures;
import io.github.missedcalls.UnprocessedRow;
import io.github.missedcalls.WorkflowSettings;
import io.github.missedcalls.generator.MonthGenerator;
import io.github.missedcalls.inmemory.InMemoryHandleStore;
import io.github.missedcalls.spi.CallSource;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.jspecify.annotations.Nullable;

/**
 * How many calls a second the core's resolution takes, from memory, so that neither a database
 * nor a file is measured: a generated month, delivered in start order (the streaming path) and
 * shuffled (the path that holds and sorts), several rounds each.
 *
 * <pre>{@code
 * java -cp missed-calls-examples/target/missed-calls.jar \
 *     io.github.missedcalls.examples.bench.ResolverThroughput [calls] [rounds] [both|sorted|shuffled] [plain|workflow|no-last-reached] [tally|no-tally]
 * }</pre>
 *
 * <p>{@code workflow} sets every workflow setting (R14 to R17 but groups per line: a deadline of
 * two business hours, R16's owner chain, a line's owner) and tallies the team's figures (R18) in
 * the same pass, so that what they cost is measured against {@code plain}; {@code
 * no-last-reached} leaves out the chain's first rule, the one that keeps a table of every
 * client's last successful call. The fifth argument, {@code no-tally}, leaves the team's figures
 * out, so that the rows' new fields (due, owner) are measured alone.
 */
public final class ResolverThroughput {

    private static final String PROJECT = "bench";
    private static final LocalDate FIRST_DAY = LocalDate.of(2026, 10, 27);
    private static final Instant AS_OF = Instant.parse("2026-11-27T00:00:00Z");

    private ResolverThroughput() {}

    /** Counts rows without holding them, as an export that writes as it goes would; with a tally, adds them up too. */
    private static final class Counting implements ReportListener {
        final TeamFigures.@Nullable Tally team;
        long missed;

        Counting(TeamFigures.@Nullable Tally team) {
            this.team = team;
        }

        @Override
        public void processed(ProcessedRow row) {
            missed += row.missed();
            if (team != null) {
                team.processed(row);
            }
        }

        @Override
        public void unprocessed(UnprocessedRow row) {
            missed += row.missed();
            if (team != null) {
                team.unprocessed(row);
            }
        }
    }

    public static void main(String[] args) {
        long target = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        String orders = args.length > 2 ? args[2] : "both";
        if (!List.of("both", "sorted", "shuffled").contains(orders)) {
            System.err.println("order must be both, sorted or shuffled: " + orders);
            System.exit(2);
        }
        String mode = args.length > 3 ? args[3] : "plain";
        if (!List.of("plain", "workflow", "no-last-reached").contains(mode)) {
            System.err.println("the fourth argument must be plain, workflow or no-last-reached: " + mode);
            System.exit(2);
        }
        boolean workflow = !mode.equals("plain");
        String tallying = args.length > 4 ? args[4] : "tally";
        if (!List.of("tally", "no-tally").contains(tallying)) {
            System.err.println("the fifth argument must be tally or no-tally: " + tallying);
            System.exit(2);
        }
        boolean tally = workflow && tallying.equals("tally");
        MonthGenerator generator = MonthGenerator.builder()
                .seed(42)
                .zone(java.time.ZoneId.of("Europe/Kyiv"))
                .firstDay(FIRST_DAY)
                .days(31)
                .until(AS_OF)
                .clients((int) Math.min(9_999_999, Math.max(1000, target / 10)))
                .approximateCalls(target)
                .build();
        List<CallRecord> calls = new ArrayList<>();
        InMemoryHandleStore handles = new InMemoryHandleStore();
        generator.generate(new MonthGenerator.Sink() {
            @Override
            public void call(CallRecord call) {
                calls.add(call);
            }

            @Override
            public void handle(io.github.missedcalls.Handle handle) {
                handles.save(PROJECT, handle);
            }
        });
        ProjectSettings.Builder chosen = ProjectSettings.builder()
                .zone(generator.zone())
                .businessHours(generator.businessHours())
                .countryCode(generator.countryCode());
        if (workflow) {
            chosen.workflow(WorkflowSettings.builder()
                    .deadline(Duration.ofHours(2))
                    .ownerChain(
                            mode.equals("workflow")
                                    ? WorkflowSettings.DEFAULT_OWNER_CHAIN
                                    : List.of(OwnerRule.LAST_ATTEMPT, OwnerRule.LINE_OWNER))
                    .line("+380441230000", new LineRules(null, "duty-manager"))
                    .build());
        }
        ProjectSettings settings = chosen.build();
        System.out.printf(
                Locale.ROOT,
                "%,d calls, %,d handles, %s; Java %s, %d cores, max heap %,d MB%n",
                calls.size(),
                handles.handles(PROJECT, Instant.EPOCH, AS_OF).size(),
                workflow ? "workflow " + mode + (tally ? " and the team's tally" : ", no tally") : "no workflow",
                Runtime.version(),
                Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20);
        if (!orders.equals("shuffled")) {
            run(
                    "start order (streaming)",
                    new MemoryCallSource(calls, true),
                    handles,
                    settings,
                    calls.size(),
                    rounds,
                    tally);
        }
        if (!orders.equals("sorted")) {
            List<CallRecord> shuffled = new ArrayList<>(calls);
            Collections.shuffle(shuffled, new Random(7));
            run(
                    "shuffled (held and sorted)",
                    new MemoryCallSource(shuffled, false),
                    handles,
                    settings,
                    calls.size(),
                    rounds,
                    tally);
        }
    }

    private static void run(
            String name,
            CallSource source,
            InMemoryHandleStore handles,
            ProjectSettings settings,
            int calls,
            int rounds,
            boolean tally) {
        MissedCalls missedCalls = MissedCalls.builder()
                .callSource(source)
                .handleStore(handles)
                .settings(settings)
                .build();
        ReportQuery query = ReportQuery.of(PROJECT).asOf(AS_OF);
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        double best = 0;
        double bestCpu = 0;
        for (int round = 1; round <= rounds; round++) {
            Counting counting = new Counting(tally ? new TeamFigures.Tally() : null);
            long started = System.nanoTime();
            long cpuStarted = threads.getCurrentThreadCpuTime();
            long allocatedBefore = threads.getCurrentThreadAllocatedBytes();
            ReportSummary summary = missedCalls.report(query, counting);
            double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpuStarted) / 1e9;
            double bytesPerCall = (double) (threads.getCurrentThreadAllocatedBytes() - allocatedBefore) / calls;
            double seconds = (System.nanoTime() - started) / 1e9;
            double perSecond = calls / seconds;
            best = Math.max(best, perSecond);
            bestCpu = Math.max(bestCpu, calls / cpuSeconds);
            System.out.printf(
                    Locale.ROOT,
                    "%-28s round %d: %7.3f s, %,12.0f calls/s, %,12.0f calls/CPU-s, %5.1f B/call "
                            + "(%,d unprocessed, %,d processed, %,d missed in rows)%n",
                    name,
                    round,
                    seconds,
                    perSecond,
                    calls / cpuSeconds,
                    bytesPerCall,
                    summary.unprocessedRows(),
                    summary.processedRows(),
                    counting.missed);
        }
        // Thread CPU time leaves out what a busy machine takes away; wall time includes the collector's threads.
        System.out.printf(Locale.ROOT, "%-28s best: %,.0f calls/s, %,.0f calls/CPU-s%n", name, best, bestCpu);
    }
}
