package io.github.missedcalls.examples.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.missedcalls.CallRecord;
import io.github.missedcalls.DeadlineClock;
import io.github.missedcalls.Direction;
import io.github.missedcalls.LineRules;
import io.github.missedcalls.MissedCalls;
import io.github.missedcalls.OwnerRule;
import io.github.missedcalls.ProjectSettings;
import io.github.missedcalls.Stage;
import io.github.missedcalls.WorkflowSettings;
import io.github.missedcalls.examples.web.ApiClient.Response;
import io.github.missedcalls.inmemory.InMemoryCallSource;
import io.github.missedcalls.inmemory.InMemoryHandleStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A server over a small, hand-made set of calls in two projects, for tests that know every
 * expected value. "Now" is {@link #NOW}, moving on from there (handles need distinct instants).
 *
 * <p>Project {@code north} (Europe/Kyiv, country code 380):
 *
 * <ul>
 *   <li>{@link #OPEN}: missed twice on 18 Nov (10:00 and 11:00 Kyiv), never called back: unprocessed;
 *   <li>{@code +380501110002}: missed 17 Nov 09:00 Kyiv, called back 30 min later;
 *   <li>{@code +380501110003}: missed 16 Nov 12:00 Kyiv, called back 2 h later;
 *   <li>{@code +380501110004}: missed 19 Nov 12:00 Kyiv, got through by calling again 1 h later;
 *   <li>a withheld number, missed 19 Nov;
 *   <li>{@link #SECOND_OPEN}: missed 19 Nov 15:00 Kyiv, an employee name holding markup: unprocessed;
 *   <li>{@code +380501110005}: missed 1 Oct, before the default range.
 * </ul>
 *
 * <p>Project {@code south} (America/Toronto): {@link #OPEN} missed once on 18 Nov: the same
 * number as in {@code north}, a different project; {@link #EARLY}, missed at 02:00 Toronto on 20
 * Oct: inside the page's default range (from 00:00 a month ago) but before "a month up to now"
 * begins, so the top row of the default view; and a call whose "number" is markup, which
 * normalization rejects (R2, R3).
 */
final class WebFixture implements AutoCloseable {

    static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");
    static final String OPEN = "+380501110001";
    static final String SECOND_OPEN = "+380501110006";
    static final String EARLY = "+380501110007";
    static final String MARKUP_EMPLOYEE = "<img src=x onerror=\"window.__pwned=1\">";
    static final String MARKUP_NUMBER = "<img src=y onerror=\"window.__pwned=2\">";
    static final ZoneId KYIV = ZoneId.of("Europe/Kyiv");
    static final ZoneId TORONTO = ZoneId.of("America/Toronto");

    final InMemoryHandleStore handles = new InMemoryHandleStore();
    final ReportServer server;
    private final ApiClient api;

    WebFixture() {
        InMemoryCallSource calls = new InMemoryCallSource()
                .add("north", northCalls())
                .add(
                        "south",
                        List.of(
                                missed("s1", "+380501110001", "2026-11-18T15:00:00Z", "+14165550000", null),
                                missed("s2", MARKUP_NUMBER, "2026-11-18T16:00:00Z", "+14165550000", null),
                                missed("s3", EARLY, "2026-10-20T06:00:00Z", "+14165550000", null)));
        WebProject north = new WebProject(
                "north",
                "North sales",
                ProjectSettings.builder().zone(KYIV).countryCode("380").build());
        WebProject south = new WebProject(
                "south",
                "South sales",
                ProjectSettings.builder()
                        .zone(TORONTO)
                        .countryCode("380")
                        .workflow(WorkflowSettings.builder()
                                .deadline(Duration.ofHours(1))
                                .clock(DeadlineClock.CALENDAR)
                                .ownerChain(List.of(OwnerRule.LINE_OWNER))
                                .line("+14165550000", new LineRules(null, "dana"))
                                .build())
                        .build());
        Map<String, ProjectSettings> settings = Map.of("north", north.settings(), "south", south.settings());
        Clock clock = Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), NOW));
        MissedCalls missedCalls = MissedCalls.builder()
                .callSource(calls)
                .handleStore(handles)
                .clock(clock)
                .settings(settings::get)
                .build();
        try {
            server = ReportServer.builder(missedCalls, List.of(north, south))
                    .port(0)
                    .clock(clock)
                    .start();
            api = new ApiClient(server.uri());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<CallRecord> northCalls() {
        return List.of(
                missed("n1", OPEN, "2026-11-18T08:00:00Z", "+380441230000", null),
                missed("n2", "0501110001", "2026-11-18T09:00:00Z", "+380441230001", null),
                missed("n3", "+380501110002", "2026-11-17T07:00:00Z", "+380441230000", null),
                answered("n4", Direction.OUT, "0501110002", "2026-11-17T07:30:00Z", "anna"),
                missed("n5", "+380501110003", "2026-11-16T10:00:00Z", "+380441230000", null),
                answered("n6", Direction.OUT, "+380501110003", "2026-11-16T12:00:00Z", "boris"),
                missed("n7", "+380501110004", "2026-11-19T10:00:00Z", "+380441230000", null),
                answered("n8", Direction.IN, "+380501110004", "2026-11-19T11:00:00Z", "chen"),
                missed("n9", "anonymous", "2026-11-19T10:30:00Z", "+380441230000", null),
                missed("n10", SECOND_OPEN, "2026-11-19T13:00:00Z", "+380441230000", MARKUP_EMPLOYEE),
                missed("n11", "+380501110005", "2026-10-01T10:00:00Z", "+380441230000", null));
    }

    static CallRecord missed(String id, String client, String start, String line, @Nullable String employee) {
        Instant at = Instant.parse(start);
        return CallRecord.builder(id, Direction.IN, at, at.plusSeconds(40))
                .client(client)
                .line(line)
                .employee(employee)
                .stage(Stage.RINGING)
                .build();
    }

    static CallRecord answered(String id, Direction direction, String client, String start, String employee) {
        Instant at = Instant.parse(start);
        return CallRecord.builder(id, direction, at, at.plusSeconds(120))
                .client(client)
                .employee(employee)
                .answeredAt(at.plusSeconds(10))
                .build();
    }

    Response get(String pathAndQuery) {
        return api.get(pathAndQuery);
    }

    JsonNode getJson(String pathAndQuery) {
        return api.getJson(pathAndQuery);
    }

    Response postHandle(String body) {
        return api.postHandle(body);
    }

    Response send(String method, String pathAndQuery, @Nullable String contentType, @Nullable String body) {
        return api.send(method, pathAndQuery, contentType, body);
    }

    JsonNode json(Response response) {
        return api.json(response);
    }

    URI uri() {
        return server.uri();
    }

    @Override
    public void close() {
        server.close();
    }
}
