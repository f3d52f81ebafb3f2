package io.github.missedcalls.kafka;

import io.github.missedcalls.CallRecord;
import io.github.missedcalls.Handle;
import io.github.missedcalls.HandleConflictException;
import io.github.missedcalls.MissedCalls;
import io.github.missedcalls.ProjectSettings;
import io.github.missedcalls.Report;
import io.github.missedcalls.ReportQuery;
import io.github.missedcalls.generator.MonthGenerator;
import io.github.missedcalls.inmemory.InMemoryCallSource;
import io.github.missedcalls.inmemory.InMemoryHandleStore;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * Generated days of calls and handles of one project from {@link #FIRST_DAY}, the batch report of
 * them, and delivery orders.
 */
record Months(List<CallRecord> calls, List<Handle> handles, ProjectSettings settings, Instant asOf) {

    static final ZoneId ZONE = ZoneId.of("Europe/Kyiv");
    static final LocalDate FIRST_DAY = LocalDate.of(2026, 11, 2);
    static final int DAYS = 7;
    static final Instant FROM = FIRST_DAY.atStartOfDay(ZONE).toInstant();
    /** Three days after the last day of a week, so that follow-ups of the last day are in. */
    static final Instant AS_OF = FIRST_DAY.plusDays(DAYS + 3).atStartOfDay(ZONE).toInstant();

    /** A week of about {@code calls} calls of one project; handles that a store would refuse as conflicting are left out. */
    static Months generate(long seed, int calls) {
        return generate(seed, calls, DAYS);
    }

    /** Four weeks of about {@code calls} calls of one project. */
    static Months month(long seed, int calls) {
        return generate(seed, calls, 28);
    }

    private static Months generate(long seed, int calls, int days) {
        Instant asOf = FIRST_DAY.plusDays(days + 3).atStartOfDay(ZONE).toInstant();
        MonthGenerator generator = MonthGenerator.builder()
                .seed(seed)
                .zone(ZONE)
                .firstDay(FIRST_DAY)
                .days(days)
                .until(asOf)
                .clients(Math.max(50, calls / 8))
                .approximateCalls(calls)
                .build();
        List<CallRecord> generated = new ArrayList<>();
        List<Handle> handles = new ArrayList<>();
        InMemoryHandleStore keys = new InMemoryHandleStore();
        generator.generate(new MonthGenerator.Sink() {
            @Override
            public void call(CallRecord call) {
                generated.add(call);
            }

            @Override
            public void handle(Handle handle) {
                try {
                    keys.save("keys", handle);
                    handles.add(handle);
                } catch (HandleConflictException e) {
                    // Same client, instant and actor as an earlier handle: a store keeps the first only.
                }
            }
        });
        ProjectSettings settings = ProjectSettings.builder()
                .zone(generator.zone())
                .businessHours(generator.businessHours())
                .countryCode(generator.countryCode())
                .build();
        return new Months(List.copyOf(generated), List.copyOf(handles), settings, asOf);
    }

    /** The batch report of these records over [FROM, asOf), as of asOf: three days after the last day. */
    Report report(String project) {
        InMemoryHandleStore store = new InMemoryHandleStore();
        handles.forEach(handle -> store.save(project, handle));
        return MissedCalls.builder()
                .callSource(new InMemoryCallSource().add(project, calls))
                .handleStore(store)
                .settings(settings)
                .build()
                .report(ReportQuery.of(project).window(FROM, asOf).asOf(asOf));
    }

    /** Calls and handles in the order they happened: at one instant, calls first. */
    List<Object> inOrder() {
        return delivered(Duration.ZERO, new Random(0));
    }

    /**
     * Each record delivered some time within {@code lateness} after it happened: never later than
     * the lateness bound allows behind the latest record delivered before it.
     */
    List<Object> shuffledWithin(Duration lateness, long seed) {
        return delivered(lateness, new Random(seed));
    }

    private List<Object> delivered(Duration lateness, Random random) {
        record Delivery(Instant at, int order, Object record) {}
        List<Delivery> deliveries = new ArrayList<>();
        long boundMillis = lateness.toMillis();
        for (CallRecord call : calls) {
            deliveries.add(
                    new Delivery(call.startedAt().plusMillis((long) (random.nextDouble() * boundMillis)), 0, call));
        }
        for (Handle handle : handles) {
            deliveries.add(
                    new Delivery(handle.handledAt().plusMillis((long) (random.nextDouble() * boundMillis)), 1, handle));
        }
        deliveries.sort(Comparator.comparing(Delivery::at).thenComparingInt(Delivery::order));
        return deliveries.stream().map(Delivery::record).toList();
    }
}
