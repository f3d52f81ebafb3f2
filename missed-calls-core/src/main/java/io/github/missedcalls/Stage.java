package io.github.missedcalls;

import java.util.Optional;

/** Where an unanswered client-initiated call ended; the classifier's main fact (R9). */
public enum Stage {
    /** During the welcome message. */
    GREETING,
    /** In the IVR menu: no option chosen, or all options heard. */
    IVR,
    /** While offered to managers; {@link Managers} says whether any could be rung. */
    RINGING,
    /** No forwarding scheme was set up for the line. */
    NO_ROUTE,
    /** The destination was refused, for example a callback ordered to a blocked number. */
    FORBIDDEN;

    /** The spelling used in files: {@code greeting}, {@code ivr}, {@code ringing}, {@code no_route}, {@code forbidden}. */
    public String token() {
        return Token.of(this);
    }

    /** Reads a token in any letter case; empty when it names no stage. */
    public static Optional<Stage> fromToken(String token) {
        return Token.parse(Stage.class, token);
    }
}
