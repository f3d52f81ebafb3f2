package io.github.missedcalls.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.missedcalls.CallRecord;
import io.github.missedcalls.Direction;
import io.github.missedcalls.Handle;
import io.github.missedcalls.ProjectSettings;
import io.github.missedcalls.Rejection;
import io.github.missedcalls.Report;
import io.github.missedcalls.live.ClientState;
import io.github.missedcalls.live.MissedCallTracker;
import io.github.missedcalls.live.TrackerEvent;
import io.github.missedcalls.live.TrackerListener;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The Kafka Streams topology")
class MissedCallsTopologyTest {

    private static final Duration LATENESS = Duration.ofHours(1);
    private static final Months WEEK = Months.generate(11, 2_500);

    // In-memory stores: the test driver commits after every record, and RocksDB would write a file
    // each time. Both kinds are restored from the same changelogs (see restart below).
    @TempDir
    Path stateDir;

    private static MissedCallsTopology topology(ProjectSettings settings) {
        return MissedCallsTopology.builder()
                .allowedLateness(LATENESS)
                .trackFrom(Months.FROM)
                .settings(project -> settings)
                .persistent(false)
                .build();
    }

    private Harness run(Months months, String project, List<Object> order) {
        Harness harness = new Harness(topology(months.settings()), stateDir);
        order.forEach(record -> harness.send(project, record));
        return harness;
    }

    private static void assertSameAsBatch(Harness harness, Months months, String project) {
        Report batch = months.report(project);
        assertThat(batch.unprocessed()).isNotEmpty();
        assertThat(batch.processed()).isNotEmpty();
        assertThat(harness.unprocessed(project, Months.AS_OF)).isEqualTo(batch.unprocessed());
        assertThat(new HashSet<>(harness.processed(project))).isEqualTo(new HashSet<>(batch.processed()));
        assertThat(harness.anonymousMissed(project)).isEqualTo(batch.anonymousMissed());
    }

    @Nested
    @DisplayName("R8, R12: ends with the batch report's rows")
    class SameAsBatch {

        @Test
        @DisplayName("when a week comes in start order")
        void inOrder() {
            try (Harness harness = run(WEEK, "acme", WEEK.inOrder())) {
                assertThat(harness.rejections).isEmpty();
                assertSameAsBatch(harness, WEEK, "acme");
            }
        }

        @Test
        @DisplayName("when a week comes shuffled within the lateness bound, as the in-memory tracker does")
        void shuffled() {
            List<Object> order = WEEK.shuffledWithin(LATENESS, 5);
            try (Harness harness = run(WEEK, "acme", order)) {
                assertThat(harness.rejections).isEmpty();
                assertSameAsBatch(harness, WEEK, "acme");

                Recorder recorder = new Recorder();
                MissedCallTracker tracker = MissedCallTracker.builder(WEEK.settings())
                        .allowedLateness(LATENESS)
                        .trackFrom(Months.FROM)
                        .listener(recorder)
                        .build();
                for (Object record : order) {
                    if (record instanceof CallRecord call) {
                        tracker.accept(call);
                    } else {
                        tracker.accept((Handle) record);
                    }
                }
                assertThat(harness.unprocessed("acme", Months.AS_OF)).isEqualTo(tracker.unprocessed(Months.AS_OF));
                assertThat(harness.told).extracting(EventMessage::event).isEqualTo(recorder.events);
            }
        }

        @Test
        @DisplayName("when it restarts halfway and restores its stores from their changelogs")
        void restart() {
            List<Object> order = WEEK.shuffledWithin(LATENESS, 9);
            int half = order.size() / 2;
            Harness before = run(WEEK, "acme", order.subList(0, half));
            Harness.Changelogs changelogs = before.changelogs();
            List<EventMessage> told = new ArrayList<>(before.told);
            before.close();

            try (Harness after = new Harness(topology(WEEK.settings()), stateDir)) {
                changelogs.restoreInto(after);
                order.subList(half, order.size()).forEach(record -> after.send("acme", record));
                told.addAll(after.told);
                assertThat(after.rejections).isEmpty();
                Report batch = WEEK.report("acme");
                assertThat(after.unprocessed("acme", Months.AS_OF)).isEqualTo(batch.unprocessed());
                assertThat(after.anonymousMissed("acme")).isEqualTo(batch.anonymousMissed());
            }
            try (Harness whole = run(WEEK, "acme", order)) {
                assertThat(told)
                        .as("the events of both runs are those of one run without a restart")
                        .isEqualTo(whole.told);
            }
        }
    }

    @Test
    @DisplayName("after a restart still rejects a record older than the lateness bound, with its reason")
    void restartKeepsWatermark() {
        List<Object> order = WEEK.inOrder();
        Harness before = run(WEEK, "acme", order.subList(0, order.size() / 2));
        Harness.Changelogs changelogs = before.changelogs();
        before.close();
        CallRecord early = WEEK.calls().get(0);
        try (Harness after = new Harness(topology(WEEK.settings()), stateDir)) {
            changelogs.restoreInto(after);
            after.send(
                    "acme",
                    new CallRecord(
                            "late-1",
                            Direction.IN,
                            "+380501234567",
                            null,
                            null,
                            early.startedAt(),
                            null,
                            early.endedAt(),
                            null,
                            null,
                            null));
            assertThat(after.rejections).singleElement().satisfies(rejection -> {
                assertThat(rejection.project()).isEqualTo("acme");
                assertThat(rejection.id()).isEqualTo("late-1");
                assertThat(rejection.reason()).startsWith("arrived after the lateness bound");
            });
            assertThat(after.told).isEmpty();
        }
    }

    @Test
    @DisplayName("keeps two projects apart: each has its own tab, the same as when it is alone")
    void projectsIsolated() {
        Months other = Months.generate(23, 1_500);
        List<Object> mine = WEEK.inOrder();
        List<Object> theirs = other.inOrder();
        Harness harness = new Harness(
                MissedCallsTopology.builder()
                        .allowedLateness(LATENESS)
                        .trackFrom(Months.FROM)
                        .settings(project -> project.equals("acme") ? WEEK.settings() : other.settings())
                        .persistent(false)
                        .build(),
                stateDir);
        try (harness) {
            int i = 0;
            int j = 0;
            // Interleaved by time, as one topic carries both.
            while (i < mine.size() || j < theirs.size()) {
                if (j >= theirs.size()
                        || (i < mine.size() && instant(mine.get(i)).isBefore(instant(theirs.get(j))))) {
                    harness.send("acme", mine.get(i++));
                } else {
                    harness.send("globex", theirs.get(j++));
                }
            }
            assertThat(harness.rejections).isEmpty();
            assertSameAsBatch(harness, WEEK, "acme");
            assertSameAsBatch(harness, other, "globex");
            Set<String> shared = new HashSet<>(clientsWithRows(WEEK.report("acme")));
            shared.retainAll(clientsWithRows(other.report("globex")));
            assertThat(shared)
                    .as("the projects have clients with the same number")
                    .isNotEmpty();
        }
    }

    private static Set<String> clientsWithRows(Report report) {
        Set<String> clients = new HashSet<>();
        report.unprocessed().forEach(row -> clients.add(row.client()));
        report.processed().forEach(row -> clients.add(row.client()));
        return clients;
    }

    @Test
    @DisplayName("forgets clients with nothing open once the watermark has passed their calls")
    void storeFollowsOpenGroups() {
        try (Harness harness = run(WEEK, "acme", WEEK.inOrder())) {
            Set<String> clients = new HashSet<>();
            WEEK.calls().forEach(call -> {
                if (call.direction() != Direction.INTERNAL
                        && call.client() != null
                        && !call.client().equals("anonymous")) {
                    clients.add(WEEK.settings().normalizer().normalize(call.client()));
                }
            });
            int stored = 0;
            try (KeyValueIterator<ClientKey, ClientState> states =
                    harness.states().all()) {
                while (states.hasNext()) {
                    KeyValue<ClientKey, ClientState> state = states.next();
                    assertThat(state.value.isEmpty()).isFalse();
                    stored++;
                }
            }
            assertThat(stored)
                    .isLessThan(clients.size() / 2)
                    .isGreaterThanOrEqualTo(
                            harness.unprocessed("acme", Months.AS_OF).size());
        }
    }

    @Nested
    @DisplayName("R2: rejects, with the reason, to the rejections topic")
    class Rejections {

        @Test
        @DisplayName("a message that is not JSON, has no key, or describes an invalid call or number")
        void badMessages() {
            try (Harness harness = new Harness(topology(WEEK.settings()), stateDir)) {
                harness.sendCall("acme", "{not json");
                harness.sendCall(
                        null, call("c1", "+380501110001", "2026-11-02T09:00:00+02:00", "2026-11-02T09:01:00+02:00"));
                harness.sendCall(
                        "acme", call("c2", "+380501110001", "2026-11-02T09:00:00+02:00", "2026-11-02T08:00:00+02:00"));
                harness.sendCall("acme", call("c3", "12", "2026-11-02T09:00:00+02:00", "2026-11-02T09:01:00+02:00"));
                harness.sendCall("acme", call("c4", "+380501110001", "2026-11-02 09:00", "2026-11-02T09:01:00+02:00"));
                harness.sendCall("acme", """
            {"id": "c5", "direction": "sideways", "client": "+380501110001",
             "started_at": "2026-11-02T09:00:00+02:00", "ended_at": "2026-11-02T09:01:00+02:00"}""");
                harness.sendHandle("acme", """
            {"client": "+380501110001", "covers_until": "2026-11-02T09:00:00+02:00", "reason": "other",
             "actor": "anna", "handled_at": "2026-11-02T10:00:00+02:00"}""");
                harness.sendHandle("acme", """
            {"client": "anonymous", "covers_until": "2026-11-02T09:00:00+02:00", "reason": "spam",
             "actor": "anna", "handled_at": "2026-11-02T10:00:00+02:00"}""");

                assertThat(harness.rejections)
                        .extracting(RejectionMessage::project, RejectionMessage::kind, RejectionMessage::id)
                        .containsExactly(
                                org.assertj.core.groups.Tuple.tuple("acme", Rejection.Kind.CALL, null),
                                org.assertj.core.groups.Tuple.tuple(null, Rejection.Kind.CALL, null),
                                org.assertj.core.groups.Tuple.tuple("acme", Rejection.Kind.CALL, "c2"),
                                org.assertj.core.groups.Tuple.tuple("acme", Rejection.Kind.CALL, "c3"),
                                org.assertj.core.groups.Tuple.tuple("acme", Rejection.Kind.CALL, "c4"),
                                org.assertj.core.groups.Tuple.tuple("acme", Rejection.Kind.CALL, "c5"),
                                org.assertj.core.groups.Tuple.tuple("acme", Rejection.Kind.HANDLE, null),
                                org.assertj.core.groups.Tuple.tuple("acme", Rejection.Kind.HANDLE, null));
                assertThat(harness.rejections)
                        .extracting(RejectionMessage::reason)
                        .satisfiesExactly(
                                reason -> assertThat(reason).startsWith("not a JSON call record"),
                                reason -> assertThat(reason).isEqualTo("no project: the message has no key"),
                                reason -> assertThat(reason).isEqualTo("ends before it starts"),
                                reason -> assertThat(reason).isNotBlank(),
                                reason -> assertThat(reason).startsWith("started_at is not a date-time with an offset"),
                                reason -> assertThat(reason).isEqualTo("unknown direction: sideways"),
                                reason -> assertThat(reason).isEqualTo("blank note for other"),
                                reason -> assertThat(reason).isEqualTo("withheld client number"));
                assertThat(harness.told).isEmpty();
            }
        }

        @Test
        @DisplayName("a call that reuses a pending call's id with other values; an equal redelivery changes nothing")
        void duplicates() {
            try (Harness harness = new Harness(topology(WEEK.settings()), stateDir)) {
                String first = call("c1", "+380501110001", "2026-11-02T09:00:00+02:00", "2026-11-02T09:01:00+02:00");
                harness.sendCall("acme", first);
                harness.sendCall("acme", first);
                harness.sendCall(
                        "acme", call("c1", "+380501110001", "2026-11-02T09:00:00+02:00", "2026-11-02T09:02:00+02:00"));
                assertThat(harness.told).extracting(EventMessage::type).containsExactly(TrackerEvent.Type.OPENED);
                assertThat(harness.rejections).singleElement().satisfies(rejection -> {
                    assertThat(rejection.id()).isEqualTo("c1");
                    assertThat(rejection.reason()).isEqualTo("conflicting duplicate id");
                });
            }
        }

        private static String call(String id, String client, String start, String end) {
            return """
          {"id": "%s", "direction": "in", "client": "%s", "started_at": "%s", "ended_at": "%s", "stage": "ringing"}""".formatted(id, client, start, end);
        }
    }

    private static Instant instant(Object record) {
        return record instanceof CallRecord call ? call.startedAt() : ((Handle) record).handledAt();
    }

    /** What the in-memory tracker tells. */
    private static final class Recorder implements TrackerListener {
        final List<TrackerEvent> events = new ArrayList<>();

        @Override
        public void event(TrackerEvent event) {
            events.add(event);
        }
    }
}
