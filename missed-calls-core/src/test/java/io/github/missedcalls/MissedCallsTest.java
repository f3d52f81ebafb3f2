package io.github.missedcalls;

import static io.github.missedcalls.Fixtures.CLIENT;
import static io.github.missedcalls.Fixtures.DAY;
import static io.github.missedcalls.Fixtures.PROJECT;
import static io.github.missedcalls.Fixtures.at;
import static io.github.missedcalls.Fixtures.callback;
import static io.github.missedcalls.Fixtures.missed;
import static io.github.missedcalls.Fixtures.settings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.missedcalls.inmemory.InMemoryCallSource;
import io.github.missedcalls.inmemory.InMemoryHandleStore;
import io.github.missedcalls.tck.SettableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("MissedCalls, the entry point")
class MissedCallsTest {

    private final SettableClock clock = SettableClock.at(at("12:00"));
    private final InMemoryCallSource source = new InMemoryCallSource();
    private final InMemoryHandleStore store = new InMemoryHandleStore();
    private final MissedCalls missedCalls = MissedCalls.builder()
            .callSource(source)
            .handleStore(store)
            .clock(clock)
            .settings(settings())
            .build();

    private List<Handle> stored() {
        return store.handles(PROJECT, Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"));
    }

    @Nested
    @DisplayName("R11: handle, the button a manager presses")
    class HandleNow {

        @Test
        @DisplayName("R11: stores a handle, now, covering up to the last missed call the report shows")
        void storesAHandleCoveringTheShownCalls() {
            source.add(PROJECT, missed("1", CLIENT, at("09:00")), missed("2", CLIENT, at("10:00")));

            HandleResult result = missedCalls.handle(PROJECT, "050 111 00 01", HandleReason.NOT_SALES, null, "anna");

            Handle expected = new Handle(CLIENT, at("12:00"), at("10:00"), HandleReason.NOT_SALES, null, "anna");
            assertThat(result).isEqualTo(new HandleResult.Handled(expected));
            assertThat(stored()).containsExactly(expected);
            assertThat(missedCalls.report(PROJECT).processed())
                    .singleElement()
                    .satisfies(row -> assertThat(row.resolution().kind()).isEqualTo(ResolutionKind.HANDLED));
        }

        @Test
        @DisplayName("R11: a call that arrives after the handle opens a new group")
        void laterCallOpensANewGroup() {
            source.add(PROJECT, missed("1", CLIENT, at("09:00")));
            missedCalls.handle(PROJECT, CLIENT, HandleReason.OTHER, "called from a mobile", "anna");
            source.add(PROJECT, missed("2", CLIENT, at("12:30")));
            clock.set(at("13:00"));

            Report report = missedCalls.report(PROJECT);

            assertThat(report.processed())
                    .singleElement()
                    .satisfies(row -> assertThat(row.resolution().note()).isEqualTo("called from a mobile"));
            assertThat(report.unprocessed())
                    .singleElement()
                    .satisfies(row ->
                            assertThat(row.calls()).extracting(MissedCall::id).containsExactly("2"));
        }

        @Test
        @DisplayName("R11: says nothing was open, with the latest resolution, and stores nothing")
        void nothingOpenSaysWhy() {
            source.add(PROJECT, missed("1", CLIENT, at("09:00")), callback("2", CLIENT, at("09:30")));

            HandleResult resolved = missedCalls.handle(PROJECT, CLIENT, HandleReason.SPAM, null, "anna");
            HandleResult neverCalled =
                    missedCalls.handle(PROJECT, Fixtures.OTHER_CLIENT, HandleReason.SPAM, null, "anna");

            assertThat(resolved).isInstanceOfSatisfying(HandleResult.NothingOpen.class, nothing -> {
                assertThat(nothing.client()).isEqualTo(CLIENT);
                assertThat(nothing.to()).isEqualTo(at("12:00"));
                assertThat(nothing.lastResolved())
                        .extracting(row -> row.resolution().kind())
                        .isEqualTo(ResolutionKind.CALLED_BACK);
            });
            assertThat(resolved.stored()).isEmpty();
            assertThat(neverCalled)
                    .isEqualTo(new HandleResult.NothingOpen(
                            Fixtures.OTHER_CLIENT, at("12:00").minus(Duration.ofDays(31)), at("12:00"), null));
            assertThat(stored()).isEmpty();
        }

        @Test
        @DisplayName(
                "R11: finds the group the report of the manager's window shows, though it began before the default month")
        void findsTheGroupOfTheShownWindow() {
            Instant longAgo = at("08:00").minus(Duration.ofDays(33));
            source.add(PROJECT, missed("1", CLIENT, longAgo), missed("2", CLIENT, at("09:00")));
            ReportQuery shown = ReportQuery.of(PROJECT).window(longAgo.minus(Duration.ofDays(1)), null);

            HandleResult result = missedCalls.handle(shown, CLIENT, HandleReason.SPAM, null, "anna");

            Handle expected = new Handle(CLIENT, at("12:00"), at("09:00"), HandleReason.SPAM, null, "anna");
            assertThat(result.stored()).contains(expected);
            assertThat(missedCalls.report(shown).unprocessed()).isEmpty();
            assertThat(missedCalls.report(shown).processed())
                    .singleElement()
                    .satisfies(row ->
                            assertThat(row.calls()).extracting(MissedCall::id).containsExactly("1", "2"));
        }

        @Test
        @DisplayName("R11: keeps the window of a report shown as of an earlier instant, and judges the group now")
        void keepsTheWindowOfAReportAsOfEarlier() {
            Instant fortyDaysAgo = at("09:00").minus(Duration.ofDays(40));
            source.add(
                    PROJECT,
                    missed("1", CLIENT, fortyDaysAgo),
                    missed("2", Fixtures.OTHER_CLIENT, fortyDaysAgo),
                    callback("3", Fixtures.OTHER_CLIENT, at("09:30")));
            ReportQuery shown = ReportQuery.of(PROJECT).asOf(fortyDaysAgo.plus(Duration.ofHours(2)));

            HandleResult open = missedCalls.handle(shown, CLIENT, HandleReason.SPAM, null, "anna");
            HandleResult calledBackSince =
                    missedCalls.handle(shown, Fixtures.OTHER_CLIENT, HandleReason.SPAM, null, "anna");

            assertThat(open.stored())
                    .contains(new Handle(CLIENT, at("12:00"), fortyDaysAgo, HandleReason.SPAM, null, "anna"));
            assertThat(calledBackSince).isInstanceOfSatisfying(HandleResult.NothingOpen.class, nothing -> {
                assertThat(nothing.to()).isEqualTo(fortyDaysAgo.plus(Duration.ofHours(2)));
                assertThat(nothing.lastResolved())
                        .extracting(row -> row.resolution().kind())
                        .isEqualTo(ResolutionKind.CALLED_BACK);
            });
        }

        @Test
        @DisplayName(
                "R11: refuses a withheld number, an unreadable one, a blank actor and a blank note for other, storing nothing")
        void refusesBadInput() {
            source.add(PROJECT, missed("1", CLIENT, at("09:00")));

            assertThatThrownBy(() -> missedCalls.handle(PROJECT, "Anonymous", HandleReason.SPAM, null, "anna"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("a withheld number cannot be handled");
            assertThatThrownBy(() -> missedCalls.handle(PROJECT, "", HandleReason.SPAM, null, "anna"))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> missedCalls.handle(PROJECT, "call me", HandleReason.SPAM, null, "anna"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("cannot be normalized");
            assertThatThrownBy(() -> missedCalls.handle(PROJECT, CLIENT, HandleReason.SPAM, null, " "))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> missedCalls.handle(PROJECT, CLIENT, HandleReason.OTHER, "", "anna"))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThat(stored()).isEmpty();
        }

        @Test
        @DisplayName("R11: saveHandle refuses a withheld number")
        void saveHandleRefusesWithheld() {
            assertThatThrownBy(() -> missedCalls.saveHandle(
                            PROJECT, new Handle("withheld", DAY, DAY, HandleReason.SPAM, null, "anna")))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThat(stored()).isEmpty();
        }
    }

    @Nested
    @DisplayName("configuration")
    class Configuration {

        @Test
        @DisplayName("a call source is required")
        void sourceRequired() {
            assertThatThrownBy(() -> MissedCalls.builder()
                            .handleStore(new InMemoryHandleStore())
                            .build())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("a call source is required");
        }

        @Test
        @DisplayName("a handle store is required: no silent in-memory default that loses handles at restart")
        void storeRequired() {
            assertThatThrownBy(() -> MissedCalls.builder().callSource(source).build())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("a handle store is required");
        }

        @Test
        @DisplayName("settings may differ per project, and a project without settings is a clear error")
        void settingsPerProject() {
            ProjectSettings kyiv =
                    ProjectSettings.builder().zone(ZoneId.of("Europe/Kyiv")).build();
            MissedCalls perProject = MissedCalls.builder()
                    .callSource(source)
                    .handleStore(new InMemoryHandleStore())
                    .settings(project -> project.equals("kyiv") ? kyiv : null)
                    .build();

            assertThat(perProject.settings("kyiv")).isSameAs(kyiv);
            assertThat(perProject.report(ReportQuery.of("kyiv").asOf(DAY)).zone())
                    .isEqualTo(ZoneId.of("Europe/Kyiv"));
            assertThatThrownBy(() -> perProject.settings("acme"))
                    .isInstanceOf(NullPointerException.class)
                    .hasMessage("no settings for project acme");
        }

        @Test
        @DisplayName("defaults: the system clock, UTC and no country code")
        void defaults() {
            MissedCalls plain = MissedCalls.builder()
                    .callSource(source)
                    .handleStore(new InMemoryHandleStore())
                    .build();
            Instant before = Instant.now();

            Report report = plain.report(PROJECT);

            assertThat(report.asOf()).isBetween(before, Instant.now());
            assertThat(report.zone()).isEqualTo(ZoneOffset.UTC);
            assertThat(plain.settings(PROJECT)).usingRecursiveComparison().isEqualTo(ProjectSettings.defaults());
        }

        @Test
        @DisplayName("R8: a report streamed to a listener sums up what it sent")
        void streamedReportSummary() {
            source.add(
                    PROJECT,
                    missed("1", CLIENT, at("09:00")),
                    callback("2", CLIENT, at("09:30")),
                    missed("3", CLIENT, at("10:00")),
                    missed("4", "anonymous", at("10:00")),
                    missed("5", "12", at("10:00")));

            ReportSummary summary = missedCalls.report(ReportQuery.of(PROJECT), new ReportListener() {});

            assertThat(summary)
                    .isEqualTo(new ReportSummary(
                            PROJECT,
                            ZoneOffset.UTC,
                            at("12:00").minus(Duration.ofDays(31)),
                            at("12:00"),
                            at("12:00"),
                            1,
                            1,
                            1,
                            1,
                            4,
                            null));
            assertThat(summary.emptyWindowHint()).isEmpty();
        }
    }

    @Nested
    @DisplayName("R8: a window that holds no call says where the project's calls are")
    class EmptyWindow {

        private final Instant monthAgo = at("12:00").minus(Duration.ofDays(40));

        @Test
        @DisplayName("R8: every call before the window: empty tabs, the latest start, and the as-of that shows it")
        void everyCallBeforeTheWindow() {
            source.add(PROJECT, missed("1", CLIENT, monthAgo), missed("2", CLIENT, monthAgo.plusSeconds(90)));

            Report report = missedCalls.report(PROJECT);

            assertThat(report.unprocessed()).isEmpty();
            assertThat(report.processed()).isEmpty();
            assertThat(report.callsInWindow()).isZero();
            assertThat(report.latestCallBeforeWindow()).isEqualTo(monthAgo.plusSeconds(90));
            assertThat(report.emptyWindowHint())
                    .hasValueSatisfying(hint -> assertThat(hint)
                            .startsWith("no call of " + PROJECT + " started in the window ")
                            .contains("the latest started at "
                                    + ReportCsv.formatTime(monthAgo.plusSeconds(90), ZoneOffset.UTC))
                            .endsWith(".asOf(Instant.parse(\"" + monthAgo.plusSeconds(91) + "\"))"));
        }

        @Test
        @DisplayName("R8: the as-of the hint names gives the report with those calls")
        void theHintsAsOfShowsTheCalls() {
            source.add(PROJECT, missed("1", CLIENT, monthAgo));

            Report then = missedCalls.report(ReportQuery.of(PROJECT).asOf(monthAgo.plusSeconds(1)));

            assertThat(then.unprocessed())
                    .singleElement()
                    .satisfies(row -> assertThat(row.missed()).isEqualTo(1));
            assertThat(then.emptyWindowHint()).isEmpty();
        }

        @Test
        @DisplayName("R8: a source that delivers every record (a file) gives the latest start without being asked")
        void fromDeliveredRecords() {
            ListCallSource file = ListCallSource.everything(
                    List.of(missed("1", CLIENT, monthAgo), missed("2", CLIENT, monthAgo.minusSeconds(60))));
            MissedCalls overFile = MissedCalls.builder()
                    .callSource(file)
                    .handleStore(store)
                    .clock(clock)
                    .settings(settings())
                    .build();

            ReportSummary summary = overFile.report(ReportQuery.of(PROJECT), new ReportListener() {});

            assertThat(summary.callsInWindow()).isZero();
            assertThat(summary.latestCallBeforeWindow()).isEqualTo(monthAgo);
            assertThat(summary.emptyWindowHint()).isPresent();
        }

        @Test
        @DisplayName("R8: no hint for a project with no calls at all, nor for a window that holds calls")
        void noHintWithoutEarlierCallsOrWithCallsInTheWindow() {
            assertThat(missedCalls.report(PROJECT).emptyWindowHint()).isEmpty();

            source.add(PROJECT, missed("1", CLIENT, monthAgo), callback("2", CLIENT, at("09:00")));
            Report report = missedCalls.report(PROJECT);

            assertThat(report.callsInWindow()).isEqualTo(1);
            assertThat(report.latestCallBeforeWindow()).isNull();
            assertThat(report.emptyWindowHint()).isEmpty();
        }
    }
}
