package io.github.missedcalls.examples.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.missedcalls.HandleReason;
import io.github.missedcalls.Labels;
import io.github.missedcalls.MissedReason;
import io.github.missedcalls.ReportColumn;
import io.github.missedcalls.Tab;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("The report page's JSON API")
class ReportApiTest {

    @AutoClose
    private final WebFixture web = new WebFixture();

    private static List<String> clients(JsonNode report) {
        List<String> clients = new ArrayList<>();
        report.get("rows").forEach(row -> clients.add(row.get("client").asText()));
        return clients;
    }

    @Nested
    @DisplayName("/api/projects")
    class Projects {

        @Test
        @DisplayName("lists every project with its zone and a default range of the last month up to today in its zone")
        void listsProjects() {
            JsonNode answer = web.getJson("/api/projects");

            assertThat(answer.get("projects")).hasSize(2);
            JsonNode north = answer.get("projects").get(0);
            assertThat(north.get("id").asText()).isEqualTo("north");
            assertThat(north.get("name").asText()).isEqualTo("North sales");
            assertThat(north.get("zone").asText()).isEqualTo("Europe/Kyiv");
            assertThat(north.get("defaultFrom").asText()).isEqualTo("2026-10-20");
            assertThat(north.get("defaultTo").asText()).isEqualTo("2026-11-20");
            assertThat(answer.get("handleReasons").toString())
                    .isEqualTo(
                            "[\"spam\",\"wrong_number\",\"resolved_elsewhere\",\"not_sales\",\"duplicate\",\"other\"]");
            assertThat(answer.get("exportFormats").toString()).contains("\"csv\"", "\"json\"");
        }
    }

    @Nested
    @DisplayName("/api/labels")
    class LabelsOfThePage {

        @Test
        @DisplayName("gives English words by default: the codes as core's Labels puts them, and the page's own words")
        void english() {
            JsonNode words = web.getJson("/api/labels");

            assertThat(words.get("lang").asText()).isEqualTo("en");
            assertThat(words.get("reasons")
                            .get(MissedReason.OUTSIDE_BUSINESS_HOURS.name())
                            .asText())
                    .isEqualTo(Labels.english().reason(MissedReason.OUTSIDE_BUSINESS_HOURS));
            assertThat(words.get("columns").get(ReportColumn.CLIENT.jsonKey()).asText())
                    .isEqualTo("Client");
            assertThat(words.get("resolutions").get("called_back").asText()).isEqualTo("Called back");
            assertThat(words.get("handleReasons").get("spam").asText())
                    .isEqualTo(Labels.english().handleReason(HandleReason.SPAM));
            assertThat(words.get("page").get("tab.unprocessed").asText()).isEqualTo("Unprocessed");
        }

        @Test
        @DisplayName("names each language in itself, and speaks the one asked for")
        void ukrainian() {
            JsonNode words = web.getJson("/api/labels?lang=uk");

            assertThat(words.get("lang").asText()).isEqualTo("uk");
            List<String> names = new ArrayList<>();
            words.get("languages")
                    .forEach(language -> names.add(language.get("name").asText()));
            assertThat(names).containsExactly("English", "Українська", "Русский");
            assertThat(words.get("columns").get(ReportColumn.CLIENT.jsonKey()).asText())
                    .isEqualTo("Клієнт");
            assertThat(words.get("page").get("tab.unprocessed").asText()).isEqualTo("Необроблені");
        }

        @Test
        @DisplayName("refuses a language it has no words in, naming the ones it has")
        void unknownLanguage() {
            ApiClient.Response response = web.get("/api/labels?lang=de");

            assertThat(response.status()).isEqualTo(400);
            assertThat(response.body()).contains("de", "en, uk, ru");
        }
    }

    @Nested
    @DisplayName("/api/report")
    class Reports {

        @Test
        @DisplayName("gives the counts of both tabs and the unprocessed rows longest-waiting first (R8)")
        void unprocessedTab() {
            JsonNode report = web.getJson("/api/report?project=north");

            assertThat(report.get("counts").get("unprocessed").asInt()).isEqualTo(2);
            assertThat(report.get("counts").get("processed").asInt()).isEqualTo(3);
            assertThat(report.get("tab").asText()).isEqualTo("unprocessed");
            assertThat(clients(report)).containsExactly(WebFixture.OPEN, WebFixture.SECOND_OPEN);
        }

        @Test
        @DisplayName(
                "writes a row with the export's columns, times in the project's zone, plus lines and employees (R7)")
        void rowColumns() {
            JsonNode row = web.getJson("/api/report?project=north").get("rows").get(0);

            List<String> keys = new ArrayList<>();
            row.fieldNames().forEachRemaining(keys::add);
            List<String> expected = new ArrayList<>();
            ReportColumn.of(Tab.UNPROCESSED).forEach(column -> expected.add(column.jsonKey()));
            expected.add("lines");
            expected.add("employees");
            assertThat(keys).containsExactlyElementsOf(expected);
            assertThat(row.get("firstMissedAt").asText()).isEqualTo("2026-11-18T10:00:00+02:00");
            assertThat(row.get("lastMissedAt").asText()).isEqualTo("2026-11-18T11:00:00+02:00");
            assertThat(row.get("lostForS").asLong()).isEqualTo(3600);
            assertThat(row.get("missed").asInt()).isEqualTo(2);
            assertThat(row.get("reason").asText()).isEqualTo("NOT_ANSWERED_BY_MANAGERS");
            assertThat(row.get("reasons").asText()).isEqualTo("NOT_ANSWERED_BY_MANAGERS|NOT_ANSWERED_BY_MANAGERS");
            assertThat(row.get("lines").toString()).isEqualTo("[\"+380441230000\",\"+380441230001\"]");
            assertThat(row.get("waitingS").asLong()).isGreaterThanOrEqualTo(2 * 86_400 + 2 * 3600);
        }

        @Test
        @DisplayName("gives the processed tab latest resolution first, with how, when and by whom (R6, R8)")
        void processedTab() {
            JsonNode report = web.getJson("/api/report?project=north&tab=processed");

            assertThat(clients(report)).containsExactly("+380501110004", "+380501110002", "+380501110003");
            JsonNode gotThrough = report.get("rows").get(0);
            assertThat(gotThrough.get("resolution").asText()).isEqualTo("client_got_through");
            assertThat(gotThrough.get("resolvedBy").asText()).isEqualTo("chen");
            JsonNode calledBack = report.get("rows").get(1);
            assertThat(calledBack.get("resolution").asText()).isEqualTo("called_back");
            assertThat(calledBack.get("resolvedAt").asText()).isEqualTo("2026-11-17T09:30:00+02:00");
            assertThat(calledBack.get("timeToResolutionS").asLong()).isEqualTo(1800);
            assertThat(calledBack.get("handleReason").isNull()).isTrue();
        }

        @Test
        @DisplayName(
                "sums up the window as the demo does: unprocessed clients, missed calls, withheld apart, callback rate,"
                        + " median time to callback")
        void summary() {
            JsonNode summary = web.getJson("/api/report?project=north").get("summary");

            assertThat(summary.get("unprocessedClients").asLong()).isEqualTo(2);
            assertThat(summary.get("missedCalls").asLong()).isEqualTo(6);
            assertThat(summary.get("anonymousMissed").asLong()).isEqualTo(1);
            assertThat(summary.get("calledBack").asLong()).isEqualTo(2);
            assertThat(summary.get("callbackRate").asDouble()).isEqualTo(0.4);
            // Nearest rank: of 30 min and 2 h, the first.
            assertThat(summary.get("medianTimeToCallbackS").asLong()).isEqualTo(1800);
        }

        @Test
        @DisplayName("counts the chart's missed calls by hour of day in the project's zone and by reason (R9)")
        void chart() {
            JsonNode chart = web.getJson("/api/report?project=north").get("chart");

            int reason = MissedReason.NOT_ANSWERED_BY_MANAGERS.ordinal();
            assertThat(chart.get("reasons").get(reason).asText()).isEqualTo("NOT_ANSWERED_BY_MANAGERS");
            long total = 0;
            for (JsonNode hour : chart.get("hours")) {
                for (JsonNode count : hour) {
                    total += count.asLong();
                }
            }
            assertThat(total).isEqualTo(6);
            assertThat(chart.get("hours").get(12).get(reason).asLong()).isEqualTo(2);
            assertThat(chart.get("hours").get(15).get(reason).asLong()).isEqualTo(1);
            assertThat(chart.get("hours").get(14).get(reason).asLong()).isZero();
        }

        @Test
        @DisplayName("reads the range as days in the project's zone, both included (R8)")
        void range() {
            JsonNode report = web.getJson("/api/report?project=north&from=2026-11-18&to=2026-11-18");

            assertThat(report.get("windowStart").asText()).isEqualTo("2026-11-18T00:00:00+02:00");
            assertThat(report.get("windowEnd").asText()).isEqualTo("2026-11-19T00:00:00+02:00");
            assertThat(clients(report)).containsExactly(WebFixture.OPEN);
            assertThat(report.get("counts").get("processed").asInt()).isZero();
        }

        @Test
        @DisplayName("pages through a tab with offset and limit, the total always complete")
        void paging() {
            JsonNode report = web.getJson("/api/report?project=north&tab=processed&offset=1&limit=1");

            assertThat(report.get("total").asInt()).isEqualTo(3);
            assertThat(clients(report)).containsExactly("+380501110002");
        }

        @Test
        @DisplayName("reuses a report of seconds ago for another tab or page, and makes a new one after a handle")
        void reuse() {
            assertThat(web.get("/api/report?project=north").header("Server-Timing"))
                    .hasValueSatisfying(timing -> assertThat(timing).endsWith("desc=\"made\""));
            assertThat(web.get("/api/report?project=north&tab=processed").header("Server-Timing"))
                    .hasValueSatisfying(timing -> assertThat(timing).endsWith("desc=\"reused\""));
            assertThat(web.get("/api/report?project=north&from=2026-11-01").header("Server-Timing"))
                    .hasValueSatisfying(timing -> assertThat(timing).endsWith("desc=\"made\""));

            web.postHandle("{\"project\":\"north\",\"client\":\"" + WebFixture.OPEN + "\",\"reason\":\"spam\","
                    + "\"actor\":\"Olena\"}");

            ApiClient.Response after = web.get("/api/report?project=north&tab=processed");
            assertThat(after.header("Server-Timing"))
                    .hasValueSatisfying(timing -> assertThat(timing).endsWith("desc=\"made\""));
            assertThat(clients(web.json(after))).contains(WebFixture.OPEN);
        }

        @Test
        @DisplayName("refuses a bad range, tab, paging or project with a sentence and no stack trace")
        void refusals() {
            assertRefused(
                    "/api/report?project=north&from=2026-11-19&to=2026-11-18",
                    400,
                    "starts (2026-11-19) after it ends");
            assertRefused("/api/report?project=north&from=yesterday", 400, "from is not a day of the form YYYY-MM-DD");
            assertRefused("/api/report?project=north&from=2020-01-01&to=2026-11-18", 400, "longer than 366 days");
            assertRefused("/api/report?project=north&tab=archived", 400, "unknown tab archived");
            assertRefused("/api/report?project=north&limit=0", 400, "limit must be 1 to 1000");
            assertRefused("/api/report?project=west", 404, "unknown project west");
            assertRefused("/api/report", 400, "no project; one of north, south");
        }
    }

    private void assertRefused(String path, int status, String message) {
        ApiClient.Response response = web.get(path);
        assertThat(response.status()).as(path).isEqualTo(status);
        assertThat(web.json(response).get("error").asText()).as(path).contains(message);
        assertThat(response.body()).doesNotContain("Exception", "\tat ");
    }

    @Nested
    @DisplayName("working the report (R14 to R18)")
    class Workflow {

        @Test
        @DisplayName(
                "R14 to R16: a project with a workflow gives due, overdue, owner and priority after the export's keys")
        void workflowKeys() {
            JsonNode south = web.getJson("/api/report?project=south");
            JsonNode row = south.get("rows").get(1);

            assertThat(south.get("workflow").asBoolean()).isTrue();
            assertThat(south.get("owners").toString()).isEqualTo("[\"dana\"]");
            assertThat(row.get("client").asText()).isEqualTo(WebFixture.OPEN);
            assertThat(row.get("due").asText()).isEqualTo("2026-11-18T11:00:00-05:00");
            assertThat(row.get("overdue").asText()).isEqualTo("yes");
            assertThat(row.get("owner").asText()).isEqualTo("dana");
            assertThat(row.get("priority").asInt()).isPositive();
            assertThat(row.get("priorityExplained").asText())
                    .startsWith("1 burst × 100")
                    .contains("overdue");
            JsonNode north = web.getJson("/api/report?project=north");
            assertThat(north.get("workflow").asBoolean()).isFalse();
            assertThat(north.get("rows").get(0).has("due")).isFalse();
        }

        @Test
        @DisplayName("R15, R16: sort=priority orders the unprocessed tab by score; owner=NAME keeps that owner's rows")
        void sortAndFilter() {
            JsonNode sorted = web.getJson("/api/report?project=south&sort=priority");
            List<Integer> scores = new ArrayList<>();
            sorted.get("rows").forEach(row -> scores.add(row.get("priority").asInt()));

            assertThat(scores).isSortedAccordingTo(java.util.Comparator.reverseOrder());
            assertThat(clients(web.getJson("/api/report?project=south&owner=dana")))
                    .containsExactlyInAnyOrder(WebFixture.EARLY, WebFixture.OPEN);
            assertThat(clients(web.getJson("/api/report?project=south&owner=nobody")))
                    .isEmpty();
            assertRefused("/api/report?project=south&sort=priority&tab=processed", 400, "unprocessed tab only");
            assertRefused("/api/report?project=south&sort=loudest", 400, "unknown sort");
        }

        @Test
        @DisplayName("R18: /api/team gives the team's figures in total, per employee and per line")
        void team() {
            JsonNode team = web.getJson("/api/team?project=north").get("team");

            assertThat(team.get("total").get("groupsOpened").asInt()).isEqualTo(5);
            assertThat(team.get("total").get("open").asInt()).isEqualTo(2);
            List<String> employees = new ArrayList<>();
            team.get("employees")
                    .forEach(employee -> employees.add(employee.get("name").asText()));
            assertThat(employees).contains("anna", "boris");
            assertThat(team.get("lines").size()).isPositive();
        }

        @Test
        @DisplayName(
                "R16: an assignment names the new owner and leaves the group open; nothing open or no name is refused")
        void assign() {
            ApiClient.Response assigned = web.send(
                    "POST",
                    "/api/assign",
                    "application/json",
                    "{\"project\":\"south\",\"client\":\"" + WebFixture.OPEN
                            + "\",\"owner\":\"yana\",\"actor\":\"Olena\"}");

            assertThat(assigned.status()).as(assigned.body()).isEqualTo(201);
            assertThat(web.json(assigned).get("assigned").get("owner").asText()).isEqualTo("yana");
            JsonNode south = web.getJson("/api/report?project=south&owner=yana");
            assertThat(clients(south)).containsExactly(WebFixture.OPEN);
            assertThat(south.get("counts").get("processed").asInt()).isZero();
            ApiClient.Response closed = web.send(
                    "POST",
                    "/api/assign",
                    "application/json",
                    "{\"project\":\"north\",\"client\":\"+380501110003\",\"owner\":\"yana\",\"actor\":\"Olena\"}");
            assertThat(closed.status()).isEqualTo(409);
            ApiClient.Response anonymous = web.send(
                    "POST",
                    "/api/assign",
                    "application/json",
                    "{\"project\":\"south\",\"client\":\"" + WebFixture.OPEN + "\",\"owner\":\"yana\"}");
            assertThat(anonymous.status()).isEqualTo(400);
            assertThat(web.json(anonymous).get("error").asText()).contains("your name is required");
        }
    }

    @Nested
    @DisplayName("/api/export")
    class Exports {

        @Test
        @DisplayName("writes the tab and range chosen as CSV, as a download named after them (R13)")
        void csv() {
            ApiClient.Response response =
                    web.get("/api/export?project=north&tab=processed&format=csv" + "&from=2026-11-01&to=2026-11-20");

            assertThat(response.status()).isEqualTo(200);
            assertThat(response.header("Content-Type")).hasValue("text/csv; charset=utf-8");
            assertThat(response.header("Content-Disposition"))
                    .hasValue("attachment; filename=\"missed-calls_north_processed_2026-11-01_2026-11-20.csv\"");
            String[] lines = response.body().split("\r\n");
            assertThat(lines[0])
                    .isEqualTo("client,first_missed_at,last_missed_at,lost_for_s,missed,attempts,reason,"
                            + "reasons,resolution,resolved_at,resolved_by,handle_reason,note,time_to_resolution_s");
            assertThat(lines).hasSize(4);
            assertThat(lines[1]).startsWith("+380501110004,2026-11-19T12:00:00+02:00,");
        }

        @Test
        @DisplayName(
                "writes JSON as the CLI does: the tab, its rows with the export's keys, rejections and withheld calls")
        void json() {
            ApiClient.Response response = web.get("/api/export?project=north&format=json");

            assertThat(response.status()).isEqualTo(200);
            JsonNode export = web.json(response);
            assertThat(export.get("tab").asText()).isEqualTo("unprocessed");
            assertThat(export.get("rows")).hasSize(2);
            assertThat(export.get("rows").get(0).has("lines")).isFalse();
            assertThat(export.get("rows").get(0).get("client").asText()).isEqualTo(WebFixture.OPEN);
            assertThat(export.get("rejected")).isEmpty();
            assertThat(export.get("anonymousMissed").asLong()).isEqualTo(1);
        }

        @Test
        @DisplayName("writes XLSX through the command line's exporter, as a download")
        void xlsx() {
            ApiClient.Response response = web.get("/api/export?project=north&format=xlsx");

            assertThat(response.status()).isEqualTo(200);
            assertThat(response.header("Content-Type"))
                    .hasValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
            assertThat(response.header("Content-Disposition"))
                    .hasValue("attachment; filename=\"missed-calls_north_unprocessed_2026-10-20_2026-11-20.xlsx\"");
            assertThat(response.body()).startsWith("PK");
        }

        @Test
        @DisplayName("R14-R16: a project with a workflow exports its columns after the others; one without, none")
        void workflowColumns() {
            String south = web.get("/api/export?project=south&format=csv").body();
            String north = web.get("/api/export?project=north&format=csv").body();

            assertThat(south.split("\r\n")[0]).endsWith(",waiting_s,due,overdue,overdue_s,owner,priority");
            assertThat(south).contains(",dana,");
            assertThat(north.split("\r\n")[0]).endsWith(",waiting_s");
        }

        @Test
        @DisplayName("R18: tab=team downloads the team's figures as CSV, JSON or a workbook with a team sheet")
        void team() {
            ApiClient.Response csv = web.get("/api/export?project=north&tab=team&format=csv");
            assertThat(csv.header("Content-Disposition"))
                    .hasValue("attachment; filename=\"missed-calls_north_team_2026-10-20_2026-11-20.csv\"");
            assertThat(csv.body()).startsWith("scope,name,missed_calls,").contains("\r\nemployee,anna,");

            JsonNode json = web.json(web.get("/api/export?project=north&tab=team&format=json"));
            assertThat(json.get("employees").findValuesAsText("name")).contains("anna", "boris");

            ApiClient.Response xlsx = web.get("/api/export?project=north&tab=team&format=xlsx");
            assertThat(xlsx.status()).isEqualTo(200);
            assertThat(xlsx.body()).startsWith("PK");
        }

        @Test
        @DisplayName("refuses a format it does not write")
        void unknownFormat() {
            assertRefused("/api/export?project=north&format=pdf", 400, "unknown format pdf; one of csv, xlsx, json");
        }
    }

    @Nested
    @DisplayName("/api/handle")
    class Handles {

        private String body(String client, String reason, @Nullable String note, String actor) {
            return "{\"project\":\"north\",\"client\":" + quoted(client) + ",\"reason\":" + quoted(reason)
                    + ",\"note\":" + quoted(note) + ",\"actor\":" + quoted(actor) + "}";
        }

        private String quoted(@Nullable String value) {
            return value == null ? "null" : "\"" + value + "\"";
        }

        private int storedHandles() {
            return web.handles
                    .handles("north", Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"))
                    .size();
        }

        @Test
        @DisplayName("moves the row to the processed tab with its reason, actor and time (R11)")
        void handles() {
            ApiClient.Response response = web.postHandle(body(WebFixture.OPEN, "spam", null, "Olena"));

            assertThat(response.status()).isEqualTo(201);
            JsonNode handled = web.json(response).get("handled");
            assertThat(handled.get("reason").asText()).isEqualTo("spam");
            assertThat(handled.get("coversUntil").asText()).isEqualTo("2026-11-18T11:00:00+02:00");
            assertThat(clients(web.getJson("/api/report?project=north"))).containsExactly(WebFixture.SECOND_OPEN);
            JsonNode row = web.getJson("/api/report?project=north&tab=processed")
                    .get("rows")
                    .get(0);
            assertThat(row.get("client").asText()).isEqualTo(WebFixture.OPEN);
            assertThat(row.get("resolution").asText()).isEqualTo("handled");
            assertThat(row.get("handleReason").asText()).isEqualTo("spam");
            assertThat(row.get("resolvedBy").asText()).isEqualTo("Olena");
            assertThat(row.get("resolvedAt").asText()).startsWith("2026-11-20T14:");
        }

        @Test
        @DisplayName("takes the client number in any spelling the project normalizes (R3)")
        void normalizes() {
            ApiClient.Response response = web.postHandle(body("050 111 00 01", "duplicate", null, "Olena"));

            assertThat(response.status()).isEqualTo(201);
            assertThat(web.json(response).get("handled").get("client").asText()).isEqualTo(WebFixture.OPEN);
        }

        @Test
        @DisplayName("stores Other with its note, and refuses Other without one, storing nothing (R11)")
        void otherNeedsNote() {
            ApiClient.Response blank = web.postHandle(body(WebFixture.OPEN, "other", "  ", "Olena"));
            assertThat(blank.status()).isEqualTo(400);
            assertThat(web.json(blank).get("error").asText())
                    .isEqualTo("a note is required for another variant (Other)");
            assertThat(storedHandles()).isZero();

            ApiClient.Response withNote = web.postHandle(body(WebFixture.OPEN, "other", "Asked for e-mail", "Olena"));
            assertThat(withNote.status()).isEqualTo(201);
            JsonNode row = web.getJson("/api/report?project=north&tab=processed")
                    .get("rows")
                    .get(0);
            assertThat(row.get("handleReason").asText()).isEqualTo("other");
            assertThat(row.get("note").asText()).isEqualTo("Asked for e-mail");
        }

        @Test
        @DisplayName("says a group is already resolved, and stores nothing twice")
        void alreadyResolved() {
            assertThat(web.postHandle(body(WebFixture.OPEN, "spam", null, "Olena"))
                            .status())
                    .isEqualTo(201);

            ApiClient.Response again = web.postHandle(body(WebFixture.OPEN, "spam", null, "Olena"));
            assertThat(again.status()).isEqualTo(409);
            assertThat(web.json(again).get("error").asText())
                    .startsWith("+380501110001 is already resolved (handled by Olena at");
            ApiClient.Response calledBack = web.postHandle(body("+380501110002", "spam", null, "Olena"));
            assertThat(calledBack.status()).isEqualTo(409);
            assertThat(web.json(calledBack).get("error").asText())
                    .isEqualTo("+380501110002 is already resolved (called back by anna at 2026-11-17T09:30:00+02:00)");
            assertThat(storedHandles()).isEqualTo(1);
        }

        @Test
        @DisplayName(
                "refuses a client without missed calls, a withheld or bad number, an unknown reason and a blank name")
        void refusesBadRequests() {
            assertHandleRefused(
                    body("+380509999999", "spam", null, "Olena"),
                    404,
                    "no missed calls from +380509999999 in the range shown");
            assertHandleRefused(body("anonymous", "spam", null, "Olena"), 400, "a withheld number cannot be handled");
            assertHandleRefused(body("<script>", "spam", null, "Olena"), 400, "not a client number: <script>");
            assertHandleRefused(
                    body(WebFixture.OPEN, "rude", null, "Olena"),
                    400,
                    "unknown reason rude; one of spam, wrong_number, resolved_elsewhere, not_sales, duplicate, other");
            assertHandleRefused(body(WebFixture.OPEN, "spam", null, " "), 400, "your name is required");
            assertHandleRefused("{\"project\":\"west\"}", 404, "unknown project west");
            assertHandleRefused("not json", 400, "the request is not JSON");
            assertThat(storedHandles()).isZero();
        }

        @Test
        @DisplayName("refuses a handle of a group that has had calls since the page showed it")
        void refusesStaleView() {
            String stale = "{\"project\":\"north\",\"client\":\"" + WebFixture.OPEN + "\",\"reason\":\"spam\","
                    + "\"actor\":\"Olena\",\"seenLastMissedAt\":\"2026-11-18T10:00:00+02:00\"}";

            assertHandleRefused(stale, 409, "changed since the page was loaded");
            String current = stale.replace("10:00:00", "11:00:00");
            assertThat(web.postHandle(current).status()).isEqualTo(201);
        }

        @Test
        @DisplayName(
                "finds the group in the range the page showed: by default from 00:00 a month ago, not a month up to now")
        void handlesInTheRangeShown() {
            String early = "{\"project\":\"south\",\"client\":\"" + WebFixture.EARLY
                    + "\",\"reason\":\"spam\",\"actor\":\"Olena\"";

            assertHandleRefused(
                    early + ",\"from\":\"2026-10-21\",\"to\":\"2026-11-20\"}",
                    404,
                    "no missed calls from " + WebFixture.EARLY + " in the range shown");
            ApiClient.Response response = web.postHandle(early + "}");

            assertThat(response.status()).isEqualTo(201);
            assertThat(web.json(response).get("handled").get("coversUntil").asText())
                    .isEqualTo("2026-10-20T02:00:00-04:00");
        }

        @Test
        @DisplayName("keeps projects apart: a handle in one leaves the same number open in another")
        void projectsApart() {
            assertThat(web.postHandle(body(WebFixture.OPEN, "spam", null, "Olena"))
                            .status())
                    .isEqualTo(201);

            JsonNode south = web.getJson("/api/report?project=south");
            assertThat(clients(south)).containsExactly(WebFixture.EARLY, WebFixture.OPEN);
            assertThat(south.get("counts").get("processed").asInt()).isZero();
            assertThat(south.get("rows").get(1).get("firstMissedAt").asText()).isEqualTo("2026-11-18T10:00:00-05:00");
            assertThat(web.handles.handles("south", Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z")))
                    .isEmpty();
        }

        private void assertHandleRefused(String body, int status, String message) {
            ApiClient.Response response = web.postHandle(body);
            assertThat(response.status()).as(body).isEqualTo(status);
            assertThat(web.json(response).get("error").asText()).as(body).contains(message);
        }
    }
}
