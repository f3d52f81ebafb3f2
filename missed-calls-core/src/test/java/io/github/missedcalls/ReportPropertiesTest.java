package io.github.missedcalls;

import static io.github.missedcalls.Scenario.canonical;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import io.github.missedcalls.inmemory.InMemoryCallSource;
import io.github.missedcalls.inmemory.InMemoryHandleStore;
import io.github.missedcalls.spi.HandleStore;
import io.github.missedcalls.tck.Generators;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

@DisplayName("Properties of the report, over generated calls and handles")
class ReportPropertiesTest {

    /** A client none of the generated calls has, under several spellings. */
    private static final List<String> NEWCOMER = List.of("+380939990000", "093 999 00 00", "00380939990000");

    private static Gen<List<CallRecord>> newcomerCalls() {
        return lists().of(Generators.calls(Generators.gridInstants())
                        .zip(Generate.pick(NEWCOMER), (call, client) -> call.withClient(client)))
                .ofSizeBetween(1, 12)
                .map(calls -> {
                    List<CallRecord> withIds = new ArrayList<>();
                    for (int i = 0; i < calls.size(); i++) {
                        withIds.add(Generators.withId(calls.get(i), "newcomer-" + i));
                    }
                    return withIds;
                });
    }

    /**
     * The newcomer's handles, one per key: two with one key and other values would be rejected
     * (R2), and a rejection names no client, so it could not be told apart from another client's.
     */
    private static Gen<List<Handle>> newcomerHandles() {
        return lists().of(Generators.handles(Generators.gridInstants(), Generators.GRID_STEP)
                        .zip(Generate.pick(NEWCOMER), Handle::withClient))
                .ofSizeBetween(0, 3)
                .map(ReportPropertiesTest::onePerKey);
    }

    private static List<Handle> onePerKey(List<Handle> handles) {
        List<Handle> kept = new ArrayList<>();
        for (Handle handle : handles) {
            // Every spelling in NEWCOMER is one client, so instant and actor make the key.
            if (kept.stream()
                    .noneMatch(other -> other.handledAt().equals(handle.handledAt())
                            && other.actor().equals(handle.actor()))) {
                kept.add(handle);
            }
        }
        return kept;
    }

    private static @Nullable String normalizedOrNull(ProjectSettings settings, @Nullable String raw) {
        try {
            return settings.normalizer().normalize(raw);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Whether no other handle of the scenario has the same key after normalization and other values. */
    private static boolean withoutConflict(Scenario scenario, Handle handle) {
        Handle normalized =
                handle.withClient(Objects.requireNonNull(normalizedOrNull(scenario.settings(), handle.client())));
        return scenario.handles().stream()
                .filter(other -> normalizedOrNull(scenario.settings(), other.client()) != null)
                .map(other ->
                        other.withClient(Objects.requireNonNull(normalizedOrNull(scenario.settings(), other.client()))))
                .filter(normalized::sameKey)
                .allMatch(normalized::equals);
    }

    private static boolean normalizes(ProjectSettings settings, @Nullable String raw) {
        try {
            settings.normalizer().normalize(raw);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean reached(ProjectSettings settings, CallRecord call) {
        return call.isAnswered() && call.conversation().compareTo(settings.minConversation()) >= 0;
    }

    /** R2, read independently of both engine and model: the records a report may use, by id. */
    private static Map<String, CallRecord> usableCalls(Scenario scenario) {
        Map<String, Set<CallRecord>> versions = new LinkedHashMap<>();
        Map<String, CallRecord> firstCopy = new HashMap<>();
        for (CallRecord call : scenario.calls()) {
            boolean internal = call.direction() == Direction.INTERNAL;
            if (!internal && !normalizes(scenario.settings(), call.client())) {
                continue;
            }
            String client = internal ? null : normalizedOrNull(scenario.settings(), call.client());
            versions.computeIfAbsent(call.id(), id -> new HashSet<>()).add(call.withClient(client));
            firstCopy.putIfAbsent(call.id(), call);
        }
        Map<String, CallRecord> usable = new LinkedHashMap<>();
        versions.forEach((id, distinct) -> {
            if (distinct.size() == 1) {
                usable.put(id, firstCopy.get(id));
            }
        });
        return usable;
    }

    private static List<ReportRow> rowsOf(Report report) {
        List<ReportRow> rows = new ArrayList<>(report.unprocessed());
        rows.addAll(report.processed());
        return rows;
    }

    @Nested
    @DisplayName("the engine agrees with the reference model")
    class AgainstTheModel {

        @Test
        @DisplayName("R2, R4-R8, R11: a source that delivers every call and a store that lists every handle")
        void engineEqualsModel() {
            Generators.theory()
                    .forAll(Scenario.scenarios())
                    .checkAssert(scenario ->
                            assertThat(canonical(scenario.report())).isEqualTo(canonical(scenario.modelReport())));
        }

        @Test
        @DisplayName("R4-R8, R11: the in-memory source and store, which deliver only the range asked for")
        void engineEqualsModelThroughInMemorySpi() {
            Generators.theory().forAll(Scenario.scenarios()).checkAssert(scenario -> {
                InMemoryCallSource source = new InMemoryCallSource().add(Scenario.PROJECT, scenario.calls());
                InMemoryHandleStore store = new InMemoryHandleStore();
                for (Handle handle : scenario.handles()) {
                    try {
                        store.save(Scenario.PROJECT, handle);
                    } catch (HandleConflictException refused) {
                        // The store keeps the first of two handles with one key; the model reads what it kept.
                    }
                }
                List<CallRecord> delivered = scenario.calls().stream()
                        .filter(call -> !call.startedAt().isBefore(scenario.from())
                                && !call.startedAt().isAfter(scenario.asOf()))
                        .toList();
                List<Handle> listed = store.handles(Scenario.PROJECT, scenario.from(), scenario.asOf());

                Report expected = ReferenceModel.report(
                        Scenario.PROJECT,
                        scenario.settings(),
                        scenario.from(),
                        scenario.to(),
                        scenario.asOf(),
                        delivered,
                        listed);

                assertThat(canonical(scenario.report(source, store))).isEqualTo(canonical(expected));
            });
        }
    }

    @Nested
    @DisplayName("R12: every missed call once, whatever the order and whoever else called")
    class R12 {

        @Test
        @DisplayName(
                "R12: every missed call inside the window with a client number and not rejected is in exactly one row")
        void everyMissedCallInExactlyOneRow() {
            Generators.theory().forAll(Scenario.scenarios()).checkAssert(scenario -> {
                Report report = scenario.report();
                List<String> expected = new ArrayList<>();
                for (CallRecord call : usableCalls(scenario).values()) {
                    Instant start = call.startedAt();
                    boolean missed = call.direction().isClientInitiated() && !reached(scenario.settings(), call);
                    boolean inWindow = !start.isBefore(scenario.from())
                            && start.isBefore(scenario.to())
                            && !start.isAfter(scenario.asOf());
                    if (missed && inWindow && normalizedOrNull(scenario.settings(), call.client()) != null) {
                        expected.add(call.id());
                    }
                }
                List<String> inRows = new ArrayList<>();
                for (ReportRow row : rowsOf(report)) {
                    row.calls().forEach(call -> inRows.add(call.id()));
                }

                assertThat(inRows).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
                assertThat(report.missedInRows()).isEqualTo(expected.size());
            });
        }

        @Test
        @DisplayName("R2, R12: any permutation of the delivered calls gives the same report, rejections included")
        void permutationChangesNothing() {
            Generators.theory().forAll(Scenario.scenarios(), longs().all()).checkAssert((scenario, seed) -> {
                List<CallRecord> shuffled = new ArrayList<>(scenario.calls());
                Collections.shuffle(shuffled, new Random(seed));

                assertThat(canonical(scenario.withCalls(shuffled).report())).isEqualTo(canonical(scenario.report()));
            });
        }

        @Test
        @DisplayName(
                "R12: a source that claims start order and unique ids (streamed) gives the report an unordered one gives")
        void streamedEqualsHeld() {
            Generators.theory().forAll(Scenario.withUniqueIds(), longs().all()).checkAssert((scenario, seed) -> {
                List<CallRecord> shuffled = new ArrayList<>(scenario.calls());
                Collections.shuffle(shuffled, new Random(seed));
                ListHandleStore store = new ListHandleStore(scenario.handles());
                Report held = canonical(scenario.report(ListCallSource.everything(shuffled), store));

                assertThat(canonical(scenario.report(ListCallSource.inStartOrder(shuffled, seed, true), store)))
                        .as("in start order, unique ids")
                        .isEqualTo(held);
                assertThat(canonical(scenario.report(ListCallSource.inStartOrder(shuffled, seed, false), store)))
                        .as("in start order")
                        .isEqualTo(held);
                assertThat(canonical(scenario.report(ListCallSource.withUniqueIds(shuffled), store)))
                        .as("unique ids")
                        .isEqualTo(held);
            });
        }

        @Test
        @DisplayName("R12: adding another client's calls and handles never changes the other clients' rows")
        void otherClientsChangeNothing() {
            Generators.theory()
                    .forAll(Scenario.scenarios(), newcomerCalls(), newcomerHandles())
                    .checkAssert((scenario, calls, handles) -> {
                        Report before = canonical(scenario.report());
                        Report after = canonical(scenario.plus(calls, handles).report());
                        String newcomer = NEWCOMER.get(0);

                        assertThat(after.unprocessed())
                                .filteredOn(row -> !row.client().equals(newcomer))
                                .containsExactlyElementsOf(before.unprocessed());
                        assertThat(after.processed())
                                .filteredOn(row -> !row.client().equals(newcomer))
                                .containsExactlyElementsOf(before.processed());
                        assertThat(after.rejections()).isEqualTo(before.rejections());
                        assertThat(after.anonymousMissed()).isEqualTo(before.anonymousMissed());
                    });
        }
    }

    @Test
    @DisplayName("R8: a report as of t ignores every call and handle after t")
    void laterCallsAndHandlesChangeNothing() {
        Gen<List<CallRecord>> later = Generators.callLogsWithUniqueIds(Generators.gridInstants(), 12);
        Gen<List<Handle>> laterHandles = Generators.handleLists(4);
        Generators.theory()
                .forAll(Scenario.scenarios(), later, laterHandles)
                .checkAssert((scenario, calls, handles) -> {
                    // Shifted to start a second after as-of at the earliest; numbers made valid, since a record
                    // that cannot be used is rejected whatever its time (R2).
                    Duration shift = Duration.between(
                            Generators.GRID_START, scenario.asOf().plusSeconds(1));
                    List<CallRecord> afterAsOf = new ArrayList<>();
                    for (CallRecord call : calls) {
                        CallRecord shifted = shifted(call, shift, "late-" + call.id());
                        afterAsOf.add(
                                normalizes(scenario.settings(), shifted.client()) ? shifted : shifted.withClient(null));
                    }
                    List<Handle> handlesAfterAsOf = new ArrayList<>();
                    for (Handle handle : handles) {
                        Handle valid = normalizedOrNull(scenario.settings(), handle.client()) == null
                                ? handle.withClient(Generators.people().get(0))
                                : handle;
                        handlesAfterAsOf.add(new Handle(
                                valid.client(),
                                valid.handledAt().plus(shift),
                                valid.coversUntil().plus(shift),
                                valid.reason(),
                                valid.note(),
                                valid.actor()));
                    }

                    assertThat(canonical(
                                    scenario.plus(afterAsOf, handlesAfterAsOf).report()))
                            .isEqualTo(canonical(scenario.report()));
                });
    }

    private static CallRecord shifted(CallRecord call, Duration shift, String id) {
        Instant answered = call.answeredAt();
        return new CallRecord(
                id,
                call.direction(),
                call.client(),
                call.line(),
                call.employee(),
                call.startedAt().plus(shift),
                answered == null ? null : answered.plus(shift),
                call.endedAt().plus(shift),
                call.stage(),
                call.managers(),
                call.statedReason());
    }

    @Nested
    @DisplayName("R11: a handle saved twice counts once")
    class HandleTwice {

        @Test
        @DisplayName(
                "R11: a store that lists a handle twice, once under another spelling, gives the report of listing it once")
        void repeatedHandleCountsOnce() {
            Generators.theory()
                    .forAll(Scenario.scenarios(), integers().between(0, 100))
                    .checkAssert((scenario, pick) -> {
                        // A handle that is rejected is rejected wherever it appears, each copy of a conflicting
                        // one too (R2); the rule is about valid ones.
                        List<Handle> valid = scenario.handles().stream()
                                .filter(handle -> normalizedOrNull(scenario.settings(), handle.client()) != null)
                                .filter(handle -> withoutConflict(scenario, handle))
                                .toList();
                        if (valid.isEmpty()) {
                            return;
                        }
                        Handle handle = valid.get(pick % valid.size());
                        Handle respelled = handle.withClient(
                                Objects.requireNonNull(normalizedOrNull(scenario.settings(), handle.client())));

                        assertThat(canonical(scenario.plus(List.of(), List.of(handle, respelled))
                                        .report()))
                                .isEqualTo(canonical(scenario.report()));
                    });
        }

        @Test
        @DisplayName("R11: saving every handle twice through MissedCalls gives the report of saving each once")
        void savedTwiceThroughMissedCalls() {
            Generators.theory().forAll(Scenario.scenarios()).checkAssert(scenario -> {
                InMemoryCallSource source = new InMemoryCallSource().add(Scenario.PROJECT, scenario.calls());
                Report once = reportAfterSaving(scenario, source, 1);
                Report twice = reportAfterSaving(scenario, source, 2);

                assertThat(canonical(twice)).isEqualTo(canonical(once));
            });
        }

        private Report reportAfterSaving(Scenario scenario, InMemoryCallSource source, int times) {
            HandleStore store = new InMemoryHandleStore();
            MissedCalls missedCalls = MissedCalls.builder()
                    .callSource(source)
                    .handleStore(store)
                    .settings(scenario.settings())
                    .build();
            for (int i = 0; i < times; i++) {
                for (Handle handle : scenario.handles()) {
                    try {
                        missedCalls.saveHandle(Scenario.PROJECT, handle);
                    } catch (IllegalArgumentException | HandleConflictException refused) {
                        // A withheld or unreadable number, or a second handle with one key: refused both times.
                    }
                }
            }
            return missedCalls.report(scenario.query());
        }
    }

    @Test
    @DisplayName("R7: rows' counts and times agree with the calls and handles they came from")
    void rowsAgreeWithTheirCalls() {
        Generators.theory().forAll(Scenario.scenarios()).checkAssert(scenario -> {
            Report report = scenario.report();
            Map<String, CallRecord> usable = usableCalls(scenario);
            Map<String, TreeMap<Instant, ReportRow>> rowsByClient = new HashMap<>();
            for (ReportRow row : rowsOf(report)) {
                checkRow(scenario, usable, row);
                rowsByClient.computeIfAbsent(row.client(), c -> new TreeMap<>()).put(row.firstMissedAt(), row);
            }
            for (UnprocessedRow row : report.unprocessed()) {
                assertThat(row.waiting()).isEqualTo(Duration.between(row.firstMissedAt(), scenario.asOf()));
            }
            for (ProcessedRow row : report.processed()) {
                checkResolution(scenario, usable, row);
            }
            checkAttemptsCountOnce(scenario, usable, rowsByClient);
        });
    }

    /** A call the row names, which must be one the report could use. */
    private static CallRecord usableCall(Map<String, CallRecord> usable, String id) {
        CallRecord call = usable.get(id);
        assertThat(call).as("a usable call with id %s", id).isNotNull();
        return Objects.requireNonNull(call);
    }

    private static void checkRow(Scenario scenario, Map<String, CallRecord> usable, ReportRow row) {
        assertThat(row.missed()).isEqualTo(row.calls().size()).isPositive();
        assertThat(row.lostFor()).isEqualTo(Duration.between(row.firstMissedAt(), row.lastMissedAt()));
        assertThat(row.lostFor().isNegative()).isFalse();
        assertThat(row.reason())
                .isEqualTo(row.calls().get(row.calls().size() - 1).reason());
        assertThat(row.attempts()).isEqualTo(row.callbackAttempts().size());
        assertThat(row.calls()).extracting(MissedCall::startedAt).isSorted();
        assertThat(row.callbackAttempts())
                .extracting(CallbackAttempt::startedAt)
                .isSorted();
        for (MissedCall missed : row.calls()) {
            CallRecord call = usableCall(usable, missed.id());
            assertThat(call.direction().isClientInitiated()).isTrue();
            assertThat(reached(scenario.settings(), call)).isFalse();
            assertThat(normalizedOrNull(scenario.settings(), call.client())).isEqualTo(row.client());
            assertThat(missed.startedAt())
                    .isEqualTo(call.startedAt())
                    .isAfterOrEqualTo(scenario.from())
                    .isBefore(scenario.to())
                    .isBeforeOrEqualTo(scenario.asOf());
        }
        for (CallbackAttempt attempt : row.callbackAttempts()) {
            CallRecord call = usableCall(usable, attempt.id());
            assertThat(call.direction()).isEqualTo(Direction.OUT);
            assertThat(normalizedOrNull(scenario.settings(), call.client())).isEqualTo(row.client());
            assertThat(attempt.reached()).isEqualTo(reached(scenario.settings(), call));
            assertThat(attempt.startedAt())
                    .isEqualTo(call.startedAt())
                    .isAfterOrEqualTo(row.firstMissedAt())
                    .isBeforeOrEqualTo(scenario.asOf());
            if (row instanceof ProcessedRow processed) {
                assertThat(attempt.startedAt())
                        .isBeforeOrEqualTo(processed.resolution().resolvedAt());
            }
        }
    }

    private static void checkResolution(Scenario scenario, Map<String, CallRecord> usable, ProcessedRow row) {
        Resolution resolution = row.resolution();
        assertThat(row.timeToResolution()).isEqualTo(Duration.between(row.firstMissedAt(), resolution.resolvedAt()));
        assertThat(resolution.resolvedAt()).isAfterOrEqualTo(row.lastMissedAt()).isBeforeOrEqualTo(scenario.asOf());
        if (resolution.kind() == ResolutionKind.HANDLED) {
            assertThat(scenario.handles()).anySatisfy(handle -> {
                assertThat(normalizedOrNull(scenario.settings(), handle.client()))
                        .isEqualTo(row.client());
                assertThat(handle.handledAt()).isEqualTo(resolution.resolvedAt());
                assertThat(handle.actor()).isEqualTo(resolution.resolvedBy());
                assertThat(handle.reason()).isEqualTo(resolution.handleReason());
                assertThat(handle.effectiveCoversUntil()).isAfterOrEqualTo(row.lastMissedAt());
            });
            return;
        }
        CallRecord contact = usableCall(usable, Objects.requireNonNull(resolution.callId()));
        assertThat(reached(scenario.settings(), contact)).isTrue();
        assertThat(contact.startedAt()).isEqualTo(resolution.resolvedAt());
        assertThat(contact.employee()).isEqualTo(resolution.resolvedBy());
        assertThat(normalizedOrNull(scenario.settings(), contact.client())).isEqualTo(row.client());
        if (resolution.kind() == ResolutionKind.CALLED_BACK) {
            assertThat(contact.direction()).isEqualTo(Direction.OUT);
            assertThat(row.callbackAttempts()).extracting(CallbackAttempt::id).contains(contact.id());
        } else {
            assertThat(contact.direction().isClientInitiated()).isTrue();
        }
    }

    /** R7: an attempt counts for the client's most recent group that started at or before it, unless resolved before it. */
    private static void checkAttemptsCountOnce(
            Scenario scenario, Map<String, CallRecord> usable, Map<String, TreeMap<Instant, ReportRow>> rowsByClient) {
        for (CallRecord call : usable.values()) {
            String client =
                    call.direction() == Direction.OUT ? normalizedOrNull(scenario.settings(), call.client()) : null;
            if (client == null || call.startedAt().isAfter(scenario.asOf())) {
                continue;
            }
            TreeMap<Instant, ReportRow> groups = rowsByClient.getOrDefault(client, new TreeMap<>());
            Map.Entry<Instant, ReportRow> mostRecent = groups.floorEntry(call.startedAt());
            ReportRow expectedRow = null;
            if (mostRecent != null) {
                ReportRow row = mostRecent.getValue();
                boolean resolvedBefore = row instanceof ProcessedRow processed
                        && processed.resolution().resolvedAt().isBefore(call.startedAt());
                expectedRow = resolvedBefore ? null : row;
            }
            for (ReportRow row : groups.values()) {
                long counted = row.callbackAttempts().stream()
                        .filter(a -> a.id().equals(call.id()))
                        .count();
                assertThat(counted)
                        .as("attempt %s in the row of %s from %s", call.id(), client, row.firstMissedAt())
                        .isEqualTo(row == expectedRow ? 1 : 0);
            }
        }
    }

    @Test
    @DisplayName("R8, R12: a report streamed to a listener has the rows of the report held in memory")
    void streamedToListenerEqualsHeld() {
        Generators.theory().forAll(Scenario.scenarios()).checkAssert(scenario -> {
            List<ProcessedRow> processed = new ArrayList<>();
            List<UnprocessedRow> unprocessed = new ArrayList<>();
            List<Rejection> rejections = new ArrayList<>();
            MissedCalls missedCalls = MissedCalls.builder()
                    .callSource(ListCallSource.everything(scenario.calls()))
                    .handleStore(new ListHandleStore(scenario.handles()))
                    .settings(scenario.settings())
                    .build();
            ReportSummary summary = missedCalls.report(scenario.query(), new ReportListener() {
                @Override
                public void rejected(Rejection rejection) {
                    rejections.add(rejection);
                }

                @Override
                public void processed(ProcessedRow row) {
                    assertThat(unprocessed)
                            .as("processed rows come before unprocessed ones")
                            .isEmpty();
                    processed.add(row);
                }

                @Override
                public void unprocessed(UnprocessedRow row) {
                    unprocessed.add(row);
                }
            });
            Report held = scenario.report();

            assertThat(processed)
                    .extracting(row -> row.resolution().resolvedAt())
                    .isSorted();
            assertThat(processed).containsExactlyInAnyOrderElementsOf(held.processed());
            assertThat(unprocessed).containsExactlyElementsOf(held.unprocessed());
            assertThat(rejections).containsExactlyInAnyOrderElementsOf(held.rejections());
            assertThat(summary)
                    .isEqualTo(new ReportSummary(
                            Scenario.PROJECT,
                            scenario.settings().zone(),
                            held.from(),
                            held.to(),
                            held.asOf(),
                            held.unprocessed().size(),
                            held.processed().size(),
                            held.rejections().size(),
                            held.anonymousMissed(),
                            held.callsInWindow(),
                            held.latestCallBeforeWindow()));
        });
    }
}
