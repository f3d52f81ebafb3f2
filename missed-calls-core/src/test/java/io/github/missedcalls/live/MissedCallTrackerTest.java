package io.github.missedcalls.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.missedcalls.Assignment;
import io.github.missedcalls.BusinessHours;
import io.github.missedcalls.CallRecord;
import io.github.missedcalls.CallbackAttempt;
import io.github.missedcalls.Direction;
import io.github.missedcalls.Handle;
import io.github.missedcalls.HandleReason;
import io.github.missedcalls.LineRules;
import io.github.missedcalls.MissedCall;
import io.github.missedcalls.MissedCalls;
import io.github.missedcalls.OwnerRule;
import io.github.missedcalls.ProcessedRow;
import io.github.missedcalls.ProjectSettings;
import io.github.missedcalls.Rejection;
import io.github.missedcalls.Report;
import io.github.missedcalls.ReportQuery;
import io.github.missedcalls.ResolutionKind;
import io.github.missedcalls.Stage;
import io.github.missedcalls.UnprocessedRow;
import io.github.missedcalls.WorkflowSettings;
import io.github.missedcalls.inmemory.InMemoryCallSource;
import io.github.missedcalls.inmemory.InMemoryHandleStore;
import io.github.missedcalls.internal.DuplicatePolicy;
import io.github.missedcalls.internal.ReportEngine;
import io.github.missedcalls.spi.HandleStore;
import io.github.missedcalls.spi.SaveOutcome;
import io.github.missedcalls.tck.Generators;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.SourceDSL;

@DisplayName("MissedCallTracker")
class MissedCallTrackerTest {

    private static final Instant T0 = Instant.parse("2026-11-02T09:00:00Z");
    private static final String CLIENT = "+380501110001";
    private static final ProjectSettings SETTINGS =
            ProjectSettings.builder().countryCode("380").build();

    /** Collects what a tracker says, keeping processed rows by their resolution as a consumer would. */
    private static final class Recorder implements TrackerListener {
        final List<TrackerEvent> events = new ArrayList<>();
        final List<Rejection> rejections = new ArrayList<>();
        final Map<String, ProcessedRow> processed = new HashMap<>();

        @Override
        public void event(TrackerEvent event) {
            events.add(event);
            if (event.row() instanceof ProcessedRow row) {
                String key = row.client() + "|" + row.resolution().resolvedAt() + "|"
                        + row.resolution().kind() + "|" + row.resolution().callId() + "|"
                        + row.resolution().resolvedBy();
                if (event.type() == TrackerEvent.Type.RETRACTED) {
                    processed.remove(key);
                } else {
                    processed.put(key, row);
                }
            }
        }

        @Override
        public void rejected(Rejection rejection) {
            rejections.add(rejection);
        }

        List<TrackerEvent.Type> types() {
            return events.stream().map(TrackerEvent::type).toList();
        }
    }

    private static CallRecord missed(String id, long minute) {
        Instant start = T0.plus(Duration.ofMinutes(minute));
        return CallRecord.builder(id, Direction.IN, start, start.plusSeconds(40))
                .client(CLIENT)
                .stage(Stage.RINGING)
                .build();
    }

    private static CallRecord callback(String id, long minute, boolean reached) {
        Instant start = T0.plus(Duration.ofMinutes(minute));
        return CallRecord.builder(id, Direction.OUT, start, start.plusSeconds(90))
                .client("0501110001")
                .answeredAt(reached ? start.plusSeconds(10) : null)
                .employee("anna")
                .build();
    }

    private static MissedCallTracker tracker(Recorder recorder) {
        return MissedCallTracker.builder(SETTINGS)
                .allowedLateness(Duration.ofHours(1))
                .listener(recorder)
                .build();
    }

    @Nested
    @DisplayName("tells its listener")
    class Events {

        @Test
        @DisplayName("when a group opens, grows, gets an attempt and is called back, with the report's rows")
        void lifeOfAGroup() {
            Recorder recorder = new Recorder();
            MissedCallTracker tracker = tracker(recorder);

            tracker.accept(missed("1", 0));
            tracker.accept(missed("2", 5));
            tracker.accept(callback("3", 10, false));
            tracker.accept(callback("4", 20, true));

            assertThat(recorder.types())
                    .containsExactly(
                            TrackerEvent.Type.OPENED,
                            TrackerEvent.Type.GREW,
                            TrackerEvent.Type.ATTEMPTED,
                            TrackerEvent.Type.RESOLVED);
            ProcessedRow row = (ProcessedRow) recorder.events.get(3).row();
            assertThat(row.missed()).isEqualTo(2);
            assertThat(row.attempts()).isEqualTo(2);
            assertThat(row.resolution().kind()).isEqualTo(ResolutionKind.CALLED_BACK);
            assertThat(tracker.unprocessed(T0.plusSeconds(3600))).isEmpty();
        }

        @Test
        @DisplayName(
                "R7: a second callback at the very instant of the one that resolved the group revises its row with one more attempt")
        void callbackAtTheResolutionInstantRevisesTheRow() {
            Recorder recorder = new Recorder();
            MissedCallTracker tracker = tracker(recorder);
            tracker.accept(missed("1", 0));
            tracker.accept(callback("2", 10, true));

            tracker.accept(callback("3", 10, true));

            assertThat(recorder.types())
                    .containsExactly(TrackerEvent.Type.OPENED, TrackerEvent.Type.RESOLVED, TrackerEvent.Type.REVISED);
            assertThat(recorder.processed.values())
                    .singleElement()
                    .satisfies(row -> assertThat(row.callbackAttempts())
                            .extracting(CallbackAttempt::id)
                            .containsExactly("2", "3"));
        }

        @Test
        @DisplayName(
                "a late callback that turns out to precede a missed call revises the open group and resolves the earlier part")
        void lateContactSplitsTheOpenGroup() {
            Recorder recorder = new Recorder();
            MissedCallTracker tracker = tracker(recorder);
            tracker.accept(missed("1", 0));
            tracker.accept(missed("2", 30));

            tracker.accept(callback("3", 10, true));

            assertThat(recorder.types()).endsWith(TrackerEvent.Type.RESOLVED, TrackerEvent.Type.REVISED);
            assertThat(tracker.unprocessed(T0.plusSeconds(3600)))
                    .singleElement()
                    .satisfies(row ->
                            assertThat(row.calls()).extracting(MissedCall::id).containsExactly("2"));
        }

        @Test
        @DisplayName("a late missed call revises a group already reported as resolved")
        void lateMissedCallRevisesAResolvedGroup() {
            Recorder recorder = new Recorder();
            MissedCallTracker tracker = tracker(recorder);
            tracker.accept(missed("1", 10));
            tracker.accept(callback("3", 20, true));

            tracker.accept(missed("0", 5));

            assertThat(recorder.types()).endsWith(TrackerEvent.Type.REVISED);
            assertThat(recorder.processed.values())
                    .singleElement()
                    .satisfies(row ->
                            assertThat(row.calls()).extracting(MissedCall::id).containsExactly("0", "1"));
        }

        @Test
        @DisplayName(
                "a late callback that resolves first retracts the handle's resolution it made moot (R5: the first resolution wins)")
        void lateContactRetractsAHandleResolution() {
            Recorder recorder = new Recorder();
            MissedCallTracker tracker = tracker(recorder);
            tracker.accept(missed("1", 0));
            tracker.accept(new Handle(CLIENT, T0.plus(Duration.ofMinutes(30)), T0, HandleReason.SPAM, null, "boris"));

            tracker.accept(callback("3", 10, true));

            assertThat(recorder.types()).contains(TrackerEvent.Type.RETRACTED);
            assertThat(recorder.processed.values())
                    .singleElement()
                    .satisfies(row -> assertThat(row.resolution().kind()).isEqualTo(ResolutionKind.CALLED_BACK));
        }
    }

    @Test
    @DisplayName(
            "R14: tells once, at the watermark, that an open group became overdue; a group resolved in time never is")
    void overdueAtTheWatermark() {
        Recorder recorder = new Recorder();
        MissedCallTracker tracker = MissedCallTracker.builder(ProjectSettings.builder()
                        .countryCode("380")
                        .workflow(WorkflowSettings.builder()
                                .deadline(Duration.ofMinutes(30))
                                .build())
                        .build())
                .allowedLateness(Duration.ofMinutes(10))
                .listener(recorder)
                .build();
        tracker.accept(missed("1", 0));
        tracker.accept(CallRecord.builder("2", Direction.IN, T0, T0.plusSeconds(40))
                .client("+380671234567")
                .stage(Stage.RINGING)
                .build());
        tracker.accept(callback("3", 20, true));

        tracker.advanceTo(T0.plus(Duration.ofMinutes(39)));
        assertThat(recorder.types()).doesNotContain(TrackerEvent.Type.OVERDUE);
        tracker.advanceTo(T0.plus(Duration.ofMinutes(40)));
        tracker.advanceTo(T0.plus(Duration.ofMinutes(90)));

        assertThat(recorder.events)
                .filteredOn(event -> event.type() == TrackerEvent.Type.OVERDUE)
                .singleElement()
                .satisfies(event -> {
                    UnprocessedRow row = (UnprocessedRow) event.row();
                    assertThat(row.client()).isEqualTo("+380671234567");
                    assertThat(row.due()).isEqualTo(T0.plus(Duration.ofMinutes(30)));
                    assertThat(row.overdue()).isTrue();
                    assertThat(row.waiting()).isEqualTo(Duration.ofMinutes(30));
                });
    }

    private static MissedCallTracker workingTracker(Recorder recorder, Duration lookBack) {
        return MissedCallTracker.builder(ProjectSettings.builder()
                        .countryCode("380")
                        .workflow(WorkflowSettings.builder()
                                .ownerChain(List.of(OwnerRule.LAST_REACHED, OwnerRule.LAST_ATTEMPT))
                                .ownerLookBack(lookBack)
                                .build())
                        .build())
                .allowedLateness(Duration.ofMinutes(10))
                .listener(recorder)
                .build();
    }

    @Test
    @DisplayName("R16: the manager who last reached the client owns the next group, within the look-back, as in the"
            + " batch report")
    void ownerByLastContact() {
        Recorder recorder = new Recorder();
        MissedCallTracker tracker = workingTracker(recorder, Duration.ofHours(2));
        tracker.accept(callback("1", 0, true));
        tracker.accept(missed("2", 60));
        Instant reachedByBoris = T0.plus(Duration.ofMinutes(70));
        tracker.accept(CallRecord.builder("3", Direction.OUT, reachedByBoris, reachedByBoris.plusSeconds(90))
                .client(CLIENT)
                .answeredAt(reachedByBoris.plusSeconds(10))
                .employee("boris")
                .build());
        tracker.accept(missed("4", 70 + 121));

        assertThat(recorder.events)
                .filteredOn(event -> event.type() == TrackerEvent.Type.OPENED)
                .extracting(event -> ((UnprocessedRow) event.row()).owner())
                .containsExactly("anna", null);
    }

    @Test
    @DisplayName("R16: a last contact older than the look-back is forgotten with the client; a recent one is kept")
    void lastContactKeptForTheLookBackOnly() {
        MissedCallTracker tracker = workingTracker(new Recorder(), Duration.ofHours(2));
        tracker.accept(callback("1", 0, true));

        tracker.advanceTo(T0.plus(Duration.ofMinutes(130)));
        assertThat(tracker.state(CLIENT))
                .hasValueSatisfying(
                        state -> assertThat(state.lastReached()).isEqualTo(new ClientState.Reached("anna", T0)));

        tracker.advanceTo(T0.plus(Duration.ofMinutes(131)));
        assertThat(tracker.clientsHeld()).isZero();
    }

    @Test
    @DisplayName("R16: an assignment gives the open group its owner, told as ASSIGNED; a redelivery changes nothing,"
            + " a conflicting copy is rejected")
    void assignment() {
        Recorder recorder = new Recorder();
        MissedCallTracker tracker = workingTracker(recorder, Duration.ofHours(2));
        tracker.accept(missed("1", 0));
        tracker.accept(callback("2", 5, false));
        Assignment toOlena = new Assignment("0501110001", T0.plus(Duration.ofMinutes(6)), "olena", "boris", null);

        tracker.accept(toOlena);
        tracker.accept(toOlena);
        tracker.accept(new Assignment("0501110001", toOlena.assignedAt(), "taras", "boris", null));

        assertThat(recorder.types())
                .containsExactly(TrackerEvent.Type.OPENED, TrackerEvent.Type.ATTEMPTED, TrackerEvent.Type.ASSIGNED);
        assertThat(((UnprocessedRow) recorder.events.get(1).row()).owner()).isEqualTo("anna");
        assertThat(((UnprocessedRow) recorder.events.get(2).row()).owner()).isEqualTo("olena");
        assertThat(tracker.unprocessed(T0.plus(Duration.ofMinutes(8))))
                .singleElement()
                .satisfies(row -> assertThat(row.owner()).isEqualTo("olena"));
        assertThat(recorder.rejections)
                .singleElement()
                .satisfies(rejection -> assertThat(rejection.reason())
                        .isEqualTo("conflicting duplicate assignment by boris at " + toOlena.assignedAt()));
    }

    @Test
    @DisplayName("R17: refuses groups per line, with the reason, rather than keep them per client")
    void groupsPerLineRefused() {
        ProjectSettings perLine = ProjectSettings.builder()
                .countryCode("380")
                .workflow(WorkflowSettings.builder().groupsPerLine(true).build())
                .build();

        assertThatThrownBy(() -> MissedCallTracker.builder(perLine).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the live tracker keeps groups per client; groups per line (R17) are for the batch report");
    }

    @Nested
    @DisplayName("with records out of order")
    class Lateness {

        @Test
        @DisplayName("rejects, with its reason, a record that starts before the watermark, and changes nothing")
        void lateRecordRejected() {
            Recorder recorder = new Recorder();
            MissedCallTracker tracker = tracker(recorder);
            tracker.accept(missed("1", 180));

            tracker.accept(missed("0", 0));

            assertThat(recorder.rejections)
                    .singleElement()
                    .satisfies(
                            rejection -> assertThat(rejection.reason()).startsWith("arrived after the lateness bound"));
            assertThat(tracker.unprocessed(T0.plusSeconds(4 * 3600)))
                    .singleElement()
                    .satisfies(row -> assertThat(row.missed()).isEqualTo(1));
        }

        @Test
        @DisplayName("ignores an equal redelivery and rejects a record that reuses a pending id with other values (R2)")
        void duplicates() {
            Recorder recorder = new Recorder();
            MissedCallTracker tracker = tracker(recorder);
            tracker.accept(missed("1", 0));
            tracker.accept(missed("1", 0));
            tracker.accept(missed("1", 1));

            assertThat(recorder.types()).containsExactly(TrackerEvent.Type.OPENED);
            assertThat(recorder.rejections).extracting(Rejection::reason).containsExactly("conflicting duplicate id");
        }

        @Test
        @DisplayName("R4: counts missed calls without a number, and rejects numbers it cannot normalize (R2)")
        void anonymousAndInvalid() {
            Recorder recorder = new Recorder();
            MissedCallTracker tracker = tracker(recorder);
            tracker.accept(missed("1", 0).withClient("anonymous"));
            tracker.accept(missed("2", 1).withClient("not a number"));

            assertThat(tracker.anonymousMissed()).isEqualTo(1);
            assertThat(recorder.rejections)
                    .singleElement()
                    .satisfies(r -> assertThat(r.id()).isEqualTo("2"));
        }
    }

    @Test
    @DisplayName("advancing time forgets the clients with nothing open, and keeps those still waiting")
    void advanceToForgetsSettledClients() {
        MissedCallTracker tracker = tracker(new Recorder());
        tracker.accept(missed("1", 0));
        tracker.accept(callback("2", 10, true));
        tracker.accept(missed("3", 20).withClient("+380501110002"));
        assertThat(tracker.clientsHeld()).isEqualTo(2);

        tracker.advanceTo(T0.plus(Duration.ofHours(3)));

        assertThat(tracker.clientsHeld()).isEqualTo(1);
        assertThat(tracker.state(CLIENT)).isEmpty();
        assertThat(tracker.unprocessed(T0.plus(Duration.ofHours(3))))
                .singleElement()
                .satisfies(row -> assertThat(row.client()).isEqualTo("+380501110002"));
    }

    @Test
    @DisplayName("a client's state saved and given back to a new tracker continues where it was")
    void stateRestores() {
        Recorder first = new Recorder();
        MissedCallTracker tracker = tracker(first);
        tracker.accept(missed("1", 0));
        tracker.accept(missed("2", 90));
        ClientState saved = tracker.state(CLIENT).orElseThrow();

        Recorder second = new Recorder();
        MissedCallTracker restored = tracker(second);
        restored.restore(saved);
        restored.advanceTo(T0.plus(Duration.ofMinutes(90)));
        restored.accept(callback("3", 100, true));

        assertThat(second.processed.values())
                .singleElement()
                .satisfies(row ->
                        assertThat(row.calls()).extracting(MissedCall::id).containsExactly("1", "2"));
        assertThat(restored.unprocessed(T0.plusSeconds(9000))).isEmpty();
    }

    @Test
    @DisplayName(
            "R8, R12, R14, R16: fed a log one record at a time in any order within the lateness bound, it ends with the"
                    + " batch report's rows, dues and owners included")
    void trackerEqualsBatchReport() {
        trackerEqualsBatch(List.of(OwnerRule.LAST_ATTEMPT, OwnerRule.LINE_OWNER), 3, Duration.ofDays(1));
    }

    @Test
    @DisplayName("R16 law: with owners by the last contact and by assignments, the tracker ends with the batch report's"
            + " owners, whatever the order within the lateness bound")
    void trackerEqualsBatchWithLastReachedAndAssignments() {
        // Shorter than the five days of calls, so that a last contact also falls out of it.
        trackerEqualsBatch(
                List.of(OwnerRule.LAST_REACHED, OwnerRule.LAST_ATTEMPT, OwnerRule.LINE_OWNER), 6, Duration.ofDays(1));
    }

    @Test
    @DisplayName("R16 law: with a look-back longer than the window (the batch report then keeps no instants of"
            + " contacts), the tracker still ends with the batch report's owners")
    void trackerEqualsBatchWithinTheLookBack() {
        trackerEqualsBatch(
                List.of(OwnerRule.LAST_REACHED, OwnerRule.LINE_OWNER), 6, WorkflowSettings.DEFAULT_OWNER_LOOK_BACK);
    }

    private static void trackerEqualsBatch(List<OwnerRule> chain, int maxAssignments, Duration lookBack) {
        Duration lateness = Duration.ofHours(6);
        Instant asOf = Generators.GRID_START.plus(Generators.GRID_SPAN);
        Gen<Long> seeds = SourceDSL.longs().all();
        Generators.theory()
                .forAll(
                        Generators.callLogsWithUniqueIds(Generators.gridInstants(), 40),
                        Generators.handleLists(6),
                        Generators.assignmentLists(maxAssignments),
                        seeds)
                .checkAssert((calls, handles, assignments, seed) -> {
                    ProjectSettings settings = ProjectSettings.builder()
                            .countryCode(Generators.COUNTRY_CODE)
                            .businessHours(BusinessHours.parse("Mon-Fri 09:00-18:00"))
                            .workflow(WorkflowSettings.builder()
                                    .deadline(Duration.ofHours(2))
                                    .ownerChain(chain)
                                    .ownerLookBack(lookBack)
                                    .line("+380441112233", new LineRules(Duration.ofMinutes(30), "dmytro"))
                                    .build())
                            .build();
                    // One handle and one assignment per key, as MissedCalls.saveHandle and assign and a store
                    // keep them: conflicting copies are a store's error, which the batch report rejects and
                    // the tracker never sees.
                    InMemoryHandleStore store = new InMemoryHandleStore();
                    List<Handle> valid = new ArrayList<>();
                    for (Handle handle : handles) {
                        Handle normalized = normalizedOrSelf(settings, handle);
                        if (valid.stream()
                                .noneMatch(
                                        kept -> normalizedOrSelf(settings, kept).sameKey(normalized))) {
                            store.save("p", handle);
                            valid.add(handle);
                        }
                    }
                    List<Assignment> validAssignments = new ArrayList<>();
                    for (Assignment assignment : assignments) {
                        Assignment normalized = normalizedOrSelf(settings, assignment);
                        if (validAssignments.stream()
                                .noneMatch(
                                        kept -> normalizedOrSelf(settings, kept).sameKey(normalized))) {
                            store.assign("p", assignment);
                            validAssignments.add(assignment);
                        }
                    }
                    Report batch = MissedCalls.builder()
                            .callSource(new InMemoryCallSource().add("p", calls))
                            .handleStore(store)
                            .settings(settings)
                            .build()
                            .report(ReportQuery.of("p")
                                    .window(Generators.GRID_START, asOf)
                                    .asOf(asOf));

                    Recorder recorder = new Recorder();
                    MissedCallTracker tracker = MissedCallTracker.builder(settings)
                            .allowedLateness(lateness)
                            .trackFrom(Generators.GRID_START)
                            .listener(recorder)
                            .build();
                    Random random = new Random(seed);
                    List<Object> records = new ArrayList<>(valid);
                    records.addAll(validAssignments);
                    for (Object record : deliveryOrder(calls, records, lateness, random)) {
                        if (record instanceof CallRecord call) {
                            tracker.accept(call);
                            if (random.nextInt(4) == 0) {
                                // Settles every client, and forgets those left with nothing to keep.
                                tracker.advanceTo(call.startedAt());
                            }
                        } else if (record instanceof Handle handle) {
                            tracker.accept(handle);
                        } else {
                            tracker.accept((Assignment) record);
                        }
                    }

                    assertThat(recorder.rejections).noneMatch(r -> r.reason().contains("arrived after"));
                    assertThat(tracker.unprocessed(asOf)).isEqualTo(batch.unprocessed());
                    assertThat(new HashSet<>(recorder.processed.values())).isEqualTo(new HashSet<>(batch.processed()));
                    assertThat(tracker.anonymousMissed()).isEqualTo(batch.anonymousMissed());
                });
    }

    @Test
    @DisplayName("R2 law: redelivered equal copies of calls and handles give the tracker the batch report's result")
    void redeliveredCopiesCountOnceInTrackerAndBatch() {
        trackerEqualsBatchUnder(DuplicatePolicy.REJECT_EVERY_COPY, false);
    }

    @Test
    @DisplayName("R2 law: conflicting copies give the tracker what the batch report gives under FIRST_COPY_WINS")
    void conflictingCopiesFollowTheTrackersPolicy() {
        trackerEqualsBatchUnder(DuplicatePolicy.FIRST_COPY_WINS, true);
    }

    /**
     * Delivers every record once or more within the lateness bound, some copies equal and, when
     * {@code conflicting}, some differing from the original in a value other than id, start and
     * client; then checks the tracker against a batch report that reads the same copies in
     * delivery order under {@code policy}. Only copies of records with a client's number are made:
     * withheld and internal calls have no client whose pending records the tracker could compare with.
     */
    private static void trackerEqualsBatchUnder(DuplicatePolicy policy, boolean conflicting) {
        Duration lateness = Duration.ofHours(6);
        Instant asOf = Generators.GRID_START.plus(Generators.GRID_SPAN);
        Gen<Long> seeds = SourceDSL.longs().all();
        Generators.theory()
                .forAll(
                        Generators.callLogsWithUniqueIds(Generators.gridInstants(), 30),
                        Generators.handleLists(6),
                        seeds)
                .checkAssert((calls, handles, seed) -> {
                    ProjectSettings settings = ProjectSettings.builder()
                            .countryCode(Generators.COUNTRY_CODE)
                            .build();
                    Random random = new Random(seed);
                    List<CallRecord> callCopies = new ArrayList<>();
                    for (CallRecord call : calls) {
                        callCopies.add(call);
                        if (call.direction() != Direction.INTERNAL && hasClient(settings, call.client())) {
                            for (int copy = random.nextInt(3); copy > 0; copy--) {
                                callCopies.add(conflicting && random.nextBoolean() ? otherwiseEnded(call) : call);
                            }
                        }
                    }
                    List<Handle> handleCopies = new ArrayList<>();
                    for (Handle handle : uniqueKeys(settings, handles)) {
                        handleCopies.add(handle);
                        if (hasClient(settings, handle.client())) {
                            for (int copy = random.nextInt(3); copy > 0; copy--) {
                                handleCopies.add(conflicting && random.nextBoolean() ? otherwiseNoted(handle) : handle);
                            }
                        }
                    }
                    List<Object> deliveries = deliveryOrder(callCopies, handleCopies, lateness, random);

                    List<CallRecord> callsAsDelivered = new ArrayList<>();
                    List<Handle> handlesAsDelivered = new ArrayList<>();
                    for (Object record : deliveries) {
                        if (record instanceof CallRecord call) {
                            callsAsDelivered.add(call);
                        } else {
                            handlesAsDelivered.add((Handle) record);
                        }
                    }
                    Report batch = new ReportEngine("p", settings, Generators.GRID_START, asOf, asOf, false, policy)
                            .run(new InMemoryCallSource().add("p", callsAsDelivered), listedAsIs(handlesAsDelivered));

                    Recorder recorder = new Recorder();
                    MissedCallTracker tracker = MissedCallTracker.builder(settings)
                            .allowedLateness(lateness)
                            .trackFrom(Generators.GRID_START)
                            .listener(recorder)
                            .build();
                    for (Object record : deliveries) {
                        if (record instanceof CallRecord call) {
                            tracker.accept(call);
                        } else {
                            tracker.accept((Handle) record);
                        }
                    }

                    assertThat(recorder.rejections).noneMatch(r -> r.reason().startsWith("arrived after"));
                    assertThat(tracker.unprocessed(asOf)).isEqualTo(batch.unprocessed());
                    assertThat(new HashSet<>(recorder.processed.values())).isEqualTo(new HashSet<>(batch.processed()));
                    assertThat(tracker.anonymousMissed()).isEqualTo(batch.anonymousMissed());
                    assertThat(conflicts(recorder.rejections)).isEqualTo(conflicts(batch.rejections()));
                });
    }

    private static boolean hasClient(ProjectSettings settings, @Nullable String number) {
        try {
            return settings.normalizer().normalize(number) != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** One handle per key, as a store keeps them; the copies are made afterwards. */
    private static List<Handle> uniqueKeys(ProjectSettings settings, List<Handle> handles) {
        List<Handle> unique = new ArrayList<>();
        for (Handle handle : handles) {
            Handle normalized = normalizedOrSelf(settings, handle);
            if (unique.stream()
                    .noneMatch(kept -> normalizedOrSelf(settings, kept).sameKey(normalized))) {
                unique.add(handle);
            }
        }
        return unique;
    }

    /** A copy of the call with its id, start and client, that ended a minute later: a PBX's corrected record. */
    private static CallRecord otherwiseEnded(CallRecord call) {
        return new CallRecord(
                call.id(),
                call.direction(),
                call.client(),
                call.line(),
                call.employee(),
                call.startedAt(),
                call.answeredAt(),
                call.endedAt().plusSeconds(60),
                call.stage(),
                call.managers(),
                call.statedReason());
    }

    /** A copy of the handle with its key and another note. */
    private static Handle otherwiseNoted(Handle handle) {
        return new Handle(
                handle.client(),
                handle.handledAt(),
                handle.coversUntil(),
                handle.reason(),
                handle.note() + " (edited)",
                handle.actor());
    }

    /** A store that lists its handles as it was given them, copies and all, as a careless table would. */
    private static HandleStore listedAsIs(List<Handle> handles) {
        return new HandleStore() {
            @Override
            public SaveOutcome save(String project, Handle handle) {
                throw new UnsupportedOperationException("the law reads handles only");
            }

            @Override
            public List<Handle> handles(String project, Instant handledFrom, Instant handledUntil) {
                return handles.stream()
                        .filter(h -> !h.handledAt().isBefore(handledFrom)
                                && !h.handledAt().isAfter(handledUntil))
                        .toList();
            }
        };
    }

    private static Map<String, Long> conflicts(List<Rejection> rejections) {
        return rejections.stream()
                .filter(r -> r.reason().startsWith("conflicting duplicate"))
                .collect(Collectors.groupingBy(Rejection::reason, Collectors.counting()));
    }

    private static Handle normalizedOrSelf(ProjectSettings settings, Handle handle) {
        try {
            String client = settings.normalizer().normalize(handle.client());
            return client == null ? handle : handle.withClient(client);
        } catch (IllegalArgumentException e) {
            return handle;
        }
    }

    private static Assignment normalizedOrSelf(ProjectSettings settings, Assignment assignment) {
        try {
            String client = settings.normalizer().normalize(assignment.client());
            return client == null ? assignment : assignment.withClient(client);
        } catch (IllegalArgumentException e) {
            return assignment;
        }
    }

    /** Each record is delivered some time within the lateness bound after it happened. */
    /** Calls and records a manager made (handles, assignments) in an order each is late by less than {@code lateness}. */
    private static List<Object> deliveryOrder(
            List<CallRecord> calls, List<?> handles, Duration lateness, Random random) {
        record Delivery(Instant at, Object record) {}
        List<Delivery> deliveries = new ArrayList<>();
        long bound = lateness.toSeconds();
        for (CallRecord call : calls) {
            deliveries.add(new Delivery(call.startedAt().plusSeconds((long) (random.nextDouble() * bound)), call));
        }
        for (Object byHand : handles) {
            Instant at = byHand instanceof Handle handle ? handle.handledAt() : ((Assignment) byHand).assignedAt();
            deliveries.add(new Delivery(at.plusSeconds((long) (random.nextDouble() * bound)), byHand));
        }
        deliveries.sort(Comparator.comparing(Delivery::at));
        return deliveries.stream().map(Delivery::record).toList();
    }
}
