package io.github.missedcalls.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.missedcalls.StorageException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The demo's database")
class DemoDatabaseTest {

    @Test
    @DisplayName("a MariaDB URL without sslMode on a server without SSL fails with what to add")
    void mariaDbWithoutSslSaysWhatToAdd() {
        String configured = System.getenv("MISSED_CALLS_MARIADB_URL");
        assumeTrue(
                configured != null,
                "MariaDB not configured: set MISSED_CALLS_MARIADB_URL (source .ci/services.sh) to run this test");
        String withoutSslMode = configured.replace("&sslMode=disable", "").replace("sslMode=disable&", "");
        assumeTrue(!withoutSslMode.contains("sslMode"), "the configured URL sets sslMode in another way");

        StorageException failure = catchThrowableOfType(
                StorageException.class,
                () -> DemoDatabase.at(withoutSslMode, null, null).close());
        assumeTrue(failure != null, "this MariaDB server offers SSL, so the URL works without sslMode");
        assertThat(failure)
                .hasMessageContaining("ssl not enabled")
                .hasMessageContaining("add sslMode=disable to the URL");
    }
}
