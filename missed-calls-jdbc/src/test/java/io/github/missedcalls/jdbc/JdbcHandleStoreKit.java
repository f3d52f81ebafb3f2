package io.github.missedcalls.jdbc;

import io.github.missedcalls.spi.HandleStore;
import io.github.missedcalls.tck.HandleStoreContract;
import org.junit.jupiter.api.DisplayName;

/** Core's HandleStore kit on one database, in tables of its own. */
@DisplayName("JdbcHandleStore passes the HandleStore compatibility kit")
abstract class JdbcHandleStoreKit extends HandleStoreContract {

    // More connections than the kit's eight saving threads: each saves through its own.
    private final DatabaseFixture fixture;

    JdbcHandleStoreKit(TestDatabase database) {
        fixture = closeAfterAll(new DatabaseFixture(database, "hkit", 10));
    }

    @Override
    protected HandleStore newStore() {
        return JdbcHandleStore.builder(fixture.pool()).tables(fixture.tables()).build();
    }

    /** The note column is unbounded text; ten thousand two-byte characters fit every database's. */
    @Override
    protected int longestNote() {
        return 10_000;
    }
}
