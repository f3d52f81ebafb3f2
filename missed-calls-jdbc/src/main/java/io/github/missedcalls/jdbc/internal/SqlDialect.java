package io.github.missedcalls.jdbc.internal;

import io.github.missedcalls.jdbc.dialect.Dialect;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What the SQL of one database needs: how names are quoted and folded, how the library's own
 * tables store instants, and the few statements that differ.
 */
public final class SqlDialect {

    /** How the database stores a name written without quotes; a quoted name must match it. */
    private enum Folding {
        UPPER,
        LOWER,
        NONE
    }

    private final Dialect dialect;
    private final Folding folding;

    private SqlDialect(Dialect dialect, Folding folding) {
        this.dialect = dialect;
        this.folding = folding;
    }

    /**
     * The dialect of a connection's database, or the one chosen, with the database's way of
     * folding unquoted names.
     *
     * @throws IllegalStateException if no dialect was chosen and the database is not supported
     */
    public static SqlDialect of(Connection connection, @Nullable Dialect chosen) throws SQLException {
        Dialect dialect = chosen != null ? chosen : Dialect.detect(connection);
        DatabaseMetaData metaData = connection.getMetaData();
        Folding folding;
        if (dialect == Dialect.MARIADB || dialect == Dialect.MYSQL) {
            // Quoting does not change how MariaDB and MySQL compare names: never fold.
            folding = Folding.NONE;
        } else if (metaData.storesUpperCaseIdentifiers()) {
            folding = Folding.UPPER;
        } else if (metaData.storesLowerCaseIdentifiers()) {
            folding = Folding.LOWER;
        } else {
            folding = Folding.NONE;
        }
        return new SqlDialect(dialect, folding);
    }

    /** For tests and for callers that know the database. */
    public static SqlDialect withoutFolding(Dialect dialect) {
        return new SqlDialect(Objects.requireNonNull(dialect, "dialect"), Folding.NONE);
    }

    public Dialect dialect() {
        return dialect;
    }

    /**
     * A checked name, possibly {@code schema.table}, quoted; folded first as the database folds
     * unquoted names, so a configured name means what it means in the user's own SQL.
     */
    public String name(String checkedName) {
        int dot = checkedName.indexOf('.');
        if (dot < 0) {
            return dialect.quote(fold(checkedName));
        }
        return dialect.quote(fold(checkedName.substring(0, dot))) + "."
                + dialect.quote(fold(checkedName.substring(dot + 1)));
    }

    private String fold(String name) {
        return switch (folding) {
            case UPPER -> name.toUpperCase(Locale.ROOT);
            case LOWER -> name.toLowerCase(Locale.ROOT);
            case NONE -> name;
        };
    }

    /** Whether a result set streams with a fetch size only inside a transaction (PostgreSQL's cursors). */
    public boolean streamsOnlyInTransaction() {
        return dialect == Dialect.POSTGRESQL;
    }

    /** Appended to an insert into a table with a unique key so that a duplicate is skipped, not an error. */
    public String skipDuplicateSuffix() {
        // PostgreSQL aborts the whole transaction at an error; the other databases only the statement.
        return dialect == Dialect.POSTGRESQL ? " ON CONFLICT DO NOTHING" : "";
    }

    /**
     * Adds to a count keyed by (project, hour_start), creating the row where absent: binds the
     * project, the hour and the number to add, in that order.
     */
    public String addToHourCount(String table) {
        String t = name(table);
        String project = name("project");
        String hour = name("hour_start");
        String calls = name("calls");
        return switch (dialect) {
            case POSTGRESQL ->
                "INSERT INTO " + t + " AS t (" + project + ", " + hour + ", " + calls
                        + ") VALUES (?, ?, ?) ON CONFLICT (" + project + ", " + hour + ") DO UPDATE SET " + calls
                        + " = t." + calls + " + EXCLUDED." + calls;
            case MARIADB, MYSQL ->
                "INSERT INTO " + t + " (" + project + ", " + hour + ", " + calls
                        + ") VALUES (?, ?, ?) ON DUPLICATE KEY UPDATE " + calls + " = " + calls + " + VALUES(" + calls
                        + ")";
            case H2 ->
                "MERGE INTO " + t + " t USING (VALUES (CAST(? AS VARCHAR(100)),"
                        + " CAST(? AS TIMESTAMP(6) WITH TIME ZONE), CAST(? AS BIGINT))) s(p, h, n) ON t." + project
                        + " = s.p AND t." + hour + " = s.h WHEN MATCHED THEN UPDATE SET " + calls + " = t." + calls
                        + " + s.n WHEN NOT MATCHED THEN INSERT (" + project + ", " + hour + ", " + calls
                        + ") VALUES (s.p, s.h, s.n)";
        };
    }

    /** Appended to a select so that it sees the newest committed row, whatever the isolation level. */
    public String lockingReadSuffix() {
        return switch (dialect) {
            case POSTGRESQL -> " FOR SHARE";
            case MARIADB, MYSQL -> " LOCK IN SHARE MODE";
            case H2 -> " FOR UPDATE";
        };
    }

    /** The precision of every instant the library stores: the finest all its databases keep. */
    public static Instant storable(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    /**
     * Binds an instant for a timestamp column of the library's own tables: a zoned timestamp in
     * UTC, or on MariaDB and MySQL the UTC wall time for a {@code DATETIME}. Never through
     * {@link java.sql.Timestamp}, whose conversions use the JVM's zone.
     */
    public void bindInstant(PreparedStatement statement, int index, @Nullable Instant instant) throws SQLException {
        if (instant == null) {
            statement.setNull(index, localUtc() ? Types.TIMESTAMP : Types.TIMESTAMP_WITH_TIMEZONE);
        } else if (localUtc()) {
            statement.setObject(index, LocalDateTime.ofInstant(storable(instant), ZoneOffset.UTC));
        } else {
            statement.setObject(index, OffsetDateTime.ofInstant(storable(instant), ZoneOffset.UTC));
        }
    }

    /** Reads an instant written by {@link #bindInstant}. */
    public @Nullable Instant readInstant(ResultSet resultSet, int index) throws SQLException {
        if (localUtc()) {
            LocalDateTime local = resultSet.getObject(index, LocalDateTime.class);
            return local == null ? null : local.toInstant(ZoneOffset.UTC);
        }
        OffsetDateTime zoned = resultSet.getObject(index, OffsetDateTime.class);
        return zoned == null ? null : zoned.toInstant();
    }

    private boolean localUtc() {
        return dialect == Dialect.MARIADB || dialect == Dialect.MYSQL;
    }
}
