package io.github.missedcalls;

import static io.github.missedcalls.Fixtures.CLIENT;
import static io.github.missedcalls.Fixtures.OTHER_CLIENT;
import static io.github.missedcalls.Fixtures.PROJECT;
import static io.github.missedcalls.Fixtures.answered;
import static io.github.missedcalls.Fixtures.attempt;
import static io.github.missedcalls.Fixtures.callback;
import static io.github.missedcalls.Fixtures.handle;
import static io.github.missedcalls.Fixtures.missed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.github.missedcalls.inmemory.InMemoryHandleStore;
import io.github.missedcalls.spi.HandleStore;
import io.github.missedcalls.spi.SaveOutcome;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("R14 to R18: working the report")
class WorkflowRulesTest {

    private static final ZoneId KYIV = ZoneId.of("Europe/Kyiv");
    private static final BusinessHours OFFICE = BusinessHours.parse("Mon-Fri 09:00-18:00");
    private static final String LINE = "+380441112233";
    private static final String OTHER_LINE = "+380442223300";

    /** A report of [from, asOf) as of asOf, with the country code 380 and these settings. */
    private static Report report(
            ProjectSettings.Builder settings,
            List<CallRecord> calls,
            List<Handle> handles,
            Instant from,
            Instant asOf) {
        return Fixtures.report(settings.countryCode("380").build(), calls, handles, from, asOf, asOf);
    }

    private static ProjectSettings.Builder office(WorkflowSettings workflow) {
        return ProjectSettings.builder().businessHours(OFFICE).workflow(workflow);
    }

    private static WorkflowSettings deadline(Duration deadline) {
        return WorkflowSettings.builder().deadline(deadline).build();
    }

    private static CallRecord onLine(CallRecord call, String line) {
        return CallRecord.builder(call.id(), call.direction(), call.startedAt(), call.endedAt())
                .client(call.client())
                .answeredAt(call.answeredAt())
                .employee(call.employee())
                .stage(call.stage())
                .line(line)
                .build();
    }

    @Nested
    @DisplayName("R14: callback deadline")
    class Deadline {

        /** Friday 6 November 2026. */
        private final Instant friday1759 = Instant.parse("2026-11-06T17:59:00Z");

        @Test
        @DisplayName("R14: a call missed Friday 17:59 with 2 business hours is due Monday 10:59, overdue from then")
        void fridayEveningRunsIntoMonday() {
            List<CallRecord> calls = List.of(missed("1", CLIENT, friday1759));
            Instant monday1059 = Instant.parse("2026-11-09T10:59:00Z");

            UnprocessedRow friday = report(
                            office(deadline(Duration.ofHours(2))),
                            calls,
                            List.of(),
                            friday1759,
                            Instant.parse("2026-11-06T21:00:00Z"))
                    .unprocessed()
                    .get(0);
            UnprocessedRow monday = report(
                            office(deadline(Duration.ofHours(2))),
                            calls,
                            List.of(),
                            friday1759,
                            Instant.parse("2026-11-09T11:00:00Z"))
                    .unprocessed()
                    .get(0);

            assertThat(friday.due()).isEqualTo(monday1059);
            assertThat(friday.overdue()).isFalse();
            assertThat(friday.overdueBy()).isZero();
            assertThat(monday.overdue()).isTrue();
            assertThat(monday.overdueBy()).isEqualTo(Duration.ofMinutes(1));
        }

        @Test
        @DisplayName("R14: in calendar time the same call is due Friday 19:59")
        void calendarClockRunsAroundTheClock() {
            WorkflowSettings calendar = WorkflowSettings.builder()
                    .deadline(Duration.ofHours(2))
                    .clock(DeadlineClock.CALENDAR)
                    .build();
            UnprocessedRow row = report(
                            office(calendar),
                            List.of(missed("1", CLIENT, friday1759)),
                            List.of(),
                            friday1759,
                            Instant.parse("2026-11-06T21:00:00Z"))
                    .unprocessed()
                    .get(0);

            assertThat(row.due()).isEqualTo(Instant.parse("2026-11-06T19:59:00Z"));
            assertThat(row.overdueBy()).isEqualTo(Duration.ofMinutes(61));
        }

        @Test
        @DisplayName("R14: a call missed outside business hours starts counting at the next opening")
        void outsideHoursCountsFromTheOpening() {
            Instant saturday = Instant.parse("2026-11-07T12:00:00Z");
            UnprocessedRow row = report(
                            office(deadline(Duration.ofMinutes(30))),
                            List.of(missed("1", CLIENT, saturday)),
                            List.of(),
                            saturday,
                            Instant.parse("2026-11-09T12:00:00Z"))
                    .unprocessed()
                    .get(0);

            assertThat(row.due()).isEqualTo(Instant.parse("2026-11-09T09:30:00Z"));
        }

        @Test
        @DisplayName("R14: a deadline of zero is due at the call when open, at the next opening when closed")
        void zeroDeadline() {
            Instant tuesday = Instant.parse("2026-11-03T10:00:00Z");
            Instant night = Instant.parse("2026-11-03T20:00:00Z");
            Report report = Fixtures.report(
                    office(deadline(Duration.ZERO)).countryCode("380").build(),
                    List.of(missed("1", CLIENT, tuesday), missed("2", OTHER_CLIENT, night)),
                    List.of(),
                    tuesday,
                    night.plusSeconds(1),
                    tuesday);

            UnprocessedRow row = report.unprocessed().get(0);
            assertThat(row.due()).isEqualTo(tuesday);
            assertThat(row.overdue()).as("as-of at due is overdue").isTrue();
            assertThat(row.overdueBy()).isZero();
            assertThat(OFFICE.afterOpenTime(night, Duration.ZERO, ZoneOffset.UTC))
                    .contains(Instant.parse("2026-11-04T09:00:00Z"));
        }

        @Test
        @DisplayName("R14: a group resolved exactly at due is on time, a second later it is late")
        void resolvedAtDueIsOnTime() {
            Instant start = Instant.parse("2026-11-03T10:00:00Z");
            Instant due = start.plus(Duration.ofHours(1));
            Report report = report(
                    office(deadline(Duration.ofHours(1))),
                    List.of(
                            missed("1", CLIENT, start),
                            callback("2", CLIENT, due),
                            missed("3", OTHER_CLIENT, start),
                            callback("4", OTHER_CLIENT, due.plusSeconds(1))),
                    List.of(),
                    start,
                    start.plus(Duration.ofHours(3)));

            assertThat(report.processed())
                    .extracting(ProcessedRow::client, ProcessedRow::due, ProcessedRow::timeliness)
                    .containsExactlyInAnyOrder(
                            tuple(CLIENT, due, Timeliness.ON_TIME), tuple(OTHER_CLIENT, due, Timeliness.LATE));
        }

        @Test
        @DisplayName("R14: the day clocks go back, an interval across the change is an hour longer")
        void autumnDaylightSavingChange() {
            // Kyiv leaves summer time on Sunday 25 October 2026 at 04:00, back to 03:00.
            BusinessHours sunday = BusinessHours.parse("Sun 02:00-06:00");
            Instant opens = Instant.parse("2026-10-24T23:00:00Z"); // 02:00 local, +03:00

            assertThat(sunday.afterOpenTime(opens, Duration.ofHours(5), KYIV))
                    .as("02:00 to 06:00 local is five hours that day")
                    .contains(Instant.parse("2026-10-25T04:00:00Z"));
            assertThat(sunday.afterOpenTime(opens, Duration.ofHours(6), KYIV))
                    .as("the sixth hour is on the next Sunday, 03:00 local at +02:00")
                    .contains(Instant.parse("2026-11-01T01:00:00Z"));
        }

        @Test
        @DisplayName("R14: the day clocks go forward, an interval across the change is an hour shorter")
        void springDaylightSavingChange() {
            // Kyiv moves to summer time on Sunday 29 March 2026 at 03:00, on to 04:00.
            BusinessHours sunday = BusinessHours.parse("Sun 02:00-06:00");
            Instant opens = Instant.parse("2026-03-29T00:00:00Z"); // 02:00 local, +02:00

            assertThat(sunday.afterOpenTime(opens, Duration.ofHours(3), KYIV))
                    .contains(Instant.parse("2026-03-29T03:00:00Z"));
            assertThat(sunday.afterOpenTime(opens, Duration.ofHours(3).plusMinutes(1), KYIV))
                    .as("three hours that day, the rest the next Sunday from 02:00 local at +03:00")
                    .contains(Instant.parse("2026-04-04T23:01:00Z"));
        }

        @Test
        @DisplayName("R14, R17: a line's deadline overrides the project's; a line without one keeps it")
        void lineDeadlineOverrides() {
            Instant start = Instant.parse("2026-11-03T10:00:00Z");
            WorkflowSettings workflow = WorkflowSettings.builder()
                    .deadline(Duration.ofHours(4))
                    .line(LINE, new LineRules(Duration.ofMinutes(15), null))
                    .build();
            Report report = report(
                    office(workflow),
                    List.of(
                            onLine(missed("1", CLIENT, start), LINE),
                            onLine(missed("2", OTHER_CLIENT, start), OTHER_LINE)),
                    List.of(),
                    start,
                    start.plusSeconds(60));

            assertThat(report.unprocessed())
                    .extracting(UnprocessedRow::client, UnprocessedRow::due)
                    .containsExactlyInAnyOrder(
                            tuple(CLIENT, start.plus(Duration.ofMinutes(15))),
                            tuple(OTHER_CLIENT, start.plus(Duration.ofHours(4))));
        }

        @Test
        @DisplayName("R14: without a deadline rows have no due and are never overdue")
        void noDeadline() {
            Instant start = Instant.parse("2026-11-03T10:00:00Z");
            Report report = report(
                    office(WorkflowSettings.none()),
                    List.of(
                            missed("1", CLIENT, start),
                            missed("2", OTHER_CLIENT, start),
                            callback("3", OTHER_CLIENT, start.plusSeconds(60))),
                    List.of(),
                    start,
                    start.plus(Duration.ofDays(30)));

            assertThat(report.unprocessed()).singleElement().satisfies(row -> {
                assertThat(row.due()).isNull();
                assertThat(row.overdue()).isFalse();
            });
            assertThat(report.processed())
                    .singleElement()
                    .satisfies(row -> assertThat(row.timeliness()).isEqualTo(Timeliness.NO_DEADLINE));
        }

        @Test
        @DisplayName("R14: a negative deadline is refused with its value")
        void negativeDeadline() {
            assertThatThrownBy(() -> deadline(Duration.ofMinutes(-1)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("PT-1M");
        }
    }

    @Nested
    @DisplayName("R15: priority")
    class Priorities {

        private final Instant start = Instant.parse("2026-11-03T09:00:00Z");

        @Test
        @DisplayName("R15: calls within an hour of the one before are one burst; the score adds the documented parts")
        void scoreOfTheParts() {
            Report report = report(
                    office(deadline(Duration.ofHours(1))),
                    List.of(
                            missed("1", CLIENT, start),
                            missed("2", CLIENT, start.plus(Duration.ofMinutes(40))),
                            missed("3", CLIENT, start.plus(Duration.ofMinutes(101))),
                            attempt("4", CLIENT, start.plus(Duration.ofMinutes(110)))),
                    List.of(),
                    start,
                    start.plus(Duration.ofHours(5)));

            Priority priority = report.unprocessed().get(0).priority();
            assertThat(priority.bursts()).isEqualTo(2);
            assertThat(priority.missedCalls()).isEqualTo(3);
            assertThat(priority.failedAttempts()).isEqualTo(1);
            assertThat(priority.overdue()).isTrue();
            assertThat(priority.overdueBy()).isEqualTo(Duration.ofHours(4));
            // 2 bursts × 100 + 1 more call × 20 + 5 h waiting + overdue 200 + 4 h overdue − 1 attempt × 30
            assertThat(priority.score()).isEqualTo(200 + 20 + 5 + 200 + 4 - 30);
            assertThat(priority.explain())
                    .isEqualTo("2 bursts × 100 + 1 more calls × 20 + 5 h waiting + overdue 200 + 4 h overdue"
                            + " − 1 failed attempt × 30 = 399");
        }

        @Test
        @DisplayName("R15: sorted by priority an overdue client comes first; the tab's own order stays R6's")
        void sortByPriority() {
            WorkflowSettings workflow = WorkflowSettings.builder()
                    .deadline(Duration.ofHours(4))
                    .line(LINE, new LineRules(Duration.ofMinutes(10), null))
                    .build();
            Report report = report(
                    office(workflow),
                    List.of(
                            missed("1", CLIENT, start),
                            onLine(missed("2", OTHER_CLIENT, start.plusSeconds(600)), LINE)),
                    List.of(),
                    start,
                    start.plus(Duration.ofHours(1)));

            assertThat(report.unprocessed()).extracting(UnprocessedRow::client).containsExactly(CLIENT, OTHER_CLIENT);
            assertThat(report.unprocessedByPriority())
                    .extracting(UnprocessedRow::client)
                    .containsExactly(OTHER_CLIENT, CLIENT);
        }

        @Test
        @DisplayName("R15: failed attempts lower the score, never below zero")
        void attemptsLowerTheScore() {
            Report report = report(
                    office(WorkflowSettings.none()),
                    List.of(
                            missed("1", CLIENT, start),
                            attempt("2", CLIENT, start.plusSeconds(60)),
                            attempt("3", CLIENT, start.plusSeconds(120)),
                            attempt("4", CLIENT, start.plusSeconds(180)),
                            attempt("5", CLIENT, start.plusSeconds(240))),
                    List.of(),
                    start,
                    start.plus(Duration.ofMinutes(30)));

            assertThat(report.unprocessed().get(0).priority().score()).isZero();
        }
    }

    @Nested
    @DisplayName("R16: owner")
    class Owners {

        private final Instant start = Instant.parse("2026-11-03T09:00:00Z");
        private final WorkflowSettings chain = WorkflowSettings.builder()
                .ownerChain(WorkflowSettings.DEFAULT_OWNER_CHAIN)
                .line(LINE, new LineRules(null, "dmytro"))
                .build();

        @Test
        @DisplayName("R16: the employee who last reached the client owns the group")
        void lastReached() {
            Report report = report(
                    office(chain),
                    List.of(
                            answered("1", CLIENT, start),
                            onLine(missed("2", CLIENT, start.plus(Duration.ofHours(2))), LINE),
                            attempt("3", CLIENT, start.plus(Duration.ofHours(3)))),
                    List.of(),
                    start,
                    start.plus(Duration.ofHours(4)));

            assertThat(report.unprocessed().get(0).owner()).isEqualTo("olena");
        }

        @Test
        @DisplayName("R16: when the first choice is absent the next rule names the owner")
        void firstChoiceAbsent() {
            Report report = report(
                    office(chain),
                    List.of(
                            onLine(missed("1", CLIENT, start), LINE),
                            attempt("2", CLIENT, start.plus(Duration.ofHours(1))),
                            onLine(missed("3", OTHER_CLIENT, start), LINE)),
                    List.of(),
                    start,
                    start.plus(Duration.ofHours(4)));

            assertThat(report.unprocessed())
                    .extracting(UnprocessedRow::client, UnprocessedRow::owner)
                    .containsExactly(tuple(CLIENT, "bohdan"), tuple(OTHER_CLIENT, "dmytro"));
        }

        @Test
        @DisplayName(
                "R16: a contact older than the look-back names nobody; without a rule that applies the owner is none")
        void lookBack() {
            WorkflowSettings lastReachedOnly = WorkflowSettings.builder()
                    .ownerChain(List.of(OwnerRule.LAST_REACHED))
                    .ownerLookBack(Duration.ofDays(1))
                    .build();
            Report report = report(
                    office(lastReachedOnly),
                    List.of(
                            answered("1", CLIENT, start),
                            missed("2", CLIENT, start.plus(Duration.ofDays(1)).plusSeconds(1)),
                            answered("3", OTHER_CLIENT, start),
                            missed("4", OTHER_CLIENT, start.plus(Duration.ofDays(1)))),
                    List.of(),
                    start,
                    start.plus(Duration.ofDays(2)));

            assertThat(report.unprocessed())
                    .extracting(UnprocessedRow::client, UnprocessedRow::owner)
                    .containsExactlyInAnyOrder(tuple(CLIENT, null), tuple(OTHER_CLIENT, "olena"));
        }

        @Test
        @DisplayName("R16: when a handle takes a group's first calls, the last contact is held against the look-back"
                + " from the first call left")
        void lookBackFromTheCallsLeft() {
            WorkflowSettings lastReachedOnly = WorkflowSettings.builder()
                    .ownerChain(List.of(OwnerRule.LAST_REACHED))
                    .ownerLookBack(Duration.ofDays(1))
                    .build();
            Instant left = start.plus(Duration.ofDays(1)).plus(Duration.ofHours(1));
            Report report = report(
                    office(lastReachedOnly),
                    List.of(
                            answered("1", CLIENT, start),
                            missed("2", CLIENT, start.plus(Duration.ofHours(1))),
                            missed("3", CLIENT, left)),
                    List.of(new Handle(
                            CLIENT,
                            left.plus(Duration.ofHours(1)),
                            start.plus(Duration.ofHours(2)),
                            HandleReason.RESOLVED_ELSEWHERE,
                            null,
                            "boris")),
                    start,
                    start.plus(Duration.ofDays(2)));

            assertThat(report.processed())
                    .singleElement()
                    .satisfies(row -> assertThat(row.owner()).isEqualTo("olena"));
            assertThat(report.unprocessed()).singleElement().satisfies(row -> {
                assertThat(row.firstMissedAt()).isEqualTo(left);
                assertThat(row.owner()).isNull();
            });
        }

        @Test
        @DisplayName("R16: an assignment changes the owner and does not resolve; saved twice it is stored once")
        void assignmentTwice() {
            Instant now = start.plus(Duration.ofHours(2));
            InMemoryHandleStore store = new InMemoryHandleStore();
            MissedCalls missedCalls = MissedCalls.builder()
                    .callSource(ListCallSource.everything(
                            List.of(missed("1", CLIENT, start), attempt("2", CLIENT, start.plus(Duration.ofHours(1))))))
                    .handleStore(store)
                    .settings(office(chain).countryCode("380").build())
                    .clock(Clock.fixed(now, ZoneOffset.UTC))
                    .build();
            ReportQuery query = ReportQuery.of(PROJECT).window(start, now.plusSeconds(1));

            Assignment assignment = missedCalls
                    .assign(query, "0501110001", "yana", "to the senior manager", "anna")
                    .orElseThrow();

            assertThat(missedCalls.saveAssignment(PROJECT, assignment)).isEqualTo(SaveOutcome.ALREADY_STORED);
            assertThat(store.assignments(PROJECT, start, now)).containsExactly(assignment);
            Report report = missedCalls.report(query.asOf(now));
            assertThat(report.unprocessed())
                    .singleElement()
                    .satisfies(row -> assertThat(row.owner()).isEqualTo("yana"));
            assertThat(report.processed()).isEmpty();
            assertThatThrownBy(() ->
                            missedCalls.saveAssignment(PROJECT, new Assignment(CLIENT, now, "taras", "anna", null)))
                    .isInstanceOf(AssignmentConflictException.class)
                    .hasMessageContaining("anna");
        }

        @Test
        @DisplayName(
                "R2, R16: an assignment whose number cannot be read, and every copy of a conflicting one, is rejected")
        void badAssignmentsRejected() {
            Instant at = start.plus(Duration.ofHours(1));
            Assignment first = new Assignment(CLIENT, at, "yana", "anna", null);
            HandleStore store = new HandleStore() {
                @Override
                public SaveOutcome save(String project, Handle handle) {
                    throw new UnsupportedOperationException("read only");
                }

                @Override
                public List<Handle> handles(String project, Instant from, Instant until) {
                    return List.of();
                }

                @Override
                public List<Assignment> assignments(String project, Instant from, Instant until) {
                    return List.of(
                            first,
                            first,
                            new Assignment(CLIENT, at, "taras", "anna", null),
                            new Assignment("n/a", at, "yana", "anna", null),
                            new Assignment(OTHER_CLIENT, at, "taras", "anna", null));
                }
            };
            Report report = MissedCalls.builder()
                    .callSource(ListCallSource.everything(
                            List.of(missed("1", CLIENT, start), missed("2", OTHER_CLIENT, start))))
                    .handleStore(store)
                    .settings(office(chain).countryCode("380").build())
                    .build()
                    .report(ReportQuery.of(PROJECT)
                            .window(start, start.plus(Duration.ofHours(2)))
                            .asOf(start.plus(Duration.ofHours(2))));

            assertThat(report.rejections())
                    .extracting(Rejection::reason)
                    .filteredOn(reason -> reason.startsWith("conflicting duplicate assignment by anna"))
                    .hasSize(3);
            assertThat(report.rejections())
                    .extracting(Rejection::reason)
                    .anyMatch(reason -> reason.startsWith("assignment: "));
            assertThat(report.unprocessed())
                    .extracting(UnprocessedRow::client, UnprocessedRow::owner)
                    .containsExactlyInAnyOrder(tuple(CLIENT, null), tuple(OTHER_CLIENT, "taras"));
        }

        @Test
        @DisplayName("R16: a client with nothing open is not assigned, and nothing is stored")
        void nothingOpenToAssign() {
            Instant now = start.plus(Duration.ofHours(2));
            InMemoryHandleStore store = new InMemoryHandleStore();
            MissedCalls missedCalls = MissedCalls.builder()
                    .callSource(ListCallSource.everything(
                            List.of(missed("1", CLIENT, start), callback("2", CLIENT, start.plusSeconds(600)))))
                    .handleStore(store)
                    .settings(office(chain).countryCode("380").build())
                    .clock(Clock.fixed(now, ZoneOffset.UTC))
                    .build();

            assertThat(missedCalls.assign(ReportQuery.of(PROJECT).window(start, now), CLIENT, "yana", null, "anna"))
                    .isEmpty();
            assertThat(store.assignments(PROJECT, start, now)).isEmpty();
        }

        @Test
        @DisplayName("R16: a processed row names the owner at its resolution")
        void ownerAtResolution() {
            Report report = report(
                    office(chain),
                    List.of(
                            missed("1", CLIENT, start),
                            attempt("2", CLIENT, start.plusSeconds(600)),
                            CallRecord.builder("3", Direction.OUT, start.plusSeconds(1200), start.plusSeconds(1300))
                                    .client(CLIENT)
                                    .answeredAt(start.plusSeconds(1210))
                                    .employee("olena")
                                    .build()),
                    List.of(),
                    start,
                    start.plus(Duration.ofHours(1)));

            assertThat(report.processed())
                    .singleElement()
                    .satisfies(row -> assertThat(row.owner())
                            .as("the last attempt, the resolving callback included, was olena's")
                            .isEqualTo("olena"));
        }

        @Test
        @DisplayName("R16: a rule named twice in the chain is refused")
        void chainNamesARuleOnce() {
            assertThatThrownBy(() -> WorkflowSettings.builder()
                            .ownerChain(List.of(OwnerRule.LAST_ATTEMPT, OwnerRule.LAST_ATTEMPT))
                            .build())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("twice");
        }
    }

    @Nested
    @DisplayName("R17: lines")
    class Lines {

        private final Instant start = Instant.parse("2026-11-03T09:00:00Z");
        private final ProjectSettings.Builder perLine =
                office(WorkflowSettings.builder().groupsPerLine(true).build());

        private CallRecord callbackOn(String id, Instant at, @org.jspecify.annotations.Nullable String line) {
            CallRecord call = callback(id, CLIENT, at);
            return line == null ? call : onLine(call, line);
        }

        @Test
        @DisplayName(
                "R17: a client who called two lines has a group per line; a callback from one line resolves that line's")
        void callbackOnOneLine() {
            Report report = report(
                    perLine,
                    List.of(
                            onLine(missed("1", CLIENT, start), LINE),
                            onLine(missed("2", CLIENT, start.plusSeconds(60)), OTHER_LINE),
                            callbackOn("3", start.plusSeconds(600), LINE)),
                    List.of(),
                    start,
                    start.plus(Duration.ofHours(1)));

            assertThat(report.processed()).singleElement().satisfies(row -> {
                assertThat(Fixtures.ids(row)).containsExactly("1");
                assertThat(row.lines()).containsExactly(LINE);
            });
            assertThat(report.unprocessed()).singleElement().satisfies(row -> {
                assertThat(Fixtures.ids(row)).containsExactly("2");
                assertThat(row.client()).isEqualTo(CLIENT);
            });
        }

        @Test
        @DisplayName("R17: a callback that names no line resolves all of the client's groups")
        void callbackWithoutALine() {
            Report report = report(
                    perLine,
                    List.of(
                            onLine(missed("1", CLIENT, start), LINE),
                            onLine(missed("2", CLIENT, start.plusSeconds(60)), OTHER_LINE),
                            callbackOn("3", start.plusSeconds(600), null)),
                    List.of(),
                    start,
                    start.plus(Duration.ofHours(1)));

            assertThat(report.unprocessed()).isEmpty();
            assertThat(report.processed())
                    .extracting(Fixtures::ids)
                    .containsExactlyInAnyOrder(List.of("1"), List.of("2"));
        }

        @Test
        @DisplayName("R17: a handle reaches every line's group of the client; per client the same calls are one group")
        void handleAndPerClient() {
            List<CallRecord> calls = List.of(
                    onLine(missed("1", CLIENT, start), LINE),
                    onLine(missed("2", CLIENT, start.plusSeconds(60)), OTHER_LINE));
            Instant later = start.plus(Duration.ofHours(1));

            Report handled = report(perLine, calls, List.of(handle(CLIENT, later, later)), start, later.plusSeconds(1));
            Report perClient = report(office(WorkflowSettings.none()), calls, List.of(), start, later);

            assertThat(handled.processed())
                    .hasSize(2)
                    .allMatch(row -> row.resolution().kind() == ResolutionKind.HANDLED);
            assertThat(perClient.unprocessed())
                    .singleElement()
                    .satisfies(row -> assertThat(Fixtures.ids(row)).containsExactly("1", "2"));
        }
    }

    @Nested
    @DisplayName("R18: how the team does")
    class Team {

        private final Instant start = Instant.parse("2026-11-03T09:00:00Z");

        @Test
        @DisplayName("R18: an employee with attempts and no resolution; a client who got through is credited to nobody")
        void attemptsWithoutResolution() {
            Report report = report(
                    office(deadline(Duration.ofHours(1))),
                    List.of(
                            missed("1", CLIENT, start),
                            attempt("2", CLIENT, start.plus(Duration.ofMinutes(10))),
                            attempt("3", CLIENT, start.plus(Duration.ofMinutes(20))),
                            answered("4", CLIENT, start.plus(Duration.ofMinutes(30)))),
                    List.of(),
                    start,
                    start.plus(Duration.ofHours(2)));

            TeamFigures team = report.team();
            TeamFigures.Figures bohdan = team.employee("bohdan").orElseThrow();
            assertThat(bohdan.attempts()).isEqualTo(2);
            assertThat(bohdan.attemptsReached()).isZero();
            assertThat(bohdan.resolved()).isZero();
            assertThat(bohdan.medianToFirstAttempt()).isEqualTo(Duration.ofMinutes(10));
            assertThat(bohdan.medianToResolution()).isNull();
            assertThat(team.byEmployee()).doesNotContainKey("olena");
            assertThat(team.total().gotThrough()).isEqualTo(1);
            assertThat(team.total().onTimeShare()).hasValue(1.0);
            assertThat(team.total().reachedShare()).hasValue(0.0);
        }

        @Test
        @DisplayName("R18: resolutions by kind, on time, open and overdue per owner, percentiles by nearest rank")
        void figuresOfATeam() {
            WorkflowSettings workflow = WorkflowSettings.builder()
                    .deadline(Duration.ofMinutes(30))
                    .ownerChain(List.of(OwnerRule.LAST_ATTEMPT))
                    .build();
            String third = "+380931234567";
            Report report = report(
                    office(workflow),
                    List.of(
                            onLine(missed("1", CLIENT, start), LINE),
                            callback("2", CLIENT, start.plus(Duration.ofMinutes(20))),
                            onLine(missed("3", OTHER_CLIENT, start), LINE),
                            callback("4", OTHER_CLIENT, start.plus(Duration.ofMinutes(50))),
                            onLine(missed("5", third, start), OTHER_LINE),
                            attempt("6", third, start.plus(Duration.ofMinutes(5)))),
                    List.of(handle(third, start.plus(Duration.ofHours(3)), start.plus(Duration.ofHours(3)))),
                    start,
                    start.plus(Duration.ofHours(2)));

            TeamFigures team = report.team();
            TeamFigures.Figures bohdan = team.employee("bohdan").orElseThrow();
            assertThat(bohdan.calledBack()).isEqualTo(2);
            assertThat(bohdan.resolvedWithDeadline()).isEqualTo(2);
            assertThat(bohdan.resolvedOnTime()).isEqualTo(1);
            assertThat(bohdan.attempts()).isEqualTo(3);
            assertThat(bohdan.attemptsReached()).isEqualTo(2);
            assertThat(bohdan.medianToResolution()).isEqualTo(Duration.ofMinutes(20));
            assertThat(bohdan.p90ToResolution()).isEqualTo(Duration.ofMinutes(50));
            assertThat(bohdan.open()).as("the third client's group is bohdan's").isEqualTo(1);
            assertThat(bohdan.overdue()).isEqualTo(1);
            assertThat(team.line(LINE).orElseThrow().groupsOpened()).isEqualTo(2);
            assertThat(team.line(OTHER_LINE).orElseThrow().open()).isEqualTo(1);
            assertThat(team.total().missedByReason().values().stream()
                            .mapToLong(Long::longValue)
                            .sum())
                    .isEqualTo(3);
            assertThat(team.total().handled())
                    .as("the handle comes after as-of")
                    .isZero();
        }
    }
}
