package io.github.missedcalls.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.github.missedcalls.jdbc.dialect.Dialect;
import io.github.missedcalls.jdbc.internal.SqlDialect;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * The databases the tests run on. H2 always; PostgreSQL and MariaDB when their environment
 * variable gives a JDBC URL ({@code .ci/services.sh} sets both), skipped with a message that
 * says how to enable them otherwise.
 *
 * <p>Every pool's sessions run in a zone far from UTC, with daylight saving and a half-hour
 * offset, and the test JVM runs in another (the pom's {@code user.timezone}): a stored instant
 * must not move with either.
 */
enum TestDatabase {
    H2("H2", Dialect.H2, null, "jdbc:h2:mem:missed-calls-tests;DB_CLOSE_DELAY=-1", "SET TIME ZONE 'America/St_Johns'"),
    POSTGRESQL(
            "PostgreSQL",
            Dialect.POSTGRESQL,
            "MISSED_CALLS_POSTGRES_URL",
            "jdbc:postgresql://127.0.0.1:5432/test?user=postgres",
            "SET TIME ZONE 'America/St_Johns'"),
    MARIADB(
            "MariaDB",
            Dialect.MARIADB,
            "MISSED_CALLS_MARIADB_URL",
            "jdbc:mariadb://127.0.0.1:3306/test?user=root&password=&sslMode=disable",
            "SET time_zone = '-02:30'");

    private static final Map<TestDatabase, Boolean> SKIP_ANNOUNCED = new EnumMap<>(TestDatabase.class);

    private final String displayName;
    private final Dialect dialect;
    private final @Nullable String variable;
    private final String exampleUrl;
    private final String nonUtcSession;

    TestDatabase(
            String displayName, Dialect dialect, @Nullable String variable, String exampleUrl, String nonUtcSession) {
        this.displayName = displayName;
        this.dialect = dialect;
        this.variable = variable;
        this.exampleUrl = exampleUrl;
        this.nonUtcSession = nonUtcSession;
    }

    Dialect dialect() {
        return dialect;
    }

    String displayName() {
        return displayName;
    }

    /**
     * Whether the database can be had: always for H2, for a server when its variable is set. The
     * first time a server cannot be had, says once on the build's output how to enable it.
     */
    boolean isAvailable() {
        if (variable == null) {
            return true;
        }
        String url = System.getenv(variable);
        boolean available = url != null && !url.isBlank();
        synchronized (SKIP_ANNOUNCED) {
            if (!available && SKIP_ANNOUNCED.put(this, Boolean.TRUE) == null) {
                System.out.println("[missed-calls-jdbc] " + howToEnable());
            }
        }
        return available;
    }

    /** Skips the calling test, saying how to enable it, when the database cannot be had. */
    void assumeAvailable() {
        assumeTrue(isAvailable(), this::howToEnable);
    }

    private String howToEnable() {
        return displayName + " tests skipped: " + variable + " is not set. To run them against a server," + " export "
                + variable + "='" + exampleUrl + "' (or `source .ci/services.sh`, as .ci/run does).";
    }

    /** The URL the tests use; skips the calling test when there is none. */
    String url() {
        assumeAvailable();
        return variable == null ? exampleUrl : Objects.requireNonNull(System.getenv(variable));
    }

    /** A pool of its own, closed by the caller; {@code sessionSql} runs on each new connection. */
    HikariDataSource newPool(@Nullable String sessionSql, int size) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url());
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(0);
        config.setPoolName("test-" + name().toLowerCase(Locale.ROOT) + "-"
                + ThreadLocalRandom.current().nextInt(1000));
        if (sessionSql != null) {
            config.setConnectionInitSql(sessionSql);
        }
        return new HikariDataSource(config);
    }

    /** Fails when a connection of the pool is still borrowed: something was not closed. */
    static void assertNothingBorrowed(HikariDataSource pool) {
        assertThat(pool.getHikariPoolMXBean().getActiveConnections())
                .as("connections still borrowed")
                .isZero();
    }

    /** The type of a zone-less timestamp column with microseconds. */
    String wallTimeType() {
        return this == MARIADB ? "DATETIME(6)" : "TIMESTAMP(6)";
    }

    /** The SQL that puts a session in the zone far from UTC. */
    String nonUtcSessionSql() {
        return nonUtcSession;
    }

    /** Fresh table names for one test class: no two classes, and no two runs, share tables. */
    static TableNames freshTables(String purpose) {
        return TableNames.withPrefix("mct_" + purpose + "_"
                + Integer.toString(ThreadLocalRandom.current().nextInt(1 << 30), 36) + "_");
    }

    /** Runs statements in order on one connection. */
    static void execute(DataSource dataSource, String... statements) {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Drops tables if they exist, named as configured names are (folded and quoted). */
    static void dropTables(DataSource dataSource, String... tables) {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            SqlDialect sql = SqlDialect.of(connection, null);
            for (String table : tables) {
                statement.execute("DROP TABLE IF EXISTS " + sql.name(table));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static void dropTables(DataSource dataSource, TableNames tables) {
        dropTables(
                dataSource,
                tables.calls(),
                tables.handles(),
                tables.callHours(),
                tables.assignments(),
                tables.checkpoints());
    }
}
