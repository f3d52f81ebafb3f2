package io.github.missedcalls;

/** In strict mode: the first record or handle that had to be rejected (R2). */
public final class RejectedInputException extends MissedCallsException {
    private static final long serialVersionUID = 1L;

    private final transient Rejection rejection;

    public RejectedInputException(Rejection rejection) {
        super(rejection.toString());
        this.rejection = rejection;
    }

    /** What was rejected and why. */
    public Rejection rejection() {
        return rejection;
    }
}
