package io.github.missedcalls.jdbc.internal;

import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import org.jspecify.annotations.Nullable;

/** Reads what kind of failure a {@link SQLException} is, by standard SQLState, never by vendor code. */
public final class SqlStates {

    private SqlStates() {}

    /**
     * Whether the failure is an integrity constraint violation: SQLState class {@code 23}, or the
     * driver's {@link SQLIntegrityConstraintViolationException}, anywhere in the chain of
     * exceptions (a batch wraps its statements' failures).
     */
    public static boolean isIntegrityViolation(SQLException failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLIntegrityConstraintViolationException) {
                return true;
            }
            if (t instanceof SQLException sql && hasClass23(sql)) {
                return true;
            }
            for (SQLException next = t instanceof SQLException sql ? sql.getNextException() : null;
                    next != null;
                    next = next.getNextException()) {
                if (next instanceof SQLIntegrityConstraintViolationException || hasClass23(next)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Whether the failure says a table does not exist: {@code 42P01} (PostgreSQL), {@code 42S02}
     * (MySQL, MariaDB, H2 in most modes) or {@code 42S04}, {@code 42102} (H2).
     */
    public static boolean isUndefinedTable(SQLException failure) {
        @Nullable String state = failure.getSQLState();
        return state != null
                && (state.equals("42P01") || state.equals("42S02") || state.equals("42S04") || state.equals("42102"));
    }

    private static boolean hasClass23(SQLException failure) {
        @Nullable String state = failure.getSQLState();
        return state != null && state.startsWith("23");
    }
}
