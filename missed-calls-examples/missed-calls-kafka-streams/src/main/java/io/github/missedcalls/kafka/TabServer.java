package io.github.missedcalls.kafka;

import com.fasterxml.jackson.core.type.TypeReference;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.missedcalls.UnprocessedRow;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.jspecify.annotations.Nullable;

/**
 * Serves a project's unprocessed tab over HTTP, gathered from every instance of the application.
 *
 * <ol>
 *   <li>{@code GET /projects/{project}/unprocessed} asks every other instance for its part
 *       ({@code ?scope=local}), adds its own, and answers the whole tab in the report's order as
 *       a JSON array of rows.
 *   <li>{@code ?scope=local} answers this instance's part only.
 *   <li>{@code ?asOf=2026-11-02T18:00:00Z} measures the waiting time to that instant instead of
 *       now; the other instances are asked for the same instant.
 *   <li>An instance that does not answer fails the request (502): a tab with rows missing must
 *       not look complete. While this instance's store, or another's, is not ready (starting,
 *       rebalancing) it answers 503: ask again.
 * </ol>
 */
public final class TabServer implements AutoCloseable {

    /** What this instance holds of a project's tab, as of an instant. */
    @FunctionalInterface
    public interface LocalTab {
        List<UnprocessedRow> rows(String project, Instant asOf);
    }

    private static final String PATH = "/projects/";
    private static final String SUFFIX = "/unprocessed";
    private static final TypeReference<List<UnprocessedRow>> ROWS = new TypeReference<>() {};

    private final HttpServer server;
    private final LocalTab local;
    private final Supplier<List<URI>> others;
    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /**
     * Starts serving.
     *
     * @param address where to listen; port 0 takes a free one
     * @param local this instance's part of a tab
     * @param others the base URIs ({@code http://host:port}) of the other instances, asked anew for each request
     * @throws IOException if the address cannot be bound
     */
    public TabServer(InetSocketAddress address, LocalTab local, Supplier<List<URI>> others) throws IOException {
        this.local = Objects.requireNonNull(local, "local");
        this.others = Objects.requireNonNull(others, "others");
        this.server = HttpServer.create(address, 0);
        server.createContext(PATH, this::handle);
        server.start();
    }

    /** The port it listens on. */
    public int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            if (!exchange.getRequestMethod().equals("GET")
                    || !path.endsWith(SUFFIX)
                    || path.length() <= PATH.length() + SUFFIX.length()) {
                answer(
                        exchange,
                        404,
                        "{\"error\": \"GET /projects/{project}/unprocessed\"}".getBytes(StandardCharsets.UTF_8));
                return;
            }
            String project = URLDecoder.decode(
                    path.substring(PATH.length(), path.length() - SUFFIX.length()), StandardCharsets.UTF_8);
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            boolean localOnly = "local".equals(query.get("scope"));
            Instant asOf;
            try {
                String asked = query.get("asOf");
                asOf = asked == null ? Instant.now() : Instant.parse(asked);
            } catch (DateTimeParseException e) {
                answer(
                        exchange,
                        400,
                        Json.write(new Failure("asOf is not an ISO-8601 instant: " + e.getParsedString())));
                return;
            }
            List<UnprocessedRow> rows;
            try {
                rows = localOnly ? local.rows(project, asOf) : gather(project, asOf);
            } catch (InvalidStateStoreException e) {
                // Starting or rebalancing: the store comes back, so the caller may ask again.
                answer(exchange, 503, Json.write(new Failure(String.valueOf(e.getMessage()))));
                return;
            } catch (IOException | RuntimeException e) {
                answer(exchange, 502, Json.write(new Failure(String.valueOf(e.getMessage()))));
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                answer(exchange, 503, Json.write(new Failure("interrupted")));
                return;
            }
            answer(exchange, 200, Json.write(rows));
        }
    }

    /** An error's body. */
    private record Failure(String error) {}

    private List<UnprocessedRow> gather(String project, Instant asOf) throws IOException, InterruptedException {
        List<List<UnprocessedRow>> parts = new ArrayList<>();
        parts.add(local.rows(project, asOf));
        for (URI other : others.get()) {
            URI uri = other.resolve(PATH
                    + URLEncoder.encode(project, StandardCharsets.UTF_8).replace("+", "%20") + SUFFIX
                    + "?scope=local&asOf=" + asOf);
            HttpResponse<byte[]> response = client.send(
                    HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() == 503) {
                throw new InvalidStateStoreException(uri + " is starting or rebalancing");
            }
            if (response.statusCode() != 200) {
                throw new IOException(uri + " answered " + response.statusCode());
            }
            parts.add(Json.MAPPER.readValue(response.body(), ROWS));
        }
        return UnprocessedTabQuery.merge(parts);
    }

    private static Map<String, String> query(@Nullable String raw) {
        Map<String, String> parameters = new HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int equals = pair.indexOf('=');
                if (equals > 0) {
                    parameters.put(
                            URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return parameters;
    }

    private static void answer(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** Stops serving, waiting up to a second for requests in flight. */
    @Override
    public void close() {
        server.stop(1);
    }

    @Override
    public String toString() {
        return "TabServer[port=" + port() + "]";
    }
}
