package io.github.missedcalls;

/**
 * An assignment was saved with the key of a stored one (client, instant, actor) but other
 * values: saving the same assignment again is harmless (R16), changing a stored one is not allowed.
 */
public final class AssignmentConflictException extends MissedCallsException {
    private static final long serialVersionUID = 1L;

    private final transient Assignment stored;
    private final transient Assignment offered;

    public AssignmentConflictException(Assignment stored, Assignment offered) {
        super("a different assignment by " + offered.actor() + " for " + offered.client() + " at "
                + offered.assignedAt() + " is already stored");
        this.stored = stored;
        this.offered = offered;
    }

    /** The assignment already stored. */
    public Assignment stored() {
        return stored;
    }

    /** The assignment that was not saved. */
    public Assignment offered() {
        return offered;
    }
}
