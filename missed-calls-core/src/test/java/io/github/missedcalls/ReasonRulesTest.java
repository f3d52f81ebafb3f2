package io.github.missedcalls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.missedcalls.internal.ReasonClassifier;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("R9: why a call was missed")
class ReasonRulesTest {

    /** Monday 2 November 2026, 10:00 in Kyiv: inside the hours below. */
    private static final Instant OPEN = Instant.parse("2026-11-02T08:00:00Z");
    /** Monday 2 November 2026, 07:00 in Kyiv: before the hours below. */
    private static final Instant CLOSED = Instant.parse("2026-11-02T05:00:00Z");

    private static final ProjectSettings KYIV_OFFICE = ProjectSettings.builder()
            .zone(ZoneId.of("Europe/Kyiv"))
            .businessHours(BusinessHours.parse("Mon-Fri 09:00-18:00"))
            .build();
    private static final ReasonClassifier DEFAULT = new ReasonClassifier(KYIV_OFFICE);

    private static CallRecord call(Instant start, long seconds, @Nullable Stage stage, @Nullable Managers managers) {
        return CallRecord.builder("1", Direction.IN, start, start.plusSeconds(seconds))
                .client("+380501110001")
                .stage(stage)
                .managers(managers)
                .build();
    }

    private static CallRecord call(long seconds, @Nullable Stage stage) {
        return call(OPEN, seconds, stage, null);
    }

    @Nested
    @DisplayName("R9: each reason of the default order")
    class EachReason {

        @Test
        @DisplayName("R9 rule 0: SHORT_CONVERSATION, an answered call shorter than minConversation")
        void shortConversation() {
            ReasonClassifier classifier = new ReasonClassifier(ProjectSettings.builder()
                    .minConversation(Duration.ofSeconds(30))
                    .build());
            CallRecord shortTalk = CallRecord.builder("1", Direction.IN, OPEN, OPEN.plusSeconds(45))
                    .answeredAt(OPEN.plusSeconds(16))
                    .stage(Stage.RINGING)
                    .build();

            assertThat(classifier.classify(shortTalk)).isEqualTo(MissedReason.SHORT_CONVERSATION);
        }

        @Test
        @DisplayName("R9 rule 0: SHORT_CONVERSATION never applies when minConversation is 0")
        void noShortConversationWithoutMinimum() {
            CallRecord zeroTalk = CallRecord.builder("1", Direction.IN, OPEN, OPEN.plusSeconds(45))
                    .answeredAt(OPEN.plusSeconds(45))
                    .build();

            assertThat(DEFAULT.classify(zeroTalk)).isEqualTo(MissedReason.UNKNOWN);
        }

        @Test
        @DisplayName("R9 rule 1: OUTSIDE_BUSINESS_HOURS, read in the project's zone")
        void outsideBusinessHours() {
            assertThat(DEFAULT.classify(call(CLOSED, 60, Stage.RINGING, null)))
                    .isEqualTo(MissedReason.OUTSIDE_BUSINESS_HOURS);
            assertThat(DEFAULT.classify(call(OPEN, 60, Stage.RINGING, null)))
                    .isEqualTo(MissedReason.NOT_ANSWERED_BY_MANAGERS);
            assertThat(new ReasonClassifier(ProjectSettings.defaults()).classify(call(CLOSED, 60, null, null)))
                    .as("always open")
                    .isEqualTo(MissedReason.UNKNOWN);
        }

        @Test
        @DisplayName(
                "R9 rules 2, 3: FORBIDDEN_DESTINATION and FORWARDING_NOT_CONFIGURED from the stage, even for short calls")
        void stagesThatRefuse() {
            CallRecord orderedToABlockedNumber = CallRecord.builder("1", Direction.CALLBACK, OPEN, OPEN.plusSeconds(2))
                    .stage(Stage.FORBIDDEN)
                    .build();

            assertThat(DEFAULT.classify(orderedToABlockedNumber)).isEqualTo(MissedReason.FORBIDDEN_DESTINATION);
            assertThat(DEFAULT.classify(call(3, Stage.NO_ROUTE))).isEqualTo(MissedReason.FORWARDING_NOT_CONFIGURED);
        }

        @Test
        @DisplayName(
                "R9 rule 4: ABANDONED_EARLY below the short-abandon threshold, at whatever stage; the threshold itself is not early")
        void abandonedEarly() {
            assertThat(DEFAULT.classify(call(9, Stage.RINGING))).isEqualTo(MissedReason.ABANDONED_EARLY);
            assertThat(DEFAULT.classify(call(9, Stage.IVR))).isEqualTo(MissedReason.ABANDONED_EARLY);
            assertThat(DEFAULT.classify(call(9, null))).isEqualTo(MissedReason.ABANDONED_EARLY);
            assertThat(DEFAULT.classify(call(10, null))).isEqualTo(MissedReason.UNKNOWN);
        }

        @Test
        @DisplayName("R9 rule 4: the short-abandon threshold is configuration")
        void shortAbandonConfigured() {
            ReasonClassifier patient = new ReasonClassifier(ProjectSettings.builder()
                    .shortAbandon(Duration.ofSeconds(30))
                    .build());
            ReasonClassifier never = new ReasonClassifier(
                    ProjectSettings.builder().shortAbandon(Duration.ZERO).build());

            assertThat(patient.classify(call(29, Stage.GREETING))).isEqualTo(MissedReason.ABANDONED_EARLY);
            assertThat(never.classify(call(0, Stage.GREETING))).isEqualTo(MissedReason.ABANDONED_DURING_GREETING);
        }

        @Test
        @DisplayName("R9 rules 5, 6: ABANDONED_DURING_GREETING and ABANDONED_IN_IVR from the stage")
        void greetingAndIvr() {
            assertThat(DEFAULT.classify(call(20, Stage.GREETING))).isEqualTo(MissedReason.ABANDONED_DURING_GREETING);
            assertThat(DEFAULT.classify(call(20, Stage.IVR))).isEqualTo(MissedReason.ABANDONED_IN_IVR);
        }

        @Test
        @DisplayName(
                "R9 rules 7, 8: ringing with no manager available, or with managers rung (or not said) and none answering")
        void ringing() {
            assertThat(DEFAULT.classify(call(OPEN, 40, Stage.RINGING, Managers.UNAVAILABLE)))
                    .isEqualTo(MissedReason.ALL_MANAGERS_UNAVAILABLE);
            assertThat(DEFAULT.classify(call(OPEN, 40, Stage.RINGING, Managers.RANG)))
                    .isEqualTo(MissedReason.NOT_ANSWERED_BY_MANAGERS);
            assertThat(DEFAULT.classify(call(OPEN, 40, Stage.RINGING, null)))
                    .isEqualTo(MissedReason.NOT_ANSWERED_BY_MANAGERS);
        }

        @Test
        @DisplayName("R9: a call that fits no rule (no stage, longer than the threshold) is UNKNOWN, never an error")
        void unknown() {
            assertThat(DEFAULT.classify(call(11, null))).isEqualTo(MissedReason.UNKNOWN);
            assertThat(DEFAULT.classify(call(OPEN, 600, null, Managers.UNAVAILABLE)))
                    .isEqualTo(MissedReason.UNKNOWN);
        }
    }

    @Nested
    @DisplayName("R9: the order of the rules")
    class Order {

        @Test
        @DisplayName("R9: the first rule of the default order that applies wins")
        void firstRuleWins() {
            ReasonClassifier withMinimum = new ReasonClassifier(ProjectSettings.builder()
                    .zone(ZoneId.of("Europe/Kyiv"))
                    .businessHours(BusinessHours.parse("Mon-Fri 09:00-18:00"))
                    .minConversation(Duration.ofSeconds(30))
                    .build());
            CallRecord shortTalkAtNight = CallRecord.builder("1", Direction.IN, CLOSED, CLOSED.plusSeconds(20))
                    .answeredAt(CLOSED.plusSeconds(5))
                    .stage(Stage.FORBIDDEN)
                    .build();

            assertThat(withMinimum.classify(shortTalkAtNight)).isEqualTo(MissedReason.SHORT_CONVERSATION);
            assertThat(DEFAULT.classify(call(CLOSED, 2, Stage.FORBIDDEN, null)))
                    .isEqualTo(MissedReason.OUTSIDE_BUSINESS_HOURS);
            assertThat(DEFAULT.classify(call(OPEN, 2, Stage.FORBIDDEN, null)))
                    .isEqualTo(MissedReason.FORBIDDEN_DESTINATION);
            assertThat(DEFAULT.classify(call(OPEN, 2, Stage.GREETING, null))).isEqualTo(MissedReason.ABANDONED_EARLY);
            assertThat(ProjectSettings.DEFAULT_REASON_ORDER)
                    .containsExactly(
                            MissedReason.SHORT_CONVERSATION,
                            MissedReason.OUTSIDE_BUSINESS_HOURS,
                            MissedReason.FORBIDDEN_DESTINATION,
                            MissedReason.FORWARDING_NOT_CONFIGURED,
                            MissedReason.ABANDONED_EARLY,
                            MissedReason.ABANDONED_DURING_GREETING,
                            MissedReason.ABANDONED_IN_IVR,
                            MissedReason.ALL_MANAGERS_UNAVAILABLE,
                            MissedReason.NOT_ANSWERED_BY_MANAGERS);
        }

        @Test
        @DisplayName("R9: a custom order decides, and a rule left out never applies")
        void customOrder() {
            ReasonClassifier custom = new ReasonClassifier(ProjectSettings.builder()
                    .zone(ZoneId.of("Europe/Kyiv"))
                    .businessHours(BusinessHours.parse("Mon-Fri 09:00-18:00"))
                    .reasonOrder(List.of(MissedReason.ABANDONED_IN_IVR, MissedReason.OUTSIDE_BUSINESS_HOURS))
                    .build());

            assertThat(custom.classify(call(CLOSED, 3, Stage.IVR, null))).isEqualTo(MissedReason.ABANDONED_IN_IVR);
            assertThat(custom.classify(call(CLOSED, 3, Stage.FORBIDDEN, null)))
                    .isEqualTo(MissedReason.OUTSIDE_BUSINESS_HOURS);
            assertThat(custom.classify(call(OPEN, 3, Stage.FORBIDDEN, null))).isEqualTo(MissedReason.UNKNOWN);
            assertThat(custom.classify(call(OPEN, 40, Stage.RINGING, Managers.UNAVAILABLE)))
                    .isEqualTo(MissedReason.UNKNOWN);
        }

        @Test
        @DisplayName("R9: an empty order makes every call UNKNOWN unless the source states a reason")
        void emptyOrder() {
            ReasonClassifier none = new ReasonClassifier(
                    ProjectSettings.builder().reasonOrder(List.of()).build());

            assertThat(none.classify(call(1, Stage.FORBIDDEN))).isEqualTo(MissedReason.UNKNOWN);
        }

        @Test
        @DisplayName("R9: an order may not list UNKNOWN or a reason twice, and thresholds may not be negative")
        void orderChecked() {
            assertThatThrownBy(() -> ProjectSettings.builder()
                            .reasonOrder(List.of(MissedReason.UNKNOWN))
                            .build())
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> ProjectSettings.builder()
                            .reasonOrder(List.of(MissedReason.ABANDONED_IN_IVR, MissedReason.ABANDONED_IN_IVR))
                            .build())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("twice");
            assertThatThrownBy(() -> ProjectSettings.builder()
                            .shortAbandon(Duration.ofSeconds(-1))
                            .build())
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> ProjectSettings.builder()
                            .minConversation(Duration.ofSeconds(-1))
                            .build())
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    @DisplayName("R9: a reason the source states")
    class Stated {

        @Test
        @DisplayName("R9: a stated reason wins over the classifier, even one the order leaves out")
        void statedReasonWins() {
            ReasonClassifier custom = new ReasonClassifier(ProjectSettings.builder()
                    .reasonOrder(List.of(MissedReason.FORBIDDEN_DESTINATION))
                    .build());
            CallRecord stated = CallRecord.builder("1", Direction.IN, CLOSED, CLOSED.plusSeconds(2))
                    .stage(Stage.FORBIDDEN)
                    .statedReason(MissedReason.ALL_MANAGERS_UNAVAILABLE)
                    .build();

            assertThat(DEFAULT.classify(stated)).isEqualTo(MissedReason.ALL_MANAGERS_UNAVAILABLE);
            assertThat(custom.classify(stated)).isEqualTo(MissedReason.ALL_MANAGERS_UNAVAILABLE);
            assertThat(DEFAULT.classify(CallRecord.builder("2", Direction.IN, CLOSED, CLOSED.plusSeconds(2))
                            .statedReason(MissedReason.UNKNOWN)
                            .build()))
                    .isEqualTo(MissedReason.UNKNOWN);
        }
    }

    @Test
    @DisplayName("R7, R9: a row shows the reason of its last call and the reasons of all its calls, as classified")
    void rowsShowTheReasons() {
        CallRecord atNight = call(CLOSED, 60, Stage.RINGING, null);
        CallRecord inTheMenu = CallRecord.builder("2", Direction.IN, OPEN, OPEN.plusSeconds(40))
                .client("+380501110001")
                .stage(Stage.IVR)
                .build();

        Report report = Fixtures.report(
                KYIV_OFFICE,
                List.of(inTheMenu, atNight),
                List.of(),
                Instant.parse("2026-11-01T00:00:00Z"),
                Instant.parse("2026-11-03T00:00:00Z"),
                Instant.parse("2026-11-03T00:00:00Z"));

        assertThat(report.unprocessed()).singleElement().satisfies(row -> {
            assertThat(row.reasons())
                    .containsExactly(MissedReason.OUTSIDE_BUSINESS_HOURS, MissedReason.ABANDONED_IN_IVR);
            assertThat(row.reason()).isEqualTo(MissedReason.ABANDONED_IN_IVR);
        });
    }
}
