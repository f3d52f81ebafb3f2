package io.github.missedcalls;

import java.util.Optional;

/**
 * Why a call was missed (R9). The constants are listed in the classifier's default order;
 * their names are what reports and files show.
 */
public enum MissedReason {
    /** Answered, but the conversation was shorter than {@code minConversation}. */
    SHORT_CONVERSATION,
    /** Started outside the project's business hours (R10). */
    OUTSIDE_BUSINESS_HOURS,
    /** The destination was refused. */
    FORBIDDEN_DESTINATION,
    /** No forwarding scheme was set up. */
    FORWARDING_NOT_CONFIGURED,
    /** Lasted less than the short-abandon threshold, at whatever stage it ended. */
    ABANDONED_EARLY,
    /** Ended during the welcome message. */
    ABANDONED_DURING_GREETING,
    /** Ended in the IVR menu. */
    ABANDONED_IN_IVR,
    /** Ended while ringing and no manager could be rung. */
    ALL_MANAGERS_UNAVAILABLE,
    /** Ended while ringing; managers were rung (or the source does not say) and none answered. */
    NOT_ANSWERED_BY_MANAGERS,
    /** None of the rules applied: no stage, and longer than the short-abandon threshold. */
    UNKNOWN;

    /** Reads a reason name in any letter case; empty when it names no reason. */
    public static Optional<MissedReason> fromName(String name) {
        return Token.parse(MissedReason.class, name);
    }
}
