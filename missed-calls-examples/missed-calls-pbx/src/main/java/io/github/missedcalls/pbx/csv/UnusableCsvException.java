package io.github.missedcalls.pbx.csv;

import io.github.missedcalls.MissedCallsException;

/**
 * A CSV file that cannot be read as a whole: no header, a required column missing, a syntax
 * error the parser cannot recover from. Unlike a bad row, which is rejected with its line while
 * the rest of the file is read (R2), this stops the reading; the command line reports it as a
 * usage error.
 */
public final class UnusableCsvException extends MissedCallsException {
    private static final long serialVersionUID = 1L;

    /** @param message one line a person reads, naming the file and what is wrong */
    public UnusableCsvException(String message) {
        super(message);
    }

    /** @param message one line a person reads, naming the file and what is wrong */
    public UnusableCsvException(String message, Throwable cause) {
        super(message, cause);
    }
}
