package io.github.missedcalls.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.missedcalls.Assignment;
import io.github.missedcalls.AssignmentConflictException;
import io.github.missedcalls.Handle;
import io.github.missedcalls.HandleConflictException;
import io.github.missedcalls.HandleReason;
import io.github.missedcalls.spi.HandleStore;
import io.github.missedcalls.spi.SaveOutcome;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalLong;
import java.util.Random;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The compatibility kit for {@link HandleStore} implementations (R11): extend it in a test, return
 * the store under test, override a flag where the store declares less, and the expectations the
 * report puts on every store are checked.
 *
 * <pre>{@code
 * @DisplayName("MyHandleStore passes the HandleStore compatibility kit")
 * class MyHandleStoreTest extends HandleStoreContract {
 *   private final MyTables tables = closeAfterAll(MyTables.create(dataSource));
 *
 *   @Override
 *   protected HandleStore newStore() {
 *     return new MyHandleStore(dataSource, tables);
 *   }
 *
 *   @Override
 *   protected TemporalUnit instantPrecision() {
 *     return ChronoUnit.MILLIS;
 *   }
 * }
 * }</pre>
 *
 * <p>One instance serves the whole class ({@link CompatibilityKit}); {@link #newStore()} is called
 * before each test. Every test writes to projects of its own, with names no earlier run used, so
 * a persistent store need not be emptied between tests. The store must be safe for several
 * threads, as the {@link HandleStore} contract says; one test saves from eight threads at once.
 */
public abstract class HandleStoreContract extends CompatibilityKit {

    private static final Instant BASE = Instant.parse("2026-03-02T08:00:00Z");
    private static final int THREADS = 8;
    // Wide enough for every test here, narrow enough for any SQL timestamp type worth using.
    private static final Instant EARLIEST = Instant.parse("1990-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("2100-01-01T00:00:00Z");

    private @Nullable HandleStore current;

    /**
     * The store under test, called before each test: a new store, or a new view of storage the
     * class shares (what a field registered with {@link #closeAfterAll} holds).
     */
    protected abstract HandleStore newStore();

    @BeforeEach
    final void openStore() {
        current = newStore();
    }

    @AfterEach
    final void forgetStore() {
        current = null;
    }

    private HandleStore store() {
        HandleStore store = current;
        if (store == null) {
            // A test method run without the kit's lifecycle (the kit's own self-test) still gets a store.
            store = newStore();
            current = store;
        }
        return store;
    }

    /**
     * The finest unit the store keeps instants in: an instant that is a whole number of this unit
     * must come back exactly as saved. Default microseconds, what most SQL timestamp types keep.
     */
    protected TemporalUnit instantPrecision() {
        return ChronoUnit.MICROS;
    }

    /** The longest note, in characters, that the store keeps whole. Default 2,000. */
    protected int longestNote() {
        return 2_000;
    }

    /**
     * Whether notes and actors may hold characters outside the Basic Multilingual Plane (emoji):
     * false for a store on a character set of three bytes at most (MySQL's {@code utf8mb3}).
     */
    protected boolean storesSupplementaryCharacters() {
        return true;
    }

    /**
     * Whether the store keeps assignments (R16). Default true; a store that keeps none (the SPI's
     * default methods) overrides this with false, and the kit then checks that it says so.
     */
    protected boolean keepsAssignments() {
        return true;
    }

    /** A project name no other test (and no earlier run) has used. */
    protected String newProject() {
        return "kit-" + Long.toHexString(new Random().nextLong() & Long.MAX_VALUE);
    }

    private static Handle handle(String client, Duration at, String actor) {
        Instant handledAt = BASE.plus(at);
        return new Handle(client, handledAt, handledAt.minusSeconds(60), HandleReason.SPAM, null, actor);
    }

    private List<Handle> all(String project) {
        return store().handles(project, EARLIEST, LATEST);
    }

    @Nested
    @DisplayName("saving and listing")
    class SavingAndListing {

        @Test
        @DisplayName("R11: a saved handle is listed with every value it was saved with")
        void savedHandleIsListed() {
            String project = newProject();
            Handle handle = new Handle(
                    "+380501110001",
                    BASE,
                    BASE.minusSeconds(300),
                    HandleReason.OTHER,
                    "called from a mobile, sorted out",
                    "olena");

            SaveOutcome outcome = store().save(project, handle);

            assertThat(outcome).isEqualTo(SaveOutcome.STORED);
            assertThat(all(project)).containsExactly(handle);
        }

        @Test
        @DisplayName("R11: every reason, and a handle without a note, round-trip")
        void everyReasonRoundTrips() {
            String project = newProject();
            List<Handle> saved = new ArrayList<>();
            int minute = 0;
            for (HandleReason reason : HandleReason.values()) {
                @Nullable String note = reason == HandleReason.OTHER ? "see CRM" : null;
                Instant at = BASE.plus(Duration.ofMinutes(minute++));
                saved.add(new Handle("+15550100", at, at, reason, note, "sam"));
            }

            saved.forEach(handle -> store().save(project, handle));

            assertThat(all(project)).containsExactlyElementsOf(saved);
        }

        @Test
        @DisplayName("a project without handles lists none")
        void emptyProjectListsNothing() {
            assertThat(all(newProject())).isEmpty();
        }

        @Test
        @DisplayName("handles are listed ordered by their instant, whatever order they were saved in")
        void listedInInstantOrder() {
            String project = newProject();
            List<Handle> handles = new ArrayList<>();
            for (int minute = 0; minute < 20; minute++) {
                handles.add(handle("+38044000" + (100 + minute % 3), Duration.ofMinutes(minute), "actor" + minute % 2));
            }
            List<Handle> shuffled = new ArrayList<>(handles);
            Collections.shuffle(shuffled, new Random(42));

            shuffled.forEach(handle -> store().save(project, handle));

            assertThat(all(project)).containsExactlyElementsOf(handles);
        }

        @Test
        @DisplayName("the listed range includes both of its ends")
        void rangeIsInclusive() {
            String project = newProject();
            Handle before = handle("+15550101", Duration.ofSeconds(-1), "a");
            Handle atStart = handle("+15550101", Duration.ZERO, "a");
            Handle inside = handle("+15550101", Duration.ofSeconds(30), "a");
            Handle atEnd = handle("+15550101", Duration.ofSeconds(60), "a");
            Handle after = handle("+15550101", Duration.ofSeconds(61), "a");
            for (Handle handle : List.of(after, atEnd, before, inside, atStart)) {
                store().save(project, handle);
            }

            assertThat(store().handles(project, BASE, BASE.plusSeconds(60))).containsExactly(atStart, inside, atEnd);
            assertThat(store().handles(project, BASE.plusSeconds(30), BASE.plusSeconds(30)))
                    .containsExactly(inside);
        }

        @Test
        @DisplayName("a store that counts its handles counts those it lists in a range, its end excluded")
        void countIsHonest() {
            String project = newProject();
            for (Handle handle : List.of(
                    handle("+15550101", Duration.ofSeconds(-1), "a"),
                    handle("+15550101", Duration.ZERO, "a"),
                    handle("+15550102", Duration.ZERO, "a"),
                    handle("+15550101", Duration.ofSeconds(30), "b"),
                    handle("+15550101", Duration.ofSeconds(60), "a"))) {
                store().save(project, handle);
            }

            OptionalLong count = store().countHandles(project, BASE, BASE.plusSeconds(60));
            assumeTrue(count.isPresent(), "the store does not count its handles");

            assertThat(count).hasValue(3);
            assertThat(store().countHandles(project, BASE.minusSeconds(1), BASE.plusSeconds(61)))
                    .hasValue(5);
            assertThat(store().countHandles(newProject(), BASE.minusSeconds(1), BASE.plusSeconds(61)))
                    .as("a project without handles")
                    .hasValue(0);
        }

        @Test
        @DisplayName("handles of one project are never listed in another, even with the same key")
        void projectsAreIsolated() {
            String acme = newProject();
            String globex = newProject();
            Handle ofAcme = handle("+15550102", Duration.ZERO, "kim");
            Handle sameKeyOtherValues = new Handle(
                    ofAcme.client(),
                    ofAcme.handledAt(),
                    ofAcme.coversUntil(),
                    HandleReason.WRONG_NUMBER,
                    null,
                    ofAcme.actor());

            assertThat(store().save(acme, ofAcme)).isEqualTo(SaveOutcome.STORED);
            assertThat(store().save(globex, sameKeyOtherValues)).isEqualTo(SaveOutcome.STORED);

            assertThat(all(acme)).containsExactly(ofAcme);
            assertThat(all(globex)).containsExactly(sameKeyOtherValues);
        }

        @Test
        @DisplayName("handles that differ in client, instant or actor alone are separate handles")
        void keyHasClientInstantAndActor() {
            String project = newProject();
            Handle first = handle("+15550103", Duration.ZERO, "kim");
            List<Handle> handles = List.of(
                    first,
                    handle("+15550104", Duration.ZERO, "kim"),
                    handle("+15550103", Duration.ofSeconds(1), "kim"),
                    handle("+15550103", Duration.ZERO, "lee"));

            for (Handle handle : handles) {
                assertThat(store().save(project, handle)).isEqualTo(SaveOutcome.STORED);
            }

            assertThat(all(project)).containsExactlyInAnyOrderElementsOf(handles);
        }
    }

    @Nested
    @DisplayName("saving the same handle again")
    class SavingAgain {

        @Test
        @DisplayName("R11: saving an equal handle twice stores it once and says so")
        void equalHandleStoredOnce() {
            String project = newProject();
            Handle handle = new Handle("+380501110001", BASE, BASE, HandleReason.OTHER, "duplicate lead", "olena");
            Handle equalCopy = new Handle("+380501110001", BASE, BASE, HandleReason.OTHER, "duplicate lead", "olena");

            assertThat(store().save(project, handle)).isEqualTo(SaveOutcome.STORED);
            assertThat(store().save(project, equalCopy)).isEqualTo(SaveOutcome.ALREADY_STORED);
            assertThat(store().save(project, handle)).isEqualTo(SaveOutcome.ALREADY_STORED);

            assertThat(all(project)).containsExactly(handle);
        }

        @Test
        @DisplayName("R11: a handle with a stored key and other values is refused and the stored one stays")
        void conflictingHandleRefused() {
            String project = newProject();
            Handle stored = new Handle("+380501110001", BASE, BASE.minusSeconds(60), HandleReason.SPAM, null, "olena");
            store().save(project, stored);
            List<Handle> conflicting = List.of(
                    new Handle(stored.client(), BASE, BASE.minusSeconds(60), HandleReason.NOT_SALES, null, "olena"),
                    new Handle(stored.client(), BASE, BASE.minusSeconds(30), HandleReason.SPAM, null, "olena"),
                    new Handle(stored.client(), BASE, BASE.minusSeconds(60), HandleReason.SPAM, "a note", "olena"));

            for (Handle offered : conflicting) {
                HandleConflictException conflict =
                        catchThrowableOfType(HandleConflictException.class, () -> store().save(project, offered));

                assertThat(conflict).as("saving %s over %s", offered, stored).isNotNull();
                assertThat(conflict.stored()).isEqualTo(stored);
                assertThat(conflict.offered()).isEqualTo(offered);
            }
            assertThat(all(project)).containsExactly(stored);
        }
    }

    @Nested
    @DisplayName("assignments")
    class Assignments {

        private Assignment assignment(String client, Duration at, String owner, String actor) {
            return new Assignment(client, BASE.plus(at), owner, actor, null);
        }

        private List<Assignment> allAssignments(String project) {
            return store().assignments(project, EARLIEST, LATEST);
        }

        @Test
        @DisplayName(
                "R16: a saved assignment is listed with every value; the range includes both ends, ordered by instant")
        void savedAndListed() {
            assumeTrue(keepsAssignments(), "the store keeps no assignments");
            String project = newProject();
            Assignment later =
                    new Assignment("+380501110001", BASE.plusSeconds(60), "yana", "olena", "VIP: «Київ» \"A\"");
            Assignment earlier = assignment("+380671234567", Duration.ZERO, "taras", "anna");

            assertThat(store().assign(project, later)).isEqualTo(SaveOutcome.STORED);
            assertThat(store().assign(project, earlier)).isEqualTo(SaveOutcome.STORED);

            assertThat(allAssignments(project)).containsExactly(earlier, later);
            assertThat(store().assignments(project, BASE, BASE.plusSeconds(60))).containsExactly(earlier, later);
            assertThat(store().assignments(project, BASE.plusNanos(1000), BASE.plusSeconds(59)))
                    .isEmpty();
            assertThat(allAssignments(newProject())).as("another project").isEmpty();
        }

        @Test
        @DisplayName(
                "R16: saving an equal assignment twice stores it once; one with its key and other values is refused")
        void savedOnce() {
            assumeTrue(keepsAssignments(), "the store keeps no assignments");
            String project = newProject();
            Assignment stored = assignment("+380501110001", Duration.ZERO, "yana", "olena");

            assertThat(store().assign(project, stored)).isEqualTo(SaveOutcome.STORED);
            assertThat(store().assign(project, assignment("+380501110001", Duration.ZERO, "yana", "olena")))
                    .isEqualTo(SaveOutcome.ALREADY_STORED);
            Assignment other = assignment("+380501110001", Duration.ZERO, "taras", "olena");
            AssignmentConflictException conflict =
                    catchThrowableOfType(AssignmentConflictException.class, () -> store().assign(project, other));

            assertThat(conflict).isNotNull();
            assertThat(conflict.stored()).isEqualTo(stored);
            assertThat(conflict.offered()).isEqualTo(other);
            assertThat(allAssignments(project)).containsExactly(stored);
            assertThat(all(project)).as("assignments are not handles").isEmpty();
        }

        @Test
        @DisplayName("R16: a store that keeps no assignments refuses to save one and lists none")
        void storeWithoutAssignments() {
            assumeTrue(!keepsAssignments(), "the store keeps assignments");
            String project = newProject();

            assertThat(catchThrowableOfType(
                            UnsupportedOperationException.class,
                            () -> store().assign(project, assignment("+380501110001", Duration.ZERO, "yana", "olena"))))
                    .isNotNull();
            assertThat(allAssignments(project)).isEmpty();
        }
    }

    @Nested
    @DisplayName("values round-trip")
    class RoundTrip {

        @Test
        @DisplayName("instants come back exactly, to the precision the store declares")
        void instantsRoundTripToDeclaredPrecision() {
            String project = newProject();
            Instant handledAt = Instant.parse("2026-03-02T08:00:00.123456789Z").truncatedTo(instantPrecision());
            Instant coversUntil =
                    Instant.parse("2026-03-02T07:59:58.987654321Z").truncatedTo(instantPrecision());
            Handle handle = new Handle("+15550105", handledAt, coversUntil, HandleReason.DUPLICATE, null, "kim");

            store().save(project, handle);

            assertThat(all(project)).singleElement().satisfies(read -> {
                assertThat(read.handledAt()).isEqualTo(handledAt);
                assertThat(read.coversUntil()).isEqualTo(coversUntil);
            });
            assertThat(store().save(project, handle)).isEqualTo(SaveOutcome.ALREADY_STORED);
        }

        @Test
        @DisplayName("instants of the last century and after January 2038 round-trip")
        void distantInstantsRoundTrip() {
            String project = newProject();
            Handle old = new Handle(
                    "+15550106",
                    Instant.parse("1999-12-31T23:59:59Z"),
                    Instant.parse("1999-12-31T23:00:00Z"),
                    HandleReason.SPAM,
                    null,
                    "kim");
            // After 2038-01-19 a signed 32-bit count of seconds (MySQL's TIMESTAMP) has run out.
            Handle future = new Handle(
                    "+15550106",
                    Instant.parse("2040-02-29T12:00:00Z"),
                    Instant.parse("2040-02-29T11:00:00Z"),
                    HandleReason.SPAM,
                    null,
                    "kim");

            store().save(project, old);
            store().save(project, future);

            assertThat(all(project)).containsExactly(old, future);
        }

        @Test
        @DisplayName("a note in several scripts, with quotes and line breaks, comes back unchanged")
        void unicodeNoteRoundTrips() {
            String project = newProject();
            String note = "Клієнт передзвонив сам; 客户已回电; \"quoted\", 'single' \\ back\r\nsecond line\ttab";
            Handle handle = new Handle("+380501110001", BASE, BASE, HandleReason.OTHER, note, "Олена Ковальчук");

            store().save(project, handle);

            assertThat(all(project)).containsExactly(handle);
        }

        @Test
        @DisplayName("a note with characters outside the Basic Multilingual Plane comes back unchanged")
        void supplementaryCharactersRoundTrip() {
            assumeTrue(storesSupplementaryCharacters(), "the store declares it keeps no supplementary characters");
            String project = newProject();
            Handle handle = new Handle("+380501110001", BASE, BASE, HandleReason.OTHER, "спам 📞🙄 𝄞", "kim 👩‍💼");

            store().save(project, handle);

            assertThat(all(project)).containsExactly(handle);
        }

        @Test
        @DisplayName("a note as long as the store declares comes back whole")
        void longNoteRoundTrips() {
            String project = newProject();
            StringBuilder note = new StringBuilder(longestNote());
            while (note.length() < longestNote()) {
                note.append("ї0123456789 ".charAt(note.length() % 12));
            }
            Handle handle = new Handle("+380501110001", BASE, BASE, HandleReason.OTHER, note.toString(), "kim");

            store().save(project, handle);

            assertThat(all(project))
                    .singleElement()
                    .satisfies(read -> assertThat(read.note()).isEqualTo(note.toString()));
        }
    }

    @Test
    @DisplayName("R11: eight threads saving overlapping handles for the same clients lose none and double none")
    void concurrentSavesNeitherLoseNorDouble() throws Exception {
        String project = newProject();
        List<Handle> distinct = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            for (String actor : List.of("anna", "bohdan")) {
                distinct.add(handle("+38067000000" + i % 3, Duration.ofMinutes(i), actor));
            }
        }
        CyclicBarrier start = new CyclicBarrier(THREADS);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<List<SaveOutcome>>> results = new ArrayList<>();
        try {
            for (int t = 0; t < THREADS; t++) {
                List<Handle> order = new ArrayList<>(distinct);
                Collections.shuffle(order, new Random(t));
                results.add(pool.submit(() -> {
                    start.await();
                    List<SaveOutcome> outcomes = new ArrayList<>();
                    for (Handle handle : order) {
                        outcomes.add(store().save(project, handle));
                    }
                    return outcomes;
                }));
            }
            List<SaveOutcome> outcomes = new ArrayList<>();
            for (Future<List<SaveOutcome>> result : results) {
                outcomes.addAll(result.get());
            }

            assertThat(outcomes).filteredOn(SaveOutcome.STORED::equals).hasSize(distinct.size());
            assertThat(outcomes)
                    .filteredOn(SaveOutcome.ALREADY_STORED::equals)
                    .hasSize(distinct.size() * (THREADS - 1));
            assertThat(all(project)).hasSize(distinct.size()).containsExactlyInAnyOrderElementsOf(distinct);
        } finally {
            pool.shutdownNow();
        }
    }
}
