package io.github.missedcalls.pbx.asterisk;

import static io.github.missedcalls.pbx.SourceFixtures.read;
import static io.github.missedcalls.pbx.SourceFixtures.resource;
import static io.github.missedcalls.pbx.asterisk.AsteriskCdrSourceTest.KYIV;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.missedcalls.CallRecord;
import io.github.missedcalls.Direction;
import io.github.missedcalls.Managers;
import io.github.missedcalls.MissedReason;
import io.github.missedcalls.Stage;
import io.github.missedcalls.pbx.ExtensionPlan;
import io.github.missedcalls.pbx.SourceFixtures.Delivered;
import io.github.missedcalls.tck.Reasons;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The dialplans real {@code Master.csv} files show, on a synthetic fixture of their leg patterns. */
class RealDialplanPatternsTest {

    static final ExtensionPlan PLAN =
            ExtensionPlan.ofLength(3, 3).withOutboundPrefix("9").withCompanyNumbers("442000", "442001");

    final Delivered delivered = read(
            AsteriskCdrSource.builder("acme", KYIV, PLAN)
                    .masterCsv(resource(RealDialplanPatternsTest.class, "master-real-patterns.csv"))
                    .build(),
            "acme");

    @ParameterizedTest(name = "{0} -> {1} {2}: {4}")
    @DisplayName("R9: the stage comes from every leg of the call, not from the leg that ended last")
    @CsvSource(
            nullValues = "-",
            value = {
                "1793696400.1,  RINGING,  RANG,        NOT_ANSWERED_BY_MANAGERS,  a ring group nobody answers and a Hangup leg",
                "1793697000.4,  RINGING,  UNAVAILABLE, ALL_MANAGERS_UNAVAILABLE,  BUSY and FAILED legs and a Playback leg",
                "1793697600.7,  RINGING,  RANG,        NOT_ANSWERED_BY_MANAGERS,  no answer and a VoiceMail leg",
                "1793698200.9,  NO_ROUTE, -,           FORWARDING_NOT_CONFIGURED, a single Hangup leg that tried nobody",
                "1793698800.10, IVR,      -,           ABANDONED_IN_IVR,          routing through an AGI script",
                "1793699400.11, IVR,      -,           ABANDONED_IN_IVR,          an ARI application (Stasis)"
            })
    void stageFromEveryLeg(String id, Stage stage, Managers managers, MissedReason reason, String pattern) {
        assertThat(delivered.rejections()).isEmpty();
        CallRecord call = delivered.call(id);
        assertThat(call.isAnswered()).as(pattern).isFalse();
        assertThat(call.stage()).as(pattern).isEqualTo(stage);
        assertThat(call.managers()).as(pattern).isEqualTo(managers);
        assertThat(Reasons.of(call)).as(pattern).isEqualTo(reason);
    }

    @Test
    @DisplayName(
            "R1: a click-to-call origination showing the main number is a callback attempt by the extension rung first")
    void clickToCallIsNoClientCall() {
        CallRecord call = delivered.call("1793700000.12");
        assertThat(call.direction()).isEqualTo(Direction.OUT);
        assertThat(call.client()).isEqualTo("380501110067");
        assertThat(call.employee()).isEqualTo("301");
    }

    @Test
    @DisplayName("R1: a call from one company number to another is internal")
    void companyToCompanyIsInternal() {
        CallRecord call = delivered.call("1793700600.14");
        assertThat(call.direction()).isEqualTo(Direction.INTERNAL);
        assertThat(call.client()).isNull();
    }

    @Test
    @DisplayName(
            "R1: without the company numbers named, the main number would be a client: the option is what fixes it")
    void withoutCompanyNumbersTheMainNumberIsAClient() {
        Delivered unnamed = read(
                AsteriskCdrSource.builder("acme", KYIV, ExtensionPlan.ofLength(3, 3))
                        .masterCsv(resource(RealDialplanPatternsTest.class, "master-real-patterns.csv"))
                        .build(),
                "acme");
        assertThat(unnamed.call("1793700000.12").client()).isEqualTo("442000");
    }
}
