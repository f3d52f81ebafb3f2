package io.github.missedcalls.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import io.github.missedcalls.MissedCall;
import io.github.missedcalls.MissedReason;
import io.github.missedcalls.UnprocessedRow;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The tab server")
class TabServerTest {

    private static final Instant T0 = Instant.parse("2026-11-02T09:00:00Z");
    private static final InetSocketAddress ANY_PORT = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);

    private static UnprocessedRow row(String client, int minutes) {
        return new UnprocessedRow(
                client,
                List.of(new MissedCall(client + "-1", T0.plusSeconds(60L * minutes), MissedReason.UNKNOWN, null, null)),
                List.of(),
                Duration.ofMinutes(60 - minutes));
    }

    private static HttpResponse<String> get(TabServer server, String path) throws IOException, InterruptedException {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    private static List<UnprocessedRow> rows(HttpResponse<String> response) throws IOException {
        return Json.MAPPER.readValue(response.body(), new TypeReference<List<UnprocessedRow>>() {});
    }

    @Test
    @DisplayName("answers a project's whole tab, gathered from every instance, in the report's order")
    void gathers() throws IOException, InterruptedException {
        Map<String, List<UnprocessedRow>> partA = Map.of("acme", List.of(row("+380501110001", 5)));
        Map<String, List<UnprocessedRow>> partB =
                Map.of("acme", List.of(row("+380501110002", 1), row("+380501110003", 9)));
        List<URI> peersOfA = new ArrayList<>();
        try (TabServer a = new TabServer(
                        ANY_PORT, (project, asOf) -> partA.getOrDefault(project, List.of()), () -> peersOfA);
                TabServer b =
                        new TabServer(ANY_PORT, (project, asOf) -> partB.getOrDefault(project, List.of()), List::of)) {
            peersOfA.add(URI.create("http://127.0.0.1:" + b.port()));

            HttpResponse<String> whole = get(a, "/projects/acme/unprocessed");
            assertThat(whole.statusCode()).isEqualTo(200);
            assertThat(rows(whole))
                    .extracting(UnprocessedRow::client)
                    .containsExactly("+380501110002", "+380501110001", "+380501110003");
            assertThat(rows(get(a, "/projects/acme/unprocessed?scope=local")))
                    .extracting(UnprocessedRow::client)
                    .containsExactly("+380501110001");
            assertThat(rows(get(a, "/projects/globex/unprocessed"))).isEmpty();
            assertThat(get(a, "/projects/").statusCode()).isEqualTo(404);
        }
    }

    @Test
    @DisplayName("fails, rather than answer part of a tab, when another instance does not answer")
    void failsWithoutAPeer() throws IOException, InterruptedException {
        int gone;
        try (TabServer closed = new TabServer(ANY_PORT, (project, asOf) -> List.of(), List::of)) {
            gone = closed.port();
        }
        try (TabServer a = new TabServer(
                ANY_PORT,
                (project, asOf) -> List.of(row("+380501110001", 5)),
                () -> List.of(URI.create("http://127.0.0.1:" + gone)))) {
            HttpResponse<String> response = get(a, "/projects/acme/unprocessed");
            assertThat(response.statusCode()).isEqualTo(502);
            assertThat(response.body()).contains("error");
        }
    }

    @Test
    @DisplayName("measures the waiting time to ?asOf=, asks every instance for the same instant, refuses a bad one")
    void asOf() throws IOException, InterruptedException {
        List<Instant> askedOfB = new ArrayList<>();
        try (TabServer b = new TabServer(
                        ANY_PORT,
                        (project, asOf) -> {
                            askedOfB.add(asOf);
                            return List.of();
                        },
                        List::of);
                TabServer a = new TabServer(
                        ANY_PORT,
                        (project, asOf) -> List.of(new UnprocessedRow(
                                "+380501110001",
                                row("+380501110001", 0).calls(),
                                List.of(),
                                Duration.between(T0, asOf))),
                        () -> List.of(URI.create("http://127.0.0.1:" + b.port())))) {
            HttpResponse<String> response = get(a, "/projects/acme/unprocessed?asOf=2026-11-02T10:30:00Z");
            assertThat(rows(response)).extracting(UnprocessedRow::waiting).containsExactly(Duration.ofMinutes(90));
            assertThat(askedOfB).containsExactly(Instant.parse("2026-11-02T10:30:00Z"));

            HttpResponse<String> bad = get(a, "/projects/acme/unprocessed?asOf=yesterday");
            assertThat(bad.statusCode()).isEqualTo(400);
            assertThat(bad.body()).contains("asOf is not an ISO-8601 instant: yesterday");
        }
    }

    @Test
    @DisplayName("asks to be asked again (503) while another instance rebalances, rather than fail (502)")
    void rebalancingPeer() throws IOException, InterruptedException {
        try (TabServer rebalancing = new TabServer(
                        ANY_PORT,
                        (project, asOf) -> {
                            throw new InvalidStateStoreException("instance is REBALANCING, not RUNNING; ask again");
                        },
                        List::of);
                TabServer a = new TabServer(
                        ANY_PORT,
                        (project, asOf) -> List.of(row("+380501110001", 5)),
                        () -> List.of(URI.create("http://127.0.0.1:" + rebalancing.port())))) {
            assertThat(get(rebalancing, "/projects/acme/unprocessed?scope=local")
                            .statusCode())
                    .isEqualTo(503);
            assertThat(get(a, "/projects/acme/unprocessed").statusCode()).isEqualTo(503);
        }
    }
}
