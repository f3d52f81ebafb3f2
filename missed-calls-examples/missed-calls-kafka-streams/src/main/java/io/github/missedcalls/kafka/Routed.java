package io.github.missedcalls.kafka;

import io.github.missedcalls.Rejection;
import org.jspecify.annotations.Nullable;

/**
 * What the router made of one message, before the topology splits: a record for the tracker,
 * a rejection, or a missed call without a number to count (R4). Never leaves its sub-topology.
 */
record Routed(@Nullable TrackerInput input, @Nullable Rejection rejection, boolean anonymousMissed) {

    static Routed tracked(TrackerInput input) {
        return new Routed(input, null, false);
    }

    static Routed rejected(Rejection rejection) {
        return new Routed(null, rejection, false);
    }

    static Routed anonymous() {
        return new Routed(null, null, true);
    }
}
