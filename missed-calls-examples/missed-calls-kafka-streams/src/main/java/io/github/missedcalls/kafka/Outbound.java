package io.github.missedcalls.kafka;

import io.github.missedcalls.Rejection;
import io.github.missedcalls.live.TrackerEvent;
import org.jspecify.annotations.Nullable;

/** What the tracker processor tells: an event or a rejection. Never leaves its sub-topology. */
record Outbound(@Nullable TrackerEvent event, @Nullable Rejection rejection) {}
