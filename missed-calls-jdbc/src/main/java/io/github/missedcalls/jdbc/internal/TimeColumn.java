package io.github.missedcalls.jdbc.internal;

import io.github.missedcalls.jdbc.dialect.Dialect;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * How one time column of a user's table holds instants, as its declared type says, so that
 * values are read and bound without the JVM's or the session's zone.
 */
public enum TimeColumn {
    /** A zoned type ({@code timestamptz}, {@code TIMESTAMP WITH TIME ZONE}): an instant. */
    ZONED,
    /** A zone-less type ({@code timestamp}, {@code DATETIME}): a wall time in the mapping's zone. */
    LOCAL,
    /**
     * A MariaDB or MySQL {@code TIMESTAMP}: an instant the server converts to the session's
     * {@code time_zone}, read and bound with the session set to UTC.
     */
    SESSION_UTC;

    /**
     * The kind of a result set's column.
     *
     * @throws IllegalStateException if the column is not a timestamp
     */
    public static TimeColumn of(ResultSetMetaData metaData, int index, Dialect dialect, String table)
            throws SQLException {
        int type = metaData.getColumnType(index);
        String typeName = String.valueOf(metaData.getColumnTypeName(index)).toLowerCase(Locale.ROOT);
        if (type == Types.TIMESTAMP_WITH_TIMEZONE
                || typeName.equals("timestamptz")
                || typeName.equals("timestamp with time zone")) {
            return ZONED;
        }
        if ((dialect == Dialect.MARIADB || dialect == Dialect.MYSQL) && typeName.equals("timestamp")) {
            return SESSION_UTC;
        }
        if (type == Types.TIMESTAMP) {
            return LOCAL;
        }
        throw new IllegalStateException("column " + metaData.getColumnName(index) + " of " + table + " is "
                + metaData.getColumnTypeName(index) + "; missed-calls reads times from timestamp columns, with or"
                + " without a time zone");
    }

    /** Reads an instant; a zone-less value is read in {@code zone} (the earlier offset where a wall time occurs twice). */
    public @Nullable Instant read(ResultSet resultSet, int index, ZoneId zone) throws SQLException {
        if (this == ZONED) {
            // A zoned value is an instant: java.sql.Timestamp carries it without any zone, and costs
            // less to make than an OffsetDateTime (whose UTC offset builds its zone rules every time).
            Timestamp zoned = resultSet.getTimestamp(index);
            return zoned == null ? null : zoned.toInstant();
        }
        LocalDateTime local = resultSet.getObject(index, LocalDateTime.class);
        return local == null ? null : atZone(local, zone);
    }

    /** The instant of a zone-less value read from this column: a wall time in {@code zone}, or in UTC. */
    public Instant atZone(LocalDateTime local, ZoneId zone) {
        return this == SESSION_UTC || this == ZONED
                ? local.toInstant(ZoneOffset.UTC)
                : ZonedDateTime.of(local, zone).toInstant();
    }

    /** Binds a value this column compares with: an instant, or its wall time in {@code zone}. */
    public void bind(PreparedStatement statement, int index, LocalDateTime localValue, Instant instant)
            throws SQLException {
        if (this == ZONED) {
            statement.setObject(index, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
        } else {
            statement.setObject(index, localValue);
        }
    }
}
