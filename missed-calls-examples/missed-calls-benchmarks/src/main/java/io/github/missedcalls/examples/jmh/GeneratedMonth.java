package io.github.missedcalls.examples.jmh;

import io.github.missedcalls.CallRecord;
import io.github.missedcalls.Handle;
import io.github.missedcalls.ProjectSettings;
import io.github.missedcalls.ReportQuery;
import io.github.missedcalls.generator.MonthGenerator;
import io.github.missedcalls.inmemory.InMemoryHandleStore;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * One project's month of about {@code calls} calls, as every benchmark here uses it: 31 days of
 * October and November 2026 in Kyiv, one client for every ten calls, seed 42.
 */
final class GeneratedMonth {

    static final String PROJECT = "bench";
    static final LocalDate FIRST_DAY = LocalDate.of(2026, 10, 27);
    static final ZoneId ZONE = ZoneId.of("Europe/Kyiv");
    static final Instant FROM = FIRST_DAY.atStartOfDay(ZONE).toInstant();
    static final Instant AS_OF = Instant.parse("2026-11-27T00:00:00Z");
    static final ReportQuery QUERY = ReportQuery.of(PROJECT).window(FROM, AS_OF).asOf(AS_OF);

    private GeneratedMonth() {}

    static MonthGenerator generator(long calls) {
        return MonthGenerator.builder()
                .seed(42)
                .zone(ZONE)
                .firstDay(FIRST_DAY)
                .days(31)
                .until(AS_OF)
                .clients((int) Math.min(9_999_999, Math.max(1000, calls / 10)))
                .approximateCalls(calls)
                .build();
    }

    static ProjectSettings settings(MonthGenerator generator) {
        return ProjectSettings.builder()
                .zone(generator.zone())
                .businessHours(generator.businessHours())
                .countryCode(generator.countryCode())
                .build();
    }

    /** Generates the month into memory: its calls in start order, its handles into {@code handles}. */
    static List<CallRecord> calls(MonthGenerator generator, InMemoryHandleStore handles) {
        List<CallRecord> calls = new ArrayList<>();
        generator.generate(new MonthGenerator.Sink() {
            @Override
            public void call(CallRecord call) {
                calls.add(call);
            }

            @Override
            public void handle(Handle handle) {
                handles.save(PROJECT, handle);
            }
        });
        return calls;
    }
}
