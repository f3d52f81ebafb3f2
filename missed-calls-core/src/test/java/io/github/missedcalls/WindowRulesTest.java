package io.github.missedcalls;

import static io.github.missedcalls.Fixtures.CLIENT;
import static io.github.missedcalls.Fixtures.DAY;
import static io.github.missedcalls.Fixtures.PROJECT;
import static io.github.missedcalls.Fixtures.answered;
import static io.github.missedcalls.Fixtures.at;
import static io.github.missedcalls.Fixtures.callback;
import static io.github.missedcalls.Fixtures.handle;
import static io.github.missedcalls.Fixtures.missed;
import static io.github.missedcalls.Fixtures.report;
import static io.github.missedcalls.Fixtures.settings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.missedcalls.inmemory.InMemoryCallSource;
import io.github.missedcalls.inmemory.InMemoryHandleStore;
import io.github.missedcalls.tck.SettableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("R8: the window [from, to) and the as-of instant")
class WindowRulesTest {

    private static final ZoneId KYIV = ZoneId.of("Europe/Kyiv");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final ZoneId HAVANA = ZoneId.of("America/Havana");

    /** The window a default report takes, in a zone, as of an instant. */
    private static Report defaultReport(ZoneId zone, Instant now) {
        return MissedCalls.builder()
                .callSource(new InMemoryCallSource())
                .handleStore(new InMemoryHandleStore())
                .clock(SettableClock.at(now))
                .settings(ProjectSettings.builder().zone(zone).build())
                .build()
                .report(PROJECT);
    }

    @Nested
    @DisplayName("R8: defaults")
    class Defaults {

        @Test
        @DisplayName(
                "R8: as-of is now from the clock, to is as-of, from is a calendar month before in the project's zone")
        void defaultWindow() {
            Instant now = Instant.parse("2026-11-15T10:00:00Z");

            Report report = defaultReport(KYIV, now);

            assertThat(report.asOf()).isEqualTo(now);
            assertThat(report.to()).isEqualTo(now);
            assertThat(report.from()).isEqualTo(Instant.parse("2026-10-15T09:00:00Z"));
            assertThat(report.zone()).isEqualTo(KYIV);
        }

        @Test
        @DisplayName("R8: a month before the 31st is the last day of the shorter month, same local time")
        void monthEndClamped() {
            // 31 March 12:00 in Kyiv (+03:00) is 09:00Z; 28 February 12:00 (+02:00) is 10:00Z.
            assertThat(defaultReport(KYIV, Instant.parse("2026-03-31T09:00:00Z"))
                            .from())
                    .isEqualTo(Instant.parse("2026-02-28T10:00:00Z"));
            assertThat(defaultReport(ZoneId.of("UTC"), Instant.parse("2028-03-30T08:00:00Z"))
                            .from())
                    .isEqualTo(Instant.parse("2028-02-29T08:00:00Z"));
        }

        @Test
        @DisplayName("R8: a month before lands in a DST gap: the local time moves forward by the gap")
        void dstGapMovesForward() {
            // 29 April 03:30 in Kyiv; 29 March 03:30 does not exist there (03:00 -> 04:00), so 04:30+03:00.
            assertThat(defaultReport(KYIV, Instant.parse("2026-04-29T00:30:00Z"))
                            .from())
                    .isEqualTo(Instant.parse("2026-03-29T01:30:00Z"));
        }

        @Test
        @DisplayName("R8: a month before lands in a DST overlap: as-of's offset is kept")
        void dstOverlapKeepsOffset() {
            // 25 November 03:30+02:00 in Kyiv; 25 October 03:30 happens twice, and +02:00 is the second.
            assertThat(defaultReport(KYIV, Instant.parse("2026-11-25T01:30:00Z"))
                            .from())
                    .isEqualTo(Instant.parse("2026-10-25T01:30:00Z"));
            // 1 December 01:30-05:00 in New York; 1 November 01:30 happens twice, and -05:00 is the second.
            assertThat(defaultReport(NEW_YORK, Instant.parse("2026-12-01T06:30:00Z"))
                            .from())
                    .isEqualTo(Instant.parse("2026-11-01T06:30:00Z"));
        }

        @Test
        @DisplayName("R8: the default as-of moves with the clock")
        void asOfFollowsTheClock() {
            SettableClock clock = SettableClock.at(at("10:00"));
            InMemoryCallSource source = new InMemoryCallSource()
                    .add(PROJECT, missed("1", CLIENT, at("09:00")), callback("2", CLIENT, at("11:00")));
            MissedCalls missedCalls = MissedCalls.builder()
                    .callSource(source)
                    .handleStore(new InMemoryHandleStore())
                    .clock(clock)
                    .settings(settings())
                    .build();

            assertThat(missedCalls.report(PROJECT).unprocessed()).hasSize(1);
            clock.advance(Duration.ofHours(2));
            assertThat(missedCalls.report(PROJECT).processed()).hasSize(1);
        }
    }

    @Nested
    @DisplayName("R8: windows given as dates")
    class Dates {

        @Test
        @DisplayName(
                "R8: a window of dates runs from the start of from's day to the start of to's day in the project's zone")
        void datesInTheProjectsZone() {
            ReportQuery query =
                    ReportQuery.of(PROJECT).windowDates(LocalDate.parse("2026-11-02"), LocalDate.parse("2026-11-03"));

            assertThat(query.resolveFrom(DAY, KYIV)).isEqualTo(Instant.parse("2026-11-01T22:00:00Z"));
            assertThat(query.resolveTo(DAY, KYIV)).isEqualTo(Instant.parse("2026-11-02T22:00:00Z"));
        }

        @Test
        @DisplayName(
                "R8: a start of day that occurs twice takes the earlier offset; one in a gap starts when the day does")
        void startOfDayAcrossDst() {
            // Havana turns the clock back from 01:00 to 00:00 on 1 November 2026: midnight happens at -04:00 and at
            // -05:00.
            ReportQuery overlap =
                    ReportQuery.of(PROJECT).windowDates(LocalDate.parse("2026-11-01"), LocalDate.parse("2026-11-02"));
            // On 8 March 2026 it jumps from 00:00 to 01:00: the day starts at 01:00-04:00.
            ReportQuery gap =
                    ReportQuery.of(PROJECT).windowDates(LocalDate.parse("2026-03-08"), LocalDate.parse("2026-03-09"));

            assertThat(overlap.resolveFrom(DAY, HAVANA)).isEqualTo(Instant.parse("2026-11-01T04:00:00Z"));
            assertThat(overlap.resolveTo(DAY, HAVANA)).isEqualTo(Instant.parse("2026-11-02T05:00:00Z"));
            assertThat(gap.resolveFrom(DAY, HAVANA)).isEqualTo(Instant.parse("2026-03-08T05:00:00Z"));
        }

        @Test
        @DisplayName("R8: a report over dates reports those instants")
        void reportOverDates() {
            MissedCalls missedCalls = MissedCalls.builder()
                    .callSource(new InMemoryCallSource())
                    .handleStore(new InMemoryHandleStore())
                    .settings(ProjectSettings.builder().zone(KYIV).build())
                    .build();

            Report report = missedCalls.report(ReportQuery.of(PROJECT)
                    .windowDates(LocalDate.parse("2026-11-02"), LocalDate.parse("2026-11-03"))
                    .asOf(at("23:00")));

            assertThat(report.from()).isEqualTo(Instant.parse("2026-11-01T22:00:00Z"));
            assertThat(report.to()).isEqualTo(Instant.parse("2026-11-02T22:00:00Z"));
            assertThat(report.asOf()).isEqualTo(at("23:00"));
        }
    }

    @Nested
    @DisplayName("R8: usage errors")
    class Errors {

        @Test
        @DisplayName("R8: from after to is an IllegalArgumentException, as instants and as dates")
        void fromAfterTo() {
            MissedCalls missedCalls = MissedCalls.builder()
                    .callSource(new InMemoryCallSource())
                    .handleStore(new InMemoryHandleStore())
                    .build();

            assertThatThrownBy(() -> missedCalls.report(ReportQuery.of(PROJECT)
                            .window(at("10:00"), at("09:59"))
                            .asOf(at("12:00"))))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("after its end");
            assertThatThrownBy(() -> missedCalls.report(
                            ReportQuery.of(PROJECT)
                                    .windowDates(LocalDate.parse("2026-11-03"), LocalDate.parse("2026-11-02")),
                            new ReportListener() {}))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> missedCalls.report(ReportQuery.of(PROJECT)
                            .window(null, null)
                            .asOf(Instant.EPOCH)
                            .window(at("10:00"), null)))
                    .as("from after the default to, which is as-of")
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        @DisplayName("R8: an empty window, from equal to to, is no error and holds no missed call")
        void emptyWindow() {
            Report report = report(
                    settings(),
                    List.of(missed("1", CLIENT, at("10:00"))),
                    List.of(),
                    at("10:00"),
                    at("10:00"),
                    at("12:00"));

            assertThat(report.unprocessed()).isEmpty();
        }
    }

    @Nested
    @DisplayName("R8: the window's edges")
    class Edges {

        @Test
        @DisplayName("R8: a missed call at from counts, one at to does not, and neither does one before from")
        void fromInclusiveToExclusive() {
            Report report = report(
                    settings(),
                    List.of(
                            missed("before", CLIENT, at("07:59:59")),
                            missed("from", CLIENT, at("08:00")),
                            missed("to", CLIENT, at("12:00")),
                            missed("anon-to", "anonymous", at("12:00"))),
                    List.of(),
                    at("08:00"),
                    at("12:00"),
                    at("13:00"));

            assertThat(report.unprocessed())
                    .singleElement()
                    .satisfies(row ->
                            assertThat(row.calls()).extracting(MissedCall::id).containsExactly("from"));
            assertThat(report.anonymousMissed()).isZero();
        }

        @Test
        @DisplayName("R8: a group's first missed call is its first inside the window")
        void groupStartsInsideTheWindow() {
            Report report = report(
                    settings(),
                    List.of(missed("1", CLIENT, at("07:00")), missed("2", CLIENT, at("09:00"))),
                    List.of(),
                    at("08:00"),
                    at("12:00"),
                    at("12:00"));

            assertThat(report.unprocessed()).singleElement().satisfies(row -> {
                assertThat(row.firstMissedAt()).isEqualTo(at("09:00"));
                assertThat(row.missed()).isEqualTo(1);
            });
        }

        @Test
        @DisplayName("R8: a call after to but at or before as-of resolves; one after as-of does not")
        void resolutionsAfterTo() {
            List<CallRecord> calls = List.of(missed("1", CLIENT, at("09:00")), answered("2", CLIENT, at("13:00")));

            Report resolved = report(settings(), calls, List.of(), at("08:00"), at("12:00"), at("13:00"));
            Report notYet = report(settings(), calls, List.of(), at("08:00"), at("12:00"), at("12:59:59"));

            assertThat(resolved.processed())
                    .singleElement()
                    .satisfies(row -> assertThat(row.resolution().resolvedAt()).isEqualTo(at("13:00")));
            assertThat(notYet.processed()).isEmpty();
            assertThat(notYet.unprocessed())
                    .singleElement()
                    .satisfies(row -> assertThat(row.waiting()).isEqualTo(Duration.ofSeconds(4 * 3600 - 1)));
        }

        @Test
        @DisplayName("R8: a missed call after to opens no group, even before as-of")
        void missedAfterToIgnored() {
            Report report = report(
                    settings(),
                    List.of(missed("1", CLIENT, at("12:30"))),
                    List.of(),
                    at("08:00"),
                    at("12:00"),
                    at("13:00"));

            assertThat(report.unprocessed()).isEmpty();
        }

        @Test
        @DisplayName("R8: with to after as-of, a missed call at as-of counts and one after it is ignored")
        void asOfInsideTheWindow() {
            Report report = report(
                    settings(),
                    List.of(missed("1", CLIENT, at("10:00")), missed("2", CLIENT, at("10:00:01"))),
                    List.of(),
                    at("08:00"),
                    at("12:00"),
                    at("10:00"));

            assertThat(report.unprocessed()).singleElement().satisfies(row -> {
                assertThat(row.calls()).extracting(MissedCall::id).containsExactly("1");
                assertThat(row.waiting()).isZero();
            });
        }

        @Test
        @DisplayName("R8: a handle at as-of counts; one a second later does not")
        void handlesAtAndAfterAsOf() {
            List<CallRecord> calls = List.of(missed("1", CLIENT, at("09:00")));
            List<Handle> handles = List.of(handle(CLIENT, at("10:00"), at("09:00")));

            assertThat(report(settings(), calls, handles, DAY, at("10:00"), at("10:00"))
                            .processed())
                    .hasSize(1);
            assertThat(report(settings(), calls, handles, DAY, at("09:59:59"), at("09:59:59"))
                            .processed())
                    .isEmpty();
        }

        @Test
        @DisplayName("R8: a past report is reproduced exactly: later calls and handles are ignored")
        void pastReportReproduced() {
            List<CallRecord> morning = List.of(missed("1", CLIENT, at("09:00")), missed("2", CLIENT, at("09:30")));
            List<CallRecord> wholeDay = List.of(
                    missed("1", CLIENT, at("09:00")),
                    missed("2", CLIENT, at("09:30")),
                    callback("3", CLIENT, at("11:00")),
                    missed("4", CLIENT, at("11:30")));

            Report then = report(settings(), morning, List.of(), DAY, at("10:00"), at("10:00"));
            Report replayed = report(
                    settings(),
                    wholeDay,
                    List.of(handle(CLIENT, at("10:30"), at("09:30"))),
                    DAY,
                    at("10:00"),
                    at("10:00"));

            assertThat(replayed).isEqualTo(then);
        }

        @Test
        @DisplayName("R8: a call that started before as-of is taken with its recorded outcome, even if it ended after")
        void recordedOutcomeOfARunningCall() {
            CallRecord longCallback = CallRecord.builder("2", Direction.OUT, at("09:59"), at("10:30"))
                    .client(CLIENT)
                    .answeredAt(at("10:05"))
                    .build();

            Report report = report(
                    settings(),
                    List.of(missed("1", CLIENT, at("09:00")), longCallback),
                    List.of(),
                    DAY,
                    at("10:00"),
                    at("10:00"));

            assertThat(report.processed())
                    .singleElement()
                    .satisfies(row -> assertThat(row.resolution().resolvedAt()).isEqualTo(at("09:59")));
        }
    }
}
