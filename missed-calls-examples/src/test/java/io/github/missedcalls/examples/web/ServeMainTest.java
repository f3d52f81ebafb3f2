package io.github.missedcalls.examples.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("serve's options")
class ServeMainTest {

  @Test
  @DisplayName("default to loopback, port 8080, the embedded database and the demo month")
  void defaults() {
    ReportWebApp.Options options = ServeMain.parse(new String[0]).options();

    assertThat(options.host()).isEqualTo("127.0.0.1");
    assertThat(options.port()).isEqualTo(8080);
    assertThat(options.jdbcUrl()).isNull();
    assertThat(options.demoCalls()).isEqualTo(DemoProjects.DEFAULT_CALLS);
  }

  @Test
  @DisplayName("read every flag")
  void flags() {
    ReportWebApp.Options options = ServeMain.parse(new String[] {"--port", "9000", "--host", "0.0.0.0",
        "--jdbc-url", "jdbc:postgresql://db/crm", "--demo-calls", "100000"}).options();

    assertThat(options).isEqualTo(new ReportWebApp.Options("0.0.0.0", 9000, "jdbc:postgresql://db/crm", 100_000));
    assertThat(ServeMain.parse(new String[] {"--help"}).help()).isTrue();
  }

  @Test
  @DisplayName("refuse an unknown flag, a missing value and a bad number with a sentence")
  void refusals() {
    assertThatThrownBy(() -> ServeMain.parse(new String[] {"--prot", "1"})).hasMessage("unknown option --prot");
    assertThatThrownBy(() -> ServeMain.parse(new String[] {"--port"})).hasMessage("--port needs a value");
    assertThatThrownBy(() -> ServeMain.parse(new String[] {"--port", "http"}))
        .hasMessage("--port is not a whole number: http");
    assertThatThrownBy(() -> ServeMain.parse(new String[] {"--port", "70000"}))
        .hasMessage("--port must be 0 to 65535: 70000");
  }

  @Test
  @DisplayName("exit with 2 and one line when the port is taken")
  void portTaken() throws IOException {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      ReportWebApp.Options options = new ReportWebApp.Options("127.0.0.1", taken.getLocalPort(), null, 100);

      int status = ServeMain.run(options, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
          new PrintStream(err, true, StandardCharsets.UTF_8));

      assertThat(status).isEqualTo(2);
      assertThat(err.toString(StandardCharsets.UTF_8))
          .startsWith("cannot listen on 127.0.0.1:" + taken.getLocalPort() + ": ")
          .hasLineCount(1);
    }
  }
}
