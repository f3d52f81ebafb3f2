package io.github.missedcalls.examples.cli;

import io.github.missedcalls.examples.web.DemoProjects;
import io.github.missedcalls.examples.web.ReportWebApp;
import io.github.missedcalls.examples.web.ServeException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code missed-calls serve}: the report page ({@code docs/web.md}) on this machine, on the
 * embedded demo database or on the one {@code --jdbc-url} names, until the process is stopped.
 */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = "Serves the report page and its JSON API until stopped (Ctrl+C).")
final class ServeCommand implements Callable<Integer> {

    @Option(names = "--port", paramLabel = "N", description = "The port; 0 for any free one. Default: 8080.")
    private int port = ReportWebApp.Options.DEFAULT_PORT;

    @Option(
            names = "--host",
            paramLabel = "ADDRESS",
            description = "The address to listen on. Default: 127.0.0.1, this machine only; the page has no log-in.")
    private String host = ReportWebApp.Options.DEFAULT_HOST;

    @Option(
            names = "--jdbc-url",
            paramLabel = "URL",
            description =
                    "PostgreSQL, MariaDB/MySQL or H2, user and password in the URL; the demo projects are written "
                            + "into it where absent. Default: an embedded H2 database.")
    private @Nullable String jdbcUrl;

    @Option(
            names = "--demo-calls",
            paramLabel = "N",
            description = "About how many calls the first demo project's month has. Default: 60000.")
    private long demoCalls = DemoProjects.DEFAULT_CALLS;

    private final Io io;

    ServeCommand(Io io) {
        this.io = io;
    }

    @Override
    public Integer call() {
        if (port < 0 || port > 65_535) {
            throw new UsageException("--port must be 0 to 65535: " + port);
        }
        if (demoCalls < 100) {
            throw new UsageException("--demo-calls must be at least 100: " + demoCalls);
        }
        ReportWebApp app;
        try {
            app = ReportWebApp.start(new ReportWebApp.Options(host, port, jdbcUrl, demoCalls), io.clock(), io.err());
        } catch (ServeException e) {
            throw new UsageException(MissedCallsCli.oneLine(e.getMessage()));
        }
        PrintWriter out = io.outWriter();
        out.println("The missed-calls report is at " + app.uri() + " (Ctrl+C stops it)");
        out.flush();
        app.serveUntilStopped();
        return MissedCallsCli.OK;
    }
}
