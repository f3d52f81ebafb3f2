package io.github.missedcalls.pbx.freeswitch;

import static io.github.missedcalls.pbx.SourceFixtures.read;
import static io.github.missedcalls.pbx.SourceFixtures.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.github.missedcalls.CallRecord;
import io.github.missedcalls.Direction;
import io.github.missedcalls.Managers;
import io.github.missedcalls.MissedCalls;
import io.github.missedcalls.MissedReason;
import io.github.missedcalls.ProjectSettings;
import io.github.missedcalls.Rejection;
import io.github.missedcalls.Report;
import io.github.missedcalls.Stage;
import io.github.missedcalls.UnprocessedRow;
import io.github.missedcalls.inmemory.InMemoryHandleStore;
import io.github.missedcalls.pbx.ExtensionPlan;
import io.github.missedcalls.pbx.SourceFixtures.Delivered;
import io.github.missedcalls.tck.Reasons;
import io.github.missedcalls.tck.SettableClock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class FreeSwitchCdrSourceTest {

    static final ZoneId KYIV = ZoneId.of("Europe/Kyiv");

    static FreeSwitchCdrSource.Builder builder() {
        return FreeSwitchCdrSource.builder("acme", KYIV, ExtensionPlan.ofLength(4, 4));
    }

    static Instant kyiv(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(KYIV).toInstant();
    }

    @Nested
    @DisplayName("the example template")
    class ExampleTemplate {

        final Delivered delivered =
                read(builder().build(resource(FreeSwitchCdrSourceTest.class, "fs-master.csv")), "acme");

        @Test
        @DisplayName("R1: b-legs, LOSE_RACE and PICKED_OFF rows are no calls of their own, so never missed")
        void legsAreNoCalls() {
            assertThat(delivered.rejections()).isEmpty();
            assertThat(delivered.byId().keySet())
                    .containsExactly(
                            "a-0001", "a-0004", "a-0005", "a-0006", "a-0007", "a-0008", "a-0009", "a-0010", "a-0011");
        }

        @Test
        @DisplayName("R1: an a-leg answered and bridged to a b-leg was answered by a person")
        void answered() {
            CallRecord call = delivered.call("a-0001");
            assertThat(call.direction()).isEqualTo(Direction.IN);
            assertThat(call.client()).isEqualTo("380501110061");
            assertThat(call.line()).isEqualTo("442000");
            assertThat(call.answeredAt()).isEqualTo(kyiv("2026-11-02T09:00:10"));
            assertThat(call.endedAt()).isEqualTo(kyiv("2026-11-02T09:02:00"));
        }

        @Test
        @DisplayName("R1: an a-leg the PBX answered without a bridge (an IVR) is no answer; its cause gives no stage")
        void answeredByMachine() {
            CallRecord call = delivered.call("a-0008");
            assertThat(call.isAnswered()).isFalse();
            assertThat(call.stage()).isNull();
            assertThat(Reasons.of(call)).isEqualTo(MissedReason.UNKNOWN);
        }

        @ParameterizedTest(name = "{0} -> {3}")
        @DisplayName("R9: hangup causes of unanswered calls map to stages and reasons")
        @CsvSource(
                nullValues = "-",
                value = {
                    "a-0004, RINGING,   RANG,        NOT_ANSWERED_BY_MANAGERS",
                    "a-0005, RINGING,   UNAVAILABLE, ALL_MANAGERS_UNAVAILABLE",
                    "a-0006, RINGING,   UNAVAILABLE, ALL_MANAGERS_UNAVAILABLE",
                    "a-0007, NO_ROUTE,  -,           FORWARDING_NOT_CONFIGURED",
                    "a-0009, FORBIDDEN, -,           FORBIDDEN_DESTINATION",
                    "a-0011, RINGING,   RANG,        NOT_ANSWERED_BY_MANAGERS"
                })
        void causes(String id, Stage stage, Managers managers, MissedReason reason) {
            CallRecord call = delivered.call(id);
            assertThat(call.isAnswered()).isFalse();
            assertThat(call.stage()).isEqualTo(stage);
            assertThat(call.managers()).isEqualTo(managers);
            assertThat(Reasons.of(call)).isEqualTo(reason);
        }

        @Test
        @DisplayName("R1: an extension calling an external number makes an outbound call to the client")
        void outbound() {
            CallRecord call = delivered.call("a-0010");
            assertThat(call.direction()).isEqualTo(Direction.OUT);
            assertThat(call.client()).isEqualTo("380501110063");
            assertThat(call.employee()).isEqualTo("1001");
            assertThat(call.isAnswered()).isTrue();
        }

        @Test
        @DisplayName("R5, R6: in a report the outbound call resolves its client's missed call as called back")
        void report() {
            Report report = MissedCalls.builder()
                    .callSource(builder().build(resource(FreeSwitchCdrSourceTest.class, "fs-master.csv")))
                    .handleStore(new InMemoryHandleStore())
                    .clock(SettableClock.at(kyiv("2026-11-02T12:00:00")))
                    .settings(ProjectSettings.builder()
                            .zone(KYIV)
                            .countryCode("380")
                            .build())
                    .build()
                    .report("acme");

            assertThat(report.rejections()).isEmpty();
            assertThat(report.processed()).extracting(row -> row.client()).containsExactly("+380501110063");
            assertThat(report.unprocessed())
                    .extracting(UnprocessedRow::client, UnprocessedRow::reason)
                    .containsExactly(
                            tuple("+380501110064", MissedReason.ALL_MANAGERS_UNAVAILABLE),
                            tuple("+380501110066", MissedReason.ALL_MANAGERS_UNAVAILABLE),
                            tuple("+380501110067", MissedReason.FORWARDING_NOT_CONFIGURED),
                            tuple("+380501110068", MissedReason.UNKNOWN),
                            tuple("+380501110069", MissedReason.FORBIDDEN_DESTINATION),
                            tuple("+380501110070", MissedReason.NOT_ANSWERED_BY_MANAGERS));
        }
    }

    @Test
    @DisplayName(
            "R2: unknown causes, bad stamps and missing columns are rejected row by row; a stray quote in a name is read leniently")
    void dirtyInput() {
        Delivered delivered = read(builder().build(resource(FreeSwitchCdrSourceTest.class, "fs-dirty.csv")), "acme");

        assertThat(delivered.rejections())
                .containsExactly(
                        Rejection.ofCall("d-0002", 2L, "unknown hangup cause 'SOMETHING_ODD'"),
                        Rejection.ofCall("d-0003", 3L, "unparsable end_stamp '02/11/2026 11:02'"),
                        Rejection.ofCall(null, 4L, "14 columns; the template has 15"));
        assertThat(delivered.byId().keySet()).containsExactly("d-0001", "d-0005", "d-0006");
        assertThat(delivered.call("d-0005").client()).isEqualTo("380501110075");
    }

    @Test
    @DisplayName("a template of your own, with last_app, places the caller in the greeting, the IVR or voicemail")
    void customTemplate() {
        Delivered delivered = read(
                builder()
                        .template(
                                "\"${caller_id_number}\",\"${destination_number}\",\"${start_stamp}\",\"${answer_stamp}\","
                                        + "\"${end_stamp}\",\"${billsec}\",\"${hangup_cause}\",\"${uuid}\",\"${bleg_uuid}\",\"${last_app}\"")
                        .build(resource(FreeSwitchCdrSourceTest.class, "fs-custom-template.csv")),
                "acme");

        assertThat(delivered.rejections()).isEmpty();
        assertThat(delivered.calls())
                .filteredOn(call -> !call.isAnswered())
                .extracting(CallRecord::id, CallRecord::stage, Reasons::of)
                .containsExactly(
                        tuple("c-0001", Stage.GREETING, MissedReason.ABANDONED_DURING_GREETING),
                        tuple("c-0002", Stage.IVR, MissedReason.ABANDONED_IN_IVR),
                        tuple("c-0003", Stage.RINGING, MissedReason.NOT_ANSWERED_BY_MANAGERS));
        assertThat(delivered.call("c-0004").answeredAt()).isEqualTo(kyiv("2026-11-02T12:15:05"));
    }

    @Test
    @DisplayName("a template without a required variable is refused")
    void templateWithoutUuid() {
        assertThatThrownBy(() -> builder().template(List.of("caller_id_number")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("${uuid}");
    }

    @ParameterizedTest
    @EnumSource(
            value = HangupCause.class,
            names = {"LOSE_RACE", "PICKED_OFF"})
    @DisplayName("LOSE_RACE and PICKED_OFF are answered elsewhere; no other cause is")
    void answeredElsewhere(HangupCause cause) {
        assertThat(cause.answeredElsewhere()).isTrue();
        assertThat(HangupCause.values())
                .filteredOn(HangupCause::answeredElsewhere)
                .hasSize(2);
    }

    @Test
    @DisplayName("cause names are read in any letter case; unknown names are not causes")
    void causeNames() {
        assertThat(HangupCause.fromName(" user_busy ")).contains(HangupCause.USER_BUSY);
        assertThat(HangupCause.fromName("SOMETHING_ODD")).isEmpty();
    }
}
