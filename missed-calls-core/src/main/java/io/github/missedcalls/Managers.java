package io.github.missedcalls;

import java.util.Optional;

/** For a call that ended while {@link Stage#RINGING}: whether any manager could be rung. */
public enum Managers {
    /** Managers were rung and none answered. */
    RANG,
    /** No manager could be rung: all busy, offline or in do-not-disturb. */
    UNAVAILABLE;

    /** The spelling used in files: {@code rang} or {@code unavailable}. */
    public String token() {
        return Token.of(this);
    }

    /** Reads a token in any letter case; empty when it names no value. */
    public static Optional<Managers> fromToken(String token) {
        return Token.parse(Managers.class, token);
    }
}
