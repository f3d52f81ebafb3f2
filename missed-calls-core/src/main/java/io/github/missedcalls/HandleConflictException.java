package io.github.missedcalls;

/**
 * A handle was saved with the key of a stored one (client, instant, actor) but other values:
 * saving the same handle again is harmless (R11), changing a stored one is not allowed.
 */
public final class HandleConflictException extends MissedCallsException {
    private static final long serialVersionUID = 1L;

    private final transient Handle stored;
    private final transient Handle offered;

    public HandleConflictException(Handle stored, Handle offered) {
        super("a different handle by " + offered.actor() + " for " + offered.client() + " at " + offered.handledAt()
                + " is already stored");
        this.stored = stored;
        this.offered = offered;
    }

    /** The handle already stored. */
    public Handle stored() {
        return stored;
    }

    /** The handle that was not saved. */
    public Handle offered() {
        return offered;
    }
}
