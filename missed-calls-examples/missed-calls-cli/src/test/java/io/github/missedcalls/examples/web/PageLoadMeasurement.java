package io.github.missedcalls.examples.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * How long the page takes for a month of many calls: the server's report time (its
 * {@code Server-Timing}) and the time from navigation to the rows drawn in Chromium. A
 * measurement, not a test: its name keeps it out of every build; run it on its own.
 *
 * <pre>{@code
 * ./mvnw -q -o -pl missed-calls-examples -am verify -DskipITs -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dtest=PageLoadMeasurement -DmissedCalls.calls=100000 -DmissedCalls.rounds=7
 * }</pre>
 */
@DisplayName("Page load time, measured")
class PageLoadMeasurement {

    @Test
    @DisplayName("for a month of the calls asked for, on the embedded database, as serve runs it")
    void measure() {
        long calls = Long.getLong("missedCalls.calls", 100_000);
        int rounds = Integer.getInteger("missedCalls.rounds", 7);
        StringWriter progress = new StringWriter();
        long filling = System.nanoTime();
        try (ReportWebApp app = ReportWebApp.start(
                new ReportWebApp.Options("127.0.0.1", 0, null, calls),
                Clock.systemUTC(),
                new PrintWriter(progress, true))) {
            System.out.printf(Locale.ROOT, "%s(%.1f s to start)%n", progress, (System.nanoTime() - filling) / 1e9);
            ApiClient api = new ApiClient(app.uri());
            JsonNode kyiv = api.getJson("/api/projects").get("projects").get(0);
            LocalDate firstDay = LocalDate.parse(kyiv.get("defaultFrom").asText());
            String to = kyiv.get("defaultTo").asText();
            // The first reports load the classes and give the JIT something to compile.
            for (int i = 0; i < 5; i++) {
                api.getJson("/api/report?project=kyiv&to=" + to + "&from=" + firstDay.plusDays(i));
            }

            // Each round asks for another range (one day longer), so that no report is reused.
            List<Double> server = new ArrayList<>();
            List<Double> roundTrip = new ArrayList<>();
            String missed = "";
            for (int i = 1; i <= rounds; i++) {
                long started = System.nanoTime();
                ApiClient.Response response =
                        api.get("/api/report?project=kyiv&to=" + to + "&from=" + firstDay.minusDays(i));
                roundTrip.add((System.nanoTime() - started) / 1e6);
                server.add(serverTiming(response.header("Server-Timing").orElseThrow()));
                missed = api.json(response).get("summary").get("missedCalls").asText();
            }
            System.out.printf(
                    Locale.ROOT,
                    "kyiv: %s missed calls in the month; /api/report: server %s ms, round trip %s ms%n",
                    missed,
                    summary(server),
                    summary(roundTrip));

            Chromium.assumeInstalled();
            try (Chromium chromium = Chromium.start()) {
                chromium.open(app.uri().toString());
                List<Double> rendered = new ArrayList<>();
                List<Double> serverForPage = new ArrayList<>();
                List<Double> switched = new ArrayList<>();
                for (int i = 1; i <= rounds; i++) {
                    chromium.open(app.uri() + "?project=kyiv&to=" + to + "&from=" + firstDay.minusDays(rounds + i));
                    rendered.add(number(
                            chromium.script("return performance.getEntriesByName('report-rendered')[0].startTime;")));
                    serverForPage.add(number(chromium.script("return performance.getEntriesByType('resource')"
                            + ".filter(e => e.name.includes('/api/report'))[0].serverTiming[0].duration;")));
                    assertThat(chromium.rows()).isNotEmpty();
                    int loads = chromium.loads();
                    chromium.byId("tab-processed").click();
                    chromium.waitForLoadAfter(loads);
                    // Marks of the page's second load: the click's request to its rows drawn.
                    switched.add(
                            number(chromium.script("return performance.getEntriesByName('report-rendered')[1].startTime"
                                    + " - performance.getEntriesByName('report-requested')[1].startTime;")));
                }
                System.out.printf(
                        Locale.ROOT,
                        "page in Chromium, navigation to rows drawn: %s ms, of which the server's report" + " %s ms%n",
                        summary(rendered),
                        summary(serverForPage));
                System.out.printf(
                        Locale.ROOT, "switching to the processed tab (report reused): %s ms%n", summary(switched));
            }
        }
    }

    /** {@code report;dur=123.4;desc="made"}: the duration. */
    private static double serverTiming(String header) {
        Matcher duration = Pattern.compile("dur=([0-9.]+)").matcher(header);
        return duration.find() ? Double.parseDouble(duration.group(1)) : Double.NaN;
    }

    private static double number(@Nullable Object value) {
        return value instanceof Number number ? number.doubleValue() : Double.NaN;
    }

    /** Median, then the range. */
    private static String summary(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return String.format(
                Locale.ROOT,
                "median %.0f (min %.0f, max %.0f, %d runs)",
                sorted.get(sorted.size() / 2),
                sorted.get(0),
                sorted.get(sorted.size() - 1),
                sorted.size());
    }
}
