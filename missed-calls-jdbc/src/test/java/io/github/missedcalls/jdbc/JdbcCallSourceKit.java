package io.github.missedcalls.jdbc;

import io.github.missedcalls.CallRecord;
import io.github.missedcalls.spi.CallSource;
import io.github.missedcalls.tck.CallSourceContract;
import java.util.List;
import org.junit.jupiter.api.DisplayName;

/** Core's CallSource kit on one database: the library's own table, filled by {@link JdbcCallWriter}. */
@DisplayName("JdbcCallSource over its own table passes the CallSource compatibility kit")
abstract class JdbcCallSourceKit extends CallSourceContract {

    private final DatabaseFixture fixture;

    JdbcCallSourceKit(TestDatabase database) {
        fixture = closeAfterAll(new DatabaseFixture(database, "ckit", 4));
    }

    @Override
    protected void store(String project, List<CallRecord> calls) {
        JdbcCallWriter.builder(fixture.pool()).tables(fixture.tables()).build().write(project, calls);
    }

    @Override
    protected CallSource source() {
        // A small fetch size, so that the kit's 200 calls take several round trips.
        return JdbcCallSource.builder(fixture.pool(), CallTableMapping.ownTable(fixture.tables()))
                .fetchSize(16)
                .build();
    }

    @Override
    protected void assertResourcesReleased() {
        TestDatabase.assertNothingBorrowed(fixture.pool());
    }
}
