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
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
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
    private static final Pattern DEFAULT_NAME = Pattern.compile("\\bmissed_calls_(calls|handles)(_[a-z]+)?\\b");

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
        try (ConnectionLease lease = ConnectionLease.open(dataSource, false)) {
            SqlDialect sql = SqlDialect.of(lease.connection(), dialect);
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
            String name = suffix == null ? sql.name(table) : sql.name(Identifiers.unqualified(table) + suffix);
            names.appendReplacement(renamed, Matcher.quoteReplacement(name));
        }
        names.appendTail(renamed);
        return renamed.toString();
    }
}
