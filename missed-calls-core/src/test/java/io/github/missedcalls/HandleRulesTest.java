package io.github.missedcalls;

import static io.github.missedcalls.Fixtures.CLIENT;
import static io.github.missedcalls.Fixtures.DAY;
import static io.github.missedcalls.Fixtures.PROJECT;
import static io.github.missedcalls.Fixtures.at;
import static io.github.missedcalls.Fixtures.attempt;
import static io.github.missedcalls.Fixtures.callback;
import static io.github.missedcalls.Fixtures.dayReport;
import static io.github.missedcalls.Fixtures.handle;
import static io.github.missedcalls.Fixtures.ids;
import static io.github.missedcalls.Fixtures.missed;
import static io.github.missedcalls.Fixtures.settings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.github.missedcalls.inmemory.InMemoryHandleStore;
import io.github.missedcalls.spi.SaveOutcome;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("R11: manual handles")
class HandleRulesTest {

    @Nested
    @DisplayName("R11: what a handle resolves")
    class Resolves {

        @Test
        @DisplayName(
                "R11: a handle resolves the open missed calls up to coversUntil; later ones stay open as a new group")
        void coversUntilSplitsTheGroup() {
            Report report = dayReport(
                    List.of(
                            missed("1", CLIENT, at("09:00")),
                            missed("2", CLIENT, at("09:30")),
                            missed("3", CLIENT, at("10:30"))),
                    List.of(handle(CLIENT, at("11:00"), at("10:00"))));

            assertThat(report.processed()).singleElement().satisfies(row -> {
                assertThat(ids(row)).containsExactly("1", "2");
                assertThat(row.resolution().resolvedAt()).isEqualTo(at("11:00"));
                assertThat(row.timeToResolution()).isEqualTo(Duration.ofHours(2));
            });
            assertThat(report.unprocessed()).singleElement().satisfies(row -> {
                assertThat(ids(row)).containsExactly("3");
                assertThat(row.firstMissedAt()).isEqualTo(at("10:30"));
            });
        }

        @Test
        @DisplayName(
                "R7, R11: when a handle splits a group, each attempt goes with the group that was most recent when it was made")
        void attemptsSplitWithTheGroup() {
            Report report = dayReport(
                    List.of(
                            missed("1", CLIENT, at("09:00")),
                            attempt("a", CLIENT, at("09:15")),
                            missed("2", CLIENT, at("10:30")),
                            attempt("b", CLIENT, at("10:30")),
                            attempt("c", CLIENT, at("10:45")),
                            attempt("d", CLIENT, at("11:00")),
                            attempt("e", CLIENT, at("11:30"))),
                    List.of(handle(CLIENT, at("11:00"), at("10:00"))));

            assertThat(report.processed())
                    .singleElement()
                    .satisfies(row -> assertThat(row.callbackAttempts())
                            .extracting(CallbackAttempt::id)
                            .containsExactly("a"));
            assertThat(report.unprocessed())
                    .singleElement()
                    .satisfies(row -> assertThat(row.callbackAttempts())
                            .extracting(CallbackAttempt::id)
                            .containsExactly("b", "c", "d", "e"));
        }

        @Test
        @DisplayName(
                "R11: an attempt between the covered calls and the rest counts for the covered group, resolved after it")
        void attemptBeforeTheRestCountsForTheCoveredGroup() {
            Report report = dayReport(
                    List.of(
                            missed("1", CLIENT, at("09:00")),
                            attempt("a", CLIENT, at("10:15")),
                            missed("2", CLIENT, at("10:30"))),
                    List.of(handle(CLIENT, at("11:00"), at("10:00"))));

            assertThat(report.processed())
                    .singleElement()
                    .satisfies(row -> assertThat(row.callbackAttempts())
                            .extracting(CallbackAttempt::id)
                            .containsExactly("a"));
            assertThat(report.unprocessed())
                    .singleElement()
                    .satisfies(row -> assertThat(row.attempts()).isZero());
        }

        @Test
        @DisplayName("R11: a coversUntil after the handle's instant counts as the handle's instant")
        void coversUntilClamped() {
            Handle handle = handle(CLIENT, at("10:00"), at("12:00"));

            Report report = dayReport(
                    List.of(missed("1", CLIENT, at("09:00")), missed("2", CLIENT, at("11:00"))), List.of(handle));

            assertThat(handle.effectiveCoversUntil()).isEqualTo(at("10:00"));
            assertThat(handle(CLIENT, at("10:00"), at("09:00")).effectiveCoversUntil())
                    .isEqualTo(at("09:00"));
            assertThat(report.processed())
                    .singleElement()
                    .satisfies(row -> assertThat(ids(row)).containsExactly("1"));
            assertThat(report.unprocessed())
                    .singleElement()
                    .satisfies(row -> assertThat(ids(row)).containsExactly("2"));
        }

        @Test
        @DisplayName("R5, R11: a handle of an already resolved group changes nothing and is no error")
        void handleOfAResolvedGroup() {
            List<CallRecord> calls = List.of(missed("1", CLIENT, at("09:00")), callback("2", CLIENT, at("09:30")));

            Report withHandle = dayReport(calls, List.of(handle(CLIENT, at("10:00"), at("09:00"))));

            assertThat(withHandle).isEqualTo(dayReport(calls, List.of()));
        }

        @Test
        @DisplayName("R11: a handle that covers no open missed call, or comes before any, changes nothing")
        void handleCoveringNothing() {
            List<CallRecord> calls = List.of(missed("1", CLIENT, at("09:00")));

            Report report = dayReport(
                    calls,
                    List.of(
                            handle(CLIENT, at("10:00"), at("08:59")),
                            handle(CLIENT, at("08:00"), at("08:00")),
                            handle(Fixtures.OTHER_CLIENT, at("10:00"), at("10:00"))));

            assertThat(report).isEqualTo(dayReport(calls, List.of()));
        }

        @Test
        @DisplayName("R11: later handles resolve later groups; a client can have several handled rows")
        void severalHandles() {
            Report report = dayReport(
                    List.of(missed("1", CLIENT, at("09:00")), missed("2", CLIENT, at("10:00"))),
                    List.of(
                            handle(CLIENT, at("09:30"), at("09:00")),
                            new Handle(CLIENT, at("10:30"), at("10:00"), HandleReason.WRONG_NUMBER, null, "bohdan")));

            assertThat(report.processed())
                    .extracting(row -> row.resolution().handleReason(), Fixtures::ids)
                    .containsExactly(
                            tuple(HandleReason.WRONG_NUMBER, List.of("2")), tuple(HandleReason.SPAM, List.of("1")));
        }

        @Test
        @DisplayName("R3, R11: a handle's number is normalized like the calls'")
        void handleNumberNormalized() {
            Report report = dayReport(
                    List.of(missed("1", "+380 (50) 111-00-01", at("09:00"))),
                    List.of(handle("050 111 00 01", at("10:00"), at("10:00"))));

            assertThat(report.processed())
                    .singleElement()
                    .satisfies(row -> assertThat(row.client()).isEqualTo(CLIENT));
        }
    }

    @Nested
    @DisplayName("R11: a handle's values")
    class Values {

        @Test
        @DisplayName("R11: the reasons are a fixed list; other needs a note that is not blank")
        void reasonsAndNotes() {
            assertThat(HandleReason.values())
                    .extracting(HandleReason::token)
                    .containsExactly("spam", "wrong_number", "resolved_elsewhere", "not_sales", "duplicate", "other");
            assertThat(HandleReason.fromToken("called_back")).isEmpty();
            assertThatThrownBy(() -> new Handle(CLIENT, DAY, DAY, HandleReason.OTHER, "  ", "anna"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("blank note for other");
            assertThatThrownBy(() -> new Handle(CLIENT, DAY, DAY, HandleReason.OTHER, null, "anna"))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThat(new Handle(CLIENT, DAY, DAY, HandleReason.OTHER, "in person", "anna").note())
                    .isEqualTo("in person");
            assertThat(new Handle(CLIENT, DAY, DAY, HandleReason.SPAM, null, "anna").note())
                    .isNull();
        }

        @Test
        @DisplayName("R11: a handle needs a client number and an actor")
        void clientAndActorRequired() {
            assertThatThrownBy(() -> new Handle(" ", DAY, DAY, HandleReason.SPAM, null, "anna"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("no client number");
            assertThatThrownBy(() -> new Handle(CLIENT, DAY, DAY, HandleReason.SPAM, null, ""))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("no actor");
        }

        @Test
        @DisplayName("R11: two handles are the same when client, instant and actor are")
        void sameKey() {
            Handle handle = handle(CLIENT, DAY, DAY);

            assertThat(handle.sameKey(
                            new Handle(CLIENT, DAY, DAY.minusSeconds(1), HandleReason.DUPLICATE, null, "anna")))
                    .isTrue();
            assertThat(handle.sameKey(handle(CLIENT, DAY, DAY).withClient(Fixtures.OTHER_CLIENT)))
                    .isFalse();
            assertThat(handle.sameKey(new Handle(CLIENT, DAY, DAY, HandleReason.SPAM, null, "bohdan")))
                    .isFalse();
        }
    }

    @Nested
    @DisplayName("R2, R11: rejected handles")
    class Rejected {

        @Test
        @DisplayName(
                "R2, R11: a handle whose number is withheld or cannot be normalized is rejected, and the report goes on")
        void withheldOrUnreadableRejected() {
            Report report = dayReport(
                    List.of(missed("1", CLIENT, at("09:00"))),
                    List.of(handle("Private", at("10:00"), at("10:00")), handle("call me", at("10:00"), at("10:00"))));

            assertThat(report.rejections())
                    .containsExactlyInAnyOrder(
                            Rejection.ofHandle(null, "withheld client number"),
                            Rejection.ofHandle(null, "client number cannot be normalized: call me"));
            assertThat(report.unprocessed()).hasSize(1);
        }
    }

    @Nested
    @DisplayName("R11: storing a handle twice")
    class StoredTwice {

        @Test
        @DisplayName("R11: storing the same handle twice stores it once, and the report is that of storing it once")
        void storedOnce() {
            InMemoryHandleStore store = new InMemoryHandleStore();
            MissedCalls missedCalls = MissedCalls.builder()
                    .callSource(ListCallSource.everything(List.of(missed("1", CLIENT, at("09:00")))))
                    .handleStore(store)
                    .settings(settings())
                    .build();
            Handle handle = handle("0501110001", at("10:00"), at("09:00"));

            assertThat(missedCalls.saveHandle(PROJECT, handle)).isEqualTo(SaveOutcome.STORED);
            assertThat(missedCalls.saveHandle(PROJECT, handle.withClient("+380 50 111 00 01")))
                    .isEqualTo(SaveOutcome.ALREADY_STORED);

            assertThat(store.handles(PROJECT, DAY, DAY.plus(Duration.ofDays(1))))
                    .containsExactly(handle.withClient(CLIENT));
            assertThat(missedCalls
                            .report(ReportQuery.of(PROJECT)
                                    .window(DAY, at("12:00"))
                                    .asOf(at("12:00")))
                            .processed())
                    .hasSize(1);
        }

        @Test
        @DisplayName(
                "R11: a store that lists one handle twice (a file with a repeated line) gives the report of listing it once")
        void listedTwice() {
            Handle handle = handle(CLIENT, at("10:00"), at("09:00"));
            List<CallRecord> calls = List.of(missed("1", CLIENT, at("09:00")));
            MissedCalls twice = MissedCalls.builder()
                    .callSource(ListCallSource.everything(calls))
                    .handleStore(new ListHandleStore(List.of(handle, handle.withClient("0501110001"))))
                    .settings(settings())
                    .build();

            Report report = twice.report(ReportQuery.of(PROJECT)
                    .window(DAY, DAY.plus(Duration.ofDays(1)))
                    .asOf(DAY.plus(Duration.ofDays(1))));

            assertThat(report).isEqualTo(dayReport(calls, List.of(handle)));
        }

        @Test
        @DisplayName(
                "R2, R12: a store that lists one key twice with other values has every copy rejected, in either order")
        void conflictingCopiesRejectedWhateverTheOrder() {
            Handle spam = handle(CLIENT, at("10:00"), at("09:00"));
            Handle notSales = new Handle(
                    "0501110001", spam.handledAt(), spam.coversUntil(), HandleReason.NOT_SALES, null, spam.actor());
            List<CallRecord> calls = List.of(missed("1", CLIENT, at("09:00")));

            for (List<Handle> listed : List.of(List.of(spam, notSales), List.of(notSales, spam))) {
                Report report = MissedCalls.builder()
                        .callSource(ListCallSource.everything(calls))
                        .handleStore(new ListHandleStore(listed))
                        .settings(settings())
                        .build()
                        .report(ReportQuery.of(PROJECT)
                                .window(DAY, DAY.plus(Duration.ofDays(1)))
                                .asOf(DAY.plus(Duration.ofDays(1))));

                assertThat(report.rejections())
                        .hasSize(2)
                        .allSatisfy(
                                rejection -> assertThat(rejection.reason()).startsWith("conflicting duplicate handle"));
                assertThat(report.processed()).isEmpty();
                assertThat(report.unprocessed()).hasSize(1);
            }
        }

        @Test
        @DisplayName("R11: saving a handle with a stored key and other values is a HandleConflictException")
        void conflictRefused() {
            MissedCalls missedCalls = MissedCalls.builder()
                    .callSource(ListCallSource.everything(List.of()))
                    .handleStore(new InMemoryHandleStore())
                    .build();
            Handle handle = handle(CLIENT, at("10:00"), at("09:00"));
            missedCalls.saveHandle(PROJECT, handle);

            assertThatThrownBy(() -> missedCalls.saveHandle(
                            PROJECT,
                            new Handle(CLIENT, at("10:00"), at("09:00"), HandleReason.NOT_SALES, null, "anna")))
                    .isInstanceOf(HandleConflictException.class)
                    .hasMessageContaining("already stored");
        }
    }
}
