package io.github.missedcalls.examples.cli;

/**
 * Bad usage or unusable input: the command stops with exit status 2 and the message as its one
 * line on standard error.
 */
final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
