package io.github.missedcalls.tck;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("SettableClock, for tests of code that embeds the library")
class SettableClockTest {

    private static final Instant NOON = Instant.parse("2026-11-02T12:00:00Z");

    @Test
    @DisplayName("stands still until set or advanced, in UTC")
    void standsStill() {
        SettableClock clock = SettableClock.at(NOON);

        assertThat(clock.instant()).isEqualTo(NOON);
        assertThat(clock.instant()).isEqualTo(NOON);
        assertThat(clock.millis()).isEqualTo(NOON.toEpochMilli());
        assertThat(clock.getZone()).isEqualTo(ZoneOffset.UTC);
    }

    @Test
    @DisplayName("moves when set, and forward or back when advanced")
    void setAndAdvance() {
        SettableClock clock = SettableClock.at(NOON);

        clock.advance(Duration.ofMinutes(90));
        assertThat(clock.instant()).isEqualTo(NOON.plusSeconds(5400));
        clock.advance(Duration.ofHours(-2));
        assertThat(clock.instant()).isEqualTo(NOON.minusSeconds(1800));
        clock.set(Instant.EPOCH);
        assertThat(clock.instant()).isEqualTo(Instant.EPOCH);
    }

    @Test
    @DisplayName("a view in another zone shares the time: moving either moves both")
    void zonedViewSharesTime() {
        SettableClock clock = SettableClock.at(NOON);
        Clock kyiv = clock.withZone(ZoneId.of("Europe/Kyiv"));

        clock.advance(Duration.ofHours(1));
        assertThat(kyiv.instant()).isEqualTo(NOON.plusSeconds(3600));
        assertThat(kyiv.getZone()).isEqualTo(ZoneId.of("Europe/Kyiv"));
        ((SettableClock) kyiv).set(NOON);
        assertThat(clock.instant()).isEqualTo(NOON);
        assertThat(clock).hasToString("SettableClock[2026-11-02T12:00:00Z, Z]");
    }
}
