package io.github.missedcalls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import io.github.missedcalls.inmemory.InMemoryCheckpointStore;
import io.github.missedcalls.spi.HandleStore;
import io.github.missedcalls.spi.SaveOutcome;
import io.github.missedcalls.tck.Generators;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A refresh from a checkpoint gives the report a full read gives, for generated months read at
 * two instants, with call records and handles that arrive late, inside and outside the lateness
 * bound (MissedCalls.refresh).
 */
@DisplayName("Refreshing from a checkpoint")
class CheckpointPropertiesTest {

    private static final Duration LATENESS = Duration.ofHours(6);
    /** How long after its instant a record arrives: most at once, some within the bound, some after it. */
    private static final List<Duration> DELAYS = List.of(
            Duration.ZERO,
            Duration.ZERO,
            Duration.ZERO,
            Duration.ofMinutes(15),
            Duration.ofHours(5),
            Duration.ofDays(2));

    /** A record and when it reaches the source or the store. */
    private record Arriving<T>(T record, Instant instant, Instant arrival) {}

    /** The calls that arrived by an instant. */
    private static CountingCallSource arrivedCalls(List<Arriving<CallRecord>> all, Instant now) {
        return new CountingCallSource(all.stream()
                .filter(a -> !a.arrival().isAfter(now))
                .map(Arriving::record)
                .toList());
    }

    /** A store over the handles that arrived by an instant, repeats included, that cannot count. */
    private static final class ArrivedHandles implements HandleStore {
        private final List<Handle> handles;

        ArrivedHandles(List<Arriving<Handle>> all, Instant now) {
            this.handles = all.stream()
                    .filter(a -> !a.arrival().isAfter(now))
                    .map(Arriving::record)
                    .sorted(Comparator.comparing(Handle::handledAt))
                    .toList();
        }

        @Override
        public SaveOutcome save(String project, Handle handle) {
            throw new UnsupportedOperationException("the test's handles arrive by themselves");
        }

        @Override
        public List<Handle> handles(String project, Instant handledFrom, Instant handledUntil) {
            return handles.stream()
                    .filter(h -> !h.handledAt().isBefore(handledFrom)
                            && !h.handledAt().isAfter(handledUntil))
                    .toList();
        }
    }

    private static <T> List<Arriving<T>> arriving(
            List<T> records, java.util.function.Function<T, Instant> instant, long seed) {
        Random random = new Random(seed);
        List<Arriving<T>> all = new ArrayList<>();
        for (T record : records) {
            Instant at = instant.apply(record);
            all.add(new Arriving<>(record, at, at.plus(DELAYS.get(random.nextInt(DELAYS.size())))));
        }
        return all;
    }

    private static MissedCalls readAt(
            Scenario scenario, List<Arriving<CallRecord>> calls, List<Arriving<Handle>> handles, Instant now) {
        return MissedCalls.builder()
                .callSource(arrivedCalls(calls, now))
                .handleStore(new ArrivedHandles(handles, now))
                .settings(scenario.settings())
                .lateness(LATENESS)
                .build();
    }

    private static void assertSameReport(Report refreshed, Report full) {
        assertThat(refreshed.unprocessed()).isEqualTo(full.unprocessed());
        assertThat(refreshed.processed()).isEqualTo(full.processed());
        assertThat(refreshed.rejections()).containsExactlyInAnyOrderElementsOf(full.rejections());
        assertThat(refreshed.anonymousMissed()).isEqualTo(full.anonymousMissed());
        assertThat(refreshed.callsInWindow()).isEqualTo(full.callsInWindow());
        assertThat(refreshed.latestCallBeforeWindow()).isEqualTo(full.latestCallBeforeWindow());
    }

    @Test
    @DisplayName(
            "full report = checkpoint + refresh, row for row, with records arriving late inside and outside the bound")
    void refreshEqualsFullRead() {
        int[] incremental = {0};
        Generators.theory()
                .forAll(
                        Scenario.withUniqueIds(),
                        integers().between(0, 96),
                        integers().between(0, 1),
                        longs().all())
                .checkAssert((scenario, later, openEnded, seed) -> {
                    List<Arriving<CallRecord>> calls = arriving(scenario.calls(), CallRecord::startedAt, seed);
                    List<Arriving<Handle>> handles = arriving(scenario.handles(), Handle::handledAt, ~seed);
                    @Nullable Instant to = openEnded == 1 ? null : scenario.to();
                    // A window open at its end ends at as-of, which is then not before its start.
                    Instant first =
                            to == null && scenario.asOf().isBefore(scenario.from()) ? scenario.from() : scenario.asOf();
                    Instant second = first.plus(Generators.GRID_STEP.multipliedBy(later));
                    ReportQuery query = ReportQuery.of(Scenario.PROJECT).window(scenario.from(), to);

                    RefreshedReport earlier =
                            readAt(scenario, calls, handles, first).refresh(query.asOf(first), null);
                    MissedCalls now = readAt(scenario, calls, handles, second);
                    RefreshedReport refreshed = now.refresh(query.asOf(second), earlier.checkpoint());
                    Report full = now.report(query.asOf(second));

                    assertSameReport(refreshed.report(), full);
                    assertSameReport(
                            earlier.report(),
                            readAt(scenario, calls, handles, first).report(query.asOf(first)));
                    if (refreshed.incremental()) {
                        incremental[0]++;
                    }
                    ReportCheckpoint checkpoint = earlier.checkpoint();
                    if (checkpoint != null) {
                        Instant watermark = checkpoint.watermark();
                        boolean lateBeyondBound = calls.stream()
                                        .anyMatch(a -> a.instant().isBefore(watermark)
                                                && a.arrival().isAfter(first))
                                || handles.stream()
                                        .anyMatch(a -> a.instant().isBefore(watermark)
                                                && !a.instant().isBefore(scenario.from())
                                                && a.arrival().isAfter(first));
                        // A late record changes a count only where it lands in the window; then the window is read
                        // again.
                        if (!lateBeyondBound) {
                            assertThat(refreshed.incremental())
                                    .as(refreshed.reading())
                                    .isTrue();
                        }
                    }
                });
        // Most examples take the checkpoint's path, so the law above is about it, not about full reads.
        assertThat(incremental[0]).isGreaterThan(Generators.examples() / 2);
    }

    @Test
    @DisplayName("a chain of refreshes, each from the one before, ends in the full report")
    void chainOfRefreshes() {
        Generators.theory()
                .forAll(Scenario.withUniqueIds(), integers().between(1, 24), longs().all())
                .checkAssert((scenario, step, seed) -> {
                    List<Arriving<CallRecord>> calls = arriving(scenario.calls(), CallRecord::startedAt, seed);
                    List<Arriving<Handle>> handles = arriving(scenario.handles(), Handle::handledAt, ~seed);
                    ReportQuery query = ReportQuery.of(Scenario.PROJECT).window(scenario.from(), null);
                    ReportCheckpoint checkpoint = null;
                    Instant at = scenario.asOf().isBefore(scenario.from()) ? scenario.from() : scenario.asOf();
                    for (int i = 0; i < 5; i++, at = at.plus(Generators.GRID_STEP.multipliedBy(step))) {
                        MissedCalls now = readAt(scenario, calls, handles, at);
                        RefreshedReport refreshed = now.refresh(query.asOf(at), checkpoint);
                        assertSameReport(refreshed.report(), now.report(query.asOf(at)));
                        checkpoint = refreshed.checkpoint();
                    }
                });
    }

    @Test
    @DisplayName(
            "a checkpoint kept as bytes in a store comes back equal, and a refresh through the store equals the full read")
    void storedCheckpoint() {
        Generators.theory()
                .forAll(Scenario.withUniqueIds(), integers().between(0, 96), longs().all())
                .checkAssert((scenario, later, seed) -> {
                    List<Arriving<CallRecord>> calls = arriving(scenario.calls(), CallRecord::startedAt, seed);
                    List<Arriving<Handle>> handles = arriving(scenario.handles(), Handle::handledAt, ~seed);
                    Instant first = scenario.asOf().isBefore(scenario.to()) ? scenario.to() : scenario.asOf();
                    Instant second = first.plus(Generators.GRID_STEP.multipliedBy(later));
                    ReportQuery query = ReportQuery.of(Scenario.PROJECT).window(scenario.from(), scenario.to());
                    InMemoryCheckpointStore store = new InMemoryCheckpointStore();

                    RefreshedReport earlier =
                            readAt(scenario, calls, handles, first).refresh(query.asOf(first), store, "page");
                    ReportCheckpoint kept = earlier.checkpoint();
                    if (kept != null) {
                        assertThat(ReportCheckpoint.fromBytes(kept.toBytes(), scenario.settings()))
                                .contains(kept);
                        assertThat(store.load(Scenario.PROJECT, "page", scenario.settings()))
                                .contains(kept);
                    }
                    MissedCalls now = readAt(scenario, calls, handles, second);
                    RefreshedReport refreshed = now.refresh(query.asOf(second), store, "page");

                    assertSameReport(refreshed.report(), now.report(query.asOf(second)));
                });
    }
}
