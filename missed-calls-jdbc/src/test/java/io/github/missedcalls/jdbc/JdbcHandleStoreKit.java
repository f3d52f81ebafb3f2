package io.github.missedcalls.jdbc;

import io.github.missedcalls.tck.HandleStoreContract;
import io.github.missedcalls.spi.HandleStore;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.TestInstance;

/** Core's HandleStore kit on one database, in tables of its own. */
@DisplayName("JdbcHandleStore passes the HandleStore compatibility kit")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class JdbcHandleStoreKit extends HandleStoreContract {

  private final TestDatabase database;
  // More connections than the kit's eight saving threads: each saves through its own.
  private final DatabaseFixture fixture;
  private @Nullable JdbcHandleStore store;

  JdbcHandleStoreKit(TestDatabase database) {
    this.database = database;
    this.fixture = new DatabaseFixture(database, "hkit", 10);
  }

  @BeforeAll
  void createTables() {
    if (fixture.open()) {
      store = JdbcHandleStore.builder(fixture.pool()).tables(fixture.tables()).build();
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
  protected HandleStore store() {
    return Objects.requireNonNull(store, "store");
  }

  /** The note column is unbounded text; ten thousand two-byte characters fit every database's. */
  @Override
  protected int longestNote() {
    return 10_000;
  }
}
