package io.github.missedcalls.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.missedcalls.examples.demo.DemoDatabase;
import io.github.missedcalls.examples.web.ReportWebApp;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("missed-calls demo (docs/cli.md)")
class DemoCommandTest {

    private static final List<String> EXPORTS = List.of(
            "unprocessed.csv",
            "processed.csv",
            "team.csv",
            "report.xlsx",
            "unprocessed.json",
            "processed.json",
            "team.json");

    @Test
    @DisplayName("reports what the page shows for the same month: the same range, the same counts of both tabs")
    void agreesWithThePage(@TempDir Path out) throws Exception {
        CliRunner.Result demo = CliRunner.run("demo", "--calls", "3000", "--out", out.toString());
        assertThat(demo.exit()).isZero();

        Clock clock = Clock.fixed(CliRunner.NOW, ZoneOffset.UTC);
        StringWriter progress = new StringWriter();
        try (ReportWebApp page = ReportWebApp.start(
                new ReportWebApp.Options("127.0.0.1", 0, null, 3000), clock, new PrintWriter(progress))) {
            HttpResponse<String> answer = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(page.uri().resolve("/api/report?project=kyiv"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            JsonNode report = new ObjectMapper().readTree(answer.body());

            assertThat(demo.out())
                    .contains("range           " + report.get("from").asText() + " to "
                            + report.get("to").asText() + ", both days included")
                    .contains(String.format(
                            Locale.ROOT,
                            "Unprocessed: %,d clients",
                            report.get("counts").get("unprocessed").asLong()))
                    .contains(String.format(
                            Locale.ROOT,
                            "Processed: %,d groups",
                            report.get("counts").get("processed").asLong()));
        }
    }

    @Test
    @DisplayName("needs no file and no server: an embedded database, both tabs, a summary and the exports it names")
    void embedded(@TempDir Path out) throws IOException {
        CliRunner.Result result = CliRunner.run("demo", "--calls", "3000", "--out", out.toString());

        assertThat(result.exit()).isZero();
        assertThat(result.err())
                .as("no progress bar when standard error is not a terminal")
                .isEmpty();
        assertThat(result.out())
                .contains("database        H2, embedded")
                .contains("Unprocessed: ")
                .containsPattern("Client +First missed +Last missed +Missed calls +Callback attempts +Reason +Waiting")
                .contains("Processed: ")
                .contains("Resolution")
                .contains("unprocessed clients")
                .contains("missed calls")
                .contains("callback rate")
                .contains("time to callback      median ")
                .contains("90th percentile")
                .containsPattern("callback rate         [0-9.]+% of all [0-9,]+ groups, open ones included")
                .containsPattern("resolutions           of the [0-9,]+ processed groups: called back ")
                .contains("client got through ")
                .contains("handled ")
                .contains("Exports in " + out)
                .contains("deadline        2 business hours from the first missed call")
                .containsPattern("Waiting +Due +Owner")
                .contains(" overdue ")
                .contains("Team: how each manager did (R18)")
                .containsPattern("Employee +Resolved +On time +Attempts +Reached +Median to resolution +Open +Overdue");
        Matcher processed =
                Pattern.compile("Processed: ([0-9,]+) groups resolved").matcher(result.out());
        Matcher all = Pattern.compile("\n  all +([0-9,]+) ").matcher(result.out());
        assertThat(processed.find() && all.find()).isTrue();
        assertThat(all.group(1))
                .as("the team's resolutions are the processed tab's groups")
                .isEqualTo(processed.group(1));
        for (String file : EXPORTS) {
            assertThat(result.out()).contains(out.resolve(file).toString());
            assertThat(out.resolve(file)).isNotEmptyFile();
        }
        assertThat(Files.readString(out.resolve("unprocessed.csv")))
                .startsWith("client,first_missed_at,last_missed_at,lost_for_s,missed,attempts,reason,reasons,waiting_s,"
                        + "due,overdue,overdue_s,owner,priority,reason_label,reasons_label\r\n");
        assertThat(Files.readString(out.resolve("team.csv"))).startsWith("scope,name,missed_calls,");
        try (InputStream in = Files.newInputStream(out.resolve("report.xlsx"));
                ReadableWorkbook workbook = new ReadableWorkbook(in)) {
            assertThat(workbook.getSheets().map(Sheet::getName)).containsExactly("unprocessed", "processed", "about");
        }
    }

    @Test
    @DisplayName(
            "--lang uk: headings, reasons and resolutions in Ukrainian; the CSV keeps the codes and adds the words")
    void ukrainian(@TempDir Path out) throws IOException {
        CliRunner.Result result = CliRunner.run("demo", "--calls", "3000", "--out", out.toString(), "--lang", "uk");

        assertThat(result.exit()).isZero();
        assertThat(result.out())
                .contains("Клієнт")
                .contains("Перший пропущений")
                .containsAnyOf("Передзвонили", "Клієнт додзвонився", "Оброблено вручну")
                .doesNotContain("NOT_ANSWERED_BY_MANAGERS");
        assertThat(Files.readString(out.resolve("processed.csv")))
                .startsWith(
                        "client,first_missed_at,last_missed_at,lost_for_s,missed,attempts,reason,reasons,resolution,")
                .contains(",reason_label,reasons_label,resolution_label,handle_reason_label\r\n")
                .contains(",called_back,");
        assertThat(CliRunner.run("demo", "--lang", "de").errLines())
                .last()
                .asString()
                .contains("'de' is not a language: en, uk or ru");
    }

    @Test
    @DisplayName("the generated month has every reason of R9 and every resolution kind of R6")
    void everyReasonAndKind(@TempDir Path out) throws IOException {
        CliRunner.Result result = CliRunner.run("demo", "--calls", "20000", "--out", out.toString(), "--rows", "0");

        assertThat(result.exit()).isZero();
        String rows = Files.readString(out.resolve("unprocessed.csv")) + Files.readString(out.resolve("processed.csv"));
        for (io.github.missedcalls.MissedReason reason : io.github.missedcalls.MissedReason.values()) {
            assertThat(rows).as(reason.name()).contains(reason.name());
        }
        for (io.github.missedcalls.ResolutionKind kind : io.github.missedcalls.ResolutionKind.values()) {
            assertThat(rows).as(kind.token()).contains("," + kind.token() + ",");
        }
    }

    @Test
    @DisplayName("--jdbc-url runs the same against PostgreSQL (MISSED_CALLS_POSTGRES_URL) and leaves no project behind")
    void postgres(@TempDir Path out) throws Exception {
        againstServer(
                "MISSED_CALLS_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres", "PostgreSQL", out);
    }

    @Test
    @DisplayName("--jdbc-url runs the same against MariaDB (MISSED_CALLS_MARIADB_URL) and leaves no project behind")
    void mariadb(@TempDir Path out) throws Exception {
        againstServer(
                "MISSED_CALLS_MARIADB_URL", "jdbc:mariadb://127.0.0.1:3306/test?user=root&password=", "MariaDB", out);
    }

    private static void againstServer(String variable, String example, String product, Path out) throws SQLException {
        String url = System.getenv(variable);
        assumeTrue(
                url != null && !url.isBlank(),
                () -> "skipped: set " + variable + " to a JDBC URL (e.g. " + example + ") to run the demo against "
                        + product);
        // The clock is fixed, so the project's name is too: a run that died earlier may have left it.
        String project = "demo-20261120-120000";
        try (DemoDatabase database = DemoDatabase.at(url, null, null)) {
            io.github.missedcalls.jdbc.JdbcSchema.create(database.dataSource());
            database.removeProject(project);
        }

        CliRunner.Result result = CliRunner.run("demo", "--jdbc-url", url, "--calls", "3000", "--out", out.toString());

        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(result.out())
                .contains("database        " + product)
                .contains("project '" + project + "'")
                .contains("callback rate");
        try (DemoDatabase database = DemoDatabase.at(url, null, null);
                Connection connection = database.dataSource().getConnection();
                PreparedStatement count =
                        connection.prepareStatement("SELECT COUNT(*) FROM missed_calls_calls WHERE project = ?")) {
            count.setString(1, project);
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                assertThat(rows.getLong(1)).isZero();
            }
        }
    }

    @Test
    @DisplayName("a database that cannot be reached is one line and exit 2")
    void unreachable() {
        CliRunner.Result result =
                CliRunner.run("demo", "--jdbc-url", "jdbc:postgresql://127.0.0.1:1/none?connectTimeout=2");

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.errLines())
                .singleElement()
                .asString()
                .startsWith("error: cannot use the database at ")
                .doesNotContain("Exception");
    }

    @Test
    @DisplayName("durations read as a person says them")
    void durations() {
        assertThat(DemoCommand.duration(Duration.ofSeconds(45))).isEqualTo("45s");
        assertThat(DemoCommand.duration(Duration.ofMinutes(27))).isEqualTo("27m");
        assertThat(DemoCommand.duration(Duration.ofMinutes(190))).isEqualTo("3h 10m");
        assertThat(DemoCommand.duration(Duration.ofHours(51))).isEqualTo("2d 03h");
    }
}
