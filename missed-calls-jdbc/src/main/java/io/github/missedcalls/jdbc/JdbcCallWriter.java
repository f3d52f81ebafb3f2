package io.github.missedcalls.jdbc;

import io.github.missedcalls.CallRecord;
import io.github.missedcalls.Managers;
import io.github.missedcalls.MissedReason;
import io.github.missedcalls.Stage;
import io.github.missedcalls.StorageException;
import io.github.missedcalls.jdbc.dialect.Dialect;
import io.github.missedcalls.jdbc.internal.ColumnLimits;
import io.github.missedcalls.jdbc.internal.ConnectionLease;
import io.github.missedcalls.jdbc.internal.SqlDialect;
import io.github.missedcalls.jdbc.internal.SqlStates;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * Writes calls into the library's own calls table, in batches: for users without a calls
 * table of their own, for demos and for benchmarks. Read them back with
 * {@link JdbcCallSource#ownTable}.
 *
 * <pre>{@code
 * JdbcCallWriter writer = new JdbcCallWriter(dataSource);
 * writer.write("acme", calls);                  // a collection at once
 * try (JdbcCallWriter.Batch batch = writer.open("acme")) {
 *   generator.generate(batch::add);             // or a stream of any length
 * }
 * }</pre>
 *
 * <p>Ids are unique per project (the table's primary key): writing an id again fails. A batch
 * is one transaction when the connection comes with auto-commit on: closing it commits, a
 * failure or {@link Batch#abort()} rolls everything back. On a connection with auto-commit off
 * the caller's transaction is used and never committed here. Thread-safe; a {@link Batch} is
 * not.
 */
public final class JdbcCallWriter {

    /** Rows sent per round trip. */
    public static final int DEFAULT_BATCH_SIZE = 1_000;

    private final DataSource dataSource;
    private final TableNames tables;
    private final @Nullable Dialect chosenDialect;
    private final int batchSize;
    private volatile @Nullable SqlDialect dialect;

    /** A writer into {@link TableNames#DEFAULT}'s calls table, its dialect detected. */
    public JdbcCallWriter(DataSource dataSource) {
        this(builder(dataSource));
    }

    private JdbcCallWriter(Builder builder) {
        this.dataSource = builder.dataSource;
        this.tables = builder.tables;
        this.chosenDialect = builder.dialect;
        this.batchSize = builder.batchSize;
    }

    /** Starts a writer's configuration. */
    public static Builder builder(DataSource dataSource) {
        return new Builder(dataSource);
    }

    /**
     * Writes calls of one project in one batch.
     *
     * @return how many were written
     * @throws IllegalArgumentException if a value is longer than its column
     * @throws StorageException if the database fails or an id is already stored; nothing of
     *     this call is then written (on a connection with auto-commit on)
     */
    public long write(String project, Iterable<CallRecord> calls) {
        Objects.requireNonNull(calls, "calls");
        Batch batch = open(project);
        try {
            for (CallRecord call : calls) {
                batch.add(call);
            }
        } catch (RuntimeException e) {
            batch.abortAfter(e);
            throw e;
        }
        batch.close();
        return batch.count();
    }

    /**
     * Opens a batch for one project; close it to write what remains and commit.
     *
     * @throws IllegalArgumentException if the project is blank or too long
     * @throws StorageException if no connection can be had
     */
    public Batch open(String project) {
        Objects.requireNonNull(project, "project");
        ColumnLimits.checkProject(project);
        ConnectionLease lease = null;
        try {
            lease = ConnectionLease.open(dataSource, true);
            SqlDialect sql = dialect;
            if (sql == null) {
                sql = SqlDialect.of(lease.connection(), chosenDialect);
                dialect = sql;
            }
            return new Batch(project, lease, sql);
        } catch (SQLException e) {
            StorageException failure =
                    new StorageException("cannot write calls into " + tables.calls() + ": " + e.getMessage(), e);
            if (lease != null) {
                lease.closeAfter(failure);
            }
            throw failure;
        }
    }

    private String insertSql(SqlDialect sql) {
        StringBuilder columns = new StringBuilder();
        for (String column : new String[] {
            "project",
            "id",
            "direction",
            "client",
            "line",
            "employee",
            "started_at",
            "answered_at",
            "ended_at",
            "stage",
            "managers",
            "stated_reason"
        }) {
            columns.append(columns.length() == 0 ? "" : ", ").append(sql.name(column));
        }
        return "INSERT INTO " + sql.name(tables.calls()) + " (" + columns
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    }

    /**
     * Calls on their way into the table; sends them every {@code batchSize} rows. Owns a
     * connection until closed.
     */
    public final class Batch implements AutoCloseable {
        private final String project;
        private final ConnectionLease lease;
        private final PreparedStatement statement;
        private final SqlDialect sql;
        private int pending;
        private long count;
        private boolean finished;
        /** The calls added per hour of their start, added to the hour counts when the batch commits. */
        private final TreeMap<Instant, Long> hours = new TreeMap<>();

        private Batch(String project, ConnectionLease lease, SqlDialect sql) throws SQLException {
            this.project = project;
            this.lease = lease;
            this.sql = sql;
            this.statement = lease.connection().prepareStatement(insertSql(sql));
        }

        /**
         * Adds a call; sends the batch when it is full.
         *
         * @throws IllegalArgumentException if a value is longer than its column
         * @throws IllegalStateException if the batch is closed or failed
         * @throws StorageException if sending fails; the batch is then rolled back and closed
         */
        public void add(CallRecord call) {
            Objects.requireNonNull(call, "call");
            if (finished) {
                throw new IllegalStateException("this batch is closed");
            }
            ColumnLimits.check("the id of call " + call.id(), call.id(), ColumnLimits.ID);
            ColumnLimits.check("the client of call " + call.id(), call.client(), ColumnLimits.CLIENT);
            ColumnLimits.check("the line of call " + call.id(), call.line(), ColumnLimits.LINE);
            ColumnLimits.check("the employee of call " + call.id(), call.employee(), ColumnLimits.EMPLOYEE);
            try {
                statement.setString(1, project);
                statement.setString(2, call.id());
                statement.setString(3, call.direction().token());
                statement.setString(4, call.client());
                statement.setString(5, call.line());
                statement.setString(6, call.employee());
                sql.bindInstant(statement, 7, call.startedAt());
                sql.bindInstant(statement, 8, call.answeredAt());
                sql.bindInstant(statement, 9, call.endedAt());
                Stage stage = call.stage();
                Managers managers = call.managers();
                MissedReason reason = call.statedReason();
                statement.setString(10, stage == null ? null : stage.token());
                statement.setString(11, managers == null ? null : managers.token());
                statement.setString(12, reason == null ? null : reason.name());
                statement.addBatch();
            } catch (SQLException e) {
                throw fail(e);
            }
            count++;
            hours.merge(call.startedAt().truncatedTo(ChronoUnit.HOURS), 1L, Long::sum);
            if (++pending >= batchSize) {
                send();
            }
        }

        /** Calls added so far. */
        public long count() {
            return count;
        }

        private void send() {
            try {
                statement.executeBatch();
                pending = 0;
            } catch (SQLException e) {
                throw fail(e);
            }
        }

        /** In the calls' transaction, hours ascending so that two writers take the rows' locks in one order. */
        private void addHourCounts() throws SQLException {
            if (hours.isEmpty()) {
                return;
            }
            try (PreparedStatement add = lease.connection().prepareStatement(sql.addToHourCount(tables.callHours()))) {
                for (Map.Entry<Instant, Long> hour : hours.entrySet()) {
                    add.setString(1, project);
                    sql.bindInstant(add, 2, hour.getKey());
                    add.setLong(3, hour.getValue());
                    add.addBatch();
                }
                add.executeBatch();
            }
            hours.clear();
        }

        private StorageException fail(SQLException e) {
            String what = SqlStates.isIntegrityViolation(e)
                    ? "a call id is already stored for project " + project + " in " + tables.calls()
                            + " (ids are unique per project)"
                    : "writing calls of project " + project + " into " + tables.calls() + " failed";
            StorageException failure = new StorageException(what + "; the batch was rolled back: " + e.getMessage(), e);
            abortAfter(failure);
            return failure;
        }

        /** Drops what this batch wrote (in its own transaction) and gives the connection back. */
        public void abort() {
            if (finished) {
                return;
            }
            finished = true;
            try (ConnectionLease owned = lease;
                    PreparedStatement s = statement) {
                // Closing a lease that owns its transaction rolls it back.
            } catch (SQLException e) {
                throw new StorageException("cannot give back the connection of an aborted batch: " + e.getMessage(), e);
            }
        }

        void abortAfter(Throwable failure) {
            try {
                abort();
            } catch (RuntimeException e) {
                failure.addSuppressed(e);
            }
        }

        /**
         * Sends what remains, commits (when the batch owns its transaction) and gives the
         * connection back. Does nothing after {@link #abort()} or a failure.
         *
         * @throws StorageException if sending or committing fails; nothing is then committed
         */
        @Override
        public void close() {
            if (finished) {
                return;
            }
            if (pending > 0) {
                send();
            }
            try {
                addHourCounts();
                lease.commitIfOwned();
            } catch (SQLException e) {
                throw fail(e);
            }
            finished = true;
            try (ConnectionLease owned = lease;
                    PreparedStatement s = statement) {
                // Committed: only the resources are left to close.
            } catch (SQLException e) {
                throw new StorageException(
                        "the calls were committed, but the connection could not be given back: " + e.getMessage(), e);
            }
        }
    }

    /** Collects a writer's settings. */
    public static final class Builder {
        private final DataSource dataSource;
        private TableNames tables = TableNames.DEFAULT;
        private @Nullable Dialect dialect;
        private int batchSize = DEFAULT_BATCH_SIZE;

        private Builder(DataSource dataSource) {
            this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        }

        /** The library's tables; default {@link TableNames#DEFAULT}. */
        public Builder tables(TableNames value) {
            this.tables = Objects.requireNonNull(value, "tables");
            return this;
        }

        /** The database's dialect; detected from the connection's metadata unless set. */
        public Builder dialect(Dialect value) {
            this.dialect = Objects.requireNonNull(value, "dialect");
            return this;
        }

        /**
         * Rows per round trip; default {@link #DEFAULT_BATCH_SIZE}.
         *
         * @throws IllegalArgumentException if not positive
         */
        public Builder batchSize(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("the batch size must be positive: " + value);
            }
            this.batchSize = value;
            return this;
        }

        public JdbcCallWriter build() {
            return new JdbcCallWriter(this);
        }
    }
}
