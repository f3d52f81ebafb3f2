package io.github.missedcalls.jdbc;

import io.github.missedcalls.StorageException;
import io.github.missedcalls.jdbc.dialect.Dialect;
import io.github.missedcalls.jdbc.internal.ConnectionLease;
import io.github.missedcalls.jdbc.internal.Identifiers;
import io.github.missedcalls.jdbc.internal.SqlDialect;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the library's tables: runs the DDL shipped for the database
 * ({@link Dialect#ddlResource()}), which creates only what is absent. Nothing here runs on its
 * own: call it once at start-up, from a migration, or run the DDL file with your own tool.
 */
public final class JdbcSchema {

    private static final Logger log = LoggerFactory.getLogger(JdbcSchema.class);

    /** Every name the shipped DDL uses: a table, or a table followed by an index's suffix. */
    private static final Pattern DEFAULT_NAME = Pattern.compile("\\bmissed_calls_(calls|handles)((?:_[a-z]+)*)\\b");

    private JdbcSchema() {}

    /**
     * Creates the tables with their default names ({@link TableNames#DEFAULT}) where absent.
     *
     * @throws StorageException if the DDL fails
     * @throws IllegalStateException if the database is not supported
     */
    public static void create(DataSource dataSource) {
        create(dataSource, TableNames.DEFAULT, null);
    }

    /**
     * Creates the tables with the given names where absent.
     *
     * @throws StorageException if the DDL fails
     * @throws IllegalStateException if the database is not supported
     */
    public static void create(DataSource dataSource, TableNames tables) {
        create(dataSource, tables, null);
    }

    /**
     * Creates the tables with the given names where absent, in the given dialect, or in the
     * detected one when {@code dialect} is {@code null}.
     *
     * @throws StorageException if the DDL fails
     * @throws IllegalStateException if no dialect is given and the database is not supported
     */
    public static void create(DataSource dataSource, TableNames tables, @Nullable Dialect dialect) {
        Objects.requireNonNull(dataSource, "dataSource");
        Objects.requireNonNull(tables, "tables");
        boolean countHours;
        try (ConnectionLease lease = ConnectionLease.open(dataSource, false)) {
            SqlDialect sql = SqlDialect.of(lease.connection(), dialect);
            // Tables created before the hour counts existed get them counted once, from their calls.
            countHours = lease.connection().getAutoCommit() && !exists(lease.connection(), sql, tables.callHours());
            try (Statement statement = lease.connection().createStatement()) {
                for (String ddl : statements(sql, tables)) {
                    statement.execute(ddl);
                }
            }
            log.info(
                    "missed-calls tables {} and {} are in place ({})", tables.calls(), tables.handles(), sql.dialect());
        } catch (SQLException e) {
            throw new StorageException(
                    "cannot create the missed-calls tables " + tables.calls() + " and " + tables.handles() + ": "
                            + e.getMessage(),
                    e);
        }
        if (countHours) {
            recountCalls(dataSource, tables);
        }
    }

    private static boolean exists(Connection connection, SqlDialect sql, String table) {
        try (Statement statement = connection.createStatement();
                ResultSet probe = statement.executeQuery("SELECT 1 FROM " + sql.name(table) + " WHERE 1 = 0")) {
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    /**
     * Counts the calls of the library's table per hour of their start again, for every project,
     * replacing the counts {@link JdbcCallWriter} keeps ({@link TableNames#callHours()}): after
     * calls were written or deleted with SQL of one's own, so that a refresh from a checkpoint
     * checks against the table as it is. {@link #create} runs it when it creates the counts'
     * table beside a calls table that has rows. Run it while no writer writes.
     *
     * @throws StorageException if the tables cannot be read or written
     */
    public static void recountCalls(DataSource dataSource, TableNames tables) {
        Objects.requireNonNull(dataSource, "dataSource");
        Objects.requireNonNull(tables, "tables");
        try (ConnectionLease lease = ConnectionLease.open(dataSource, true)) {
            Connection connection = lease.connection();
            SqlDialect sql = SqlDialect.of(connection, null);
            Map<String, TreeMap<Instant, Long>> counts = new TreeMap<>();
            try (Statement select = connection.createStatement()) {
                select.setFetchSize(10_000);
                try (ResultSet rows = select.executeQuery("SELECT " + sql.name("project") + ", "
                        + sql.name("started_at") + " FROM " + sql.name(tables.calls()))) {
                    while (rows.next()) {
                        Instant start = Objects.requireNonNull(sql.readInstant(rows, 2));
                        counts.computeIfAbsent(rows.getString(1), p -> new TreeMap<>())
                                .merge(start.truncatedTo(ChronoUnit.HOURS), 1L, Long::sum);
                    }
                }
                select.executeUpdate("DELETE FROM " + sql.name(tables.callHours()));
            }
            try (PreparedStatement insert = connection.prepareStatement(sql.addToHourCount(tables.callHours()))) {
                for (Map.Entry<String, TreeMap<Instant, Long>> project : counts.entrySet()) {
                    for (Map.Entry<Instant, Long> hour : project.getValue().entrySet()) {
                        insert.setString(1, project.getKey());
                        sql.bindInstant(insert, 2, hour.getKey());
                        insert.setLong(3, hour.getValue());
                        insert.addBatch();
                    }
                }
                insert.executeBatch();
            }
            lease.commitIfOwned();
        } catch (SQLException e) {
            throw new StorageException(
                    "cannot count the calls of " + tables.calls() + " per hour: " + e.getMessage(), e);
        }
    }

    /** The shipped DDL of a dialect, as written (with the default names). */
    public static String ddl(Dialect dialect) {
        Objects.requireNonNull(dialect, "dialect");
        // Through the class, not its loader: on the module path a loader sees no resource of a
        // package the module does not open.
        try (InputStream in = JdbcSchema.class.getResourceAsStream("/" + dialect.ddlResource())) {
            if (in == null) {
                throw new IllegalStateException(
                        "the DDL resource " + dialect.ddlResource() + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dialect.ddlResource(), e);
        }
    }

    /** The DDL's statements, comments dropped and every default name replaced by the configured one. */
    static List<String> statements(SqlDialect sql, TableNames tables) {
        StringBuilder text = new StringBuilder();
        for (String line : ddl(sql.dialect()).split("\n")) {
            if (!line.strip().startsWith("--")) {
                text.append(line).append('\n');
            }
        }
        List<String> statements = new ArrayList<>();
        for (String statement : text.toString().split(";\\s*\n")) {
            if (!statement.isBlank()) {
                statements.add(rename(sql, tables, statement.strip()));
            }
        }
        return statements;
    }

    private static String rename(SqlDialect sql, TableNames tables, String statement) {
        Matcher names = DEFAULT_NAME.matcher(statement);
        StringBuilder renamed = new StringBuilder();
        while (names.find()) {
            String table = names.group(1).equals("calls") ? tables.calls() : tables.handles();
            String suffix = names.group(2);
            String name;
            if (suffix.isEmpty()) {
                name = sql.name(table);
            } else if (suffix.equals(TableNames.HOURS_SUFFIX)
                    || suffix.equals(TableNames.ASSIGNMENTS_SUFFIX)
                    || suffix.equals(TableNames.CHECKPOINTS_SUFFIX)) {
                // A table of its own, in its main table's schema; other suffixes name indexes and constraints.
                name = sql.name(table + suffix);
            } else {
                name = sql.name(Identifiers.unqualified(table) + suffix);
            }
            names.appendReplacement(renamed, Matcher.quoteReplacement(name));
        }
        names.appendTail(renamed);
        return renamed.toString();
    }
}
