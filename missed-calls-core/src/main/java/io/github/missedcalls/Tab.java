package io.github.missedcalls;

import java.util.Optional;

/** The two tabs of the report (R8). */
public enum Tab {
    /** Groups not resolved as of the report's as-of instant. */
    UNPROCESSED,
    /** Groups resolved as of the report's as-of instant. */
    PROCESSED;

    /** The spelling used on the command line: {@code unprocessed} or {@code processed}. */
    public String token() {
        return Token.of(this);
    }

    /** Reads a token in any letter case; empty when it names no tab. */
    public static Optional<Tab> fromToken(String token) {
        return Token.parse(Tab.class, token);
    }
}
