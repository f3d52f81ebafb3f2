package io.github.missedcalls.jdbc;

import io.github.missedcalls.jdbc.internal.Identifiers;

/**
 * The names of the library's own tables. Each may be qualified by a schema
 * ({@code crm.missed_calls_handles}); each part is a plain name (a letter or {@code _}, then
 * letters, digits or {@code _}), so a configured name can never carry SQL. Names are quoted
 * in SQL, after being folded the way the database folds unquoted names (lower case on
 * PostgreSQL, upper case on H2, as written on MariaDB and MySQL).
 *
 * @param calls the calls table ({@link JdbcCallWriter}, {@link JdbcCallSource#ownTable})
 * @param handles the handles table ({@link JdbcHandleStore})
 */
public record TableNames(String calls, String handles) {

    /** What {@link #callHours()} adds to the calls table's name. */
    public static final String HOURS_SUFFIX = "_hours";

    /** What {@link #assignments()} adds to the handles table's name. */
    public static final String ASSIGNMENTS_SUFFIX = "_assignments";

    /** What {@link #checkpoints()} adds to the handles table's name. */
    public static final String CHECKPOINTS_SUFFIX = "_checkpoints";

    /** The prefix of the default names. */
    public static final String DEFAULT_PREFIX = "missed_calls_";

    /** {@code missed_calls_calls} and {@code missed_calls_handles}, the names the shipped DDL uses. */
    public static final TableNames DEFAULT = withPrefix(DEFAULT_PREFIX);

    /**
     * @throws NullPointerException if a name is {@code null}
     * @throws IllegalArgumentException if a name is not plain, or both are the same
     */
    public TableNames {
        Identifiers.checkQualified("the calls table's name", calls);
        Identifiers.checkQualified("the handles table's name", handles);
        if (calls.equalsIgnoreCase(handles)) {
            throw new IllegalArgumentException("the calls and handles tables need different names: " + calls);
        }
    }

    /**
     * {@code <prefix>calls} and {@code <prefix>handles}; a prefix may start with a schema
     * ({@code crm.mc_}).
     *
     * @throws IllegalArgumentException if the names made are not plain
     */
    public static TableNames withPrefix(String prefix) {
        return new TableNames(prefix + "calls", prefix + "handles");
    }

    /**
     * The calls per hour of their start that {@link JdbcCallWriter} keeps beside the calls table:
     * its name with {@link #HOURS_SUFFIX}, in its schema ({@code missed_calls_calls_hours}).
     */
    public String callHours() {
        return calls + HOURS_SUFFIX;
    }

    /**
     * The assignments (R16) that {@link JdbcHandleStore#assign} keeps beside the handles table:
     * its name with {@link #ASSIGNMENTS_SUFFIX}, in its schema ({@code missed_calls_handles_assignments}).
     */
    public String assignments() {
        return handles + ASSIGNMENTS_SUFFIX;
    }

    /**
     * The refreshes' checkpoints that {@link JdbcCheckpointStore} keeps beside the handles table:
     * its name with {@link #CHECKPOINTS_SUFFIX}, in its schema ({@code missed_calls_handles_checkpoints}).
     */
    public String checkpoints() {
        return handles + CHECKPOINTS_SUFFIX;
    }
}
