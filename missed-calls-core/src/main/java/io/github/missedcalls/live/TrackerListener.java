package io.github.missedcalls.live;

import io.github.missedcalls.Rejection;

/** Receives the live tracker's events, on the thread that delivered the record. */
@FunctionalInterface
public interface TrackerListener {

    /** A client's groups changed. */
    void event(TrackerEvent event);

    /** A record or handle was not used: invalid (R2) or later than the lateness bound. */
    default void rejected(Rejection rejection) {}
}
