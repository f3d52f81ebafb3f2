package io.github.missedcalls.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import io.github.missedcalls.CallRecord;
import io.github.missedcalls.kit.CallSourceContract;
import io.github.missedcalls.spi.CallSource;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.TestInstance;

/** Core's CallSource kit on one database: the library's own table, filled by {@link JdbcCallWriter}. */
@DisplayName("JdbcCallSource over its own table passes the CallSource compatibility kit")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class JdbcCallSourceKit extends CallSourceContract {

  private final TestDatabase database;
  private final TableNames tables = TestDatabase.freshTables("ckit");
  private @Nullable HikariDataSource pool;
  private @Nullable JdbcCallWriter writer;
  private @Nullable JdbcCallSource source;

  JdbcCallSourceKit(TestDatabase database) {
    this.database = database;
  }

  @BeforeAll
  void createTables() {
    if (!database.isAvailable()) {
      return;
    }
    HikariDataSource own = database.newPool(database.nonUtcSessionSql(), 4);
    pool = own;
    JdbcSchema.create(own, tables);
    writer = JdbcCallWriter.builder(own).tables(tables).build();
    // A small fetch size, so that the kit's 200 calls take several round trips.
    source = JdbcCallSource.builder(own, CallTableMapping.ownTable(tables)).fetchSize(16).build();
  }

  @BeforeEach
  void requireDatabase() {
    database.assumeAvailable();
  }

  @AfterAll
  void dropTables() {
    HikariDataSource own = pool;
    if (own != null) {
      TestDatabase.dropTables(own, tables);
      own.close();
    }
  }

  @Override
  protected void store(String project, List<CallRecord> calls) {
    Objects.requireNonNull(writer, "writer").write(project, calls);
  }

  @Override
  protected CallSource source() {
    return Objects.requireNonNull(source, "source");
  }

  @Override
  protected void assertResourcesReleased() {
    TestDatabase.assertNothingBorrowed(Objects.requireNonNull(pool, "pool"));
  }
}
