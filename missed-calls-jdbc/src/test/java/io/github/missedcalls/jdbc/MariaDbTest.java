package io.github.missedcalls.jdbc;

import org.junit.jupiter.api.DisplayName;

@DisplayName("On MariaDB")
class MariaDbTest extends DatabaseSuite {

    @Override
    TestDatabase database() {
        return TestDatabase.MARIADB;
    }
}
