package io.github.missedcalls;

/** How a group left the unprocessed tab (R6). */
public enum ResolutionKind {
    /** A manager-initiated call reached the client. */
    CALLED_BACK,
    /** A later client-initiated call reached a person. */
    CLIENT_GOT_THROUGH,
    /** A manager handled the group by hand (R11). */
    HANDLED;

    /** The spelling used in files: {@code called_back}, {@code client_got_through}, {@code handled}. */
    public String token() {
        return Token.of(this);
    }
}
