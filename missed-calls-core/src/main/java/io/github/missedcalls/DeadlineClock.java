package io.github.missedcalls;

/** How a callback deadline runs (R14). */
public enum DeadlineClock {
    /** Only inside the project's business hours; a call missed outside them starts counting at the next opening. */
    BUSINESS_HOURS,
    /** Around the clock. */
    CALENDAR
}
