package io.github.missedcalls.examples.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What {@code serve} runs, end to end over a real database: the embedded H2 always, PostgreSQL
 * and MariaDB when {@code MISSED_CALLS_POSTGRES_URL} / {@code MISSED_CALLS_MARIADB_URL} give
 * their URLs ({@code .ci/services.sh} sets both).
 */
@DisplayName("The served report app")
class ReportWebAppTest {

    private static final List<String> DEMO_PROJECTS = List.of("kyiv", "lisbon", "toronto");
    private static final String EMBEDDED = "embedded";

    private static @Nullable String url(String database) {
        if (database.equals(EMBEDDED)) {
            return null;
        }
        String url = System.getenv(database);
        assumeTrue(
                url != null && !url.isBlank(),
                database + " is not set: export it with a JDBC URL (or `source "
                        + ".ci/services.sh`, as .ci/run does) to run this test on that database");
        return url;
    }

    private static ReportWebApp start(@Nullable String url, StringWriter progress) {
        ReportWebApp.Options options = new ReportWebApp.Options("127.0.0.1", 0, url, 1_500);
        return ReportWebApp.start(options, Clock.systemUTC(), new PrintWriter(progress, true));
    }

    /** Removes what an earlier run left of the demo projects in a shared database. */
    private static void forgetDemoProjects(@Nullable String url) throws SQLException {
        if (url == null) {
            return;
        }
        try (Connection connection = DriverManager.getConnection(url)) {
            for (String table : List.of("missed_calls_calls", "missed_calls_handles")) {
                if (!connection.getMetaData().getTables(null, null, table, null).next()) {
                    continue;
                }
                try (PreparedStatement delete =
                        connection.prepareStatement("DELETE FROM " + table + " WHERE project = ?")) {
                    for (String project : DEMO_PROJECTS) {
                        delete.setString(1, project);
                        delete.executeUpdate();
                    }
                }
            }
        }
    }

    private static List<String> clients(JsonNode report) {
        List<String> clients = new ArrayList<>();
        report.get("rows").forEach(row -> clients.add(row.get("client").asText()));
        return clients;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {EMBEDDED, "MISSED_CALLS_POSTGRES_URL", "MISSED_CALLS_MARIADB_URL"})
    @DisplayName("fills the demo projects, reports them, and keeps a handle in the database")
    void servesFromDatabase(String database) throws Exception {
        String url = url(database);
        forgetDemoProjects(url);
        StringWriter progress = new StringWriter();
        String client;
        try (ReportWebApp app = start(url, progress)) {
            ApiClient api = new ApiClient(app.uri());
            JsonNode projects = api.getJson("/api/projects").get("projects");
            assertThat(projects)
                    .extracting(project -> project.get("id").asText())
                    .containsExactlyElementsOf(DEMO_PROJECTS);
            JsonNode report = api.getJson("/api/report?project=kyiv");
            assertThat(report.get("counts").get("unprocessed").asInt()).isPositive();
            assertThat(report.get("counts").get("processed").asInt()).isPositive();
            JsonNode row = report.get("rows").get(0);
            client = row.get("client").asText();

            ApiClient.Response handled = api.postHandle("{\"project\":\"kyiv\",\"client\":\"" + client
                    + "\",\"reason\":\"not_sales\",\"actor\":\"Olena\",\"seenLastMissedAt\":\""
                    + row.get("lastMissedAt").asText() + "\"}");

            assertThat(handled.status()).as(handled.body()).isEqualTo(201);
            assertThat(clients(api.getJson("/api/report?project=kyiv"))).doesNotContain(client);
        }
        assertThat(progress.toString()).doesNotContain(" 0 calls written");

        if (url != null) {
            StringWriter again = new StringWriter();
            try (ReportWebApp app = start(url, again)) {
                JsonNode processed =
                        new ApiClient(app.uri()).getJson("/api/report?project=kyiv&tab=processed&limit=1000");
                assertThat(again.toString()).contains("\n0 calls written");
                assertThat(processed.get("rows")).anySatisfy(row -> {
                    assertThat(row.get("client").asText()).isEqualTo(client);
                    assertThat(row.get("handleReason").asText()).isEqualTo("not_sales");
                });
            } finally {
                forgetDemoProjects(url);
            }
        }
    }

    @Test
    @DisplayName("says in one sentence, without the password, that a database cannot be reached")
    void unreachableDatabase() {
        String url = "jdbc:postgresql://127.0.0.1:1/nothing?user=postgres&password=secret";

        assertThatThrownBy(() -> start(url, new StringWriter()))
                .isInstanceOf(ServeException.class)
                .hasMessageStartingWith("cannot use the database at jdbc:postgresql://127.0.0.1:1/nothing?")
                .hasMessageNotContaining("secret");
    }
}
