package io.github.missedcalls.internal;

import io.github.missedcalls.Assignment;
import io.github.missedcalls.CallRecord;
import io.github.missedcalls.Handle;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;

/**
 * R5, written once for the batch report and the live tracker: records are taken by instant; at
 * one instant calls come before handles, calls by kind ({@link CallKind}'s order) then id, and
 * handles by effective coversUntil, then actor, then client (docs/decisions.md).
 */
public final class RecordOrder {

    /** Handles by instant, then as R5 orders handles at one instant. */
    public static final Comparator<Handle> HANDLES = Comparator.comparing(Handle::handledAt)
            .thenComparing(Handle::effectiveCoversUntil)
            .thenComparing(Handle::actor)
            .thenComparing(Handle::client);

    /** Assignments by instant; at one instant by client and actor, so that the later of two is the same in every run. */
    public static final Comparator<Assignment> ASSIGNMENTS = Comparator.comparing(Assignment::assignedAt)
            .thenComparing(Assignment::client)
            .thenComparing(Assignment::actor);

    private RecordOrder() {}

    /** Calls by start, then as R5 orders calls at one instant. */
    public static Comparator<CallRecord> calls(Duration minConversation) {
        return Comparator.comparing(CallRecord::startedAt)
                .thenComparing((a, b) ->
                        atOneInstant(CallKind.of(a, minConversation), a.id(), CallKind.of(b, minConversation), b.id()));
    }

    /** How R5 orders two calls that started at one instant. */
    public static int atOneInstant(CallKind aKind, String aId, CallKind bKind, String bId) {
        return aKind != bKind ? aKind.compareTo(bKind) : aId.compareTo(bId);
    }

    /** Whether a handle is taken before the calls that started at {@code callStart}: handles at that very instant come after them. */
    public static boolean handleBefore(Handle handle, Instant callStart) {
        return handle.handledAt().isBefore(callStart);
    }
}
