package io.github.missedcalls.jdbc;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;

/** Every database test of the module, on MariaDB. */
@DisplayName("On MariaDB")
class MariaDbTest {

  private static final TestDatabase DATABASE = TestDatabase.MARIADB;

  @Nested
  class HandleStoreKit extends JdbcHandleStoreKit {
    HandleStoreKit() {
      super(DATABASE);
    }
  }

  @Nested
  class CallSourceKit extends JdbcCallSourceKit {
    CallSourceKit() {
      super(DATABASE);
    }
  }

  @Nested
  @DisplayName("JdbcCallSource over a CRM's table with zoned times passes the CallSource compatibility kit")
  class ZonedUserTableKit extends UserTableKit {
    ZonedUserTableKit() {
      super(DATABASE, true);
    }
  }

  @Nested
  @DisplayName("JdbcCallSource over a CRM's table with wall times of a zone passes the CallSource compatibility kit")
  class WallTimeUserTableKit extends UserTableKit {
    WallTimeUserTableKit() {
      super(DATABASE, false);
    }
  }
}
