package io.github.missedcalls.jdbc;

import io.github.missedcalls.CallRecord;
import io.github.missedcalls.tck.CallSourceContract;
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
  private final DatabaseFixture fixture;
  private @Nullable JdbcCallWriter writer;
  private @Nullable JdbcCallSource source;

  JdbcCallSourceKit(TestDatabase database) {
    this.database = database;
    this.fixture = new DatabaseFixture(database, "ckit", 4);
  }

  @BeforeAll
  void createTables() {
    if (fixture.open()) {
      writer = JdbcCallWriter.builder(fixture.pool()).tables(fixture.tables()).build();
      // A small fetch size, so that the kit's 200 calls take several round trips.
      source = JdbcCallSource.builder(fixture.pool(), CallTableMapping.ownTable(fixture.tables())).fetchSize(16)
          .build();
    }
  }

  @BeforeEach
  void requireDatabase() {
    database.assumeAvailable();
  }

  @AfterAll
  void dropTables() {
    fixture.close();
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
    TestDatabase.assertNothingBorrowed(fixture.pool());
  }
}
