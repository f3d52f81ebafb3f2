package io.github.missedcalls.jdbc;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;

/** Every database test of the module; a subclass names the database they run on. */
abstract class DatabaseSuite {

    abstract TestDatabase database();

    @Nested
    class HandleStoreKit extends JdbcHandleStoreKit {
        HandleStoreKit() {
            super(DatabaseSuite.this.database());
        }
    }

    @Nested
    class CallSourceKit extends JdbcCallSourceKit {
        CallSourceKit() {
            super(DatabaseSuite.this.database());
        }
    }

    @Nested
    @DisplayName("JdbcCallSource over a CRM's table with zoned times passes the CallSource compatibility kit")
    class ZonedUserTableKit extends UserTableKit {
        ZonedUserTableKit() {
            super(DatabaseSuite.this.database(), true);
        }
    }

    @Nested
    @DisplayName("JdbcCallSource over a CRM's table with wall times of a zone passes the CallSource compatibility kit")
    class WallTimeUserTableKit extends UserTableKit {
        WallTimeUserTableKit() {
            super(DatabaseSuite.this.database(), false);
        }
    }

    @Nested
    @DisplayName("JDBC behaviour beyond the kits")
    class Behaviour extends JdbcBehaviour {
        Behaviour() {
            super(DatabaseSuite.this.database());
        }
    }
}
