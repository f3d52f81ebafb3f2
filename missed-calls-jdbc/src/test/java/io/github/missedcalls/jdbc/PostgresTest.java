package io.github.missedcalls.jdbc;

import org.junit.jupiter.api.DisplayName;

@DisplayName("On PostgreSQL")
class PostgresTest extends DatabaseSuite {

    @Override
    TestDatabase database() {
        return TestDatabase.POSTGRESQL;
    }
}
