package io.github.missedcalls;

/** Whether a processed group was resolved by its due (R14). */
public enum Timeliness {
    /** The project set no deadline for it. */
    NO_DEADLINE,
    /** Resolved at or before due. */
    ON_TIME,
    /** Resolved after due. */
    LATE
}
