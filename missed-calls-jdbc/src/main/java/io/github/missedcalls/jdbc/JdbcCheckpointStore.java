package io.github.missedcalls.jdbc;

import io.github.missedcalls.ProjectSettings;
import io.github.missedcalls.ReportCheckpoint;
import io.github.missedcalls.StorageException;
import io.github.missedcalls.jdbc.dialect.Dialect;
import io.github.missedcalls.jdbc.internal.ColumnLimits;
import io.github.missedcalls.jdbc.internal.ConnectionLease;
import io.github.missedcalls.jdbc.internal.SqlDialect;
import io.github.missedcalls.jdbc.internal.SqlStates;
import io.github.missedcalls.spi.CheckpointStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps refreshes' checkpoints in the library's checkpoints table ({@link TableNames#checkpoints()},
 * see {@link JdbcSchema}): one row per project and key, the checkpoint's bytes
 * ({@link ReportCheckpoint#toBytes()}) and when they were saved.
 *
 * <ol>
 *   <li>A save replaces the row of its key: an update, else an insert; an insert that finds the
 *       key taken by a concurrent save updates instead, so the last save wins and none fails.
 *   <li>A row that cannot be read as a checkpoint (another library's bytes, a truncated value) is
 *       passed over with a warning: the refresh reads the whole window and saves a good one.
 * </ol>
 *
 * <p>A connection handed out with auto-commit off belongs to the caller's transaction. Thread-safe.
 */
public final class JdbcCheckpointStore implements CheckpointStore {

    private static final Logger log = LoggerFactory.getLogger(JdbcCheckpointStore.class);
    /** The checkpoint_key column's length. */
    private static final int KEY_LENGTH = 200;

    private final DataSource dataSource;
    private final TableNames tables;
    private final @Nullable Dialect chosenDialect;
    private final Clock clock;
    private volatile @Nullable Statements statements;

    /** A store in {@link TableNames#DEFAULT}'s checkpoints table, its dialect detected. */
    public JdbcCheckpointStore(DataSource dataSource) {
        this(dataSource, TableNames.DEFAULT, null, Clock.systemUTC());
    }

    /**
     * @param dialect the database's dialect, or {@code null} to detect it from the connection
     * @param clock what saved_at is read from
     */
    public JdbcCheckpointStore(DataSource dataSource, TableNames tables, @Nullable Dialect dialect, Clock clock) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.tables = Objects.requireNonNull(tables, "tables");
        this.chosenDialect = dialect;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException if the project is blank, or the key blank or longer than 200 characters
     */
    @Override
    public void save(String project, String key, ReportCheckpoint checkpoint) {
        Objects.requireNonNull(checkpoint, "checkpoint");
        checkKey(project, key);
        byte[] body = checkpoint.toBytes();
        try (ConnectionLease lease = ConnectionLease.open(dataSource, true)) {
            Statements sql = statements(lease.connection());
            if (!update(lease.connection(), sql, project, key, body)
                    && !insert(lease.connection(), sql, project, key, body)) {
                // A concurrent save inserted the key between our update and insert.
                update(lease.connection(), sql, project, key, body);
            }
            lease.commitIfOwned();
        } catch (SQLException e) {
            throw new StorageException(
                    "cannot save the checkpoint of project " + project + " under " + key + " in " + tables.checkpoints()
                            + ": " + e.getMessage(),
                    e);
        }
    }

    private boolean update(Connection connection, Statements sql, String project, String key, byte[] body)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(sql.update)) {
            sql.dialect.bindInstant(update, 1, SqlDialect.storable(clock.instant()));
            update.setBytes(2, body);
            update.setString(3, project);
            update.setString(4, key);
            return update.executeUpdate() == 1;
        }
    }

    private boolean insert(Connection connection, Statements sql, String project, String key, byte[] body)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(sql.insert)) {
            insert.setString(1, project);
            insert.setString(2, key);
            sql.dialect.bindInstant(insert, 3, SqlDialect.storable(clock.instant()));
            insert.setBytes(4, body);
            return insert.executeUpdate() == 1;
        } catch (SQLException e) {
            if (SqlStates.isIntegrityViolation(e)) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public Optional<ReportCheckpoint> load(String project, String key, ProjectSettings settings) {
        Objects.requireNonNull(settings, "settings");
        checkKey(project, key);
        byte[] body;
        try (ConnectionLease lease = ConnectionLease.open(dataSource, false)) {
            Statements sql = statements(lease.connection());
            try (PreparedStatement select = lease.connection().prepareStatement(sql.select)) {
                select.setString(1, project);
                select.setString(2, key);
                try (ResultSet rows = select.executeQuery()) {
                    if (!rows.next()) {
                        return Optional.empty();
                    }
                    body = rows.getBytes(1);
                }
            }
        } catch (SQLException e) {
            throw new StorageException(
                    "cannot read the checkpoint of project " + project + " under " + key + " from "
                            + tables.checkpoints() + ": " + e.getMessage(),
                    e);
        }
        if (body == null) {
            return Optional.empty();
        }
        try {
            return ReportCheckpoint.fromBytes(body, settings);
        } catch (IllegalArgumentException e) {
            log.warn(
                    "the checkpoint of {} under {} in {} cannot be read and is passed over: {}",
                    project,
                    key,
                    tables.checkpoints(),
                    e.getMessage());
            return Optional.empty();
        }
    }

    private static void checkKey(String project, String key) {
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(key, "key");
        ColumnLimits.checkProject(project);
        if (key.isBlank()) {
            throw new IllegalArgumentException("a checkpoint's key must not be blank");
        }
        ColumnLimits.check("the checkpoint's key", key, KEY_LENGTH);
    }

    private Statements statements(Connection connection) throws SQLException {
        Statements current = statements;
        if (current == null) {
            current = new Statements(SqlDialect.of(connection, chosenDialect), tables.checkpoints());
            statements = current;
        }
        return current;
    }

    /** The store's SQL on one database. */
    private static final class Statements {
        final SqlDialect dialect;
        final String update;
        final String insert;
        final String select;

        Statements(SqlDialect dialect, String checkpointsTable) {
            this.dialect = dialect;
            String table = dialect.name(checkpointsTable);
            String project = dialect.name("project");
            String key = dialect.name("checkpoint_key");
            String savedAt = dialect.name("saved_at");
            String body = dialect.name("body");
            String byKey = " WHERE " + project + " = ? AND " + key + " = ?";
            this.update = "UPDATE " + table + " SET " + savedAt + " = ?, " + body + " = ?" + byKey;
            this.insert = "INSERT INTO " + table + " (" + project + ", " + key + ", " + savedAt + ", " + body
                    + ") VALUES (?, ?, ?, ?)" + dialect.skipDuplicateSuffix();
            this.select = "SELECT " + body + " FROM " + table + byKey;
        }
    }
}
