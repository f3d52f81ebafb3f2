package io.github.missedcalls.examples.web;

import io.github.missedcalls.MissedCalls;
import io.github.missedcalls.ProjectSettings;
import io.github.missedcalls.StorageException;
import io.github.missedcalls.examples.demo.DemoDatabase;
import io.github.missedcalls.examples.web.DemoProjects.DemoProject;
import io.github.missedcalls.jdbc.JdbcCallSource;
import io.github.missedcalls.jdbc.JdbcHandleStore;
import io.github.missedcalls.jdbc.JdbcSchema;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * What {@code serve} runs: the demo command's database ({@link DemoDatabase}: an embedded H2 in a
 * temporary folder by default, or the one {@code --jdbc-url} names), the demo projects written
 * into it where absent, {@link MissedCalls} over the JDBC module's source and store, and the
 * {@link ReportServer}. Closing it stops the server and the database's pool, and removes the
 * embedded database.
 */
public final class ReportWebApp implements AutoCloseable {

    /**
     * What to serve.
     *
     * @param host the address to listen on; loopback unless you mean otherwise
     * @param port the port, 0 for any free one
     * @param jdbcUrl the database, with its user and password in the URL; {@code null} for an embedded H2
     * @param demoCalls about how many calls the first demo project has in its month
     */
    public record Options(String host, int port, @Nullable String jdbcUrl, long demoCalls) {

        public static final String DEFAULT_HOST = "127.0.0.1";
        public static final int DEFAULT_PORT = 8080;

        public Options {
            Objects.requireNonNull(host, "host");
        }

        /** Loopback, port 8080, the embedded database, the default demo month. */
        public static Options defaults() {
            return new Options(DEFAULT_HOST, DEFAULT_PORT, null, DemoProjects.DEFAULT_CALLS);
        }
    }

    private final DemoDatabase database;
    private final ReportServer server;
    private final AtomicBoolean closed = new AtomicBoolean();

    private ReportWebApp(DemoDatabase database, ReportServer server) {
        this.database = database;
        this.server = server;
    }

    /**
     * Opens the database, binds the port, fills the demo projects where absent, and starts serving.
     *
     * @param clock what "now" is: the demo months end there, and reports are made as of it
     * @param progress receives a line for each step a person waits for
     * @throws ServeException if the database cannot be reached, or the port or host cannot be had
     * @throws io.github.missedcalls.StorageException if the database fails while being filled
     */
    public static ReportWebApp start(Options options, Clock clock, PrintWriter progress) {
        String url = options.jdbcUrl();
        DemoDatabase database;
        try {
            // The demo command's database: an embedded H2 in a temporary folder, or the one named.
            database = url == null ? DemoDatabase.embedded() : DemoDatabase.at(url, null, null);
        } catch (StorageException e) {
            throw new ServeException(Objects.requireNonNullElse(e.getMessage(), "cannot open the database"), e);
        }
        DataSource dataSource = database.dataSource();
        try {
            JdbcSchema.create(dataSource);
            JdbcHandleStore handles = new JdbcHandleStore(dataSource);
            List<DemoProject> demo = DemoProjects.of(clock, options.demoCalls());
            List<WebProject> projects = DemoProjects.projects(demo);
            Map<String, ProjectSettings> settings = new HashMap<>();
            projects.forEach(project -> settings.put(project.id(), project.settings()));
            MissedCalls missedCalls = MissedCalls.builder()
                    .callSource(JdbcCallSource.ownTable(dataSource))
                    .handleStore(handles)
                    .clock(clock)
                    .settings(project ->
                            Objects.requireNonNull(settings.get(project), () -> "unknown project " + project))
                    .build();
            // Bound before the fill, so that a port in use is said at once, not after a minute of
            // writing calls; served after it, so that the first page shows a full month.
            ReportServer server = ReportServer.builder(missedCalls, projects)
                    .host(options.host())
                    .port(options.port())
                    .clock(clock)
                    .bind();
            try {
                long started = System.nanoTime();
                progress.printf(
                        Locale.ROOT,
                        "filling the demo projects (about %,d calls in the first) ...%n",
                        options.demoCalls());
                progress.flush();
                long written = DemoProjects.fill(dataSource, handles, demo);
                progress.printf(
                        Locale.ROOT, "%,d calls written in %.1f s%n", written, (System.nanoTime() - started) / 1e9);
                progress.flush();
            } catch (RuntimeException e) {
                server.close();
                throw e;
            }
            return new ReportWebApp(database, server.serve());
        } catch (BindException e) {
            database.close();
            throw new ServeException(
                    "cannot listen on " + options.host() + ":" + options.port() + ": " + e.getMessage(), e);
        } catch (UnknownHostException e) {
            database.close();
            throw new ServeException("unknown host " + options.host(), e);
        } catch (IOException e) {
            database.close();
            throw new ServeException(
                    "cannot serve on " + options.host() + ":" + options.port() + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    /** Serves until the process is stopped (Ctrl+C, a TERM signal), then closes. */
    public void serveUntilStopped() {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            close();
                            stopped.countDown();
                        },
                        "missed-calls-web-stop"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
        }
    }

    /** Where the page is. */
    public URI uri() {
        return server.uri();
    }

    /** Stops the server, then the database's pool (an embedded database is removed); once. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        server.close();
        database.close();
    }
}
