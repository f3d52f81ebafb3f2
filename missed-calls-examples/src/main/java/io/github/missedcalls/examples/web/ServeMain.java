package io.github.missedcalls.examples.web;

import java.io.IOException;
import java.io.PrintStream;
import java.net.BindException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import org.jspecify.annotations.Nullable;

/**
 * Runs the report page until the process is stopped:
 *
 * <pre>{@code
 * java -cp missed-calls-examples/target/missed-calls.jar io.github.missedcalls.examples.web.ServeMain \
 *     [--port N] [--host ADDRESS] [--jdbc-url URL] [--demo-calls N]
 * }</pre>
 *
 * <p>The CLI's {@code serve} subcommand does the same through {@link #run}. Exit status 2 for
 * bad usage or an unreachable database, with one line on standard error.
 */
public final class ServeMain {

  static final String USAGE = "usage: serve [--port N] [--host ADDRESS] [--jdbc-url URL] [--demo-calls N]";

  private ServeMain() {}

  public static void main(String[] args) {
    Options parsed;
    try {
      parsed = parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println(USAGE);
      System.exit(2);
      return;
    }
    if (parsed.help()) {
      System.out.println(USAGE);
      return;
    }
    System.exit(run(parsed.options(), System.out, System.err));
  }

  /**
   * Serves until the process is stopped.
   *
   * @return the exit status: 2 when the server could not start (the reason is on {@code err})
   */
  public static int run(ReportWebApp.Options options, PrintStream out, PrintStream err) {
    ReportWebApp app;
    try {
      app = ReportWebApp.start(options, Clock.systemUTC(), out);
    } catch (BindException e) {
      err.println("cannot listen on " + options.host() + ":" + options.port() + ": " + e.getMessage());
      return 2;
    } catch (UnknownHostException e) {
      err.println("unknown host " + options.host());
      return 2;
    } catch (IOException | IllegalArgumentException e) {
      err.println(e.getMessage());
      return 2;
    }
    out.println("The missed-calls report is at " + app.uri() + " (Ctrl+C stops it)");
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      app.close();
      stopped.countDown();
    }, "missed-calls-web-stop"));
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return 0;
  }

  /** Parsed arguments. */
  record Options(ReportWebApp.Options options, boolean help) {}

  /**
   * @throws IllegalArgumentException for an unknown flag or a bad value; the message says which
   */
  static Options parse(String[] args) {
    ReportWebApp.Options defaults = ReportWebApp.Options.defaults();
    String host = defaults.host();
    int port = defaults.port();
    String jdbcUrl = defaults.jdbcUrl();
    long demoCalls = defaults.demoCalls();
    for (int i = 0; i < args.length; i++) {
      String flag = args[i];
      switch (flag) {
        case "--help", "-h" -> {
          return new Options(defaults, true);
        }
        case "--port" -> port = (int) number(flag, value(args, ++i, flag), 0, 65_535);
        case "--host" -> host = value(args, ++i, flag);
        case "--jdbc-url" -> jdbcUrl = value(args, ++i, flag);
        case "--demo-calls" -> demoCalls = number(flag, value(args, ++i, flag), 100, 50_000_000);
        default -> throw new IllegalArgumentException("unknown option " + flag);
      }
    }
    return new Options(new ReportWebApp.Options(host, port, jdbcUrl, demoCalls), false);
  }

  private static String value(String[] args, int index, String flag) {
    if (index >= args.length) {
      throw new IllegalArgumentException(flag + " needs a value");
    }
    return args[index];
  }

  private static long number(String flag, @Nullable String text, long min, long max) {
    try {
      long value = Long.parseLong(String.valueOf(text));
      if (value < min || value > max) {
        throw new IllegalArgumentException(flag + " must be " + min + " to " + max + ": " + value);
      }
      return value;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(flag + " is not a whole number: " + text);
    }
  }
}
