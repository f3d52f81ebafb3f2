package io.github.missedcalls.pbx.asterisk;

import static io.github.missedcalls.pbx.SourceFixtures.read;
import static io.github.missedcalls.pbx.SourceFixtures.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.github.missedcalls.CallRecord;
import io.github.missedcalls.Direction;
import io.github.missedcalls.Managers;
import io.github.missedcalls.MissedCall;
import io.github.missedcalls.MissedCalls;
import io.github.missedcalls.MissedReason;
import io.github.missedcalls.ProjectSettings;
import io.github.missedcalls.Rejection;
import io.github.missedcalls.Report;
import io.github.missedcalls.ResolutionKind;
import io.github.missedcalls.Stage;
import io.github.missedcalls.StorageException;
import io.github.missedcalls.UnprocessedRow;
import io.github.missedcalls.inmemory.InMemoryHandleStore;
import io.github.missedcalls.pbx.ExtensionPlan;
import io.github.missedcalls.pbx.SourceFixtures.Delivered;
import io.github.missedcalls.spi.CallSource;
import io.github.missedcalls.tck.Reasons;
import io.github.missedcalls.tck.SettableClock;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AsteriskCdrSourceTest {

    static final ZoneId KYIV = ZoneId.of("Europe/Kyiv");
    static final ExtensionPlan PLAN = ExtensionPlan.ofLength(3, 3).withOutboundPrefix("9");

    static AsteriskCdrSource.Builder builder() {
        return AsteriskCdrSource.builder("acme", KYIV, PLAN);
    }

    static Delivered master(String file) {
        return read(
                builder().masterCsv(resource(AsteriskCdrSourceTest.class, file)).build(), "acme");
    }

    static Instant kyiv(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(KYIV).toInstant();
    }

    static Report report(CallSource source, String asOfInKyiv) {
        return MissedCalls.builder()
                .callSource(source)
                .handleStore(new InMemoryHandleStore())
                .clock(SettableClock.at(kyiv(asOfInKyiv)))
                .settings(
                        ProjectSettings.builder().zone(KYIV).countryCode("380").build())
                .build()
                .report("acme");
    }

    @Nested
    @DisplayName("whole-call evaluation of a 21-column Master.csv")
    class WholeCall {

        final Delivered delivered = master("master-21-columns.csv");

        @Test
        @DisplayName("R1: the legs of a call are one record per linkedid, a Local channel's ;2 half included")
        void oneRecordPerLinkedId() {
            assertThat(delivered.rejections()).isEmpty();
            assertThat(delivered.byId().keySet())
                    .containsExactlyInAnyOrder(
                            "1793606400.1",
                            "1793607000.4",
                            "1793607600.5",
                            "1793608200.8",
                            "1793608800.11",
                            "1793609400.13",
                            "1793609700.14",
                            "1793610000.20",
                            "1793610600.30",
                            "1793613600.40",
                            "1793614200.42",
                            "1793615400.44",
                            "1793616000.46",
                            "1792888200.48");
        }

        @Test
        @DisplayName("R1: a ring group answered by one manager is answered, whoever else it rang")
        void ringGroupAnsweredByOne() {
            CallRecord call = delivered.call("1793606400.1");
            assertThat(call.direction()).isEqualTo(Direction.IN);
            assertThat(call.client()).isEqualTo("380501110001");
            assertThat(call.line()).isEqualTo("442000");
            assertThat(call.startedAt()).isEqualTo(kyiv("2026-11-02T09:00:00"));
            assertThat(call.answeredAt()).isEqualTo(kyiv("2026-11-02T09:00:08"));
            assertThat(call.endedAt()).isEqualTo(kyiv("2026-11-02T09:01:00"));
            assertThat(call.employee()).isEqualTo("301");
            assertThat(call.stage()).isNull();
        }

        @Test
        @DisplayName("R1: a queue member reached through a Local channel answers; the answer is the member's")
        void localChannelMemberAnswers() {
            CallRecord call = delivered.call("1793610000.20");
            assertThat(call.answeredAt()).isEqualTo(kyiv("2026-11-02T10:00:20"));
            assertThat(call.employee()).isEqualTo("101");
        }

        @ParameterizedTest(name = "{0}: {2}")
        @DisplayName("R1: the PBX answering (dialplan Hangup, greeting, IVR, voicemail) is no answer")
        @CsvSource({
            "1793607000.4,  Hangup,     the dialplan hung up after answering",
            "1793608800.11, VoiceMail,  voicemail after the manager did not answer",
            "1793609400.13, Playback,   the greeting",
            "1793609700.14, BackGround, the IVR menu",
            "1793610600.30, Queue,      a queue member that is a voicemail box behind a Local channel"
        })
        void machineAnswerIsNoAnswer(String id, String lastApp, String what) {
            assertThat(delivered.call(id).isAnswered()).as(what).isFalse();
        }

        @ParameterizedTest(name = "{0} -> {1}")
        @DisplayName("R9: unanswered calls get the stage their legs show, and the classifier's reason")
        @CsvSource(
                nullValues = "-",
                value = {
                    "1793607000.4,  NO_ROUTE, -,           FORWARDING_NOT_CONFIGURED",
                    "1793607600.5,  RINGING,  RANG,        NOT_ANSWERED_BY_MANAGERS",
                    "1793608200.8,  RINGING,  UNAVAILABLE, ALL_MANAGERS_UNAVAILABLE",
                    "1793608800.11, RINGING,  RANG,        NOT_ANSWERED_BY_MANAGERS",
                    "1793609400.13, GREETING, -,           ABANDONED_DURING_GREETING",
                    "1793609700.14, IVR,      -,           ABANDONED_IN_IVR",
                    "1793610600.30, RINGING,  RANG,        NOT_ANSWERED_BY_MANAGERS",
                    "1793615400.44, RINGING,  RANG,        ABANDONED_EARLY"
                })
        void stagesAndReasons(String id, Stage stage, Managers managers, MissedReason reason) {
            CallRecord call = delivered.call(id);
            assertThat(call.stage()).isEqualTo(stage);
            assertThat(call.managers()).isEqualTo(managers);
            assertThat(Reasons.of(call)).isEqualTo(reason);
        }

        @Test
        @DisplayName(
                "R1: an extension dialling the outside-line prefix and a number makes a callback attempt to that number")
        void outboundCall() {
            CallRecord call = delivered.call("1793613600.40");
            assertThat(call.direction()).isEqualTo(Direction.OUT);
            assertThat(call.client()).isEqualTo("380501110003");
            assertThat(call.employee()).isEqualTo("301");
            assertThat(call.answeredAt()).isEqualTo(kyiv("2026-11-02T11:00:10"));
        }

        @Test
        @DisplayName("R1: a call between extensions is internal and has no client")
        void internalCall() {
            CallRecord call = delivered.call("1793614200.42");
            assertThat(call.direction()).isEqualTo(Direction.INTERNAL);
            assertThat(call.client()).isNull();
        }

        @Test
        @DisplayName(
                "times without offset are read in the server's zone; a time that occurs twice takes the earlier offset")
        void serverZone() {
            assertThat(delivered.call("1793606400.1").startedAt()).isEqualTo(Instant.parse("2026-11-02T07:00:00Z"));
            // 2026-10-25 03:30 happens at +03:00 and again at +02:00 in Kyiv.
            assertThat(delivered.call("1792888200.48").startedAt()).isEqualTo(Instant.parse("2026-10-25T00:30:00Z"));
        }

        @Test
        @DisplayName(
                "R4, R5, R6: a report over the file: the callback resolves its client, the withheld caller is counted")
        void reportOfTheFile() {
            Report report = report(
                    builder()
                            .masterCsv(resource(AsteriskCdrSourceTest.class, "master-21-columns.csv"))
                            .build(),
                    "2026-11-02T12:00:00");

            assertThat(report.rejections()).isEmpty();
            assertThat(report.anonymousMissed()).isEqualTo(1);
            assertThat(report.processed()).singleElement().satisfies(row -> {
                assertThat(row.client()).isEqualTo("+380501110003");
                assertThat(row.resolution().kind()).isEqualTo(ResolutionKind.CALLED_BACK);
                assertThat(row.resolution().resolvedBy()).isEqualTo("301");
                assertThat(row.attempts()).isEqualTo(1);
            });
            assertThat(report.unprocessed())
                    .extracting(UnprocessedRow::client, UnprocessedRow::reason)
                    .containsExactly(
                            tuple("+380501110011", MissedReason.NOT_ANSWERED_BY_MANAGERS),
                            tuple("+380501110002", MissedReason.FORWARDING_NOT_CONFIGURED),
                            tuple("+380501110004", MissedReason.ALL_MANAGERS_UNAVAILABLE),
                            tuple("+380501110005", MissedReason.NOT_ANSWERED_BY_MANAGERS),
                            tuple("+380501110006", MissedReason.ABANDONED_DURING_GREETING),
                            tuple("+380501110007", MissedReason.ABANDONED_IN_IVR),
                            tuple("+380501110009", MissedReason.NOT_ANSWERED_BY_MANAGERS),
                            tuple("+380501110010", MissedReason.ABANDONED_EARLY));
            assertThat(report.unprocessed())
                    .filteredOn(row -> row.client().equals("+380501110005"))
                    .flatExtracting(UnprocessedRow::calls)
                    .extracting(MissedCall::line)
                    .containsExactly("442000");
        }
    }

    @Nested
    @DisplayName("layouts")
    class Layouts {

        @Test
        @DisplayName(
                "16 columns: legs of one channel that overlap are one call; a Local ;2 half joins the call in progress")
        void basicLayout() {
            Delivered delivered = master("master-16-columns.csv");

            assertThat(delivered.rejections()).isEmpty();
            String first = "SIP/trunk-00000001@" + kyiv("2026-11-02T12:00:00").getEpochSecond();
            String second = "SIP/trunk-00000001@" + kyiv("2026-11-03T12:00:00").getEpochSecond();
            assertThat(delivered.byId().keySet()).containsExactly(first, second);
            assertThat(delivered.call(first).answeredAt()).isEqualTo(kyiv("2026-11-02T12:00:09"));
            assertThat(delivered.call(first).employee()).isEqualTo("301");
            assertThat(delivered.call(second).isAnswered()).isFalse();
        }

        @Test
        @DisplayName("17 columns: legs are grouped by uniqueid")
        void uniqueIdLayout() {
            Delivered delivered = master("master-17-columns.csv");

            assertThat(delivered.rejections()).isEmpty();
            assertThat(delivered.calls()).singleElement().satisfies(call -> {
                assertThat(call.id()).isEqualTo("1793606400.1");
                assertThat(call.employee()).isEqualTo("301");
            });
        }

        @Test
        @DisplayName("the layout is detected per row, so a file written before and after a cdr.conf change is read")
        void mixedLayouts() {
            Delivered delivered = master("master-mixed-layouts.csv");

            assertThat(delivered.rejections()).isEmpty();
            assertThat(delivered.calls()).hasSize(3);
            assertThat(delivered.call("1793608200.8").managers()).isEqualTo(Managers.UNAVAILABLE);
            assertThat(delivered.call("1793609400.13").stage()).isEqualTo(Stage.GREETING);
        }

        @Test
        @DisplayName("R2: with a configured layout, a row of another width is rejected with its line")
        void configuredLayout() {
            Delivered delivered = read(
                    builder()
                            .masterCsv(
                                    resource(AsteriskCdrSourceTest.class, "master-17-columns.csv"), CdrCsvLayout.FULL)
                            .build(),
                    "acme");

            assertThat(delivered.calls()).isEmpty();
            assertThat(delivered.rejections())
                    .extracting(Rejection::line, Rejection::reason)
                    .containsExactly(
                            tuple(1L, "17 columns; the configured layout has 21"),
                            tuple(2L, "17 columns; the configured layout has 21"));
        }

        @ParameterizedTest(name = "{0} columns")
        @DisplayName("a layout is guessed from the column count, and has that many columns")
        @CsvSource({
            "16, false, false, false",
            "17, true, false, false",
            "18, true, true, false",
            "19, false, false, true",
            "20, true, false, true",
            "21, true, true, true"
        })
        void detection(int columns, boolean uniqueId, boolean userField, boolean newColumns) {
            CdrCsvLayout layout = new CdrCsvLayout(uniqueId, userField, newColumns);
            assertThat(CdrCsvLayout.detect(columns)).contains(layout);
            assertThat(layout.columns()).isEqualTo(columns);
        }

        @Test
        @DisplayName("no layout has 15 or 22 columns")
        void noLayout() {
            assertThat(CdrCsvLayout.detect(15)).isEmpty();
            assertThat(CdrCsvLayout.detect(22)).isEmpty();
        }
    }

    @Nested
    @DisplayName("a database export with a header row")
    class DatabaseExport {

        @Test
        @DisplayName(
                "R2: columns are found by name; answer is calldate + duration - billsec; NULL is empty; did is the line; bad rows are rejected")
        void export() {
            Delivered delivered = read(
                    builder()
                            .databaseExport(resource(AsteriskCdrSourceTest.class, "cdr-export.csv"))
                            .build(),
                    "acme");

            CallRecord answered = delivered.call("1793632800.80");
            assertThat(answered.startedAt()).isEqualTo(kyiv("2026-11-02T15:00:00"));
            assertThat(answered.answeredAt()).isEqualTo(kyiv("2026-11-02T15:00:15"));
            assertThat(answered.endedAt()).isEqualTo(kyiv("2026-11-02T15:01:05"));
            assertThat(answered.line()).isEqualTo("442001");
            assertThat(answered.employee()).isEqualTo("101");
            CallRecord missed = delivered.call("1793633400.82");
            assertThat(missed.isAnswered()).isFalse();
            assertThat(missed.stage()).isEqualTo(Stage.RINGING);
            assertThat(missed.managers()).isEqualTo(Managers.RANG);
            assertThat(delivered.rejections())
                    .containsExactly(
                            Rejection.ofCall("1793634000.84", 4L, "unparsable duration 'abc'"),
                            Rejection.ofCall(null, 5L, "4 columns; the header has 18"));
        }

        @Test
        @DisplayName("an export without a required column is unusable: an error from the stream, naming the column")
        void missingColumn() {
            AsteriskCdrSource source = builder()
                    .databaseExport(resource(AsteriskCdrSourceTest.class, "cdr-export-without-disposition.csv"))
                    .build();

            try (Stream<CallRecord> calls = source.calls("acme", Instant.EPOCH, Instant.EPOCH, rejection -> {})) {
                assertThatThrownBy(calls::toList)
                        .isInstanceOf(StorageException.class)
                        .hasMessageContaining("'disposition'");
            }
        }
    }

    @Nested
    @DisplayName("dirty input")
    class DirtyInput {

        final Delivered delivered = master("master-dirty.csv");

        @Test
        @DisplayName("R2: each bad row is rejected with its line and, where readable, its call's id; the rest is read")
        void rowByRow() {
            assertThat(delivered.rejections())
                    .containsExactly(
                            Rejection.ofCall("1793628000.60", 4L, "15 columns; a Master.csv row has 16 to 21"),
                            Rejection.ofCall("1793628180.66", 5L, "unparsable start '2026-13-45 99:00:00'"),
                            Rejection.ofCall("1793628240.68", 6L, "unknown disposition 'MAYBE'"),
                            Rejection.ofCall("1793628300.6a", 8L, "unparsable end 'yesterday'"));
            assertThat(delivered.byId().keySet())
                    .containsExactly("1793628060.62", "1793628120.64", "1793628420.6d", "1793628480.70");
        }

        @Test
        @DisplayName("R2: a caller-ID name with its quotes unescaped is read leniently: the call keeps its leg")
        void unescapedQuotesInName() {
            assertThat(delivered.call("1793628060.62").client()).isEqualTo("380501110031");
        }

        @Test
        @DisplayName("R2: a cut-off line whose id can still be read rejects the call of that id, readable legs and all")
        void cutOffLineRejectsItsCall() {
            assertThat(delivered.byId()).doesNotContainKey("1793628000.60");
        }

        @Test
        @DisplayName(
                "R2: a call with one unreadable leg is rejected whole: its readable ANSWERED leg makes no call either")
        void wholeCallRejected() {
            assertThat(delivered.byId()).doesNotContainKey("1793628300.6a");
        }

        @Test
        @DisplayName("bytes that are not UTF-8 become U+FFFD and the row is kept: a caller's name does not matter")
        void legacyBytesInName() {
            assertThat(delivered.call("1793628120.64").client()).isEqualTo("380501110032");
        }

        @Test
        @DisplayName("R2, R3: a stray byte inside the number reaches the report, which rejects the call for its number")
        void legacyBytesInNumber() {
            Report report = report(
                    builder()
                            .masterCsv(resource(AsteriskCdrSourceTest.class, "master-dirty.csv"))
                            .build(),
                    "2026-11-02T15:00:00");

            assertThat(report.rejections()).hasSize(5).anySatisfy(rejection -> {
                assertThat(rejection.id()).isEqualTo("1793628420.6d");
                assertThat(rejection.reason()).startsWith("client number cannot be normalized");
            });
            assertThat(report.unprocessed())
                    .extracting(UnprocessedRow::client)
                    .containsExactlyInAnyOrder("+380501110031", "+380501110032", "+380501110037");
        }
    }

    @Nested
    @DisplayName("configuration")
    class Configuration {

        @Test
        @DisplayName("a CDR file, a queue_log or both are required")
        void fileRequired() {
            assertThatThrownBy(() -> builder().build())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("queue_log");
        }

        @Test
        @DisplayName("another project's report gets no calls from this source")
        void otherProject() {
            assertThat(read(
                                    builder()
                                            .masterCsv(resource(AsteriskCdrSourceTest.class, "master-21-columns.csv"))
                                            .build(),
                                    "other")
                            .calls())
                    .isEmpty();
        }

        @Test
        @DisplayName("a last application can be given another stage")
        void lastAppStage() {
            Delivered delivered = read(
                    builder()
                            .lastAppStage("Hangup", Stage.IVR)
                            .masterCsv(resource(AsteriskCdrSourceTest.class, "master-21-columns.csv"))
                            .build(),
                    "acme");

            assertThat(delivered.call("1793607000.4").stage()).isEqualTo(Stage.IVR);
        }

        @Test
        @DisplayName("a missing file is a storage failure from the stream, not a rejection")
        void missingFile() {
            AsteriskCdrSource source =
                    builder().masterCsv(Path.of("does-not-exist.csv")).build();

            try (Stream<CallRecord> calls = source.calls("acme", Instant.EPOCH, Instant.EPOCH, rejection -> {})) {
                assertThatThrownBy(calls::toList)
                        .isInstanceOf(StorageException.class)
                        .hasMessageContaining("does-not-exist.csv");
            }
        }
    }
}
