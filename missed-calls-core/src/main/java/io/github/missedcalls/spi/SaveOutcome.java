package io.github.missedcalls.spi;

/** What {@link HandleStore#save} did. */
public enum SaveOutcome {
    /** The handle was new and is now stored. */
    STORED,
    /** An equal handle was already stored; nothing changed. */
    ALREADY_STORED
}
