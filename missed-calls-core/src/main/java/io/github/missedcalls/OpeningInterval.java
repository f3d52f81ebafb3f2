package io.github.missedcalls;

import java.time.LocalTime;
import java.time.format.DateTimeParseException;

/**
 * Local opening hours [open, close) on one day (R10). {@code 24:00} is a valid close; an
 * interval whose close is not after its open crosses midnight and belongs to the day it opens
 * on ({@code 22:00-02:00} on a Friday is open Saturday 01:00).
 *
 * @param opensAt second of the day it opens, 0 to 86,399
 * @param closesAt second of the day it closes, 0 to 86,400 (86,400 is {@code 24:00})
 */
public record OpeningInterval(int opensAt, int closesAt) {

    private static final int SECONDS_PER_DAY = 86_400;

    /**
     * @throws IllegalArgumentException if a value is outside its range
     */
    public OpeningInterval {
        if (opensAt < 0 || opensAt >= SECONDS_PER_DAY) {
            throw new IllegalArgumentException("opening time out of range: " + opensAt);
        }
        if (closesAt < 0 || closesAt > SECONDS_PER_DAY) {
            throw new IllegalArgumentException("closing time out of range: " + closesAt);
        }
    }

    /** From {@code open} to {@code close}; a close not after the open crosses midnight. */
    public static OpeningInterval of(LocalTime open, LocalTime close) {
        return new OpeningInterval(open.toSecondOfDay(), close.toSecondOfDay());
    }

    /** From {@code open} to the end of the day ({@code 24:00}). */
    public static OpeningInterval untilMidnight(LocalTime open) {
        return new OpeningInterval(open.toSecondOfDay(), SECONDS_PER_DAY);
    }

    /**
     * Reads {@code HH:MM-HH:MM}; {@code 24:00} is allowed as the close.
     *
     * @throws IllegalArgumentException if the text is not of that form
     */
    public static OpeningInterval parse(String text) {
        String[] ends = text.strip().split("-", -1);
        if (ends.length != 2) {
            throw new IllegalArgumentException("not an interval HH:MM-HH:MM: " + text);
        }
        int open = secondOfDay(ends[0], false, text);
        int close = secondOfDay(ends[1], true, text);
        return new OpeningInterval(open, close);
    }

    private static int secondOfDay(String time, boolean mayBeMidnightEnd, String interval) {
        String value = time.strip();
        if (mayBeMidnightEnd && value.equals("24:00")) {
            return SECONDS_PER_DAY;
        }
        if (!value.matches("[0-9]{1,2}:[0-9]{2}")) {
            throw new IllegalArgumentException("not a time HH:MM in " + interval + ": " + value);
        }
        try {
            return LocalTime.parse(value.length() == 4 ? "0" + value : value).toSecondOfDay();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not a time HH:MM in " + interval + ": " + value, e);
        }
    }

    /** Whether the interval runs past midnight into the next day. */
    public boolean crossesMidnight() {
        return closesAt <= opensAt;
    }

    /** Whether a second of the day the interval opens on falls inside it. */
    public boolean containsOnOpeningDay(int secondOfDay) {
        return secondOfDay >= opensAt && (crossesMidnight() || secondOfDay < closesAt);
    }

    /** Whether a second of the day after the opening day falls inside it. */
    public boolean containsOnNextDay(int secondOfDay) {
        return crossesMidnight() && secondOfDay < closesAt;
    }

    @Override
    public String toString() {
        return hhmm(opensAt) + "-" + hhmm(closesAt);
    }

    private static String hhmm(int second) {
        return String.format("%02d:%02d", second / 3600, second / 60 % 60);
    }
}
