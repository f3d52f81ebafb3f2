package io.github.missedcalls.jdbc.internal;

import org.jspecify.annotations.Nullable;

/**
 * The widths the shipped DDL gives the library's text columns. A longer value is refused
 * before it reaches the database, with a message that names it, instead of a driver's error.
 */
public final class ColumnLimits {

    public static final int PROJECT = 100;
    public static final int ID = 200;
    public static final int CLIENT = 100;
    public static final int LINE = 100;
    public static final int EMPLOYEE = 200;
    public static final int ACTOR = 200;

    private ColumnLimits() {}

    /**
     * @throws IllegalArgumentException if the value is longer than {@code limit} characters
     */
    public static void check(String what, @Nullable String value, int limit) {
        if (value != null && value.length() > limit) {
            throw new IllegalArgumentException(what + " is longer than the " + limit + " characters its column holds: "
                    + value.substring(0, 40) + "...");
        }
    }

    /**
     * @throws IllegalArgumentException if the project is blank or longer than its column
     */
    public static void checkProject(String project) {
        if (project.isBlank()) {
            throw new IllegalArgumentException("the project must not be blank");
        }
        check("the project", project, PROJECT);
    }
}
