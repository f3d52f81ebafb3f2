package io.github.missedcalls;

import static io.github.missedcalls.Fixtures.CLIENT;
import static io.github.missedcalls.Fixtures.DAY;
import static io.github.missedcalls.Fixtures.OTHER_CLIENT;
import static io.github.missedcalls.Fixtures.PROJECT;
import static io.github.missedcalls.Fixtures.at;
import static io.github.missedcalls.Fixtures.callback;
import static io.github.missedcalls.Fixtures.handle;
import static io.github.missedcalls.Fixtures.missed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.missedcalls.inmemory.InMemoryCallSource;
import io.github.missedcalls.inmemory.InMemoryHandleStore;
import io.github.missedcalls.spi.CheckpointStore;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What makes a refresh read only what is new, and what makes it read the whole window again. */
@DisplayName("MissedCalls.refresh")
class RefreshTest {

    private static final ReportQuery QUERY = ReportQuery.of(PROJECT).window(DAY, null);

    private final CountingCallSource source = new CountingCallSource(List.of());
    private final InMemoryHandleStore store = new InMemoryHandleStore();

    private MissedCalls missedCalls(ProjectSettings settings) {
        return MissedCalls.builder()
                .callSource(source)
                .handleStore(store)
                .settings(settings)
                .lateness(Duration.ofHours(1))
                .build();
    }

    private RefreshedReport morning() {
        source.add(missed("m1", CLIENT, at("09:00")));
        source.add(missed("m2", OTHER_CLIENT, at("09:30")));
        source.add(callback("b1", OTHER_CLIENT, at("10:00")));
        return missedCalls(Fixtures.settings()).refresh(QUERY.asOf(at("12:00")), null);
    }

    @Test
    @DisplayName("a refresh reads from the watermark, as-of less the lateness, and gives the full report")
    void readsFromTheWatermark() {
        RefreshedReport first = morning();
        assertThat(first.incremental()).isFalse();
        assertThat(first.reading()).contains("no checkpoint");
        assertThat(first.checkpoint()).isNotNull();
        assertThat(first.nextCheckpoint().orElseThrow().watermark()).isEqualTo(at("11:00"));

        source.add(missed("m3", CLIENT, at("12:30")));
        RefreshedReport second = missedCalls(Fixtures.settings()).refresh(QUERY.asOf(at("13:00")), first.checkpoint());

        assertThat(second.incremental()).as(second.reading()).isTrue();
        assertThat(source.lastReadFrom).isEqualTo(at("11:00"));
        Report full = missedCalls(Fixtures.settings()).report(QUERY.asOf(at("13:00")));
        assertThat(second.report().unprocessed()).isEqualTo(full.unprocessed()).hasSize(1);
        assertThat(second.report().unprocessed().get(0).calls()).hasSize(2);
        assertThat(second.report().processed()).isEqualTo(full.processed()).hasSize(1);
        assertThat(second.nextCheckpoint().orElseThrow().watermark()).isEqualTo(at("12:00"));
    }

    @Test
    @DisplayName(
            "a call record that arrives later than the lateness, before the watermark, makes the refresh read everything")
    void lateCallRecordReadsEverything() {
        RefreshedReport first = morning();
        source.add(callback("b2", CLIENT, at("10:30")));

        RefreshedReport second = missedCalls(Fixtures.settings()).refresh(QUERY.asOf(at("13:00")), first.checkpoint());

        assertThat(second.incremental()).isFalse();
        assertThat(second.reading()).contains("a late call record");
        assertThat(source.lastReadFrom).isEqualTo(DAY);
        assertThat(second.report().unprocessed()).isEmpty();
        assertThat(second.report().processed()).hasSize(2);
    }

    @Test
    @DisplayName("a handle saved with an instant before the watermark makes the refresh read everything")
    void lateHandleReadsEverything() {
        RefreshedReport first = morning();
        store.save(PROJECT, handle(CLIENT, at("10:45"), at("10:45")));

        RefreshedReport second = missedCalls(Fixtures.settings()).refresh(QUERY.asOf(at("13:00")), first.checkpoint());

        assertThat(second.incremental()).isFalse();
        assertThat(second.reading()).contains("a handle saved late");
        assertThat(second.report().unprocessed()).isEmpty();
    }

    @Test
    @DisplayName("a handle saved now, after the watermark, is read by the refresh")
    void handleAfterWatermarkIsRead() {
        RefreshedReport first = morning();
        store.save(PROJECT, handle(CLIENT, at("12:40"), at("12:40")));

        RefreshedReport second = missedCalls(Fixtures.settings()).refresh(QUERY.asOf(at("13:00")), first.checkpoint());

        assertThat(second.incremental()).isTrue();
        assertThat(second.report().unprocessed()).isEmpty();
        assertThat(second.report().processed()).hasSize(2);
    }

    @Test
    @DisplayName(
            "changed settings, a moved window start or a source that cannot count make the refresh read everything")
    void unusableCheckpoints() {
        RefreshedReport first = morning();
        ProjectSettings other = ProjectSettings.builder()
                .countryCode("380")
                .shortAbandon(Duration.ofSeconds(3))
                .build();

        assertThat(missedCalls(other)
                        .refresh(QUERY.asOf(at("13:00")), first.checkpoint())
                        .reading())
                .contains("settings changed");
        assertThat(missedCalls(Fixtures.settings())
                        .refresh(QUERY.window(DAY.plusSeconds(1), null).asOf(at("13:00")), first.checkpoint())
                        .reading())
                .contains("window's start moved");
        source.counts = false;
        assertThat(missedCalls(Fixtures.settings())
                        .refresh(QUERY.asOf(at("13:00")), first.checkpoint())
                        .reading())
                .contains("cannot count");
    }

    @Test
    @DisplayName("a row the source rejected before the watermark is in the checkpoint, and the refresh reports it once")
    void rejectionBeforeWatermarkIsKept() {
        source.add(missed(CountingCallSource.UNREADABLE + "1", CLIENT, at("08:00")));
        RefreshedReport first = morning();
        source.add(missed("m3", CLIENT, at("12:30")));

        RefreshedReport second = missedCalls(Fixtures.settings()).refresh(QUERY.asOf(at("13:00")), first.checkpoint());

        assertThat(second.incremental()).as(second.reading()).isTrue();
        assertThat(second.report().rejections())
                .isEqualTo(missedCalls(Fixtures.settings())
                        .report(QUERY.asOf(at("13:00")))
                        .rejections())
                .hasSize(1);
    }

    @Test
    @DisplayName("a row rejected between the last call before the watermark and the first after it gives no checkpoint")
    void rejectionAtTheWatermarkGivesNoCheckpoint() {
        source.add(missed(CountingCallSource.UNREADABLE + "1", CLIENT, at("10:30")));
        source.add(missed("m3", CLIENT, at("11:30")));

        RefreshedReport first = morning();

        // Where the rejected row started is not known to the report: before 11:00 or after it.
        assertThat(first.checkpoint()).isNull();
        assertThat(first.report().rejections()).hasSize(1);
    }

    @Test
    @DisplayName("a source that holds and sorts its calls gives no checkpoint, and every refresh reads everything")
    void unorderedSourceGivesNoCheckpoint() {
        MissedCalls unordered = MissedCalls.builder()
                .callSource(new InMemoryCallSource().add(PROJECT, missed("m1", CLIENT, at("09:00"))))
                .handleStore(store)
                .settings(Fixtures.settings())
                .build();

        RefreshedReport refreshed = unordered.refresh(QUERY.asOf(at("12:00")), null);

        assertThat(refreshed.checkpoint()).isNull();
        assertThat(refreshed.report().unprocessed()).hasSize(1);
    }

    @Test
    @DisplayName(
            "a stored checkpoint is not used with other settings, a normalizer that does not describe itself, or unreadable bytes")
    void storedCheckpointGuards() {
        Instant nine = Fixtures.at("09:00");
        MissedCalls missedCalls = MissedCalls.builder()
                .callSource(new CountingCallSource(List.of(Fixtures.missed("1", Fixtures.CLIENT, nine))))
                .handleStore(new InMemoryHandleStore())
                .settings(Fixtures.settings())
                .lateness(Duration.ofHours(1))
                .build();
        ReportQuery query = ReportQuery.of(Fixtures.PROJECT)
                .window(Fixtures.DAY, Fixtures.DAY.plus(Duration.ofDays(1)))
                .asOf(Fixtures.at("18:00"));
        ReportCheckpoint checkpoint =
                Objects.requireNonNull(missedCalls.refresh(query, null).checkpoint());
        byte[] bytes = checkpoint.toBytes();
        ProjectSettings otherZone = ProjectSettings.builder()
                .countryCode("380")
                .zone(ZoneId.of("Europe/Kyiv"))
                .build();
        ProjectSettings ownNormalizer =
                ProjectSettings.builder().normalizer(raw -> raw).build();

        assertThat(ReportCheckpoint.fromBytes(bytes, Fixtures.settings())).contains(checkpoint);
        assertThat(ReportCheckpoint.fromBytes(bytes, otherZone)).isEmpty();
        assertThat(ReportCheckpoint.fromBytes(
                        new ReportCheckpoint(
                                        checkpoint.project(),
                                        ownNormalizer,
                                        checkpoint.from(),
                                        checkpoint.strict(),
                                        checkpoint.watermark(),
                                        checkpoint.open(),
                                        checkpoint.processed(),
                                        checkpoint.rejections(),
                                        checkpoint.anonymousMissed(),
                                        checkpoint.callsInWindow(),
                                        checkpoint.latestCallBeforeWindow(),
                                        checkpoint.sourceRows(),
                                        checkpoint.storedHandles())
                                .toBytes(),
                        ownNormalizer))
                .as("a lambda's toString names no behaviour")
                .isEmpty();
        assertThatThrownBy(
                        () -> ReportCheckpoint.fromBytes(Arrays.copyOf(bytes, bytes.length - 3), Fixtures.settings()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a readable missed-calls checkpoint");
        CheckpointStore garbage = new CheckpointStore() {
            @Override
            public void save(String project, String key, ReportCheckpoint saved) {}

            @Override
            public Optional<ReportCheckpoint> load(String project, String key, ProjectSettings settings) {
                return ReportCheckpoint.fromBytes(new byte[] {1, 2, 3, 4, 5}, settings);
            }
        };
        RefreshedReport refreshed = missedCalls.refresh(query, garbage, "page");
        assertThat(refreshed.incremental()).isFalse();
        assertThat(refreshed.reading()).contains("no checkpoint");
    }
}
