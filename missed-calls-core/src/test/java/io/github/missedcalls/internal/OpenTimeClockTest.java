package io.github.missedcalls.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.missedcalls.BusinessHours;
import io.github.missedcalls.OpeningInterval;
import io.github.missedcalls.tck.Generators;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.quicktheories.generators.Generate;
import org.quicktheories.generators.SourceDSL;

@DisplayName("R14: the report's business-hours clock")
class OpenTimeClockTest {

    private static final List<BusinessHours> SCHEDULES = List.of(
            BusinessHours.parse("Mon-Fri 09:00-18:00"),
            BusinessHours.parse("Mon-Fri 09:00-13:00 14:00-18:00; Sat 10:00-14:00"),
            BusinessHours.parse("Fri 22:00-02:00; Sat 00:00-08:00; Sun 02:00-06:00"),
            BusinessHours.builder()
                    .open(DayOfWeek.MONDAY, OpeningInterval.of(LocalTime.of(8, 0), LocalTime.of(20, 0)))
                    .open(DayOfWeek.SUNDAY, OpeningInterval.untilMidnight(LocalTime.of(23, 0)))
                    .closed(LocalDate.of(2026, 3, 30))
                    .override(
                            LocalDate.of(2026, 10, 25),
                            List.of(OpeningInterval.of(LocalTime.of(2, 0), LocalTime.of(5, 0))))
                    .build(),
            BusinessHours.alwaysOpen());
    private static final List<ZoneId> ZONES =
            List.of(ZoneId.of("Europe/Kyiv"), ZoneId.of("America/New_York"), ZoneId.of("UTC"));

    @Test
    @DisplayName(
            "R14: the cached clock gives BusinessHours.afterOpenTime's instant, across DST changes and closed days")
    void sameAsBusinessHours() {
        // Starts over March to early November 2026: both daylight-saving changes of both zones.
        Instant first = Instant.parse("2026-03-01T00:00:00Z");
        Generators.theory()
                .forAll(
                        Generate.pick(SCHEDULES),
                        Generate.pick(ZONES),
                        SourceDSL.longs().between(0, Duration.ofDays(250).toSeconds()),
                        SourceDSL.longs().between(0, Duration.ofHours(40).toMinutes()))
                .checkAssert((hours, zone, offset, minutes) -> {
                    Instant start = first.plusSeconds(offset).plusNanos(offset % 7 * 1_000_000L);
                    // Fractions of a second on both sides, so that carrying nanoseconds is checked too.
                    Duration amount = Duration.ofMinutes(minutes).plusNanos(minutes % 5 * 300_000_000L);

                    assertThat(new OpenTimeClock(hours, zone).after(start, amount))
                            .isEqualTo(hours.afterOpenTime(start, amount, zone).orElse(null));
                });
    }
}
