package io.github.missedcalls.examples.demo;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.github.missedcalls.StorageException;
import io.github.missedcalls.jdbc.TableNames;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.Objects;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * Where the demo keeps its calls and handles: an embedded H2 database in a temporary folder,
 * removed when closed, or a database the user names by its JDBC URL (PostgreSQL, MariaDB/MySQL,
 * H2), reached through a HikariCP pool. Owns the pool: close it.
 */
public final class DemoDatabase implements AutoCloseable {

    private final HikariDataSource pool;
    private final String description;
    private final @Nullable Path temporaryFolder;

    private DemoDatabase(HikariDataSource pool, String description, @Nullable Path temporaryFolder) {
        this.pool = pool;
        this.description = description;
        this.temporaryFolder = temporaryFolder;
    }

    /**
     * An H2 database in a new temporary folder, deleted on {@link #close()}.
     *
     * @throws UncheckedIOException if the folder cannot be made
     * @throws StorageException if the database cannot be opened
     */
    public static DemoDatabase embedded() {
        Path folder;
        try {
            folder = Files.createTempDirectory("missed-calls-demo-db-");
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot make a temporary folder for the demo's database: " + e.getMessage(), e);
        }
        String url = "jdbc:h2:file:" + folder.resolve("demo").toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE";
        try {
            return new DemoDatabase(
                    pool(url, "sa", ""), "H2, embedded, in " + folder + " (removed at the end)", folder);
        } catch (RuntimeException e) {
            deleteQuietly(folder, e);
            throw e;
        }
    }

    /**
     * A database the user runs.
     *
     * @param user the user, or {@code null} when the URL carries it
     * @param password the password, or {@code null} when the URL carries it
     * @throws StorageException if the database cannot be reached
     */
    public static DemoDatabase at(String url, @Nullable String user, @Nullable String password) {
        Objects.requireNonNull(url, "url");
        HikariDataSource pool = pool(url, user, password);
        try (Connection connection = pool.getConnection()) {
            DatabaseMetaData metadata = connection.getMetaData();
            String product = metadata.getDatabaseProductName() + " " + metadata.getDatabaseProductVersion();
            return new DemoDatabase(pool, product + " at " + withoutPassword(url), null);
        } catch (SQLException e) {
            pool.close();
            throw new StorageException(
                    "cannot use the database at " + withoutPassword(url) + ": " + e.getMessage()
                            + advice(String.valueOf(e.getMessage())),
                    e);
        }
    }

    private static HikariDataSource pool(String url, @Nullable String user, @Nullable String password) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        if (user != null) {
            config.setUsername(user);
        }
        if (password != null) {
            config.setPassword(password);
        }
        config.setPoolName("missed-calls-demo");
        config.setMaximumPoolSize(2);
        // A mistyped URL should fail in seconds, not after HikariCP's default half minute.
        config.setConnectionTimeout(10_000);
        config.setInitializationFailTimeout(10_000);
        try {
            return new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new StorageException(
                    "cannot use the database at " + withoutPassword(url) + ": " + rootMessage(e)
                            + advice(rootMessage(e)),
                    e);
        }
    }

    /**
     * What to change for a failure a user meets on a default server: MariaDB's driver tries SSL
     * first and a server without it refuses, which reads like a broken server, not a URL to fix.
     */
    static String advice(String message) {
        if (message.contains("ssl not enabled in the server")) {
            return " (the server offers no SSL: add sslMode=disable to the URL, for example"
                    + " jdbc:mariadb://127.0.0.1:3306/test?user=root&password=&sslMode=disable)";
        }
        return "";
    }

    public DataSource dataSource() {
        return pool;
    }

    /** What the database is, for a person: product and version, or where the embedded one lives. */
    public String description() {
        return description;
    }

    /** Whether the database lives only as long as this object. */
    public boolean isEmbedded() {
        return temporaryFolder != null;
    }

    /**
     * Deletes a project's calls and handles from the library's tables with their default names, so
     * that the demo leaves a shared database as it found it.
     *
     * @throws StorageException if the database fails
     */
    public void removeProject(String project) {
        try (Connection connection = pool.getConnection()) {
            for (String table : new String[] {TableNames.DEFAULT.calls(), TableNames.DEFAULT.handles()}) {
                // Table names are the library's own constants, not user input.
                try (PreparedStatement delete =
                        connection.prepareStatement("DELETE FROM " + table + " WHERE project = ?")) {
                    delete.setString(1, project);
                    delete.executeUpdate();
                }
            }
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
        } catch (SQLException e) {
            throw new StorageException("cannot remove the demo's project " + project + ": " + e.getMessage(), e);
        }
    }

    /** Closes the pool and, for the embedded database, deletes its folder. */
    @Override
    public void close() {
        pool.close();
        Path folder = temporaryFolder;
        if (folder != null) {
            deleteQuietly(folder, null);
        }
    }

    private static void deleteQuietly(Path folder, @Nullable Exception failure) {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException | UncheckedIOException e) {
            if (failure != null) {
                failure.addSuppressed(e);
            }
        }
    }

    /** The URL as it may be shown: a password in its parameters replaced by stars. */
    static String withoutPassword(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getMessage();
        return message == null ? "no reason given" : message;
    }
}
