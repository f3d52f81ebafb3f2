package io.github.missedcalls.jdbc;

import io.github.missedcalls.Assignment;
import io.github.missedcalls.AssignmentConflictException;
import io.github.missedcalls.Handle;
import io.github.missedcalls.HandleConflictException;
import io.github.missedcalls.HandleReason;
import io.github.missedcalls.StorageException;
import io.github.missedcalls.jdbc.dialect.Dialect;
import io.github.missedcalls.jdbc.internal.ColumnLimits;
import io.github.missedcalls.jdbc.internal.ConnectionLease;
import io.github.missedcalls.jdbc.internal.SqlDialect;
import io.github.missedcalls.jdbc.internal.SqlStates;
import io.github.missedcalls.spi.HandleStore;
import io.github.missedcalls.spi.SaveOutcome;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps manual handles (R11) in the library's handles table (see {@link JdbcSchema}).
 *
 * <ol>
 *   <li>A handle's key is its project, client, instant and actor (the table's primary key).
 *       Saving a handle whose key is stored with the same values stores nothing and says
 *       {@link SaveOutcome#ALREADY_STORED}; with other values it is refused with
 *       {@link HandleConflictException}. This holds under concurrent saves from several
 *       threads or application instances: the database's unique key decides, and a duplicate
 *       is recognized by SQLState class {@code 23}, never by a vendor's error code.
 *   <li>A save is one statement: it is stored whole or not at all, and saving it again after
 *       a failure stores it once.
 *   <li>Every read and write names its project: nothing of one project is read or changed
 *       through another.
 *   <li>Instants are stored in UTC to the microsecond; finer parts are dropped on save.
 * </ol>
 *
 * <p>A connection handed out with auto-commit off belongs to the caller's transaction: the
 * save joins it and is never committed or rolled back here. Thread-safe.
 */
public final class JdbcHandleStore implements HandleStore {

    private static final Logger log = LoggerFactory.getLogger(JdbcHandleStore.class);

    private static final String COLUMNS = "client, handled_at, actor, covers_until, reason, note";
    private static final String ASSIGNMENT_COLUMNS = "client, assigned_at, actor, assignee, note";

    private final DataSource dataSource;
    private final TableNames tables;
    private final @Nullable Dialect chosenDialect;
    private volatile @Nullable Statements statements;
    private final AtomicBoolean toldAssignmentsMissing = new AtomicBoolean();

    /** A store in {@link TableNames#DEFAULT}'s handles table, its dialect detected. */
    public JdbcHandleStore(DataSource dataSource) {
        this(builder(dataSource));
    }

    private JdbcHandleStore(Builder builder) {
        this.dataSource = builder.dataSource;
        this.tables = builder.tables;
        this.chosenDialect = builder.dialect;
    }

    /** Starts a store's configuration. */
    public static Builder builder(DataSource dataSource) {
        return new Builder(dataSource);
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException if the project is blank, or a value is longer than its column
     * @throws HandleConflictException if a handle with the same key and other values is stored
     * @throws StorageException if the database fails; nothing is half-written
     */
    @Override
    public SaveOutcome save(String project, Handle handle) {
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(handle, "handle");
        ColumnLimits.checkProject(project);
        ColumnLimits.check("the handle's client", handle.client(), ColumnLimits.CLIENT);
        ColumnLimits.check("the handle's actor", handle.actor(), ColumnLimits.ACTOR);
        Handle storable = new Handle(
                handle.client(),
                SqlDialect.storable(handle.handledAt()),
                SqlDialect.storable(handle.coversUntil()),
                handle.reason(),
                handle.note(),
                handle.actor());
        try (ConnectionLease lease = ConnectionLease.open(dataSource, false)) {
            Statements sql = statements(lease.connection());
            if (insert(lease.connection(), sql, project, storable)) {
                return SaveOutcome.STORED;
            }
            Handle stored = find(lease.connection(), sql, project, storable)
                    .orElseThrow(() -> new StorageException("the handle by " + handle.actor() + " for "
                            + handle.client() + " was neither stored nor found in " + tables.handles()));
            if (stored.equals(storable)) {
                return SaveOutcome.ALREADY_STORED;
            }
            throw new HandleConflictException(stored, handle);
        } catch (SQLException e) {
            throw new StorageException(
                    "cannot save a handle of project " + project + " in " + tables.handles() + ": " + e.getMessage(),
                    e);
        }
    }

    /** Inserts the handle; false when its key is already stored. */
    private boolean insert(Connection connection, Statements sql, String project, Handle handle) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(sql.insert)) {
            insert.setString(1, project);
            bindKey(insert, 2, sql.dialect, handle);
            sql.dialect.bindInstant(insert, 5, handle.coversUntil());
            insert.setString(6, handle.reason().token());
            insert.setString(7, handle.note());
            return insert.executeUpdate() == 1;
        } catch (SQLException e) {
            if (SqlStates.isIntegrityViolation(e)) {
                return false;
            }
            throw e;
        }
    }

    private Optional<Handle> find(Connection connection, Statements sql, String project, Handle key)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql.findByKey)) {
            select.setString(1, project);
            bindKey(select, 2, sql.dialect, key);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(read(rows, sql.dialect, new HashMap<>())) : Optional.empty();
            }
        }
    }

    private static void bindKey(PreparedStatement statement, int first, SqlDialect dialect, Handle handle)
            throws SQLException {
        statement.setString(first, handle.client());
        dialect.bindInstant(statement, first + 1, handle.handledAt());
        statement.setString(first + 2, handle.actor());
    }

    /**
     * {@inheritDoc}
     *
     * <p>Ordered by instant, then actor, then client.
     *
     * @throws StorageException if the database fails, or a stored row is not a valid handle
     *     (a reason word the library does not know, a blank note for {@code other})
     */
    @Override
    public List<Handle> handles(String project, Instant handledFrom, Instant handledUntil) {
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(handledFrom, "handledFrom");
        Objects.requireNonNull(handledUntil, "handledUntil");
        try (ConnectionLease lease = ConnectionLease.open(dataSource, false)) {
            Statements sql = statements(lease.connection());
            try (PreparedStatement select = lease.connection().prepareStatement(sql.inRange)) {
                select.setString(1, project);
                sql.dialect.bindInstant(select, 2, handledFrom);
                sql.dialect.bindInstant(select, 3, handledUntil);
                List<Handle> handles = new ArrayList<>();
                // A month of a large project holds a few hundred thousand handles by a few dozen people.
                Map<String, String> actors = new HashMap<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        handles.add(read(rows, sql.dialect, actors));
                    }
                }
                return handles;
            }
        } catch (SQLException e) {
            throw new StorageException(
                    "cannot read the handles of project " + project + " from " + tables.handles() + ": "
                            + e.getMessage(),
                    e);
        }
    }

    /**
     * {@inheritDoc}
     *
     * <p>One {@code COUNT(*)} that the index on (project, handled_at) answers.
     */
    @Override
    public OptionalLong countHandles(String project, Instant handledFrom, Instant handledBefore) {
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(handledFrom, "handledFrom");
        Objects.requireNonNull(handledBefore, "handledBefore");
        try (ConnectionLease lease = ConnectionLease.open(dataSource, false)) {
            Statements sql = statements(lease.connection());
            try (PreparedStatement count = lease.connection().prepareStatement(sql.countBefore)) {
                count.setString(1, project);
                sql.dialect.bindInstant(count, 2, handledFrom);
                sql.dialect.bindInstant(count, 3, handledBefore);
                try (ResultSet rows = count.executeQuery()) {
                    rows.next();
                    return OptionalLong.of(rows.getLong(1));
                }
            }
        } catch (SQLException e) {
            throw new StorageException(
                    "cannot count the handles of project " + project + " in " + tables.handles() + ": "
                            + e.getMessage(),
                    e);
        }
    }

    /**
     * {@inheritDoc}
     *
     * <p>In the handles table's neighbour {@link TableNames#assignments()}, with the rules of
     * {@link #save}: one statement, the database's unique key decides between concurrent saves.
     *
     * @throws IllegalArgumentException if the project is blank, or a value is longer than its column
     * @throws AssignmentConflictException if an assignment with the same key and other values is stored
     * @throws StorageException if the database fails; nothing is half-written
     */
    @Override
    public SaveOutcome assign(String project, Assignment assignment) {
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(assignment, "assignment");
        ColumnLimits.checkProject(project);
        ColumnLimits.check("the assignment's client", assignment.client(), ColumnLimits.CLIENT);
        ColumnLimits.check("the assignment's actor", assignment.actor(), ColumnLimits.ACTOR);
        ColumnLimits.check("the assignment's owner", assignment.owner(), ColumnLimits.ACTOR);
        Assignment storable = new Assignment(
                assignment.client(),
                SqlDialect.storable(assignment.assignedAt()),
                assignment.owner(),
                assignment.actor(),
                assignment.note());
        try (ConnectionLease lease = ConnectionLease.open(dataSource, false)) {
            Statements sql = statements(lease.connection());
            if (insertAssignment(lease.connection(), sql, project, storable)) {
                return SaveOutcome.STORED;
            }
            Assignment stored = findAssignment(lease.connection(), sql, project, storable)
                    .orElseThrow(() -> new StorageException("the assignment by " + assignment.actor() + " for "
                            + assignment.client() + " was neither stored nor found in " + tables.assignments()));
            if (stored.equals(storable)) {
                return SaveOutcome.ALREADY_STORED;
            }
            throw new AssignmentConflictException(stored, assignment);
        } catch (SQLException e) {
            throw new StorageException(
                    "cannot save an assignment of project " + project + " in " + tables.assignments() + ": "
                            + e.getMessage(),
                    e);
        }
    }

    private boolean insertAssignment(Connection connection, Statements sql, String project, Assignment assignment)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(sql.insertAssignment)) {
            insert.setString(1, project);
            bindKey(insert, 2, sql.dialect, assignment);
            insert.setString(5, assignment.owner());
            insert.setString(6, assignment.note());
            return insert.executeUpdate() == 1;
        } catch (SQLException e) {
            if (SqlStates.isIntegrityViolation(e)) {
                return false;
            }
            throw e;
        }
    }

    private Optional<Assignment> findAssignment(Connection connection, Statements sql, String project, Assignment key)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql.findAssignment)) {
            select.setString(1, project);
            bindKey(select, 2, sql.dialect, key);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(readAssignment(rows, sql.dialect)) : Optional.empty();
            }
        }
    }

    private static void bindKey(PreparedStatement statement, int first, SqlDialect dialect, Assignment assignment)
            throws SQLException {
        statement.setString(first, assignment.client());
        dialect.bindInstant(statement, first + 1, assignment.assignedAt());
        statement.setString(first + 2, assignment.actor());
    }

    /**
     * {@inheritDoc}
     *
     * <p>Ordered by instant, then actor, then client.
     *
     * @throws StorageException if the database fails, or a stored row is not a valid assignment
     */
    @Override
    public List<Assignment> assignments(String project, Instant assignedFrom, Instant assignedUntil) {
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(assignedFrom, "assignedFrom");
        Objects.requireNonNull(assignedUntil, "assignedUntil");
        try (ConnectionLease lease = ConnectionLease.open(dataSource, false)) {
            Statements sql = statements(lease.connection());
            try (PreparedStatement select = lease.connection().prepareStatement(sql.assignmentsInRange)) {
                select.setString(1, project);
                sql.dialect.bindInstant(select, 2, assignedFrom);
                sql.dialect.bindInstant(select, 3, assignedUntil);
                List<Assignment> assignments = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        assignments.add(readAssignment(rows, sql.dialect));
                    }
                }
                return assignments;
            }
        } catch (SQLException e) {
            if (SqlStates.isUndefinedTable(e)) {
                // Tables made by hand before assignments existed: reports go on, with no one assigned.
                if (toldAssignmentsMissing.compareAndSet(false, true)) {
                    log.warn(
                            "the assignments table {} does not exist: reports name no assigned owners until it is"
                                    + " created (JdbcSchema.create, or the DDL in docs/jdbc.md)",
                            tables.assignments());
                }
                return List.of();
            }
            throw new StorageException(
                    "cannot read the assignments of project " + project + " from " + tables.assignments() + ": "
                            + e.getMessage(),
                    e);
        }
    }

    private Assignment readAssignment(ResultSet row, SqlDialect dialect) throws SQLException {
        String client = row.getString(1);
        Instant assignedAt = dialect.readInstant(row, 2);
        String actor = row.getString(3);
        String owner = row.getString(4);
        if (client == null || assignedAt == null || actor == null || owner == null) {
            throw new StorageException("a row of " + tables.assignments() + " lacks a value its schema requires");
        }
        try {
            return new Assignment(client, assignedAt, owner, actor, row.getString(5));
        } catch (IllegalArgumentException e) {
            throw new StorageException(
                    "a row of " + tables.assignments() + " is not a valid assignment: " + e.getMessage(), e);
        }
    }

    /** Reads a row; {@code actors} gives one instance per actor across the rows of a read. */
    private Handle read(ResultSet row, SqlDialect dialect, Map<String, String> actors) throws SQLException {
        String client = row.getString(1);
        Instant handledAt = dialect.readInstant(row, 2);
        String actor = row.getString(3);
        if (actor != null) {
            actor = actors.computeIfAbsent(actor, Function.identity());
        }
        Instant coversUntil = dialect.readInstant(row, 4);
        String reasonWord = row.getString(5);
        if (client == null || handledAt == null || actor == null || coversUntil == null || reasonWord == null) {
            throw new StorageException("a row of " + tables.handles() + " lacks a value its schema requires");
        }
        HandleReason reason = HandleReason.fromToken(reasonWord)
                .orElseThrow(() -> new StorageException(
                        "a row of " + tables.handles() + " has the unknown reason '" + reasonWord + "'"));
        try {
            return new Handle(client, handledAt, coversUntil, reason, row.getString(6), actor);
        } catch (IllegalArgumentException e) {
            throw new StorageException("a row of " + tables.handles() + " is not a valid handle: " + e.getMessage(), e);
        }
    }

    private Statements statements(Connection connection) throws SQLException {
        Statements current = statements;
        if (current == null) {
            current = new Statements(SqlDialect.of(connection, chosenDialect), tables);
            statements = current;
        }
        return current;
    }

    /** The store's SQL on one database. */
    private static final class Statements {
        final SqlDialect dialect;
        final String insert;
        final String findByKey;
        final String inRange;
        final String countBefore;
        final String insertAssignment;
        final String findAssignment;
        final String assignmentsInRange;

        Statements(SqlDialect dialect, TableNames tables) {
            this.dialect = dialect;
            String table = dialect.name(tables.handles());
            String columns = names(dialect, COLUMNS);
            String project = dialect.name("project");
            this.insert = "INSERT INTO " + table + " (" + project + ", " + columns + ") VALUES (?, ?, ?, ?, ?, ?, ?)"
                    + dialect.skipDuplicateSuffix();
            this.findByKey = "SELECT " + columns + " FROM " + table + " WHERE " + project + " = ? AND "
                    + dialect.name("client") + " = ? AND " + dialect.name("handled_at") + " = ? AND "
                    + dialect.name("actor")
                    + " = ?" + dialect.lockingReadSuffix();
            this.inRange = "SELECT " + columns + " FROM " + table + " WHERE " + project + " = ? AND "
                    + dialect.name("handled_at") + " >= ? AND " + dialect.name("handled_at") + " <= ? ORDER BY "
                    + dialect.name("handled_at") + ", " + dialect.name("actor") + ", " + dialect.name("client");
            this.countBefore = "SELECT COUNT(*) FROM " + table + " WHERE " + project + " = ? AND "
                    + dialect.name("handled_at") + " >= ? AND " + dialect.name("handled_at") + " < ?";
            String assignments = dialect.name(tables.assignments());
            String assignmentColumns = names(dialect, ASSIGNMENT_COLUMNS);
            this.insertAssignment = "INSERT INTO " + assignments + " (" + project + ", " + assignmentColumns
                    + ") VALUES (?, ?, ?, ?, ?, ?)" + dialect.skipDuplicateSuffix();
            this.findAssignment = "SELECT " + assignmentColumns + " FROM " + assignments + " WHERE " + project
                    + " = ? AND " + dialect.name("client") + " = ? AND " + dialect.name("assigned_at") + " = ? AND "
                    + dialect.name("actor") + " = ?" + dialect.lockingReadSuffix();
            this.assignmentsInRange = "SELECT " + assignmentColumns + " FROM " + assignments + " WHERE " + project
                    + " = ? AND " + dialect.name("assigned_at") + " >= ? AND " + dialect.name("assigned_at")
                    + " <= ? ORDER BY " + dialect.name("assigned_at") + ", " + dialect.name("actor") + ", "
                    + dialect.name("client");
        }

        private static String names(SqlDialect dialect, String columns) {
            StringBuilder quoted = new StringBuilder();
            for (String column : columns.split(", ")) {
                quoted.append(quoted.length() == 0 ? "" : ", ").append(dialect.name(column));
            }
            return quoted.toString();
        }
    }

    /** Collects a store's settings. */
    public static final class Builder {
        private final DataSource dataSource;
        private TableNames tables = TableNames.DEFAULT;
        private @Nullable Dialect dialect;

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

        public JdbcHandleStore build() {
            return new JdbcHandleStore(this);
        }
    }
}
