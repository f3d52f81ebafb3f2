package io.github.missedcalls.examples.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import io.github.missedcalls.Assignment;
import io.github.missedcalls.AssignmentConflictException;
import io.github.missedcalls.Handle;
import io.github.missedcalls.HandleReason;
import io.github.missedcalls.Labels;
import io.github.missedcalls.MissedCalls;
import io.github.missedcalls.MissedReason;
import io.github.missedcalls.ProcessedRow;
import io.github.missedcalls.Report;
import io.github.missedcalls.ReportColumn;
import io.github.missedcalls.ReportCsv;
import io.github.missedcalls.ReportRow;
import io.github.missedcalls.ResolutionKind;
import io.github.missedcalls.Tab;
import io.github.missedcalls.TeamCsv;
import io.github.missedcalls.UnprocessedRow;
import io.github.missedcalls.examples.export.JsonExport;
import io.github.missedcalls.examples.export.XlsxExport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The JSON API behind the page; every answer is about one project, named in the request.
 *
 * <ul>
 *   <li>{@code GET /api/projects}: the projects, their zones and default ranges, the handle reasons;
 *   <li>{@code GET /api/report?project=&from=&to=&tab=&offset=&limit=}: the counts of both tabs,
 *       the summary strip, the chart, and one page of one tab's rows in the order shown;
 *   <li>{@code GET /api/export?project=&from=&to=&tab=&format=csv|xlsx|json}: a whole tab as a
 *       file, written by the exports of the command line;
 *   <li>{@code POST /api/handle} with a JSON body: handles a client's unprocessed group.
 * </ul>
 */
final class ReportApi {

    /** The formats {@code /api/export} writes, in the order the page offers them. */
    enum ExportFormat {
        CSV("text/csv; charset=utf-8"),
        XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        JSON("application/json; charset=utf-8");

        final String contentType;

        ExportFormat(String contentType) {
            this.contentType = contentType;
        }

        String token() {
            return name().toLowerCase(Locale.ROOT);
        }

        static String tokens() {
            return Arrays.stream(values()).map(ExportFormat::token).collect(Collectors.joining(", "));
        }
    }

    static final int DEFAULT_LIMIT = 200;
    static final int MAX_LIMIT = 1_000;
    /** Rejections listed in a report answer; the count is always complete. */
    static final int SHOWN_REJECTIONS = 50;

    private static final int MAX_HANDLE_BODY = 16 * 1024;
    private static final String JSON_TYPE = "application/json; charset=utf-8";

    private final MissedCalls missedCalls;
    private final Map<String, WebProject> projects = new LinkedHashMap<>();
    private final Clock clock;
    private final HandleDesk desk;
    private final RecentReports recentReports;
    private final ObjectMapper mapper = new ObjectMapper();

    ReportApi(MissedCalls missedCalls, List<WebProject> projectList, Clock clock) {
        this.missedCalls = missedCalls;
        this.clock = clock;
        this.desk = new HandleDesk(missedCalls, clock);
        this.recentReports = new RecentReports();
        for (WebProject project : projectList) {
            if (projects.putIfAbsent(project.id(), project) != null) {
                throw new IllegalArgumentException("two projects have the id " + project.id());
            }
        }
    }

    void projects(HttpExchange exchange) throws IOException {
        ObjectNode answer = mapper.createObjectNode();
        ArrayNode list = answer.putArray("projects");
        for (WebProject project : projects.values()) {
            LocalDate today = today(project);
            list.addObject()
                    .put("id", project.id())
                    .put("name", project.name())
                    .put("zone", project.settings().zone().getId())
                    .put("defaultFrom", today.minusMonths(1).toString())
                    .put("defaultTo", today.toString());
        }
        ArrayNode reasons = answer.putArray("handleReasons");
        for (HandleReason reason : HandleReason.values()) {
            reasons.add(reason.token());
        }
        ArrayNode formats = answer.putArray("exportFormats");
        for (ExportFormat format : ExportFormat.values()) {
            formats.add(format.token());
        }
        sendJson(exchange, 200, answer);
    }

    /**
     * {@code GET /api/labels?lang=uk}: every word the page shows in a language (English when
     * {@code lang} is absent), the report's codes from core's {@link Labels} and the page's own
     * words, so that the page, the exports and the terminal say the same.
     */
    void labels(HttpExchange exchange) throws IOException {
        Labels labels = language(Exchanges.query(exchange).get("lang"));
        if (labels == null) {
            labels = Labels.english();
        }
        ObjectNode answer = mapper.createObjectNode();
        answer.put("lang", labels.locale().getLanguage());
        ArrayNode languages = answer.putArray("languages");
        for (Locale language : Labels.LANGUAGES) {
            // Each language named in itself, as a language menu does: English, Українська, Русский.
            String name = language.getDisplayLanguage(language);
            languages
                    .addObject()
                    .put("tag", language.getLanguage())
                    .put("name", name.substring(0, 1).toUpperCase(language) + name.substring(1));
        }
        ObjectNode reasons = answer.putObject("reasons");
        ObjectNode descriptions = answer.putObject("descriptions");
        for (MissedReason reason : MissedReason.values()) {
            reasons.put(reason.name(), labels.reason(reason));
            descriptions.put(reason.name(), labels.description(reason));
        }
        ObjectNode resolutions = answer.putObject("resolutions");
        for (ResolutionKind kind : ResolutionKind.values()) {
            resolutions.put(kind.token(), labels.resolution(kind));
        }
        ObjectNode handleReasons = answer.putObject("handleReasons");
        for (HandleReason reason : HandleReason.values()) {
            handleReasons.put(reason.token(), labels.handleReason(reason));
        }
        ObjectNode columns = answer.putObject("columns");
        for (ReportColumn column : ReportColumn.values()) {
            columns.put(column.jsonKey(), labels.column(column));
        }
        ObjectNode page = answer.putObject("page");
        PageWords.of(labels).forEach(page::put);
        sendJson(exchange, 200, answer);
    }

    /** What a report or an export asks for: a project, a range and a tab. */
    private record TabRequest(WebProject project, ReportWindow window, Tab tab) {}

    private TabRequest tabRequest(Map<String, String> query) {
        WebProject project = project(query.get("project"));
        return new TabRequest(
                project, ReportWindow.parse(query.get("from"), query.get("to"), today(project)), tab(query.get("tab")));
    }

    void report(HttpExchange exchange) throws IOException {
        Map<String, String> query = Exchanges.query(exchange);
        TabRequest asked = tabRequest(query);
        WebProject project = asked.project();
        ReportWindow window = asked.window();
        Tab tab = asked.tab();
        int offset = number(query, "offset", 0, Integer.MAX_VALUE, 0);
        int limit = number(query, "limit", 1, MAX_LIMIT, DEFAULT_LIMIT);

        Instant requested = clock.instant();
        RecentReports.Made made = recent(project, window, requested);
        Report report = made.report();
        ReportStats stats = made.stats();

        ObjectNode answer = mapper.createObjectNode();
        answer.put("project", project.id());
        answer.put("zone", report.zone().getId());
        answer.put("from", window.from().toString());
        answer.put("to", window.to().toString());
        answer.put("windowStart", ReportCsv.formatTime(report.from(), report.zone()));
        answer.put("windowEnd", ReportCsv.formatTime(report.to(), report.zone()));
        answer.put("asOf", ReportCsv.formatTime(report.asOf(), report.zone()));
        answer.putObject("counts")
                .put("unprocessed", report.unprocessed().size())
                .put("processed", report.processed().size());
        answer.set("summary", ReportJson.stats(stats));
        answer.set("chart", ReportJson.chart(stats));
        answer.put("rejectedCount", report.rejections().size());
        answer.set(
                "rejected",
                ReportJson.rejections(report.rejections()
                        .subList(
                                0,
                                Math.min(SHOWN_REJECTIONS, report.rejections().size()))));
        boolean workflow = project.settings().workflow().changesRows();
        List<? extends ReportRow> rows = shownRows(report, tab, query);
        answer.put("workflow", workflow);
        ArrayNode owners = answer.putArray("owners");
        report.unprocessed().stream()
                .map(UnprocessedRow::owner)
                .filter(Objects::nonNull)
                .distinct()
                .sorted()
                .forEach(owners::add);
        answer.put("tab", tab.token());
        answer.put("total", rows.size());
        answer.put("offset", offset);
        answer.put("limit", limit);
        ArrayNode page = answer.putArray("rows");
        for (int i = offset; i < rows.size() && i < (long) offset + limit; i++) {
            page.add(ReportJson.row(rows.get(i), tab, report.zone(), workflow));
        }
        // The time the report took when it was made, and whether this answer reused it.
        exchange.getResponseHeaders()
                .set(
                        "Server-Timing",
                        String.format(
                                Locale.ROOT,
                                "report;dur=%.1f;desc=\"%s\"",
                                made.millis(),
                                made.madeAt().equals(requested) ? "made" : "reused"));
        sendJson(exchange, 200, answer);
    }

    /**
     * A tab's rows as asked: {@code sort=priority} orders the unprocessed tab by priority (R15),
     * {@code owner=NAME} keeps the rows that name owner (R16, "my clients").
     */
    private static List<? extends ReportRow> shownRows(Report report, Tab tab, Map<String, String> query) {
        String sort = query.getOrDefault("sort", "tab");
        List<? extends ReportRow> rows;
        if (sort.equals("priority")) {
            if (tab != Tab.UNPROCESSED) {
                throw ApiException.badRequest("sort=priority orders the unprocessed tab only");
            }
            rows = report.unprocessedByPriority();
        } else if (sort.equals("tab")) {
            rows = report.rows(tab);
        } else {
            throw ApiException.badRequest("unknown sort " + ApiException.shown(sort) + "; one of tab, priority");
        }
        String owner = query.get("owner");
        if (owner == null || owner.isBlank()) {
            return rows;
        }
        List<ReportRow> owned = new ArrayList<>();
        for (ReportRow row : rows) {
            String named = row instanceof UnprocessedRow open ? open.owner() : ((ProcessedRow) row).owner();
            if (owner.equals(named)) {
                owned.add(row);
            }
        }
        return owned;
    }

    /** How the team did over a range (R18): the figures the command line's {@code --tab team} writes, as JSON. */
    void team(HttpExchange exchange) throws IOException {
        Map<String, String> query = Exchanges.query(exchange);
        WebProject project = project(query.get("project"));
        ReportWindow window = ReportWindow.parse(query.get("from"), query.get("to"), today(project));
        Report report = recent(project, window, clock.instant()).report();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        JsonExport.writeTeam(report.team(), body);
        ObjectNode answer = mapper.createObjectNode();
        answer.put("project", project.id());
        answer.put("from", window.from().toString());
        answer.put("to", window.to().toString());
        answer.set("team", mapper.readTree(body.toByteArray()));
        sendJson(exchange, 200, answer);
    }

    /**
     * Assigns a client's unprocessed group in the range shown to an employee (R16): {@code
     * {"project", "client", "owner", "actor", "note", "from", "to"}}. 201 with the assignment; 409
     * when the client has nothing open in the range, or the same actor assigned it otherwise at
     * the same instant.
     */
    void assign(HttpExchange exchange) throws IOException {
        JsonNode body = jsonObject(exchange);
        WebProject project = project(text(body, "project"));
        String client = text(body, "client");
        String owner = text(body, "owner");
        String actor = text(body, "actor");
        if (client == null || client.isBlank()) {
            throw ApiException.badRequest("no client number");
        }
        if (owner == null || owner.isBlank()) {
            throw ApiException.badRequest("who is to call back is required");
        }
        if (actor == null || actor.isBlank()) {
            throw ApiException.badRequest("your name is required: it is recorded with the assignment");
        }
        ReportWindow window = ReportWindow.parse(text(body, "from"), text(body, "to"), today(project));
        Assignment assignment;
        try {
            assignment = missedCalls
                    .assign(
                            window.query(project.id(), clock.instant()),
                            client,
                            owner.strip(),
                            text(body, "note"),
                            actor.strip())
                    .orElseThrow(() -> ApiException.conflict(client + " has no unprocessed group in this range"));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(String.valueOf(e.getMessage()));
        } catch (AssignmentConflictException e) {
            throw ApiException.conflict(String.valueOf(e.getMessage()));
        } catch (UnsupportedOperationException e) {
            throw new ApiException(501, "this installation keeps no assignments");
        }
        recentReports.forget(project.id());
        ObjectNode answer = mapper.createObjectNode();
        answer.putObject("assigned")
                .put("client", assignment.client())
                .put("owner", assignment.owner())
                .put("actor", assignment.actor())
                .put(
                        "assignedAt",
                        ReportCsv.formatTime(
                                assignment.assignedAt(), project.settings().zone()));
        sendJson(exchange, 201, answer);
    }

    void export(HttpExchange exchange) throws IOException {
        Map<String, String> query = Exchanges.query(exchange);
        String token = query.getOrDefault("format", "csv");
        ExportFormat format = Arrays.stream(ExportFormat.values())
                .filter(candidate -> candidate.token().equalsIgnoreCase(token.strip()))
                .findFirst()
                .orElseThrow(() -> ApiException.badRequest(
                        "unknown format " + ApiException.shown(token) + "; one of " + ExportFormat.tokens()));
        // Without lang the CSV and JSON carry the codes alone, as the command line writes them.
        Labels labels = language(query.get("lang"));
        Labels words = labels == null ? Labels.english() : labels;
        WebProject project = project(query.get("project"));
        ReportWindow window = ReportWindow.parse(query.get("from"), query.get("to"), today(project));
        boolean team = "team".equals(query.get("tab"));
        Tab tab = team ? Tab.UNPROCESSED : tab(query.get("tab"));
        boolean workflow = project.settings().workflow().changesRows();
        Report report = recent(project, window, clock.instant()).report();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (team) {
            switch (format) {
                case CSV -> {
                    Writer csv = new OutputStreamWriter(body, StandardCharsets.UTF_8);
                    TeamCsv.write(report.team(), csv);
                    csv.flush();
                }
                case XLSX -> XlsxExport.writeTeam(report, body, words);
                case JSON -> JsonExport.writeTeam(report.team(), body);
            }
        } else {
            switch (format) {
                case CSV -> {
                    Writer csv = new OutputStreamWriter(body, StandardCharsets.UTF_8);
                    ReportCsv.write(report, tab, csv, labels, workflow);
                    csv.flush();
                }
                case XLSX -> XlsxExport.write(report, List.of(tab), body, words, workflow);
                case JSON -> JsonExport.write(report, tab, body, labels, workflow);
            }
        }
        // The project id is letters, digits, - and _ (WebProject), so the name needs no quoting rules.
        String file = "missed-calls_" + project.id() + "_" + (team ? "team" : tab.token()) + "_"
                + window.from() + "_"
                + window.to()
                + "." + format.token();
        exchange.getResponseHeaders().set("Content-Disposition", "attachment; filename=\"" + file + "\"");
        Exchanges.send(exchange, 200, format.contentType, body.toByteArray());
    }

    void handle(HttpExchange exchange) throws IOException {
        JsonNode body = jsonObject(exchange);
        WebProject project = project(text(body, "project"));
        Handle handle = desk.handle(new HandleDesk.Request(
                project,
                text(body, "client"),
                text(body, "reason"),
                text(body, "note"),
                text(body, "actor"),
                text(body, "seenLastMissedAt"),
                ReportWindow.parse(text(body, "from"), text(body, "to"), today(project))));
        recentReports.forget(project.id());
        ObjectNode answer = mapper.createObjectNode();
        answer.set("handled", ReportJson.handle(handle, project.settings().zone()));
        sendJson(exchange, 201, answer);
    }

    /** A POST's body, which must be one JSON object of at most 16 KiB. */
    private JsonNode jsonObject(HttpExchange exchange) throws IOException {
        JsonNode body;
        try {
            body = mapper.readTree(Exchanges.body(exchange, MAX_HANDLE_BODY));
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("the request is not JSON");
        }
        if (body == null || !body.isObject()) {
            throw ApiException.badRequest("the request is not a JSON object");
        }
        return body;
    }

    /** {@code lang} of a request: {@code null} when absent. */
    static @Nullable Labels language(@Nullable String tag) {
        if (tag == null || tag.isBlank()) {
            return null;
        }
        try {
            return Labels.ofLanguage(tag);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("unknown language " + ApiException.shown(tag) + "; one of en, uk, ru");
        }
    }

    void sendJson(HttpExchange exchange, int status, JsonNode node) throws IOException {
        Exchanges.send(exchange, status, JSON_TYPE, mapper.writeValueAsBytes(node));
    }

    /** The report of a range as of {@code now}, or the same one made a few seconds ago. */
    private RecentReports.Made recent(WebProject project, ReportWindow window, Instant now) {
        return recentReports.get(project.id(), window, now, () -> missedCalls.report(window.query(project.id(), now)));
    }

    private WebProject project(@Nullable String id) {
        if (id == null || id.isBlank()) {
            throw ApiException.badRequest("no project; one of " + String.join(", ", projects.keySet()));
        }
        WebProject project = projects.get(id);
        if (project == null) {
            throw ApiException.notFound("unknown project " + ApiException.shown(id));
        }
        return project;
    }

    private LocalDate today(WebProject project) {
        Instant now = clock.instant();
        return LocalDate.ofInstant(now, project.settings().zone());
    }

    private static Tab tab(@Nullable String token) {
        if (token == null || token.isBlank()) {
            return Tab.UNPROCESSED;
        }
        return Tab.fromToken(token)
                .orElseThrow(() -> ApiException.badRequest(
                        "unknown tab " + ApiException.shown(token) + "; one of unprocessed, processed"));
    }

    private static int number(Map<String, String> query, String name, int min, int max, int fallback) {
        String value = query.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value.strip());
            if (number < min || number > max) {
                throw ApiException.badRequest(name + " must be " + min + " to " + max + ": " + number);
            }
            return number;
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(name + " is not a whole number: " + ApiException.shown(value));
        }
    }

    private static @Nullable String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
