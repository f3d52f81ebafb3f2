package io.github.missedcalls;

/**
 * A {@link io.github.missedcalls.spi.CallSource} or {@link io.github.missedcalls.spi.HandleStore}
 * failed (a database went away, a file could not be read). The cause is kept, a
 * {@code SQLException} included. A report that meets one is never returned half-made.
 */
public class StorageException extends MissedCallsException {
    private static final long serialVersionUID = 1L;

    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }

    public StorageException(String message) {
        super(message);
    }
}
