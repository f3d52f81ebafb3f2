package io.github.missedcalls.pbx.asterisk;

import static io.github.missedcalls.pbx.SourceFixtures.read;
import static io.github.missedcalls.pbx.SourceFixtures.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.github.missedcalls.CallRecord;
import io.github.missedcalls.Direction;
import io.github.missedcalls.Managers;
import io.github.missedcalls.MissedCalls;
import io.github.missedcalls.MissedReason;
import io.github.missedcalls.ProjectSettings;
import io.github.missedcalls.Rejection;
import io.github.missedcalls.Report;
import io.github.missedcalls.ReportQuery;
import io.github.missedcalls.Stage;
import io.github.missedcalls.UnprocessedRow;
import io.github.missedcalls.inmemory.InMemoryHandleStore;
import io.github.missedcalls.pbx.SourceFixtures.Delivered;
import io.github.missedcalls.tck.Reasons;
import io.github.missedcalls.tck.SettableClock;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class QueueLogTest {

    /**
     * The choice for a caller who left the queue with an exit key and whom nobody answered
     * afterwards: the caller waited for the managers and got none, so it is missed, for the
     * managers not answering. Where the key led to a person who answered, the CDR shows it and
     * the call is answered (see {@link Combined#exitKeyToOperator}).
     */
    static final MissedReason EXIT_KEY_POLICY = MissedReason.NOT_ANSWERED_BY_MANAGERS;

    static AsteriskCdrSource allOutcomes() {
        return AsteriskCdrSourceTest.builder()
                .queueLog(resource(QueueLogTest.class, "synthetic_queue_log_all_outcomes.queue_log"))
                .build();
    }

    /** A row of the expected file: its call, whether it is missed, and the reason it must get. */
    record Expected(String callId, boolean missed, MissedReason reason) {}

    static List<Expected> expected() throws IOException {
        List<Expected> rows = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(
                resource(QueueLogTest.class, "synthetic_queue_log_all_outcomes_expected.csv"),
                StandardCharsets.UTF_8)) {
            for (CSVRecord row : CSVFormat.DEFAULT
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .get()
                    .parse(in)) {
                String outcome = row.get("expected_outcome");
                String reasonText = row.get("expected_reason").strip();
                boolean missed = outcome.startsWith("MISSED");
                MissedReason reason = !missed
                        ? MissedReason.UNKNOWN
                        : reasonText.startsWith("policy:")
                                ? EXIT_KEY_POLICY
                                : MissedReason.fromName(reasonText.split("[ (]", 2)[0])
                                        .orElseThrow();
                rows.add(new Expected(row.get("callid"), missed, reason));
            }
        }
        return rows;
    }

    @Nested
    @DisplayName("queue_log on its own (the synthetic file of every outcome)")
    class AllOutcomes {

        final Delivered delivered = read(allOutcomes(), "acme");

        @Test
        @DisplayName("R9: every call of the expected file is answered or missed, with the expected reason")
        void everyExpectedRow() throws IOException {
            List<Expected> expected = expected();

            assertThat(expected).hasSize(8);
            assertThat(delivered.rejections()).isEmpty();
            assertThat(delivered.byId().keySet())
                    .containsExactlyInAnyOrderElementsOf(
                            expected.stream().map(Expected::callId).toList());
            for (Expected row : expected) {
                CallRecord call = delivered.call(row.callId());
                assertThat(call.isAnswered()).as("%s answered", row.callId()).isEqualTo(!row.missed());
                if (row.missed()) {
                    assertThat(Reasons.of(call)).as("%s reason", row.callId()).isEqualTo(row.reason());
                }
            }
        }

        @Test
        @DisplayName(
                "R7, R9: a report shows the missed calls of the expected file with their reasons, and none of the answered")
        void throughReport() throws IOException {
            Report report = MissedCalls.builder()
                    .callSource(allOutcomes())
                    .handleStore(new InMemoryHandleStore())
                    .clock(SettableClock.at(Instant.ofEpochSecond(1_700_003_600)))
                    .settings(ProjectSettings.builder()
                            .countryCode("7")
                            .trunkPrefix("8")
                            .build())
                    .build()
                    .report(ReportQuery.of("acme"));

            Map<String, MissedReason> expected = expected().stream()
                    .filter(Expected::missed)
                    .collect(Collectors.toMap(row -> callerOf(row.callId()), Expected::reason));
            assertThat(report.rejections()).isEmpty();
            assertThat(report.processed()).isEmpty();
            assertThat(report.unprocessed())
                    .extracting(UnprocessedRow::client, UnprocessedRow::reason)
                    .containsExactlyInAnyOrderElementsOf(expected.entrySet().stream()
                            .map(entry -> tuple(entry.getKey(), entry.getValue()))
                            .toList());
        }

        private String callerOf(String callId) {
            return "+" + delivered.call(callId).client();
        }

        @Test
        @DisplayName("the answered call has its member as employee and CONNECT as its answer; the DID is the line")
        void answered() {
            CallRecord call = delivered.call("1700000010.1");
            assertThat(call.direction()).isEqualTo(Direction.IN);
            assertThat(call.client()).isEqualTo("79161112233");
            assertThat(call.line()).isEqualTo("74951234567");
            assertThat(call.employee()).isEqualTo("102");
            assertThat(call.startedAt()).isEqualTo(Instant.ofEpochSecond(1_700_000_010));
            assertThat(call.answeredAt()).isEqualTo(Instant.ofEpochSecond(1_700_000_030));
            assertThat(call.endedAt()).isEqualTo(Instant.ofEpochSecond(1_700_000_150));
        }

        @Test
        @DisplayName("a transferred call that was answered first is answered")
        void transferred() {
            assertThat(delivered.call("1700000800.22").answeredAt()).isEqualTo(Instant.ofEpochSecond(1_700_000_805));
        }

        @Test
        @DisplayName("EXITEMPTY means nobody could be rung; RINGNOANSWER and AGENTDUMP that members were")
        void managers() {
            assertThat(delivered.call("1700000510.16").managers()).isEqualTo(Managers.UNAVAILABLE);
            assertThat(delivered.call("1700000300.9").managers()).isEqualTo(Managers.RANG);
            assertThat(delivered.call("1700000700.20").managers()).isEqualTo(Managers.RANG);
            assertThat(delivered.call("1700000600.18").stage()).isEqualTo(Stage.RINGING);
            assertThat(delivered.call("1700000600.18").managers()).isNull();
        }

        @Test
        @DisplayName("a member's PAUSE is no call, though it carries a call id")
        void memberEventsMakeNoCall() {
            assertThat(delivered.byId()).doesNotContainKey("1700000500.15");
        }
    }

    @Nested
    @DisplayName("queue_log enriching a CDR")
    class Combined {

        final Delivered delivered = read(
                AsteriskCdrSourceTest.builder()
                        .masterCsv(resource(QueueLogTest.class, "queue-cdr.csv"))
                        .queueLog(resource(QueueLogTest.class, "queue-combined.queue_log"))
                        .build(),
                "acme");

        @Test
        @DisplayName("the queue tells that members were rung where the CDR shows no member leg")
        void queueTellsManagersWereRung() {
            CallRecord call = delivered.call("1793606400.1");
            assertThat(call.stage()).isEqualTo(Stage.RINGING);
            assertThat(call.managers()).isEqualTo(Managers.RANG);
            assertThat(Reasons.of(call)).isEqualTo(MissedReason.NOT_ANSWERED_BY_MANAGERS);
        }

        @Test
        @DisplayName("R1: a CONNECT answers a call whose CDR lacks the member's leg")
        void connectAnswers() {
            CallRecord call = delivered.call("1793606500.5");
            assertThat(call.answeredAt()).isEqualTo(Instant.ofEpochSecond(1_793_606_510));
            assertThat(call.employee()).isEqualTo("102");
        }

        @Test
        @DisplayName("R1: a caller who left with an exit key for an operator who answered is answered (whole call)")
        void exitKeyToOperator() {
            CallRecord call = delivered.call("1793606600.9");
            assertThat(call.isAnswered()).isTrue();
            assertThat(call.employee()).isEqualTo("100");
        }

        @Test
        @DisplayName("a call only queue_log knows (unanswered=no in cdr.conf) is still a call")
        void queueOnlyCall() {
            CallRecord call = delivered.call("1793606700.14");
            assertThat(call.client()).isEqualTo("380501110054");
            assertThat(call.managers()).isEqualTo(Managers.UNAVAILABLE);
            assertThat(Reasons.of(call)).isEqualTo(MissedReason.ALL_MANAGERS_UNAVAILABLE);
        }

        @Test
        @DisplayName(
                "R2: bad queue_log lines are rejected with their line; a call with one is rejected whole; vendor events are ignored")
        void dirtyQueueLog() {
            assertThat(delivered.rejections())
                    .containsExactly(
                            Rejection.ofCall("1793606800.20", 13L, "queue_log: unparsable time '17936x800'"),
                            Rejection.ofCall(null, 14L, "queue_log: 2 fields; an event line has at least 5"),
                            Rejection.ofCall(
                                    "1793606900.30",
                                    15L,
                                    "queue_log: the call has no ENTERQUEUE and no CDR, so its caller is unknown"));
            assertThat(delivered.byId().keySet())
                    .containsExactlyInAnyOrder("1793606400.1", "1793606500.5", "1793606600.9", "1793606700.14");
        }
    }
}
