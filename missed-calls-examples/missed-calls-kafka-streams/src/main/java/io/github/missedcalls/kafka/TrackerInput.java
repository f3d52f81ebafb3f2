package io.github.missedcalls.kafka;

import io.github.missedcalls.CallRecord;
import io.github.missedcalls.Handle;
import org.jspecify.annotations.Nullable;

/**
 * One record for the tracker, as the repartition topic carries it: a valid call or a valid
 * handle, its client number as the source wrote it (the key holds the normalized one).
 *
 * @param call the call; {@code null} when this is a handle
 * @param handle the handle; {@code null} when this is a call
 */
record TrackerInput(@Nullable CallRecord call, @Nullable Handle handle) {

    TrackerInput {
        if ((call == null) == (handle == null)) {
            throw new IllegalArgumentException("a tracker input is a call or a handle");
        }
    }
}
