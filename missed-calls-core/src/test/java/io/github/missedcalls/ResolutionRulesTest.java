package io.github.missedcalls;

import static io.github.missedcalls.Fixtures.CLIENT;
import static io.github.missedcalls.Fixtures.DAY;
import static io.github.missedcalls.Fixtures.OTHER_CLIENT;
import static io.github.missedcalls.Fixtures.answered;
import static io.github.missedcalls.Fixtures.at;
import static io.github.missedcalls.Fixtures.attempt;
import static io.github.missedcalls.Fixtures.attemptIds;
import static io.github.missedcalls.Fixtures.callback;
import static io.github.missedcalls.Fixtures.dayReport;
import static io.github.missedcalls.Fixtures.handle;
import static io.github.missedcalls.Fixtures.ids;
import static io.github.missedcalls.Fixtures.missed;
import static io.github.missedcalls.Fixtures.report;
import static io.github.missedcalls.Fixtures.settings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("R4-R7: groups, their resolution and what a row shows")
class ResolutionRulesTest {

    @Nested
    @DisplayName("R4: missed calls without a client number")
    class R4 {

        @Test
        @DisplayName("R4: form no row and are counted when inside the window, whatever way the number is withheld")
        void anonymousMissedCounted() {
            Report report = report(
                    settings(),
                    List.of(
                            missed("1", "anonymous", at("09:00")),
                            CallRecord.builder("2", Direction.IN, at("09:10"), at("09:11"))
                                    .build(),
                            missed("3", "", at("09:20")),
                            CallRecord.builder("4", Direction.CALLBACK, at("09:30"), at("09:31"))
                                    .client("Private")
                                    .build(),
                            missed("5", "unknown", at("07:59")),
                            missed("6", "unknown", at("12:00")),
                            missed("7", CLIENT, at("10:00"))),
                    List.of(),
                    at("08:00"),
                    at("12:00"),
                    at("13:00"));

            assertThat(report.anonymousMissed()).isEqualTo(4);
            assertThat(report.unprocessed())
                    .singleElement()
                    .satisfies(row -> assertThat(row.client()).isEqualTo(CLIENT));
            assertThat(report.rejections()).isEmpty();
        }

        @Test
        @DisplayName("R4: an answered or outbound call without a number is no missed call")
        void answeredAnonymousNotCounted() {
            Report report = dayReport(
                    List.of(answered("1", "anonymous", at("09:00")), attempt("2", "anonymous", at("09:05"))),
                    List.of());

            assertThat(report.anonymousMissed()).isZero();
            assertThat(report.missedInRows()).isZero();
        }
    }

    @Nested
    @DisplayName("R5: groups")
    class R5 {

        @Test
        @DisplayName("R5: a successful contact resolves every open missed call of the client, on any line or employee")
        void contactResolvesAllOpenCalls() {
            CallRecord onOtherLine = CallRecord.builder("3", Direction.OUT, at("11:00"), at("11:05"))
                    .client("0501110001")
                    .answeredAt(at("11:00:10"))
                    .line("+380449999999")
                    .employee("someone else")
                    .build();

            Report report = dayReport(
                    List.of(
                            missed("1", CLIENT, at("09:00")),
                            CallRecord.builder("2", Direction.IN, at("10:00"), at("10:01"))
                                    .client(CLIENT)
                                    .line("+380441112233")
                                    .build(),
                            onOtherLine),
                    List.of());

            assertThat(report.unprocessed()).isEmpty();
            assertThat(report.processed())
                    .singleElement()
                    .satisfies(row -> assertThat(ids(row)).containsExactly("1", "2"));
        }

        @Test
        @DisplayName(
                "R5: missed calls after a contact open a new group: one unprocessed row, any number of processed ones")
        void severalProcessedGroups() {
            Report report = dayReport(
                    List.of(
                            missed("1", CLIENT, at("09:00")),
                            callback("2", CLIENT, at("09:30")),
                            missed("3", CLIENT, at("10:00")),
                            missed("4", CLIENT, at("10:15")),
                            answered("5", CLIENT, at("11:00")),
                            missed("6", CLIENT, at("12:00")),
                            missed("7", CLIENT, at("13:00"))),
                    List.of());

            assertThat(report.processed()).extracting(Fixtures::ids).containsExactly(List.of("3", "4"), List.of("1"));
            assertThat(report.unprocessed())
                    .singleElement()
                    .satisfies(row -> assertThat(ids(row)).containsExactly("6", "7"));
        }

        @Test
        @DisplayName(
                "R5: a missed call and a contact at one instant: the missed call comes first, and is resolved at once")
        void missedBeforeContactAtOneInstant() {
            Report report =
                    dayReport(List.of(answered("a", CLIENT, at("09:00")), missed("b", CLIENT, at("09:00"))), List.of());

            assertThat(report.processed()).singleElement().satisfies(row -> {
                assertThat(ids(row)).containsExactly("b");
                assertThat(row.resolution().callId()).isEqualTo("a");
                assertThat(row.timeToResolution()).isZero();
            });
        }

        @Test
        @DisplayName(
                "R5: a missed call and a handle at one instant: the missed call comes first, and the handle resolves it")
        void missedBeforeHandleAtOneInstant() {
            Report report = dayReport(
                    List.of(missed("1", CLIENT, at("09:00"))), List.of(handle(CLIENT, at("09:00"), at("09:00"))));

            assertThat(report.processed())
                    .singleElement()
                    .satisfies(row -> assertThat(row.resolution().kind()).isEqualTo(ResolutionKind.HANDLED));
        }

        @Test
        @DisplayName("R5: a contact and a handle at one instant: the contact comes first and wins")
        void contactBeforeHandleAtOneInstant() {
            Report report = dayReport(
                    List.of(missed("1", CLIENT, at("09:00")), callback("2", CLIENT, at("10:00"))),
                    List.of(handle(CLIENT, at("10:00"), at("10:00"))));

            assertThat(report.processed())
                    .singleElement()
                    .satisfies(row -> assertThat(row.resolution().kind()).isEqualTo(ResolutionKind.CALLED_BACK));
        }

        @Test
        @DisplayName("R5: missed calls at one instant are ordered by id as text")
        void missedCallsOrderedById() {
            Report report = dayReport(
                    List.of(
                            missed("9", CLIENT, at("09:00")),
                            missed("10", CLIENT, at("09:00")),
                            missed("1", CLIENT, at("08:00"))),
                    List.of());

            assertThat(report.unprocessed())
                    .singleElement()
                    .satisfies(row -> assertThat(ids(row)).containsExactly("1", "10", "9"));
        }

        @Test
        @DisplayName("R5: contacts at one instant are ordered by id as text: the first resolves")
        void contactsOrderedById() {
            CallRecord clientCall = CallRecord.builder("9", Direction.IN, at("10:00"), at("10:05"))
                    .client(CLIENT)
                    .answeredAt(at("10:00:05"))
                    .employee("olena")
                    .build();

            Report report = dayReport(
                    List.of(missed("1", CLIENT, at("09:00")), clientCall, callback("10", CLIENT, at("10:00"))),
                    List.of());

            assertThat(report.processed()).singleElement().satisfies(row -> {
                assertThat(row.resolution().callId()).isEqualTo("10");
                assertThat(row.resolution().kind()).isEqualTo(ResolutionKind.CALLED_BACK);
            });
        }

        @Test
        @DisplayName("R5: handles at one instant go by coversUntil, then actor")
        void handlesOrderedByCoversUntilThenActor() {
            Handle zedEarlier = new Handle(CLIENT, at("12:00"), at("09:00"), HandleReason.SPAM, null, "zed");
            Handle annaLater = new Handle(CLIENT, at("12:00"), at("10:00"), HandleReason.NOT_SALES, null, "anna");
            Handle bohdanLater = new Handle(CLIENT, at("12:00"), at("10:00"), HandleReason.DUPLICATE, null, "bohdan");

            Report report = dayReport(
                    List.of(missed("1", CLIENT, at("09:00")), missed("2", CLIENT, at("10:00"))),
                    List.of(bohdanLater, annaLater, zedEarlier));

            assertThat(report.processed())
                    .extracting(row -> row.resolution().resolvedBy(), Fixtures::ids)
                    .containsExactlyInAnyOrder(tuple("zed", List.of("1")), tuple("anna", List.of("2")));
        }

        @Test
        @DisplayName("R5: the first resolution wins; a later contact or handle changes nothing")
        void firstResolutionWins() {
            Report report = dayReport(
                    List.of(
                            missed("1", CLIENT, at("09:00")),
                            answered("2", CLIENT, at("10:00")),
                            callback("3", CLIENT, at("11:00"))),
                    List.of(handle(CLIENT, at("12:00"), at("09:00"))));

            assertThat(report.processed()).singleElement().satisfies(row -> {
                assertThat(row.resolution().callId()).isEqualTo("2");
                assertThat(row.callbackAttempts()).isEmpty();
            });
        }

        @Test
        @DisplayName("R5: a contact with another client, or an internal call, resolves nothing")
        void otherClientsAndInternalCallsResolveNothing() {
            CallRecord internal = CallRecord.builder("3", Direction.INTERNAL, at("10:00"), at("10:05"))
                    .client(CLIENT)
                    .answeredAt(at("10:00:05"))
                    .build();

            Report report = dayReport(
                    List.of(missed("1", CLIENT, at("09:00")), callback("2", OTHER_CLIENT, at("09:30")), internal),
                    List.of());

            assertThat(report.processed()).isEmpty();
            assertThat(report.unprocessed())
                    .singleElement()
                    .satisfies(row -> assertThat(row.attempts()).isZero());
        }

        @Test
        @DisplayName("R5: a contact before the first missed call resolves nothing")
        void earlierContactResolvesNothing() {
            Report report =
                    dayReport(List.of(callback("1", CLIENT, at("08:00")), missed("2", CLIENT, at("09:00"))), List.of());

            assertThat(report.unprocessed()).hasSize(1);
        }
    }

    @Nested
    @DisplayName("R6: how a group was resolved")
    class R6 {

        @Test
        @DisplayName("R6: a manager's call that reached the client is called back, by its employee, at its start")
        void calledBack() {
            Report report =
                    dayReport(List.of(missed("1", CLIENT, at("09:00")), callback("2", CLIENT, at("09:40"))), List.of());

            assertThat(report.processed())
                    .singleElement()
                    .satisfies(row -> assertThat(row.resolution())
                            .isEqualTo(new Resolution(
                                    ResolutionKind.CALLED_BACK, at("09:40"), "bohdan", null, null, "2")));
        }

        @Test
        @DisplayName("R6: an inbound call or an ordered callback that reached the client is client got through")
        void clientGotThrough() {
            CallRecord orderedCallback = CallRecord.builder("4", Direction.CALLBACK, at("11:00"), at("11:03"))
                    .client(CLIENT)
                    .answeredAt(at("11:00:30"))
                    .employee("olena")
                    .build();

            Report report = dayReport(
                    List.of(
                            missed("1", CLIENT, at("09:00")),
                            answered("2", CLIENT, at("09:40")),
                            missed("3", CLIENT, at("10:00")),
                            orderedCallback),
                    List.of());

            assertThat(report.processed())
                    .extracting(ProcessedRow::resolution)
                    .containsExactly(
                            new Resolution(ResolutionKind.CLIENT_GOT_THROUGH, at("11:00"), "olena", null, null, "4"),
                            new Resolution(ResolutionKind.CLIENT_GOT_THROUGH, at("09:40"), "olena", null, null, "2"));
        }

        @Test
        @DisplayName("R6: a manual handle is handled, with its actor, reason and note, at its instant")
        void handled() {
            Handle handle = new Handle(
                    CLIENT, at("10:00"), at("09:00"), HandleReason.OTHER, "asked us to stop calling", "anna");

            Report report = dayReport(List.of(missed("1", CLIENT, at("09:00"))), List.of(handle));

            assertThat(report.processed())
                    .singleElement()
                    .satisfies(row -> assertThat(row.resolution())
                            .isEqualTo(new Resolution(
                                    ResolutionKind.HANDLED,
                                    at("10:00"),
                                    "anna",
                                    HandleReason.OTHER,
                                    "asked us to stop calling",
                                    null)));
        }

        @Test
        @DisplayName("R6, R8: an answered call shorter than minConversation reaches no one and resolves nothing")
        void shortConversationResolvesNothing() {
            ProjectSettings settings = ProjectSettings.builder()
                    .countryCode("380")
                    .minConversation(Duration.ofSeconds(30))
                    .build();
            CallRecord shortCallback = CallRecord.builder("2", Direction.OUT, at("09:30"), at("09:30:39"))
                    .client(CLIENT)
                    .answeredAt(at("09:30:10"))
                    .build();
            CallRecord longEnough = CallRecord.builder("3", Direction.OUT, at("10:00"), at("10:00:40"))
                    .client(CLIENT)
                    .answeredAt(at("10:00:10"))
                    .build();

            Report report = report(
                    settings,
                    List.of(missed("1", CLIENT, at("09:00")), shortCallback, longEnough),
                    List.of(),
                    DAY,
                    at("12:00"),
                    at("12:00"));

            assertThat(report.processed()).singleElement().satisfies(row -> {
                assertThat(row.resolution().callId()).isEqualTo("3");
                assertThat(row.callbackAttempts())
                        .extracting(CallbackAttempt::id, CallbackAttempt::reached)
                        .containsExactly(tuple("2", false), tuple("3", true));
            });
        }
    }

    @Nested
    @DisplayName("R7: what a row shows")
    class R7 {

        @Test
        @DisplayName(
                "R7: an unprocessed row: first and last start, lost for, missed, attempts, reasons, lines, employees, waiting")
        void unprocessedRowValues() {
            CallRecord first = CallRecord.builder("1", Direction.IN, at("09:00"), at("09:00:05"))
                    .client(CLIENT)
                    .line("+380441112233")
                    .build();
            CallRecord second = CallRecord.builder("2", Direction.CALLBACK, at("09:45"), at("09:46"))
                    .client(CLIENT)
                    .line("+380442223300")
                    .employee("olena")
                    .stage(Stage.RINGING)
                    .managers(Managers.UNAVAILABLE)
                    .build();
            CallRecord third = CallRecord.builder("3", Direction.IN, at("10:30"), at("10:31"))
                    .client(CLIENT)
                    .line("+380441112233")
                    .stage(Stage.IVR)
                    .build();

            Report report = report(
                    settings(),
                    List.of(third, attempt("4", CLIENT, at("10:00")), first, second),
                    List.of(),
                    DAY,
                    at("12:00"),
                    at("12:00"));

            assertThat(report.unprocessed()).singleElement().satisfies(row -> {
                assertThat(row.client()).isEqualTo(CLIENT);
                assertThat(row.firstMissedAt()).isEqualTo(at("09:00"));
                assertThat(row.lastMissedAt()).isEqualTo(at("10:30"));
                assertThat(row.lostFor()).isEqualTo(Duration.ofMinutes(90));
                assertThat(row.missed()).isEqualTo(3);
                assertThat(row.attempts()).isEqualTo(1);
                assertThat(row.reason()).isEqualTo(MissedReason.ABANDONED_IN_IVR);
                assertThat(row.reasons())
                        .containsExactly(
                                MissedReason.ABANDONED_EARLY,
                                MissedReason.ALL_MANAGERS_UNAVAILABLE,
                                MissedReason.ABANDONED_IN_IVR);
                assertThat(row.lines()).containsExactly("+380441112233", "+380442223300");
                assertThat(row.employees()).containsExactly("olena", "bohdan");
                assertThat(row.waiting()).isEqualTo(Duration.ofHours(3));
            });
        }

        @Test
        @DisplayName("R7: one missed call is lost for zero; time to resolution runs from the first missed call")
        void singleCallAndTimeToResolution() {
            Report report = dayReport(
                    List.of(missed("1", CLIENT, at("09:00")), callback("2", CLIENT, at("09:20:30"))), List.of());

            assertThat(report.processed()).singleElement().satisfies(row -> {
                assertThat(row.lostFor()).isZero();
                assertThat(row.timeToResolution()).isEqualTo(Duration.ofSeconds(20 * 60 + 30));
            });
        }

        @Test
        @DisplayName(
                "R7: failed attempts and the resolving callback count; an attempt before the first missed call does not")
        void attemptsOfAGroup() {
            Report report = dayReport(
                    List.of(
                            attempt("0", CLIENT, at("08:00")),
                            missed("1", CLIENT, at("09:00")),
                            attempt("2", CLIENT, at("09:10")),
                            attempt("3", CLIENT, at("09:20")),
                            callback("4", CLIENT, at("09:30")),
                            attempt("5", CLIENT, at("09:40"))),
                    List.of());

            assertThat(report.processed()).singleElement().satisfies(row -> {
                assertThat(attemptIds(row)).containsExactly("2", "3", "4");
                assertThat(row.callbackAttempts())
                        .extracting(CallbackAttempt::reached)
                        .containsExactly(false, false, true);
            });
        }

        @Test
        @DisplayName("R7: an attempt after a resolution counts for no group, not even the client's next one")
        void attemptBetweenGroupsCountsForNone() {
            Report report = dayReport(
                    List.of(
                            missed("1", CLIENT, at("09:00")),
                            answered("2", CLIENT, at("09:30")),
                            attempt("3", CLIENT, at("10:00")),
                            missed("4", CLIENT, at("11:00"))),
                    List.of());

            assertThat(report.processed())
                    .singleElement()
                    .satisfies(row -> assertThat(row.attempts()).isZero());
            assertThat(report.unprocessed())
                    .singleElement()
                    .satisfies(row -> assertThat(row.attempts()).isZero());
        }

        @Test
        @DisplayName("R7: a failed attempt at the instant of a resolution counts for the resolved group")
        void attemptAtTheInstantOfAResolution() {
            Report report = dayReport(
                    List.of(
                            missed("1", CLIENT, at("09:00")),
                            answered("b", CLIENT, at("10:00")),
                            attempt("a", CLIENT, at("10:00")),
                            attempt("c", CLIENT, at("10:00"))),
                    List.of());

            assertThat(report.processed())
                    .singleElement()
                    .satisfies(row -> assertThat(attemptIds(row)).containsExactly("a", "c"));
        }

        @Test
        @DisplayName("R7: an attempt at the instant of a handle counts for the group the handle resolves")
        void attemptAtTheInstantOfAHandle() {
            Report report = dayReport(
                    List.of(missed("1", CLIENT, at("09:00")), attempt("2", CLIENT, at("10:00"))),
                    List.of(handle(CLIENT, at("10:00"), at("09:00"))));

            assertThat(report.processed())
                    .singleElement()
                    .satisfies(row -> assertThat(attemptIds(row)).containsExactly("2"));
        }

        @Test
        @DisplayName(
                "R7: a callback at the very instant another contact resolved the group still counts as its attempt")
        void callbackAtTheInstantOfTheResolutionCounts() {
            // At 10:00 the client got through (id b) and a manager's callback (id c) connected too:
            // b resolves the group, being first by id, and c, not before the resolution, counts for it.
            Report report = dayReport(
                    List.of(
                            missed("a", CLIENT, at("09:00")),
                            answered("b", CLIENT, at("10:00")),
                            callback("c", CLIENT, at("10:00"))),
                    List.of());

            assertThat(report.processed()).singleElement().satisfies(row -> {
                assertThat(row.resolution().kind()).isEqualTo(ResolutionKind.CLIENT_GOT_THROUGH);
                assertThat(row.resolution().callId()).isEqualTo("b");
                assertThat(row.callbackAttempts())
                        .extracting(CallbackAttempt::id)
                        .containsExactly("c");
            });
        }

        @Test
        @DisplayName("R7: an attempt at the instant of a missed call that opens a group counts for that group")
        void attemptAtTheInstantOfTheFirstMissedCall() {
            Report report =
                    dayReport(List.of(attempt("1", CLIENT, at("09:00")), missed("2", CLIENT, at("09:00"))), List.of());

            assertThat(report.unprocessed())
                    .singleElement()
                    .satisfies(row -> assertThat(attemptIds(row)).containsExactly("1"));
        }

        @Test
        @DisplayName("R7, R8: an attempt after the window's end counts if it started at or before as-of")
        void attemptAfterTheWindowCounts() {
            Report report = report(
                    settings(),
                    List.of(
                            missed("1", CLIENT, at("09:00")),
                            attempt("2", CLIENT, at("13:00")),
                            attempt("3", CLIENT, at("14:00:01"))),
                    List.of(),
                    DAY,
                    at("12:00"),
                    at("14:00"));

            assertThat(report.unprocessed()).singleElement().satisfies(row -> {
                assertThat(attemptIds(row)).containsExactly("2");
                assertThat(row.waiting()).isEqualTo(Duration.ofHours(5));
            });
        }

        @Test
        @DisplayName("R7: a row's employees are those its missed calls name, then those who tried to call back")
        void employeesOfARow() {
            CallRecord pickedUpByNobody = CallRecord.builder("1", Direction.IN, at("09:00"), at("09:01"))
                    .client(CLIENT)
                    .employee("olena")
                    .build();
            CallRecord olenaTries = CallRecord.builder("3", Direction.OUT, at("09:20"), at("09:21"))
                    .client(CLIENT)
                    .employee("olena")
                    .build();

            Report report =
                    dayReport(List.of(pickedUpByNobody, attempt("2", CLIENT, at("09:10")), olenaTries), List.of());

            assertThat(report.unprocessed())
                    .singleElement()
                    .satisfies(row -> assertThat(row.employees()).containsExactly("olena", "bohdan"));
        }

        @Test
        @DisplayName("R7: a row always has at least one missed call")
        void rowNeedsACall() {
            assertThatThrownBy(() -> new UnprocessedRow(CLIENT, List.of(), List.of(), Duration.ZERO))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new ProcessedRow(
                            CLIENT,
                            List.of(),
                            List.of(),
                            new Resolution(ResolutionKind.CALLED_BACK, Instant.EPOCH, null, null, null, "1")))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    @DisplayName("R8: the two tabs")
    class Tabs {

        @Test
        @DisplayName(
                "R8: unprocessed rows longest waiting first, processed rows latest resolution first, ties by client")
        void tabOrder() {
            String third = "+380442223344";
            Report report = dayReport(
                    List.of(
                            missed("1", OTHER_CLIENT, at("09:00")),
                            missed("2", CLIENT, at("08:00")),
                            missed("3", third, at("09:00")),
                            missed("4", CLIENT, at("10:00")),
                            missed("5", OTHER_CLIENT, at("10:00")),
                            missed("6", third, at("10:00")),
                            callback("7", CLIENT, at("12:00")),
                            callback("8", OTHER_CLIENT, at("11:00")),
                            callback("9", third, at("12:00"))),
                    List.of());
            Report open = dayReport(
                    List.of(
                            missed("1", OTHER_CLIENT, at("09:00")),
                            missed("2", CLIENT, at("09:00")),
                            missed("3", third, at("08:00"))),
                    List.of());

            assertThat(report.processed())
                    .extracting(ProcessedRow::client)
                    .containsExactly(third, CLIENT, OTHER_CLIENT);
            assertThat(open.unprocessed())
                    .extracting(UnprocessedRow::client)
                    .containsExactly(third, CLIENT, OTHER_CLIENT);
            assertThat(report.rows(Tab.PROCESSED)).isEqualTo(report.processed());
            assertThat(open.rows(Tab.UNPROCESSED)).isEqualTo(open.unprocessed());
        }
    }
}
