package io.github.missedcalls;

/** The root of every exception this library throws on its own account; unchecked. */
public class MissedCallsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public MissedCallsException(String message) {
        super(message);
    }

    public MissedCallsException(String message, Throwable cause) {
        super(message, cause);
    }
}
