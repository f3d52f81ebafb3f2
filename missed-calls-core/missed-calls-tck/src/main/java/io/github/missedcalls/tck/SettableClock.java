package io.github.missedcalls.tck;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * A clock that stands still until told to move, for tests of code that embeds the library.
 * Thread-safe.
 */
public final class SettableClock extends Clock {

    /** Shared by the views {@link #withZone} makes, so that they all move together. */
    private static final class Time {
        private Instant now;

        Time(Instant now) {
            this.now = now;
        }
    }

    private final Time now;
    private final ZoneId zone;

    private SettableClock(Time now, ZoneId zone) {
        this.now = now;
        this.zone = zone;
    }

    /** A clock showing {@code instant}, in UTC. */
    public static SettableClock at(Instant instant) {
        return new SettableClock(new Time(Objects.requireNonNull(instant, "instant")), ZoneOffset.UTC);
    }

    /** Sets the time. */
    public void set(Instant instant) {
        Objects.requireNonNull(instant, "instant");
        synchronized (now) {
            now.now = instant;
        }
    }

    /** Moves the time by {@code amount} (negative moves it back). */
    public void advance(Duration amount) {
        Objects.requireNonNull(amount, "amount");
        synchronized (now) {
            now.now = now.now.plus(amount);
        }
    }

    @Override
    public Instant instant() {
        synchronized (now) {
            return now.now;
        }
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    /** A view in another zone that shares this clock's time. */
    @Override
    public Clock withZone(ZoneId newZone) {
        return new SettableClock(now, Objects.requireNonNull(newZone, "zone"));
    }

    @Override
    public String toString() {
        return "SettableClock[" + instant() + ", " + zone + "]";
    }
}
