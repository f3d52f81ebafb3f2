package io.github.missedcalls.internal;

import io.github.missedcalls.BusinessHours;
import io.github.missedcalls.OpeningInterval;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@link BusinessHours#afterOpenTime} for one report: each local date's open intervals are turned
 * into instants once and kept, since a month's groups fall on a few dozen dates and converting
 * local times through the zone's rules for every group cost more than resolving it. Gives the
 * same instant as {@code afterOpenTime} (a property test compares them).
 *
 * <p>Thread-safe: the live tracker's rules may be shared by threads. A day is added under a
 * lock, by copying the table: after the first weeks of a report nearly every look-up finds its day.
 */
final class OpenTimeClock {

    private static final long[] NONE = new long[0];
    private static final int SEARCH_DAYS = 366;
    private static final int NANOS_PER_SECOND = 1_000_000_000;

    private final BusinessHours hours;
    private final ZoneId zone;
    /**
     * Per epoch day from {@link Days#first}, its intervals' [open, close) in epoch seconds, by
     * opening; {@code null} for a day not yet needed. Replaced whole when a day is added, so that
     * a thread reads one consistent table without a lock.
     */
    private volatile Days days = new Days(0, new long[0][]);

    private record Days(long first, long[][] intervals) {}

    OpenTimeClock(BusinessHours hours, ZoneId zone) {
        this.hours = hours;
        this.zone = zone;
    }

    @Nullable
    Instant after(Instant start, Duration amount) {
        if (hours.isAlwaysOpen()) {
            return start.plus(amount);
        }
        // Seconds and nanoseconds apart, in primitives: a group's due walks a few days' intervals,
        // and an Instant and a Duration for each step were most of what a due cost.
        long remainingSeconds = amount.getSeconds();
        int remainingNanos = amount.getNano();
        long cursorSecond = start.getEpochSecond();
        int cursorNano = start.getNano();
        // Two days before the start's UTC date: no zone is a day and more away from UTC, so this is
        // at least a day before its local date and takes in an interval that opened the day before
        // and is still open. Earlier intervals end before the start and are passed over; finding the
        // local date through the zone's rules for every group cost more than that.
        long day = Math.floorDiv(cursorSecond, 86_400) - 2;
        long lastOpenDay = day;
        while (day <= lastOpenDay + SEARCH_DAYS) {
            long[] intervals = intervals(day);
            for (int i = 0; i < intervals.length; i += 2) {
                lastOpenDay = day;
                long closes = intervals[i + 1];
                long fromSecond = cursorSecond;
                int fromNano = cursorNano;
                if (intervals[i] > cursorSecond) {
                    fromSecond = intervals[i];
                    fromNano = 0;
                }
                if (fromSecond >= closes) {
                    continue;
                }
                // From (fromSecond, fromNano) to closes, as whole seconds and the nanoseconds left over.
                long availableSeconds = closes - fromSecond - (fromNano == 0 ? 0 : 1);
                int availableNanos = fromNano == 0 ? 0 : NANOS_PER_SECOND - fromNano;
                if (remainingSeconds < availableSeconds
                        || (remainingSeconds == availableSeconds && remainingNanos <= availableNanos)) {
                    return Instant.ofEpochSecond(fromSecond + remainingSeconds, (long) fromNano + remainingNanos);
                }
                remainingSeconds -= availableSeconds;
                remainingNanos -= availableNanos;
                if (remainingNanos < 0) {
                    remainingNanos += NANOS_PER_SECOND;
                    remainingSeconds--;
                }
                cursorSecond = closes;
                cursorNano = 0;
            }
            day++;
        }
        return null;
    }

    private long[] intervals(long epochDay) {
        Days table = days;
        long index = epochDay - table.first();
        if (index >= 0 && index < table.intervals().length) {
            long[] known = table.intervals()[(int) index];
            if (known != null) {
                return known;
            }
        }
        return add(epochDay);
    }

    /** Computes a day's intervals and files them, the table grown to take the day (a year either side, at first). */
    private synchronized long[] add(long epochDay) {
        Days table = days;
        long first = table.first();
        long[][] intervals = table.intervals();
        if (intervals.length == 0) {
            first = epochDay - 366;
            intervals = new long[733][];
        } else if (epochDay < first || epochDay >= first + intervals.length) {
            long newFirst = Math.min(first, epochDay - 31);
            long end = Math.max(first + intervals.length, epochDay + 32);
            long[][] grown = new long[Math.toIntExact(end - newFirst)][];
            System.arraycopy(intervals, 0, grown, Math.toIntExact(first - newFirst), intervals.length);
            first = newFirst;
            intervals = grown;
        } else {
            intervals = intervals.clone();
        }
        int index = Math.toIntExact(epochDay - first);
        long[] computed = intervals[index];
        if (computed == null) {
            computed = compute(LocalDate.ofEpochDay(epochDay));
            intervals[index] = computed;
        }
        days = new Days(first, intervals);
        return computed;
    }

    private long[] compute(LocalDate date) {
        List<OpeningInterval> opening = hours.intervalsOpeningOn(date);
        if (opening.isEmpty()) {
            return NONE;
        }
        long[][] pairs = new long[opening.size()][];
        for (int i = 0; i < pairs.length; i++) {
            OpeningInterval interval = opening.get(i);
            long opens = epochSecond(date, interval.opensAt());
            long closes = interval.crossesMidnight()
                    ? epochSecond(date.plusDays(1), interval.closesAt())
                    : epochSecond(date, interval.closesAt());
            pairs[i] = new long[] {opens, closes};
        }
        Arrays.sort(pairs, (a, b) -> Long.compare(a[0], b[0]));
        long[] flat = new long[pairs.length * 2];
        for (int i = 0; i < pairs.length; i++) {
            flat[2 * i] = pairs[i][0];
            flat[2 * i + 1] = pairs[i][1];
        }
        return flat;
    }

    /** As {@link BusinessHours#afterOpenTime} reads a local time: one in a gap moves forward by the gap. */
    private long epochSecond(LocalDate date, int secondOfDay) {
        return ZonedDateTime.ofLocal(
                        secondOfDay == 86_400
                                ? date.plusDays(1).atStartOfDay()
                                : date.atStartOfDay().plusSeconds(secondOfDay),
                        zone,
                        null)
                .toEpochSecond();
    }
}
