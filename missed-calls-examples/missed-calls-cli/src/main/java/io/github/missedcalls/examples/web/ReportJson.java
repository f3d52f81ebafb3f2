package io.github.missedcalls.examples.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.missedcalls.Handle;
import io.github.missedcalls.MissedReason;
import io.github.missedcalls.Rejection;
import io.github.missedcalls.ReportColumn;
import io.github.missedcalls.ReportCsv;
import io.github.missedcalls.ReportRow;
import io.github.missedcalls.ResolutionKind;
import io.github.missedcalls.Tab;
import io.github.missedcalls.UnprocessedRow;
import io.github.missedcalls.examples.demo.DemoSummary;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The JSON the API answers with. A row has the export columns under their JSON keys
 * ({@link ReportColumn#jsonKey()}), written as the JSON export writes them (times in the
 * project's zone with their offset, reasons by name, durations in whole seconds), and adds what
 * the page shows besides: the lines and employees involved (R7).
 */
final class ReportJson {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private ReportJson() {}

    /** One row of a tab, for the page: the export's columns in their order, then lines and employees. */
    static ObjectNode row(ReportRow row, Tab tab, ZoneId zone) {
        return row(row, tab, zone, false);
    }

    /**
     * One row as {@link #row(ReportRow, Tab, ZoneId)} writes it, and with {@code workflow} R14 to
     * R16's keys after the export's ({@code due}, {@code overdue}, ..., {@code owner}) and, for an
     * unprocessed row, its priority in words ({@code priorityExplained}, R15).
     */
    static ObjectNode row(ReportRow row, Tab tab, ZoneId zone, boolean workflow) {
        ObjectNode node = JSON.objectNode();
        for (ReportColumn column : ReportColumn.of(tab, workflow)) {
            node.set(column.jsonKey(), value(column.value(row), zone));
        }
        if (workflow && row instanceof UnprocessedRow unprocessed) {
            node.put("priorityExplained", unprocessed.priority().explain());
        }
        ArrayNode lines = node.putArray("lines");
        row.lines().forEach(lines::add);
        ArrayNode employees = node.putArray("employees");
        row.employees().forEach(employees::add);
        return node;
    }

    static ArrayNode rejections(List<Rejection> rejections) {
        ArrayNode array = JSON.arrayNode();
        for (Rejection rejection : rejections) {
            ObjectNode node = array.addObject();
            node.put("line", rejection.line());
            node.put("id", rejection.id());
            node.put("reason", rejection.reason());
            if (rejection.kind() == Rejection.Kind.HANDLE) {
                node.put("file", "handles");
            }
        }
        return array;
    }

    /** The summary strip; the rate and the median are {@code null} without groups or callbacks. */
    static ObjectNode stats(ReportStats stats) {
        DemoSummary figures = stats.summary();
        ObjectNode summary = JSON.objectNode();
        summary.put("unprocessedClients", figures.unprocessedClients());
        summary.put("processedGroups", figures.processedGroups());
        summary.put("missedCalls", figures.missedCalls());
        summary.put("anonymousMissed", figures.anonymousMissed());
        summary.put("calledBack", figures.resolutions().get(ResolutionKind.CALLED_BACK));
        summary.put("callbackRate", figures.groups() == 0 ? null : figures.callbackRate());
        Duration median = figures.medianTimeToCallback();
        summary.put("medianTimeToCallbackS", median == null ? null : median.getSeconds());
        return summary;
    }

    /** {@code {"reasons": [names], "hours": [[count per reason] x 24]}}. */
    static ObjectNode chart(ReportStats stats) {
        ObjectNode chart = JSON.objectNode();
        ArrayNode reasons = chart.putArray("reasons");
        for (MissedReason reason : MissedReason.values()) {
            reasons.add(reason.name());
        }
        ArrayNode hours = chart.putArray("hours");
        for (long[] counts : stats.missedByHour()) {
            ArrayNode hour = hours.addArray();
            for (long count : counts) {
                hour.add(count);
            }
        }
        return chart;
    }

    static ObjectNode handle(Handle handle, ZoneId zone) {
        ObjectNode node = JSON.objectNode();
        node.put("client", handle.client());
        node.put("handledAt", ReportCsv.formatTime(handle.handledAt(), zone));
        node.put("coversUntil", ReportCsv.formatTime(handle.effectiveCoversUntil(), zone));
        node.put("reason", handle.reason().token());
        node.put("note", handle.note());
        node.put("actor", handle.actor());
        return node;
    }

    static ObjectNode error(String message) {
        return JSON.objectNode().put("error", message);
    }

    private static JsonNode value(@Nullable Object value, ZoneId zone) {
        if (value == null) {
            return JSON.nullNode();
        }
        if (value instanceof Instant instant) {
            return JSON.textNode(ReportCsv.formatTime(instant, zone));
        }
        if (value instanceof Long number) {
            return JSON.numberNode(number);
        }
        return JSON.textNode(value.toString());
    }
}
