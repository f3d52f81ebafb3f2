package io.github.missedcalls;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.missedcalls.inmemory.InMemoryCallSource;
import io.github.missedcalls.inmemory.InMemoryHandleStore;
import io.github.missedcalls.tck.SettableClock;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ResolutionSmokeTest {

    private static final Instant T0 = Instant.parse("2026-11-02T09:00:00Z");

    @Test
    @DisplayName("R5, R6: a callback after two missed calls moves the group to processed as called back")
    void callbackResolvesGroup() {
        InMemoryCallSource source = new InMemoryCallSource()
                .add(
                        "p",
                        CallRecord.builder("1", Direction.IN, T0, T0.plusSeconds(30))
                                .client("+380501110001")
                                .stage(Stage.RINGING)
                                .build(),
                        CallRecord.builder("2", Direction.IN, T0.plusSeconds(600), T0.plusSeconds(605))
                                .client("0501110001")
                                .build(),
                        CallRecord.builder("3", Direction.OUT, T0.plusSeconds(900), T0.plusSeconds(960))
                                .client("380501110001")
                                .answeredAt(T0.plusSeconds(910))
                                .employee("alice")
                                .build(),
                        CallRecord.builder("4", Direction.IN, T0.plusSeconds(1200), T0.plusSeconds(1300))
                                .client("+380501110001")
                                .build());
        MissedCalls missedCalls = MissedCalls.builder()
                .callSource(source)
                .handleStore(new InMemoryHandleStore())
                .clock(SettableClock.at(T0.plusSeconds(3600)))
                .settings(ProjectSettings.builder().countryCode("380").build())
                .build();

        Report report = missedCalls.report("p");

        assertThat(report.processed()).singleElement().satisfies(row -> {
            assertThat(row.client()).isEqualTo("+380501110001");
            assertThat(row.missed()).isEqualTo(2);
            assertThat(row.attempts()).isEqualTo(1);
            assertThat(row.reasons())
                    .containsExactly(MissedReason.NOT_ANSWERED_BY_MANAGERS, MissedReason.ABANDONED_EARLY);
            assertThat(row.resolution().kind()).isEqualTo(ResolutionKind.CALLED_BACK);
            assertThat(row.resolution().resolvedBy()).isEqualTo("alice");
        });
        assertThat(report.unprocessed()).singleElement().satisfies(row -> {
            assertThat(row.calls()).extracting(MissedCall::id).containsExactly("4");
            assertThat(row.reason()).isEqualTo(MissedReason.UNKNOWN);
            assertThat(row.waiting()).hasSeconds(2400);
        });
    }
}
