package io.github.missedcalls.jdbc.internal;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * A connection borrowed from a data source for one operation.
 *
 * <p>A connection handed out with auto-commit on is the library's for the operation: when the
 * operation needs a transaction, the lease turns auto-commit off, and on close rolls back
 * anything it did not commit and turns auto-commit back on. A connection handed out with
 * auto-commit off is in a transaction the caller manages: the lease never commits or rolls it
 * back, and leaves its settings alone.
 */
public final class ConnectionLease implements AutoCloseable {

    private final Connection connection;
    private final boolean ownTransaction;
    private boolean closed;

    private ConnectionLease(Connection connection, boolean ownTransaction) {
        this.connection = connection;
        this.ownTransaction = ownTransaction;
    }

    /**
     * Borrows a connection.
     *
     * @param transaction whether the operation needs its statements in one transaction
     */
    public static ConnectionLease open(DataSource dataSource, boolean transaction) throws SQLException {
        Connection connection = dataSource.getConnection();
        try {
            boolean own = transaction && connection.getAutoCommit();
            if (own) {
                connection.setAutoCommit(false);
            }
            return new ConnectionLease(connection, own);
        } catch (SQLException | RuntimeException e) {
            closeQuietly(connection, e);
            throw e;
        }
    }

    public Connection connection() {
        return connection;
    }

    /** Whether this lease started the transaction, so that committing it is the library's job. */
    public boolean ownsTransaction() {
        return ownTransaction;
    }

    /** Commits the lease's own transaction; does nothing in a transaction the caller manages. */
    public void commitIfOwned() throws SQLException {
        if (ownTransaction) {
            connection.commit();
        }
    }

    /**
     * Rolls back what the lease's own transaction did not commit, restores auto-commit and gives
     * the connection back. A connection that is already broken is still given back.
     */
    @Override
    public void close() throws SQLException {
        if (closed) {
            return;
        }
        closed = true;
        SQLException failure = null;
        if (ownTransaction) {
            try {
                connection.rollback();
                connection.setAutoCommit(true);
            } catch (SQLException e) {
                failure = e;
            }
        }
        try {
            connection.close();
        } catch (SQLException e) {
            if (failure == null) {
                failure = e;
            } else {
                failure.addSuppressed(e);
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** Closes after a failure, keeping the failure as the one that is thrown. */
    public void closeAfter(Throwable failure) {
        try {
            close();
        } catch (SQLException | RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    private static void closeQuietly(@Nullable AutoCloseable resource, Throwable failure) {
        if (resource == null) {
            return;
        }
        try {
            resource.close();
        } catch (Exception e) {
            failure.addSuppressed(e);
        }
    }
}
