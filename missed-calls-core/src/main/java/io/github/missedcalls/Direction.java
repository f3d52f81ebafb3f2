package io.github.missedcalls;

import java.util.Optional;

/** Who started a call (R1). */
public enum Direction {
    /** The client called the company. */
    IN,
    /** The client ordered a callback (a website widget, say): the system rang the managers, then the client. */
    CALLBACK,
    /** An employee called the client, including a click-to-call started from a CRM. */
    OUT,
    /** Between employees; ignored by the report, though still validated (R2). */
    INTERNAL;

    /** Whether the client started the call: {@link #IN} or {@link #CALLBACK}. */
    public boolean isClientInitiated() {
        return this == IN || this == CALLBACK;
    }

    /** The spelling used in files: {@code in}, {@code callback}, {@code out}, {@code internal}. */
    public String token() {
        return Token.of(this);
    }

    /** Reads a token in any letter case; empty when it names no direction. */
    public static Optional<Direction> fromToken(String token) {
        return Token.parse(Direction.class, token);
    }
}
