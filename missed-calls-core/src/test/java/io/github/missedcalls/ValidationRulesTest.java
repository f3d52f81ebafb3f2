package io.github.missedcalls;

import static io.github.missedcalls.Fixtures.CLIENT;
import static io.github.missedcalls.Fixtures.DAY;
import static io.github.missedcalls.Fixtures.PROJECT;
import static io.github.missedcalls.Fixtures.answered;
import static io.github.missedcalls.Fixtures.at;
import static io.github.missedcalls.Fixtures.attempt;
import static io.github.missedcalls.Fixtures.dayReport;
import static io.github.missedcalls.Fixtures.missed;
import static io.github.missedcalls.Fixtures.report;
import static io.github.missedcalls.Fixtures.settings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("R1, R2: call records and their validation")
class ValidationRulesTest {

    private static final Instant START = at("09:00");

    @Nested
    @DisplayName("R1: a call record")
    class R1 {

        @Test
        @DisplayName("R1: holds every value of a call, the optional ones absent when not given")
        void holdsItsValues() {
            CallRecord call = CallRecord.builder("42", Direction.IN, START, START.plusSeconds(95))
                    .client("+380 50 111 00 01")
                    .line("+380441112233")
                    .employee("olena")
                    .answeredAt(START.plusSeconds(15))
                    .stage(Stage.RINGING)
                    .managers(Managers.RANG)
                    .statedReason(MissedReason.UNKNOWN)
                    .build();
            CallRecord bare =
                    CallRecord.builder("43", Direction.OUT, START, START).build();

            assertThat(call)
                    .isEqualTo(new CallRecord(
                            "42",
                            Direction.IN,
                            "+380 50 111 00 01",
                            "+380441112233",
                            "olena",
                            START,
                            START.plusSeconds(15),
                            START.plusSeconds(95),
                            Stage.RINGING,
                            Managers.RANG,
                            MissedReason.UNKNOWN));
            assertThat(call.isAnswered()).isTrue();
            assertThat(call.conversation()).isEqualTo(Duration.ofSeconds(80));
            assertThat(call.duration()).isEqualTo(Duration.ofSeconds(95));
            assertThat(bare.client()).isNull();
            assertThat(bare.isAnswered()).isFalse();
            assertThat(bare.conversation()).isZero();
            assertThat(bare.duration()).isZero();
        }

        @Test
        @DisplayName("R1: an answer at the very start or the very end is inside [start, end]")
        void answerAtEitherEnd() {
            assertThat(CallRecord.builder("1", Direction.IN, START, START.plusSeconds(9))
                            .answeredAt(START)
                            .build()
                            .conversation())
                    .hasSeconds(9);
            assertThat(CallRecord.builder("2", Direction.IN, START, START.plusSeconds(9))
                            .answeredAt(START.plusSeconds(9))
                            .build()
                            .conversation())
                    .isZero();
        }

        @Test
        @DisplayName("R1: the client number is kept as the source wrote it; a project normalizes it when reporting")
        void clientKeptAsWritten() {
            assertThat(missed("1", "0 50 111-00-01", START).client()).isEqualTo("0 50 111-00-01");
        }

        @Test
        @DisplayName("R1: directions, stages, managers values and reasons read their tokens in any case")
        void tokensReadInAnyCase() {
            assertThat(Direction.fromToken(" CallBack ")).contains(Direction.CALLBACK);
            assertThat(Direction.IN.token()).isEqualTo("in");
            assertThat(Direction.CALLBACK.isClientInitiated()).isTrue();
            assertThat(Direction.OUT.isClientInitiated()).isFalse();
            assertThat(Direction.INTERNAL.isClientInitiated()).isFalse();
            assertThat(Stage.fromToken("NO_ROUTE")).contains(Stage.NO_ROUTE);
            assertThat(Stage.FORBIDDEN.token()).isEqualTo("forbidden");
            assertThat(Managers.fromToken("Unavailable")).contains(Managers.UNAVAILABLE);
            assertThat(MissedReason.fromName("abandoned_in_ivr")).contains(MissedReason.ABANDONED_IN_IVR);
            assertThat(HandleReason.fromToken("WRONG_NUMBER")).contains(HandleReason.WRONG_NUMBER);
            assertThat(HandleReason.RESOLVED_ELSEWHERE.token()).isEqualTo("resolved_elsewhere");
            assertThat(ResolutionKind.CLIENT_GOT_THROUGH.token()).isEqualTo("client_got_through");
            assertThat(Tab.fromToken("processed")).contains(Tab.PROCESSED);
        }
    }

    @Nested
    @DisplayName("R2: a record rejected on its own")
    class RejectedOnItsOwn {

        @Test
        @DisplayName(
                "R2: no id, no start, no end, an end before the start, an answer outside [start, end] each have their reason")
        @SuppressWarnings("NullAway") // passes null where a source would have no value
        void recordLevelReasons() {
            assertThatThrownBy(() ->
                            CallRecord.builder(" ", Direction.IN, START, START).build())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("no id");
            assertThatThrownBy(() -> CallRecord.builder("1", Direction.IN, START, START.minusSeconds(1))
                            .build())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("ends before it starts");
            assertThatThrownBy(() -> CallRecord.builder("1", Direction.IN, START, START.plusSeconds(5))
                            .answeredAt(START.minusSeconds(1))
                            .build())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("answered outside [start, end]");
            assertThatThrownBy(() -> CallRecord.builder("1", Direction.IN, START, START.plusSeconds(5))
                            .answeredAt(START.plusSeconds(6))
                            .build())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("answered outside [start, end]");
            assertThatThrownBy(() ->
                            new CallRecord("1", Direction.IN, null, null, null, null, null, START, null, null, null))
                    .isInstanceOf(NullPointerException.class)
                    .hasMessage("startedAt");
            assertThatThrownBy(() ->
                            new CallRecord("1", Direction.IN, null, null, null, START, null, null, null, null, null))
                    .isInstanceOf(NullPointerException.class)
                    .hasMessage("endedAt");
        }

        @Test
        @DisplayName(
                "R2: an unknown direction, stage, managers value or stated reason reads as nothing, for the source to reject")
        void unknownTokensReadAsNothing() {
            assertThat(Direction.fromToken("inbound")).isEmpty();
            assertThat(Stage.fromToken("queue")).isEmpty();
            assertThat(Managers.fromToken("maybe")).isEmpty();
            assertThat(MissedReason.fromName("bad_luck")).isEmpty();
        }

        @Test
        @DisplayName("R2: a client number that cannot be normalized rejects its record, with its id and the reason")
        void unreadableNumberRejected() {
            Report report =
                    dayReport(List.of(missed("7", "050-CALL-ME", START), missed("8", CLIENT, START)), List.of());

            assertThat(report.rejections())
                    .containsExactly(Rejection.ofCall("7", null, "client number cannot be normalized: 050-CALL-ME"));
            assertThat(report.unprocessed())
                    .singleElement()
                    .satisfies(row ->
                            assertThat(row.calls()).extracting(MissedCall::id).containsExactly("8"));
        }

        @Test
        @DisplayName(
                "R2: an unreadable number is rejected in every direction, but an internal call's number is not checked")
        void internalNumbersNotChecked() {
            CallRecord internal = CallRecord.builder("i", Direction.INTERNAL, START, START.plusSeconds(60))
                    .client("ext. 204")
                    .answeredAt(START.plusSeconds(2))
                    .build();
            CallRecord out = CallRecord.builder("o", Direction.OUT, START, START.plusSeconds(60))
                    .client("ext. 204")
                    .build();
            CallRecord callback = CallRecord.builder("c", Direction.CALLBACK, START, START.plusSeconds(60))
                    .client("ext. 204")
                    .build();

            Report report = dayReport(List.of(internal, out, callback), List.of());

            assertThat(report.rejections()).extracting(Rejection::id).containsExactlyInAnyOrder("o", "c");
        }

        @Test
        @DisplayName("R2: every record is validated whatever its time: before the window, after as-of")
        void validatedWhateverItsTime() {
            List<CallRecord> calls = List.of(
                    missed("early", "n/a", DAY.minus(Duration.ofDays(40))),
                    missed("late", "n/a", DAY.plus(Duration.ofDays(3))),
                    missed("in", CLIENT, START));

            Report report = report(settings(), calls, List.of(), at("08:00"), at("10:00"), at("10:00"));

            assertThat(report.rejections()).extracting(Rejection::id).containsExactlyInAnyOrder("early", "late");
            assertThat(report.unprocessed()).hasSize(1);
        }

        @Test
        @DisplayName("R2: a rejection reads as one line for a log")
        void rejectionReadsAsOneLine() {
            assertThat(Rejection.ofCall("42", 7L, "ends before it starts"))
                    .hasToString("rejected line 7 (id 42): ends before it starts");
            assertThat(Rejection.ofCall(null, null, "no id")).hasToString("rejected: no id");
            assertThat(Rejection.ofHandle(3L, "withheld client number"))
                    .hasToString("rejected handles line 3: withheld client number");
            assertThat(Rejection.ofCall("42", null, "x").atLine(9)).isEqualTo(Rejection.ofCall("42", 9L, "x"));
        }
    }

    @Nested
    @DisplayName("R2: records that share an id")
    class DuplicateIds {

        private final CallRecord first = missed("42", CLIENT, at("09:00"));
        private final CallRecord equalCopy = missed("42", "+380 (50) 111-00-01", at("09:00"));
        private final CallRecord conflicting = missed("42", CLIENT, at("09:05"));

        @Test
        @DisplayName("R2: equal copies, the number spelled another way, count once")
        void equalCopiesCountOnce() {
            Report report = dayReport(List.of(first, equalCopy, equalCopy), List.of());

            assertThat(report.rejections()).isEmpty();
            assertThat(report.unprocessed())
                    .singleElement()
                    .satisfies(row -> assertThat(row.missed()).isEqualTo(1));
        }

        @Test
        @DisplayName(
                "R2: internal calls sharing an id with other numbers conflict, though their numbers are never normalized")
        void internalCopiesCompareTheirNumbersAsWritten() {
            CallRecord internal = CallRecord.builder("7", Direction.INTERNAL, at("09:00"), at("09:01"))
                    .client("101")
                    .build();

            Report report = dayReport(List.of(internal, internal.withClient("102")), List.of());

            assertThat(report.rejections())
                    .hasSize(2)
                    .allSatisfy(rejection -> assertThat(rejection.reason()).isEqualTo("conflicting duplicate id"));
        }

        @Test
        @DisplayName(
                "R2: every copy of a conflicting id is rejected, however many equal copies there are and in any order")
        void everyConflictingCopyRejected() {
            for (List<CallRecord> order : List.of(
                    List.of(first, equalCopy, conflicting),
                    List.of(conflicting, first, equalCopy),
                    List.of(first, conflicting, equalCopy))) {
                Report report = dayReport(order, List.of());

                assertThat(report.rejections())
                        .as("delivered as %s", order)
                        .hasSize(3)
                        .allSatisfy(rejection -> {
                            assertThat(rejection.id()).isEqualTo("42");
                            assertThat(rejection.reason()).isEqualTo("conflicting duplicate id");
                        });
                assertThat(report.unprocessed()).isEmpty();
            }
        }

        @Test
        @DisplayName("R2: a copy rejected on its own (an unreadable number) does not make the other copy conflicting")
        void invalidCopyDoesNotConflict() {
            Report report = dayReport(List.of(first, missed("42", "n/a", at("09:00"))), List.of());

            assertThat(report.rejections())
                    .extracting(Rejection::reason)
                    .containsExactly("client number cannot be normalized: n/a");
            assertThat(report.unprocessed()).hasSize(1);
        }

        @Test
        @DisplayName("R2: copies with another direction conflict, even when one is internal")
        void otherDirectionConflicts() {
            CallRecord internal = CallRecord.builder(
                            "42", Direction.INTERNAL, at("09:00"), at("09:00").plusSeconds(30))
                    .client(CLIENT)
                    .stage(Stage.RINGING)
                    .build();

            assertThat(dayReport(List.of(first, internal), List.of()).rejections())
                    .hasSize(2);
        }
    }

    @Nested
    @DisplayName("R2: rejections never stop the report, unless it is strict")
    class Strict {

        private final List<CallRecord> calls = List.of(
                missed("1", CLIENT, START), missed("2", "12", START), attempt("3", "n/a", START.plusSeconds(60)));

        @Test
        @DisplayName("R2: a report with rejections still has its rows")
        void rejectionsDoNotStopTheReport() {
            Report report = dayReport(calls, List.of());

            assertThat(report.rejections()).hasSize(2);
            assertThat(report.unprocessed()).hasSize(1);
        }

        @Test
        @DisplayName("R2: strict mode turns the first rejection into RejectedInputException naming it")
        void strictModeThrows() {
            MissedCalls missedCalls = Fixtures.missedCalls(settings(), calls, List.of());
            ReportQuery query = ReportQuery.of(PROJECT)
                    .window(DAY, DAY.plus(Duration.ofDays(1)))
                    .asOf(DAY.plus(Duration.ofDays(1)))
                    .strict(true);

            RejectedInputException thrown =
                    catchThrowableOfType(RejectedInputException.class, () -> missedCalls.report(query));

            assertThat(thrown).isNotNull();
            assertThat(thrown.rejection())
                    .isEqualTo(Rejection.ofCall("2", null, "client number cannot be normalized: 12"));
            assertThat(thrown)
                    .isInstanceOf(MissedCallsException.class)
                    .hasMessage("rejected (id 2): client number cannot be normalized: 12");
        }

        @Test
        @DisplayName("R2: strict mode makes the report when nothing is rejected")
        void strictModeWithoutRejections() {
            MissedCalls missedCalls = Fixtures.missedCalls(
                    settings(),
                    List.of(missed("1", CLIENT, START), answered("2", CLIENT, START.plusSeconds(300))),
                    List.of());

            Report report = missedCalls.report(ReportQuery.of(PROJECT)
                    .window(DAY, DAY.plus(Duration.ofDays(1)))
                    .asOf(DAY.plus(Duration.ofDays(1)))
                    .strict(true));

            assertThat(report.processed()).hasSize(1);
        }

        @Test
        @DisplayName("R2, R11: strict mode throws at a handle whose number is withheld")
        void strictModeThrowsAtHandle() {
            MissedCalls missedCalls = Fixtures.missedCalls(
                    settings(),
                    List.of(missed("1", CLIENT, START)),
                    List.of(Fixtures.handle("Anonymous", at("10:00"), at("10:00"))));

            RejectedInputException thrown = catchThrowableOfType(
                    RejectedInputException.class,
                    () -> missedCalls.report(ReportQuery.of(PROJECT)
                            .window(DAY, DAY.plus(Duration.ofDays(1)))
                            .asOf(DAY.plus(Duration.ofDays(1)))
                            .strict(true)));

            assertThat(thrown).isNotNull();
            assertThat(thrown.rejection()).isEqualTo(Rejection.ofHandle(null, "withheld client number"));
        }
    }
}
