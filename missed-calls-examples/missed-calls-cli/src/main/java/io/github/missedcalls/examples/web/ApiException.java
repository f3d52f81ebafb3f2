package io.github.missedcalls.examples.web;

import org.jspecify.annotations.Nullable;

/**
 * A request the API refuses, with the HTTP status and the message the page shows as it is.
 * Never carries a stack trace to the client.
 */
final class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private static final int SHOWN_LENGTH = 60;

    private final int status;

    ApiException(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    static ApiException badRequest(String message) {
        return new ApiException(400, message);
    }

    static ApiException notFound(String message) {
        return new ApiException(404, message);
    }

    static ApiException conflict(String message) {
        return new ApiException(409, message);
    }

    /** A value from the request as a message quotes it: cut, so that a hostile one cannot flood the page. */
    static String shown(@Nullable String value) {
        String text = String.valueOf(value);
        return text.length() <= SHOWN_LENGTH ? text : text.substring(0, SHOWN_LENGTH) + "...";
    }

    int status() {
        return status;
    }
}
