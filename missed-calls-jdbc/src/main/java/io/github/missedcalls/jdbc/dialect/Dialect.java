package io.github.missedcalls.jdbc.dialect;

import io.github.missedcalls.StorageException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * A database missed-calls supports. Each has its DDL resource, its identifier quoting and its
 * way of storing instants in UTC.
 *
 * <p>Detected from {@link DatabaseMetaData#getDatabaseProductName()}; every JDBC class of the
 * module also takes a dialect explicitly, for a driver or proxy that reports another name.
 */
public enum Dialect {
    /** PostgreSQL 12 or later: {@code timestamptz} columns, {@code "double quotes"}. */
    POSTGRESQL("postgresql.sql"),
    /** MariaDB 10.5 or later: {@code DATETIME(6)} columns holding UTC, {@code `backticks`}. */
    MARIADB("mariadb.sql"),
    /**
     * MySQL 8.0 or later: as {@link #MARIADB}, with MySQL's binary no-pad collation. Read through
     * MySQL Connector/J, a streamed read needs {@code useCursorFetch=true} in the URL.
     */
    MYSQL("mysql.sql"),
    /** H2 2.x: {@code TIMESTAMP WITH TIME ZONE} columns, {@code "double quotes"}. */
    H2("h2.sql");

    private static final String SCHEMA_DIRECTORY = "io/github/missedcalls/jdbc/schema/";

    private final String ddlFile;

    Dialect(String ddlFile) {
        this.ddlFile = ddlFile;
    }

    /**
     * The class-path resource holding this database's DDL for the library's tables, with their
     * default names, e.g. {@code io/github/missedcalls/jdbc/schema/postgresql.sql}.
     */
    public String ddlResource() {
        return SCHEMA_DIRECTORY + ddlFile;
    }

    /**
     * Quotes an identifier that has already been checked to be plain (letters, digits, {@code _}).
     *
     * @throws IllegalArgumentException if the identifier holds a quote character of this database
     */
    public String quote(String identifier) {
        Objects.requireNonNull(identifier, "identifier");
        String quote = this == MARIADB || this == MYSQL ? "`" : "\"";
        if (identifier.contains(quote)) {
            throw new IllegalArgumentException("an identifier must not contain " + quote + ": " + identifier);
        }
        return quote + identifier + quote;
    }

    /** The dialect of a database product name as JDBC reports it; empty when none fits. */
    public static Optional<Dialect> fromProductName(String productName) {
        String name = productName.toLowerCase(Locale.ROOT);
        if (name.contains("postgresql")) {
            return Optional.of(POSTGRESQL);
        }
        if (name.contains("mariadb")) {
            return Optional.of(MARIADB);
        }
        if (name.contains("mysql")) {
            return Optional.of(MYSQL);
        }
        if (name.equals("h2")) {
            return Optional.of(H2);
        }
        return Optional.empty();
    }

    /**
     * The dialect of the database behind a connection.
     *
     * @throws IllegalStateException if the database is none of the supported ones
     * @throws SQLException if the metadata cannot be read
     */
    public static Dialect detect(Connection connection) throws SQLException {
        DatabaseMetaData metaData = connection.getMetaData();
        String product = metaData.getDatabaseProductName();
        if (product.toLowerCase(Locale.ROOT).contains("mysql")) {
            // MariaDB's own driver says MariaDB; MySQL Connector/J says MySQL for both servers.
            String version = metaData.getDatabaseProductVersion();
            if (version != null && version.toLowerCase(Locale.ROOT).contains("mariadb")) {
                return MARIADB;
            }
        }
        return fromProductName(product)
                .orElseThrow(() -> new IllegalStateException(
                        "missed-calls supports PostgreSQL, MariaDB, MySQL and H2; this database says it is "
                                + product));
    }

    /**
     * The dialect of the database behind a data source; borrows one connection.
     *
     * @throws IllegalStateException if the database is none of the supported ones
     * @throws StorageException if no connection can be had or its metadata cannot be read
     */
    public static Dialect detect(DataSource dataSource) {
        Objects.requireNonNull(dataSource, "dataSource");
        try (Connection connection = dataSource.getConnection()) {
            return detect(connection);
        } catch (SQLException e) {
            throw new StorageException(
                    "cannot read the database's metadata to choose its dialect: " + e.getMessage(), e);
        }
    }
}
