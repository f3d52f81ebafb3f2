package io.github.missedcalls;

import io.github.missedcalls.inmemory.InMemoryHandleStore;
import java.time.Instant;
import java.util.List;

/** Short ways to write the calls and handles of example tests, and to make their report. */
final class Fixtures {

    static final String PROJECT = "acme";
    /** Monday 2 November 2026, 00:00 UTC. */
    static final Instant DAY = Instant.parse("2026-11-02T00:00:00Z");

    static final String CLIENT = "+380501110001";
    static final String OTHER_CLIENT = "+380671234567";

    private Fixtures() {}

    /** {@link #DAY} at a time of day, {@code "09:30"} or {@code "09:30:15"}. */
    static Instant at(String time) {
        return Instant.parse("2026-11-02T" + (time.length() == 5 ? time + ":00" : time) + "Z");
    }

    /** An inbound call that rang 30 seconds and was not answered. */
    static CallRecord missed(String id, String client, Instant start) {
        return CallRecord.builder(id, Direction.IN, start, start.plusSeconds(30))
                .client(client)
                .stage(Stage.RINGING)
                .build();
    }

    /** An inbound call answered after 5 seconds, a minute's conversation. */
    static CallRecord answered(String id, String client, Instant start) {
        return CallRecord.builder(id, Direction.IN, start, start.plusSeconds(65))
                .client(client)
                .answeredAt(start.plusSeconds(5))
                .employee("olena")
                .build();
    }

    /** A manager's call that rang 20 seconds and was not answered. */
    static CallRecord attempt(String id, String client, Instant start) {
        return CallRecord.builder(id, Direction.OUT, start, start.plusSeconds(20))
                .client(client)
                .employee("bohdan")
                .build();
    }

    /** A manager's call answered after 10 seconds, two minutes' conversation. */
    static CallRecord callback(String id, String client, Instant start) {
        return CallRecord.builder(id, Direction.OUT, start, start.plusSeconds(130))
                .client(client)
                .answeredAt(start.plusSeconds(10))
                .employee("bohdan")
                .build();
    }

    /** A spam handle by anna. */
    static Handle handle(String client, Instant at, Instant coversUntil) {
        return new Handle(client, at, coversUntil, HandleReason.SPAM, null, "anna");
    }

    /** The report of the whole day, as of its end, with default settings and country code 380. */
    static Report dayReport(List<CallRecord> calls, List<Handle> handles) {
        return report(settings(), calls, handles, DAY, DAY.plusSeconds(86_400), DAY.plusSeconds(86_400));
    }

    /** The ids of a row's missed calls, in order. */
    static List<String> ids(ReportRow row) {
        return row.calls().stream().map(MissedCall::id).toList();
    }

    /** The ids of a row's callback attempts, in order. */
    static List<String> attemptIds(ReportRow row) {
        return row.callbackAttempts().stream().map(CallbackAttempt::id).toList();
    }

    static ProjectSettings settings() {
        return ProjectSettings.builder().countryCode("380").build();
    }

    /** A report from a source that delivers every call in the order given. */
    static Report report(
            ProjectSettings settings,
            List<CallRecord> calls,
            List<Handle> handles,
            Instant from,
            Instant to,
            Instant asOf) {
        return missedCalls(settings, calls, handles)
                .report(ReportQuery.of(PROJECT).window(from, to).asOf(asOf));
    }

    static MissedCalls missedCalls(ProjectSettings settings, List<CallRecord> calls, List<Handle> handles) {
        InMemoryHandleStore store = new InMemoryHandleStore();
        handles.forEach(handle -> store.save(PROJECT, handle));
        return MissedCalls.builder()
                .callSource(ListCallSource.everything(calls))
                .handleStore(store)
                .settings(settings)
                .build();
    }
}
