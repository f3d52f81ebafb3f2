package io.github.missedcalls.jdbc;

import org.junit.jupiter.api.DisplayName;

@DisplayName("On H2")
class H2Test extends DatabaseSuite {

    @Override
    TestDatabase database() {
        return TestDatabase.H2;
    }
}
