package io.github.missedcalls.internal;

import io.github.missedcalls.CallRecord;
import io.github.missedcalls.Direction;
import java.time.Duration;

/** What a valid call record is to the report, in the order R5 takes them at one instant. */
public enum CallKind {
    /** A client-initiated call that did not reach the client. */
    MISSED,
    /** A manager-initiated call that did not reach the client; sorts before contacts (see docs/decisions.md). */
    FAILED_ATTEMPT,
    /** A call in either direction that reached the client. */
    CONTACT,
    /** An internal call. */
    IGNORED;

    /** The kind of a call, given the project's {@code minConversation}. */
    public static CallKind of(CallRecord call, Duration minConversation) {
        if (call.direction() == Direction.INTERNAL) {
            return IGNORED;
        }
        boolean reached = call.isAnswered()
                && (minConversation.isZero() || call.conversation().compareTo(minConversation) >= 0);
        if (reached) {
            return CONTACT;
        }
        return call.direction().isClientInitiated() ? MISSED : FAILED_ATTEMPT;
    }
}
