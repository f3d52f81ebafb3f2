package io.github.missedcalls;

import static org.quicktheories.generators.SourceDSL.lists;

import io.github.missedcalls.spi.CallSource;
import io.github.missedcalls.spi.HandleStore;
import io.github.missedcalls.tck.Generators;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * One report to make: a project's settings, a window, an as-of instant, the calls a source
 * delivers and the handles a store lists. Windows and as-of sit on the generators' grid, so calls
 * land exactly on their ends.
 */
record Scenario(
        ProjectSettings settings,
        Instant from,
        Instant to,
        Instant asOf,
        List<CallRecord> calls,
        List<Handle> handles) {

    static final String PROJECT = "acme";
    static final int MAX_CALLS = 40;
    static final int MAX_HANDLES = 8;

    /** Settings that make every reason and the minimum conversation matter. */
    static final List<ProjectSettings> SETTINGS = List.of(
            ProjectSettings.builder().countryCode(Generators.COUNTRY_CODE).build(),
            ProjectSettings.builder()
                    .countryCode(Generators.COUNTRY_CODE)
                    .zone(ZoneId.of("Europe/Kyiv"))
                    .businessHours(BusinessHours.parse("Mon-Fri 09:00-18:00; Sat 22:00-02:00"))
                    .minConversation(Duration.ofSeconds(30))
                    .build(),
            ProjectSettings.builder()
                    .countryCode(Generators.COUNTRY_CODE)
                    .zone(ZoneId.of("America/New_York"))
                    .businessHours(BusinessHours.parse("Mon-Fri 08:00-20:00"))
                    .reasonOrder(List.of(MissedReason.ABANDONED_IN_IVR, MissedReason.OUTSIDE_BUSINESS_HOURS))
                    .shortAbandon(Duration.ZERO)
                    .build());

    Scenario {
        calls = List.copyOf(calls);
        handles = List.copyOf(handles);
    }

    /** Two days of half hours: 96 instants for 40 calls and a few handles, so one client's calls and handles often tie. */
    static final Gen<Instant> INSTANTS =
            Generators.instants(Generators.GRID_START, Duration.ofDays(2), Generators.GRID_STEP);

    /** Scenarios whose calls may repeat ids (R2). */
    static Gen<Scenario> scenarios() {
        return scenarios(Generators.callLogs(INSTANTS, MAX_CALLS));
    }

    /** Scenarios whose calls have unique ids, for sources that claim so. */
    static Gen<Scenario> withUniqueIds() {
        return scenarios(Generators.callLogsWithUniqueIds(INSTANTS, MAX_CALLS));
    }

    private static Gen<Scenario> scenarios(Gen<List<CallRecord>> callLogs) {
        Duration step = Generators.GRID_STEP;
        // from within the first day, to up to a day and a half later, as-of from a little before
        // to to a day after it: every order of from, to, as-of and the calls happens.
        Gen<Instant[]> windows = Generate.range(0, 48)
                .zip(Generate.range(0, 72), Generate.range(-6, 48), (fromSlot, length, asOfShift) -> {
                    Instant from = Generators.GRID_START.plus(step.multipliedBy(fromSlot));
                    Instant to = from.plus(step.multipliedBy(length));
                    return new Instant[] {from, to, to.plus(step.multipliedBy(asOfShift))};
                });
        Gen<List<Handle>> handleLists =
                lists().of(Generators.handles(INSTANTS, Generators.GRID_STEP)).ofSizeBetween(0, MAX_HANDLES);
        return Generate.pick(SETTINGS)
                .zip(
                        windows,
                        callLogs,
                        handleLists,
                        (settings, window, calls, handles) ->
                                new Scenario(settings, window[0], window[1], window[2], calls, handles));
    }

    Scenario withCalls(List<CallRecord> newCalls) {
        return new Scenario(settings, from, to, asOf, newCalls, handles);
    }

    Scenario withHandles(List<Handle> newHandles) {
        return new Scenario(settings, from, to, asOf, calls, newHandles);
    }

    Scenario plus(List<CallRecord> moreCalls, List<Handle> moreHandles) {
        List<CallRecord> allCalls = new ArrayList<>(calls);
        allCalls.addAll(moreCalls);
        List<Handle> allHandles = new ArrayList<>(handles);
        allHandles.addAll(moreHandles);
        return new Scenario(settings, from, to, asOf, allCalls, allHandles);
    }

    /** The report the library makes from a source and a store. */
    Report report(CallSource source, HandleStore store) {
        return MissedCalls.builder()
                .callSource(source)
                .handleStore(store)
                .settings(settings)
                .build()
                .report(query());
    }

    /** The report from a source that delivers every call, in this order, and a store that lists every handle. */
    Report report() {
        return report(ListCallSource.everything(calls), new ListHandleStore(handles));
    }

    /** What the reference model says the report is. */
    Report modelReport() {
        return ReferenceModel.report(PROJECT, settings, from, to, asOf, calls, handles);
    }

    ReportQuery query() {
        return ReportQuery.of(PROJECT).window(from, to).asOf(asOf);
    }

    /**
     * The parts of a report that the spec fixes: rows in display order, with attempts in start
     * order and ties by id; rejections in any order (the spec does not order them).
     */
    static Report canonical(Report report) {
        List<UnprocessedRow> unprocessed = new ArrayList<>();
        for (UnprocessedRow row : report.unprocessed()) {
            unprocessed.add(new UnprocessedRow(
                    row.client(), row.calls(), sortedAttempts(row), row.waiting(), row.due(), row.owner()));
        }
        List<ProcessedRow> processed = new ArrayList<>();
        for (ProcessedRow row : report.processed()) {
            processed.add(new ProcessedRow(
                    row.client(), row.calls(), sortedAttempts(row), row.resolution(), row.due(), row.owner()));
        }
        List<Rejection> rejections = new ArrayList<>(report.rejections());
        rejections.sort(Comparator.comparing(Rejection::toString));
        return new Report(
                report.project(),
                report.zone(),
                report.from(),
                report.to(),
                report.asOf(),
                unprocessed,
                processed,
                rejections,
                report.anonymousMissed());
    }

    private static List<CallbackAttempt> sortedAttempts(ReportRow row) {
        List<CallbackAttempt> attempts = new ArrayList<>(row.callbackAttempts());
        attempts.sort(Comparator.comparing(CallbackAttempt::startedAt).thenComparing(CallbackAttempt::id));
        return attempts;
    }
}
