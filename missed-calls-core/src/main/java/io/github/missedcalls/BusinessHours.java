package io.github.missedcalls;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * When a project answers the phone (R10): a weekly schedule of local intervals and dated
 * overrides. Local times are read in the project's zone, so daylight-saving changes follow the
 * zone's rules: an interval {@code 09:00-18:00} is nine local hours, whatever the offset.
 *
 * <ol>
 *   <li>A day of the week has zero or more intervals; a day without any is closed.
 *   <li>An override replaces the intervals that open on its date (none: closed that date); an
 *       interval that opened the day before and crosses midnight still holds.
 *   <li>Without a weekly schedule, every day is open all day except where overrides say otherwise.
 * </ol>
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class BusinessHours {

    private static final List<OpeningInterval> ALL_DAY = List.of(new OpeningInterval(0, 86_400));
    private static final BusinessHours ALWAYS_OPEN = new BusinessHours(null, Map.of());

    /** {@code null} when there is no weekly schedule: open all day, every day. */
    private final @Nullable Map<DayOfWeek, List<OpeningInterval>> weekly;

    private final Map<LocalDate, List<OpeningInterval>> overrides;

    private BusinessHours(
            @Nullable Map<DayOfWeek, List<OpeningInterval>> weekly, Map<LocalDate, List<OpeningInterval>> overrides) {
        this.weekly = weekly;
        this.overrides = overrides;
    }

    /** Open at all times. */
    public static BusinessHours alwaysOpen() {
        return ALWAYS_OPEN;
    }

    /** Starts an empty schedule: closed until intervals are added, or open always if none are. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Reads a weekly schedule in the command line's notation: clauses separated by {@code ;},
     * each a list of days and one or more intervals, e.g.
     * {@code Mon-Fri 09:00-13:00 14:00-18:00; Sat 10:00-14:00}. Days are English names, full or
     * their first three letters, in any case; {@code Sat-Mon} wraps around the week and
     * {@code Mon,Wed,Fri} lists days. {@code 24:00} is a valid close, and a close not after the
     * open crosses midnight.
     *
     * @throws IllegalArgumentException naming the part that cannot be read
     */
    public static BusinessHours parse(String spec) {
        Objects.requireNonNull(spec, "spec");
        Builder builder = builder();
        boolean anyClause = false;
        for (String clause : spec.split(";", -1)) {
            if (clause.isBlank()) {
                continue;
            }
            anyClause = true;
            String[] words = clause.strip().split("\\s+");
            int firstInterval = 0;
            while (firstInterval < words.length && !Character.isDigit(words[firstInterval].charAt(0))) {
                firstInterval++;
            }
            if (firstInterval == 0) {
                throw new IllegalArgumentException("no days before the hours in '" + clause.strip() + "'");
            }
            if (firstInterval == words.length) {
                throw new IllegalArgumentException("no hours after the days in '" + clause.strip() + "'");
            }
            List<DayOfWeek> days = parseDays(String.join("", List.of(words).subList(0, firstInterval)));
            for (int i = firstInterval; i < words.length; i++) {
                OpeningInterval interval = OpeningInterval.parse(words[i]);
                for (DayOfWeek day : days) {
                    builder.open(day, interval);
                }
            }
        }
        if (!anyClause) {
            throw new IllegalArgumentException("empty business hours");
        }
        return builder.build();
    }

    private static List<DayOfWeek> parseDays(String text) {
        List<DayOfWeek> days = new ArrayList<>();
        for (String item : text.split(",", -1)) {
            String[] range = item.split("-", -1);
            if (range.length == 1) {
                days.add(parseDay(range[0]));
            } else if (range.length == 2) {
                DayOfWeek first = parseDay(range[0]);
                DayOfWeek last = parseDay(range[1]);
                for (DayOfWeek day = first; ; day = day.plus(1)) {
                    days.add(day);
                    if (day == last) {
                        break;
                    }
                }
            } else {
                throw new IllegalArgumentException("not a day range: " + item);
            }
        }
        return days;
    }

    private static DayOfWeek parseDay(String text) {
        String wanted = text.strip().toLowerCase(Locale.ROOT);
        for (DayOfWeek day : DayOfWeek.values()) {
            String full = day.getDisplayName(TextStyle.FULL, Locale.ENGLISH).toLowerCase(Locale.ROOT);
            if (wanted.equals(full) || wanted.equals(full.substring(0, 3))) {
                return day;
            }
        }
        throw new IllegalArgumentException("not a day of the week: '" + text.strip() + "'");
    }

    /** Whether a local date-time in the project's zone falls inside business hours. */
    public boolean isOpen(LocalDateTime local) {
        LocalDate date = local.toLocalDate();
        int second = local.toLocalTime().toSecondOfDay();
        for (OpeningInterval interval : intervalsOpeningOn(date)) {
            if (interval.containsOnOpeningDay(second)) {
                return true;
            }
        }
        for (OpeningInterval interval : intervalsOpeningOn(date.minusDays(1))) {
            if (interval.containsOnNextDay(second)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The instant at which {@code amount} of open time has passed since {@code start} (R14's
     * business-hours clock): time counts only inside intervals, so a start outside business hours
     * counts from the next opening, and a zero amount is the start itself when open, else that
     * opening. Intervals are read as local times in {@code zone} and counted in elapsed time, so
     * an interval that spans a daylight-saving change is an hour shorter or longer that day.
     *
     * @return empty when the schedule has no open time in the year after the last it had
     * @throws IllegalArgumentException if {@code amount} is negative
     */
    public Optional<Instant> afterOpenTime(Instant start, Duration amount, ZoneId zone) {
        if (amount.isNegative()) {
            throw new IllegalArgumentException("amount must not be negative: " + amount);
        }
        if (isAlwaysOpen()) {
            return Optional.of(start.plus(amount));
        }
        Duration remaining = amount;
        Instant cursor = start;
        LocalDate date = LocalDate.ofInstant(start, zone).minusDays(1);
        LocalDate lastOpenDate = date;
        while (!date.isAfter(lastOpenDate.plusDays(366))) {
            // Intervals of one date are taken in opening order; one that opened the day before
            // and overlaps them was taken first and moved the cursor past the overlap.
            List<OpeningInterval> intervals = new ArrayList<>(intervalsOpeningOn(date));
            intervals.sort(Comparator.comparingInt(OpeningInterval::opensAt));
            for (OpeningInterval interval : intervals) {
                lastOpenDate = date;
                Instant opens = instantOf(date, interval.opensAt(), zone);
                Instant closes = interval.crossesMidnight()
                        ? instantOf(date.plusDays(1), interval.closesAt(), zone)
                        : instantOf(date, interval.closesAt(), zone);
                Instant from = opens.isBefore(cursor) ? cursor : opens;
                if (!from.isBefore(closes)) {
                    continue;
                }
                Duration available = Duration.between(from, closes);
                if (remaining.compareTo(available) <= 0) {
                    return Optional.of(from.plus(remaining));
                }
                remaining = remaining.minus(available);
                cursor = closes;
            }
            date = date.plusDays(1);
        }
        return Optional.empty();
    }

    /** A local second of a date in a zone; a time in a daylight-saving gap moves forward by the gap. */
    private static Instant instantOf(LocalDate date, int secondOfDay, ZoneId zone) {
        LocalDateTime local = secondOfDay == 86_400
                ? date.plusDays(1).atStartOfDay()
                : date.atStartOfDay().plusSeconds(secondOfDay);
        return ZonedDateTime.ofLocal(local, zone, null).toInstant();
    }

    /** The intervals that open on a date: its override if it has one, else its weekday's. */
    public List<OpeningInterval> intervalsOpeningOn(LocalDate date) {
        List<OpeningInterval> override = overrides.get(date);
        if (override != null) {
            return override;
        }
        if (weekly == null) {
            return ALL_DAY;
        }
        return weekly.getOrDefault(date.getDayOfWeek(), List.of());
    }

    /** Whether this schedule is open at all times (no weekly schedule and no overrides). */
    public boolean isAlwaysOpen() {
        return weekly == null && overrides.isEmpty();
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof BusinessHours that
                && Objects.equals(weekly, that.weekly)
                && overrides.equals(that.overrides);
    }

    @Override
    public int hashCode() {
        return Objects.hash(weekly, overrides);
    }

    @Override
    public String toString() {
        return "BusinessHours[weekly=" + (weekly == null ? "always open" : weekly) + ", overrides=" + overrides + "]";
    }

    /** Collects a weekly schedule and its overrides. */
    public static final class Builder {
        private final Map<DayOfWeek, List<OpeningInterval>> weekly = new EnumMap<>(DayOfWeek.class);
        private final Map<LocalDate, List<OpeningInterval>> overrides = new HashMap<>();

        private Builder() {}

        /** Adds an interval to a day of the week. */
        public Builder open(DayOfWeek day, OpeningInterval interval) {
            Objects.requireNonNull(day, "day");
            Objects.requireNonNull(interval, "interval");
            weekly.computeIfAbsent(day, d -> new ArrayList<>()).add(interval);
            return this;
        }

        /** Closes a date: no interval opens on it. */
        public Builder closed(LocalDate date) {
            return override(date, List.of());
        }

        /** Replaces the intervals that open on a date. */
        public Builder override(LocalDate date, List<OpeningInterval> intervals) {
            Objects.requireNonNull(date, "date");
            overrides.put(date, List.copyOf(intervals));
            return this;
        }

        /** The schedule; with no weekly interval added, open all week except on overridden dates. */
        public BusinessHours build() {
            Map<DayOfWeek, List<OpeningInterval>> week = null;
            if (!weekly.isEmpty()) {
                week = new EnumMap<>(DayOfWeek.class);
                for (Map.Entry<DayOfWeek, List<OpeningInterval>> day : weekly.entrySet()) {
                    week.put(day.getKey(), List.copyOf(day.getValue()));
                }
            }
            return new BusinessHours(week == null ? null : Map.copyOf(week), Map.copyOf(overrides));
        }
    }
}
