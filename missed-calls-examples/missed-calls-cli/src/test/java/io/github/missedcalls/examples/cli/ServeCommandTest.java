package io.github.missedcalls.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@code serve}'s refusals; a server that starts is tested in the web package. */
@DisplayName("missed-calls serve")
class ServeCommandTest {

    @Test
    @DisplayName("is listed in the help")
    void listed() {
        assertThat(CliRunner.run("--help").out()).contains("serve");
        assertThat(CliRunner.run("serve", "--help").out()).contains("--port", "--host", "--jdbc-url", "--demo-calls");
    }

    @Test
    @DisplayName("refuses a bad port or demo size with exit 2 and one line")
    void refusesBadOptions() {
        CliRunner.Result port = CliRunner.run("serve", "--port", "70000");
        CliRunner.Result size = CliRunner.run("serve", "--demo-calls", "5");
        CliRunner.Result word = CliRunner.run("serve", "--port", "http");

        assertThat(port.exit()).isEqualTo(MissedCallsCli.USAGE);
        assertThat(port.errLines()).containsExactly("error: --port must be 0 to 65535: 70000");
        assertThat(size.errLines()).containsExactly("error: --demo-calls must be at least 100: 5");
        assertThat(word.exit()).isEqualTo(MissedCallsCli.USAGE);
        assertThat(word.errLines())
                .singleElement()
                .asString()
                .startsWith("error: ")
                .contains("http");
    }

    @Test
    @DisplayName("says in one line, without the password, that the database cannot be reached")
    void unreachableDatabase() {
        CliRunner.Result run = CliRunner.run(
                "serve", "--port", "0", "--jdbc-url", "jdbc:postgresql://127.0.0.1:1/crm?user=sales&password=secret");

        assertThat(run.exit()).isEqualTo(MissedCallsCli.USAGE);
        assertThat(run.errLines())
                .singleElement()
                .asString()
                .startsWith("error: cannot use the database at jdbc:postgresql://127.0.0.1:1/crm?")
                .doesNotContain("secret", "Exception");
    }

    @Test
    @DisplayName("says in one line that the port is taken, before it spends time filling the database")
    void portTaken() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CliRunner.Result run =
                    CliRunner.run("serve", "--port", String.valueOf(taken.getLocalPort()), "--demo-calls", "100");

            assertThat(run.exit()).isEqualTo(MissedCallsCli.USAGE);
            assertThat(run.errLines())
                    .last()
                    .asString()
                    .startsWith("error: cannot listen on 127.0.0.1:" + taken.getLocalPort() + ": ");
            assertThat(run.err()).doesNotContain("Exception").doesNotContain("filling");
            assertThat(run.out()).doesNotContain("report is at");
        }
    }
}
