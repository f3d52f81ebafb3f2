package io.github.missedcalls.examples.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.missedcalls.MissedCalls;
import io.github.missedcalls.StorageException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The report page and its JSON API on the JDK's own HTTP server.
 *
 * <pre>{@code
 * try (ReportServer server = ReportServer.builder(missedCalls, projects).port(8080).start()) {
 *   System.out.println("open " + server.uri());
 *   ...
 * }
 * }</pre>
 *
 * <p>Safety, by default: it listens on the loopback address only; when it does, a request must
 * name a loopback host (a page of another site that resolves its own name to 127.0.0.1 cannot
 * read the report); a handle must come as JSON from this server's own page (a form of another
 * site cannot post one); every answer forbids framing and scripts from elsewhere. The page
 * writes every value with {@code textContent}, never as markup. There is no log-in: put it
 * behind your CRM's authentication before binding it to another address.
 */
public final class ReportServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ReportServer.class);

    /** A file of the page: its resource beside this class, and its type. */
    private record StaticFile(String resource, String type) {}

    private static final StaticFile PAGE = new StaticFile("index.html", "text/html; charset=utf-8");
    /** The files of the page, by the path they are served at; nothing else is. */
    private static final Map<String, StaticFile> STATIC_FILES = Map.of(
            "/",
            PAGE,
            "/index.html",
            PAGE,
            "/app.js",
            new StaticFile("app.js", "text/javascript; charset=utf-8"),
            "/app.css",
            new StaticFile("app.css", "text/css; charset=utf-8"));

    private final HttpServer server;
    private final ExecutorService executor;
    private final ReportApi api;
    private final boolean loopbackOnly;

    private ReportServer(Builder builder) throws IOException {
        InetAddress address = InetAddress.getByName(builder.host);
        this.loopbackOnly = address.isLoopbackAddress();
        this.api = new ReportApi(builder.missedCalls, builder.projects, builder.clock);
        this.server = HttpServer.create(new InetSocketAddress(address, builder.port), 0);
        this.executor = Executors.newFixedThreadPool(builder.threads, runnable -> {
            Thread thread = new Thread(runnable, "missed-calls-web");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", this::serve);
    }

    /**
     * Starts a configuration.
     *
     * @param missedCalls makes the reports and records the handles; its settings must know every project
     * @param projects the projects the page offers, in the selector's order; none other is served
     */
    public static Builder builder(MissedCalls missedCalls, List<WebProject> projects) {
        return new Builder(missedCalls, projects);
    }

    /**
     * Starts answering on the port {@link Builder#bind()} bound; connections made since then are
     * answered now.
     *
     * @return this server
     * @throws IllegalStateException if it was started already
     */
    public ReportServer serve() {
        server.start();
        log.debug("serving the missed-calls report at {}", uri());
        return this;
    }

    /** Where the page is: {@code http://127.0.0.1:8080/}. */
    public URI uri() {
        InetSocketAddress address = server.getAddress();
        String host = address.getAddress().getHostAddress();
        if (host.indexOf(':') >= 0) {
            host = "[" + host + "]";
        }
        return URI.create("http://" + host + ":" + address.getPort() + "/");
    }

    /** The port it listens on; the one chosen when the builder asked for 0. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** Stops listening, lets running requests finish for a second, and stops. */
    @Override
    public void close() {
        server.stop(1);
        executor.shutdown();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            try {
                route(exchange);
            } catch (ApiException e) {
                api.sendJson(
                        exchange, e.status(), ReportJson.error(Objects.requireNonNullElse(e.getMessage(), "refused")));
            } catch (StorageException e) {
                log.warn(
                        "{} {} failed: {}",
                        exchange.getRequestMethod(),
                        exchange.getRequestURI().getPath(),
                        e.getMessage(),
                        e);
                api.sendJson(
                        exchange,
                        503,
                        ReportJson.error("the call source or the handle store failed; see the server's log"));
            } catch (RuntimeException e) {
                log.error(
                        "{} {} failed",
                        exchange.getRequestMethod(),
                        exchange.getRequestURI().getPath(),
                        e);
                api.sendJson(exchange, 500, ReportJson.error("the server failed; see its log"));
            }
        } catch (IOException e) {
            // The client went away mid-answer: nothing to tell it.
            log.debug("answering {} failed: {}", exchange.getRequestURI().getPath(), e.getMessage());
        }
    }

    private void route(HttpExchange exchange) throws IOException {
        checkHost(exchange);
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        if (path.equals("/api/handle") || path.equals("/api/assign")) {
            requireMethod(method, "POST");
            checkSameOrigin(exchange);
            if (path.equals("/api/handle")) {
                api.handle(exchange);
            } else {
                api.assign(exchange);
            }
            return;
        }
        requireMethod(method, "GET");
        switch (path) {
            case "/api/projects" -> api.projects(exchange);
            case "/api/labels" -> api.labels(exchange);
            case "/api/report" -> api.report(exchange);
            case "/api/export" -> api.export(exchange);
            case "/api/team" -> api.team(exchange);
            default -> staticFile(exchange, path);
        }
    }

    private static void requireMethod(String method, String wanted) {
        if (!method.equals(wanted)) {
            throw new ApiException(405, "use " + wanted);
        }
    }

    /**
     * Bound to loopback, only loopback names are answered: a rebound DNS name of another site
     * would otherwise let that site's page read the report.
     */
    private void checkHost(HttpExchange exchange) {
        if (!loopbackOnly) {
            return;
        }
        String host = Exchanges.header(exchange, "Host");
        String name = host == null ? "" : hostName(host).toLowerCase(Locale.ROOT);
        if (!name.equals("localhost") && !name.equals("127.0.0.1") && !name.equals("[::1]")) {
            throw new ApiException(421, "this server answers requests for localhost only");
        }
    }

    /** A handle must be JSON from this server's page: a form on another site can send neither. */
    private static void checkSameOrigin(HttpExchange exchange) {
        String type = Exchanges.header(exchange, "Content-Type");
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            throw new ApiException(415, "send the handle as application/json");
        }
        String origin = Exchanges.header(exchange, "Origin");
        String host = Exchanges.header(exchange, "Host");
        if (origin != null && !origin.equalsIgnoreCase("http://" + host)) {
            throw new ApiException(403, "handles are accepted from this server's own page only");
        }
    }

    private static String hostName(String hostHeader) {
        if (hostHeader.startsWith("[")) {
            int end = hostHeader.indexOf(']');
            return end < 0 ? hostHeader : hostHeader.substring(0, end + 1);
        }
        int colon = hostHeader.indexOf(':');
        return colon < 0 ? hostHeader : hostHeader.substring(0, colon);
    }

    private void staticFile(HttpExchange exchange, String path) throws IOException {
        StaticFile file = STATIC_FILES.get(path);
        if (file == null) {
            throw ApiException.notFound("nothing at " + ApiException.shown(path));
        }
        Exchanges.send(exchange, 200, file.type(), resource(file.resource()));
    }

    private static byte[] resource(String file) {
        try (InputStream in = ReportServer.class.getResourceAsStream("static/" + file)) {
            if (in == null) {
                throw new IllegalStateException("the page's file " + file + " is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The parts of a {@link ReportServer}. */
    public static final class Builder {
        private final MissedCalls missedCalls;
        private final List<WebProject> projects;
        private String host = "127.0.0.1";
        private int port = 8080;
        private int threads = 4;
        private Clock clock = Clock.systemUTC();

        private Builder(MissedCalls missedCalls, List<WebProject> projects) {
            this.missedCalls = Objects.requireNonNull(missedCalls, "missedCalls");
            this.projects = List.copyOf(projects);
            if (this.projects.isEmpty()) {
                throw new IllegalArgumentException("at least one project is needed");
            }
        }

        /** The address to listen on; default {@code 127.0.0.1}, this machine only. */
        public Builder host(String value) {
            this.host = Objects.requireNonNull(value, "host");
            return this;
        }

        /** The port; default 8080, 0 for any free one. */
        public Builder port(int value) {
            if (value < 0 || value > 65_535) {
                throw new IllegalArgumentException("a port is 0 to 65535: " + value);
            }
            this.port = value;
            return this;
        }

        /** Requests served at once; default 4. */
        public Builder threads(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("threads must be at least 1: " + value);
            }
            this.threads = value;
            return this;
        }

        /** What "today" is for the default range; the same clock the {@link MissedCalls} was built with. */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /**
         * Binds the port and starts serving.
         *
         * @throws IOException if the port cannot be bound
         * @throws java.net.UnknownHostException if the host is unknown
         * @throws IllegalArgumentException if two projects share an id
         */
        public ReportServer start() throws IOException {
            return bind().serve();
        }

        /**
         * Binds the port without serving yet: a port in use fails here, before a caller spends
         * time preparing what it will serve. Connections wait until {@link ReportServer#serve()}.
         *
         * @throws IOException if the port cannot be bound
         * @throws java.net.UnknownHostException if the host is unknown
         * @throws IllegalArgumentException if two projects share an id
         */
        public ReportServer bind() throws IOException {
            return new ReportServer(this);
        }
    }
}
