package io.github.missedcalls;

import java.util.Optional;

/** Why a manager handled a group by hand (R11). */
public enum HandleReason {
    SPAM,
    WRONG_NUMBER,
    RESOLVED_ELSEWHERE,
    NOT_SALES,
    DUPLICATE,
    /** Anything else; a handle with this reason needs a note that is not blank. */
    OTHER;

    /** The spelling used in files: {@code spam}, {@code wrong_number}, ..., {@code other}. */
    public String token() {
        return Token.of(this);
    }

    /** Reads a token in any letter case; empty when it names no reason. */
    public static Optional<HandleReason> fromToken(String token) {
        return Token.parse(HandleReason.class, token);
    }
}
