package io.github.missedcalls.examples.web;

/**
 * The report server could not start: the database cannot be reached, the port is taken, the
 * host is unknown. The message is one sentence for the person who ran {@code serve}; the cause,
 * where there is one, is kept for a log.
 */
public final class ServeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ServeException(String message, Throwable cause) {
        super(message, cause);
    }
}
