package io.github.missedcalls.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What one test class works in on one database: a pool of its own, its sessions far from UTC,
 * and the library's tables under fresh names, dropped at the end with any table the class made.
 * A kit's field holds one, registered with {@code closeAfterAll}; it opens at its first use.
 */
final class DatabaseFixture implements AutoCloseable {

    private final TestDatabase database;
    private final TableNames tables;
    private final int connections;
    private final List<String> otherTables = new ArrayList<>();
    private @Nullable HikariDataSource pool;

    DatabaseFixture(TestDatabase database, String purpose, int connections) {
        this.database = database;
        this.tables = TestDatabase.freshTables(purpose);
        this.connections = connections;
    }

    /** Opens the pool and creates the tables; false, doing nothing, when the database cannot be had. */
    boolean open() {
        if (!database.isAvailable()) {
            return false;
        }
        HikariDataSource own = database.newPool(database.nonUtcSessionSql(), connections);
        pool = own;
        JdbcSchema.create(own, tables);
        return true;
    }

    /** The pool, opened with the tables at the first call; skips the test when the database cannot be had. */
    HikariDataSource pool() {
        if (pool == null) {
            database.assumeAvailable();
            open();
        }
        return Objects.requireNonNull(pool, "the fixture is not open");
    }

    TableNames tables() {
        return tables;
    }

    /** A table of the test's own, dropped with the library's. */
    void dropAtClose(String table) {
        otherTables.add(table);
    }

    /** Drops the tables and closes the pool; nothing when {@link #open()} did nothing. */
    @Override
    public void close() {
        HikariDataSource own = pool;
        if (own != null) {
            TestDatabase.dropTables(own, otherTables.toArray(String[]::new));
            TestDatabase.dropTables(own, tables);
            own.close();
            pool = null;
        }
    }
}
