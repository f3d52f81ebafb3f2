package io.github.missedcalls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import io.github.missedcalls.internal.ReasonClassifier;
import io.github.missedcalls.tck.Generators;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

@DisplayName("R10: business hours")
class BusinessHoursRulesTest {

    // Week of Monday 2 November 2026.
    private static LocalDateTime mon(String time) {
        return LocalDateTime.parse("2026-11-02T" + time);
    }

    private static LocalDateTime tue(String time) {
        return LocalDateTime.parse("2026-11-03T" + time);
    }

    private static LocalDateTime fri(String time) {
        return LocalDateTime.parse("2026-11-06T" + time);
    }

    private static LocalDateTime sat(String time) {
        return LocalDateTime.parse("2026-11-07T" + time);
    }

    private static LocalDateTime sun(String time) {
        return LocalDateTime.parse("2026-11-08T" + time);
    }

    /** Whether a call starting at this instant is outside the hours, as the classifier reads it in the zone. */
    private static boolean outside(BusinessHours hours, ZoneId zone, String instant) {
        ReasonClassifier classifier = new ReasonClassifier(
                ProjectSettings.builder().zone(zone).businessHours(hours).build());
        Instant start = Instant.parse(instant);
        return classifier.classify(CallRecord.builder("1", Direction.IN, start, start.plusSeconds(60))
                        .build())
                == MissedReason.OUTSIDE_BUSINESS_HOURS;
    }

    @Nested
    @DisplayName("R10: the weekly schedule")
    class Weekly {

        @Test
        @DisplayName("R10: an interval is [open, close): open at its opening minute, closed at its closing one")
        void halfOpenInterval() {
            BusinessHours hours = BusinessHours.parse("Mon-Fri 09:00-18:00");

            assertThat(hours.isOpen(mon("08:59:59"))).isFalse();
            assertThat(hours.isOpen(mon("09:00"))).isTrue();
            assertThat(hours.isOpen(mon("17:59:59"))).isTrue();
            assertThat(hours.isOpen(mon("18:00"))).isFalse();
            assertThat(hours.isOpen(sat("10:00"))).isFalse();
        }

        @Test
        @DisplayName("R10: a day holds several intervals, and a day without any is closed")
        void severalIntervals() {
            BusinessHours hours = BusinessHours.parse("Mon-Fri 09:00-13:00 14:00-18:00; Sat 10:00-14:00");

            assertThat(hours.isOpen(mon("12:59"))).isTrue();
            assertThat(hours.isOpen(mon("13:30"))).isFalse();
            assertThat(hours.isOpen(mon("14:00"))).isTrue();
            assertThat(hours.isOpen(sat("13:59"))).isTrue();
            assertThat(hours.isOpen(sun("12:00"))).isFalse();
        }

        @Test
        @DisplayName("R10: 24:00 is a valid close: open to the last second of the day, closed at midnight")
        void closeAtMidnight() {
            BusinessHours hours = BusinessHours.parse("Mon 18:00-24:00");

            assertThat(hours.isOpen(mon("23:59:59"))).isTrue();
            assertThat(hours.isOpen(tue("00:00"))).isFalse();
            assertThat(OpeningInterval.parse("18:00-24:00").crossesMidnight()).isFalse();
            assertThat(BusinessHours.parse("Sun 00:00-24:00").isOpen(sun("00:00")))
                    .isTrue();
        }

        @Test
        @DisplayName(
                "R10: an interval whose close is not after its open crosses midnight and belongs to the day it opens on")
        void crossingMidnight() {
            BusinessHours hours = BusinessHours.parse("Fri 22:00-02:00");

            assertThat(hours.isOpen(fri("21:59"))).isFalse();
            assertThat(hours.isOpen(fri("23:00"))).isTrue();
            assertThat(hours.isOpen(sat("01:00"))).isTrue();
            assertThat(hours.isOpen(sat("02:00"))).isFalse();
            assertThat(hours.isOpen(LocalDateTime.parse("2026-11-06T01:00")))
                    .as("Friday 01:00: Thursday opened nothing")
                    .isFalse();
            assertThat(OpeningInterval.parse("22:00-02:00").crossesMidnight()).isTrue();
        }

        @Test
        @DisplayName("R10: an interval from a time to the same time is open around the clock from its day's open")
        void sameOpenAndClose() {
            BusinessHours hours = BusinessHours.parse("Mon 08:00-08:00");

            assertThat(hours.isOpen(mon("07:59"))).isFalse();
            assertThat(hours.isOpen(mon("08:00"))).isTrue();
            assertThat(hours.isOpen(tue("07:59"))).isTrue();
            assertThat(hours.isOpen(tue("08:00"))).isFalse();
        }

        @Test
        @DisplayName("R10: day ranges wrap around the week, days can be listed, names are full or short in any case")
        void dayRanges() {
            BusinessHours weekend = BusinessHours.parse("Sat-Mon 10:00-12:00");
            BusinessHours listed = BusinessHours.parse("mon,WEDNESDAY,Fri 10:00-12:00");

            assertThat(weekend.isOpen(sat("11:00"))).isTrue();
            assertThat(weekend.isOpen(sun("11:00"))).isTrue();
            assertThat(weekend.isOpen(mon("11:00"))).isTrue();
            assertThat(weekend.isOpen(tue("11:00"))).isFalse();
            assertThat(weekend.isOpen(fri("11:00"))).isFalse();
            assertThat(listed.isOpen(mon("11:00"))).isTrue();
            assertThat(listed.isOpen(tue("11:00"))).isFalse();
            assertThat(listed.isOpen(LocalDateTime.parse("2026-11-04T11:00"))).isTrue();
            assertThat(listed.isOpen(fri("11:00"))).isTrue();
        }

        @Test
        @DisplayName("R10: the builder and the notation describe the same schedule")
        void builderEqualsNotation() {
            BusinessHours built = BusinessHours.builder()
                    .open(DayOfWeek.MONDAY, OpeningInterval.of(LocalTime.of(9, 0), LocalTime.of(18, 0)))
                    .open(DayOfWeek.SATURDAY, OpeningInterval.untilMidnight(LocalTime.of(20, 0)))
                    .build();

            assertThat(built).isEqualTo(BusinessHours.parse("Mon 09:00-18:00; Sat 20:00-24:00"));
            assertThat(built.intervalsOpeningOn(LocalDate.parse("2026-11-07")))
                    .containsExactly(new OpeningInterval(72_000, 86_400));
            assertThat(OpeningInterval.parse("9:05-17:30")).hasToString("09:05-17:30");
        }

        @ParameterizedTest(name = "\"{0}\" is refused")
        @ValueSource(
                strings = {
                    "",
                    " ; ",
                    "Mon",
                    "09:00-18:00",
                    "Funday 09:00-18:00",
                    "Mon 9-18",
                    "Mon 09:00-25:00",
                    "Mon 24:00-02:00",
                    "Mon 09:60-10:00",
                    "Mon-Tue-Wed 09:00-10:00",
                    "Mon 09:00"
                })
        @DisplayName("R10: a schedule that cannot be read is an IllegalArgumentException")
        void unreadable(String spec) {
            assertThatThrownBy(() -> BusinessHours.parse(spec)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    @DisplayName("R10: dated overrides")
    class Overrides {

        private final BusinessHours base = BusinessHours.parse("Mon-Fri 09:00-18:00; Fri 22:00-02:00");

        @Test
        @DisplayName("R10: an override closes a date")
        void closedDate() {
            BusinessHours holiday = BusinessHours.builder()
                    .open(DayOfWeek.MONDAY, OpeningInterval.parse("09:00-18:00"))
                    .closed(LocalDate.parse("2026-11-02"))
                    .build();

            assertThat(holiday.isOpen(mon("10:00"))).isFalse();
            assertThat(holiday.isOpen(LocalDateTime.parse("2026-11-09T10:00")))
                    .as("the next Monday")
                    .isTrue();
        }

        @Test
        @DisplayName("R10: an override gives a date other hours")
        void otherHours() {
            BusinessHours shortDay = BusinessHours.builder()
                    .open(DayOfWeek.MONDAY, OpeningInterval.parse("09:00-18:00"))
                    .override(LocalDate.parse("2026-11-02"), List.of(OpeningInterval.parse("10:00-14:00")))
                    .build();

            assertThat(shortDay.isOpen(mon("09:30"))).isFalse();
            assertThat(shortDay.isOpen(mon("13:00"))).isTrue();
            assertThat(shortDay.isOpen(mon("15:00"))).isFalse();
        }

        @Test
        @DisplayName("R10: an interval of the day before that crosses midnight still holds on a closed date")
        void crossingIntervalHoldsOnAClosedDate() {
            BusinessHours closedSaturday = BusinessHours.builder()
                    .open(DayOfWeek.FRIDAY, OpeningInterval.parse("22:00-02:00"))
                    .open(DayOfWeek.SATURDAY, OpeningInterval.parse("10:00-14:00"))
                    .closed(LocalDate.parse("2026-11-07"))
                    .build();

            assertThat(closedSaturday.isOpen(sat("01:00"))).isTrue();
            assertThat(closedSaturday.isOpen(sat("11:00"))).isFalse();
        }

        @Test
        @DisplayName("R10: closing the date an interval opens on closes its hours after midnight too")
        void closingTheOpeningDate() {
            BusinessHours closedFriday = BusinessHours.builder()
                    .open(DayOfWeek.FRIDAY, OpeningInterval.parse("22:00-02:00"))
                    .closed(LocalDate.parse("2026-11-06"))
                    .build();

            assertThat(closedFriday.isOpen(fri("23:00"))).isFalse();
            assertThat(closedFriday.isOpen(sat("01:00"))).isFalse();
        }

        @Test
        @DisplayName("R10: an override may itself cross midnight into the next date")
        void overrideCrossingMidnight() {
            BusinessHours lateOpening = BusinessHours.builder()
                    .open(DayOfWeek.MONDAY, OpeningInterval.parse("09:00-18:00"))
                    .override(LocalDate.parse("2026-11-02"), List.of(OpeningInterval.parse("20:00-03:00")))
                    .build();

            assertThat(lateOpening.isOpen(tue("02:59"))).isTrue();
            assertThat(lateOpening.isOpen(mon("10:00"))).isFalse();
            assertThat(base.isOpen(tue("02:59"))).isFalse();
        }

        @Test
        @DisplayName(
                "R10: without a weekly schedule a project is open at all times except on the dates its overrides close")
        void noWeeklySchedule() {
            BusinessHours onlyHolidays = BusinessHours.builder()
                    .closed(LocalDate.parse("2026-12-25"))
                    .build();

            assertThat(BusinessHours.alwaysOpen().isAlwaysOpen()).isTrue();
            assertThat(onlyHolidays.isAlwaysOpen()).isFalse();
            assertThat(onlyHolidays.isOpen(LocalDateTime.parse("2026-12-24T23:59:59")))
                    .isTrue();
            assertThat(onlyHolidays.isOpen(LocalDateTime.parse("2026-12-25T00:00")))
                    .isFalse();
            assertThat(onlyHolidays.isOpen(LocalDateTime.parse("2026-12-25T12:00")))
                    .isFalse();
            assertThat(onlyHolidays.isOpen(LocalDateTime.parse("2026-12-26T00:00")))
                    .isTrue();
            assertThat(BusinessHours.builder().build().isAlwaysOpen()).isTrue();
        }
    }

    @Nested
    @DisplayName("R10: time zones and daylight saving")
    class Zones {

        @Test
        @DisplayName(
                "R10: a call's start is read in the project's zone: one UTC time, two answers across Kyiv's spring change")
        void kyivSpring() {
            BusinessHours hours = BusinessHours.parse("Mon-Fri 09:00-18:00");
            ZoneId kyiv = ZoneId.of("Europe/Kyiv");

            // 06:30Z is 08:30 on Friday 27 March (+02:00) but 09:30 on Monday 30 March (+03:00).
            assertThat(outside(hours, kyiv, "2026-03-27T06:30:00Z")).isTrue();
            assertThat(outside(hours, kyiv, "2026-03-30T06:30:00Z")).isFalse();
            // 15:30Z is 17:30 before the change and 18:30 after it.
            assertThat(outside(hours, kyiv, "2026-03-27T15:30:00Z")).isFalse();
            assertThat(outside(hours, kyiv, "2026-03-30T15:30:00Z")).isTrue();
        }

        @Test
        @DisplayName("R10: on a spring-forward day, local hours that skip an hour are one real hour shorter")
        void newYorkSpringForward() {
            // Sunday 8 March 2026: 02:00 EST becomes 03:00 EDT. 01:00-04:00 local lasts two real hours.
            BusinessHours hours = BusinessHours.parse("Sun 01:00-04:00");
            ZoneId newYork = ZoneId.of("America/New_York");

            assertThat(outside(hours, newYork, "2026-03-08T05:59:59Z"))
                    .as("00:59:59 EST")
                    .isTrue();
            assertThat(outside(hours, newYork, "2026-03-08T06:59:59Z"))
                    .as("01:59:59 EST")
                    .isFalse();
            assertThat(outside(hours, newYork, "2026-03-08T07:00:00Z"))
                    .as("03:00 EDT")
                    .isFalse();
            assertThat(outside(hours, newYork, "2026-03-08T07:59:59Z"))
                    .as("03:59:59 EDT")
                    .isFalse();
            assertThat(outside(hours, newYork, "2026-03-08T08:00:00Z"))
                    .as("04:00 EDT")
                    .isTrue();
        }

        @Test
        @DisplayName("R10: on a fall-back day, a local time that happens twice is inside the hours both times")
        void newYorkFallBack() {
            // Sunday 1 November 2026: 02:00 EDT becomes 01:00 EST; 01:00-01:59 happens twice.
            BusinessHours hours = BusinessHours.parse("Sun 00:00-01:30");
            ZoneId newYork = ZoneId.of("America/New_York");

            assertThat(outside(hours, newYork, "2026-11-01T05:15:00Z"))
                    .as("01:15 EDT")
                    .isFalse();
            assertThat(outside(hours, newYork, "2026-11-01T06:15:00Z"))
                    .as("01:15 EST")
                    .isFalse();
            assertThat(outside(hours, newYork, "2026-11-01T05:45:00Z"))
                    .as("01:45 EDT")
                    .isTrue();
            assertThat(outside(hours, newYork, "2026-11-01T06:45:00Z"))
                    .as("01:45 EST")
                    .isTrue();
        }

        @Test
        @DisplayName("R10: an interval crossing midnight on a DST night follows local time")
        void crossingMidnightOnADstNight() {
            // Saturday 28 March 22:00 to Sunday 29 March 04:00 in Kyiv, when 03:00 becomes 04:00: five real hours.
            BusinessHours hours = BusinessHours.parse("Sat 22:00-04:00");
            ZoneId kyiv = ZoneId.of("Europe/Kyiv");

            assertThat(outside(hours, kyiv, "2026-03-28T20:00:00Z"))
                    .as("22:00 EET")
                    .isFalse();
            assertThat(outside(hours, kyiv, "2026-03-29T00:59:59Z"))
                    .as("02:59:59 EET")
                    .isFalse();
            assertThat(outside(hours, kyiv, "2026-03-29T01:00:00Z"))
                    .as("04:00 EEST")
                    .isTrue();
        }
    }

    @Nested
    @DisplayName("R10: one classifier, many calls")
    class ManyCalls {

        // Zones with DST of an hour and of half an hour, a day skipped (Apia, 2011), a fixed offset and UTC.
        private static final List<String> ZONES = List.of(
                "Europe/Kyiv",
                "America/New_York",
                "Australia/Lord_Howe",
                "Pacific/Apia",
                "America/St_Johns",
                "Asia/Kolkata",
                "UTC",
                "+05:45");
        private static final List<BusinessHours> SCHEDULES = List.of(
                BusinessHours.parse("Mon-Fri 09:00-18:00"),
                BusinessHours.parse("Sun 01:00-04:00"),
                BusinessHours.parse("Sat 22:00-04:00"),
                BusinessHours.parse("Mon-Sun 00:00-01:30 23:00-24:00"),
                BusinessHours.parse("Fri 02:30-02:00"),
                BusinessHours.parse("Tue 10:00-10:01"),
                BusinessHours.builder()
                        .open(DayOfWeek.SATURDAY, OpeningInterval.parse("20:00-03:00"))
                        .closed(LocalDate.parse("2026-03-28"))
                        .override(
                                LocalDate.parse("2026-03-29"),
                                List.of(OpeningInterval.parse("02:00-05:00"), OpeningInterval.parse("23:30-00:30")))
                        .override(LocalDate.parse("2026-11-01"), List.of(OpeningInterval.parse("01:00-02:00")))
                        .build());
        // Around transitions of each zone: March 2026, November 2026, December 2011.
        private static final List<Instant> AROUND = List.of(
                Instant.parse("2026-03-08T00:00:00Z"),
                Instant.parse("2026-03-28T00:00:00Z"),
                Instant.parse("2026-04-04T00:00:00Z"),
                Instant.parse("2026-10-03T00:00:00Z"),
                Instant.parse("2026-10-24T00:00:00Z"),
                Instant.parse("2026-10-31T00:00:00Z"),
                Instant.parse("2011-12-28T00:00:00Z"));

        private static Gen<Instant> instantsNearTransitions() {
            return Generate.pick(AROUND)
                    .zip(longs().between(0, 4 * 86_400L), (base, seconds) -> base.plusSeconds(seconds));
        }

        @Test
        @DisplayName("R10: a classifier that has seen other calls, in any order, reads each start as a fresh one does")
        void classifierRemembersNothingWrong() {
            Generators.theory()
                    .forAll(
                            Generate.pick(ZONES),
                            Generate.pick(SCHEDULES),
                            lists().of(instantsNearTransitions()).ofSizeBetween(1, 60))
                    .checkAssert((zoneName, hours, starts) -> {
                        ZoneId zone = ZoneId.of(zoneName);
                        ReasonClassifier classifier = new ReasonClassifier(ProjectSettings.builder()
                                .zone(zone)
                                .businessHours(hours)
                                .build());
                        for (Instant start : starts) {
                            boolean outside = classifier.classify(
                                            CallRecord.builder("1", Direction.IN, start, start.plusSeconds(60))
                                                    .build())
                                    == MissedReason.OUTSIDE_BUSINESS_HOURS;
                            assertThat(outside)
                                    .as("%s in %s under %s", start, zone, hours)
                                    .isEqualTo(!hours.isOpen(LocalDateTime.ofInstant(start, zone)));
                        }
                    });
        }
    }
}
