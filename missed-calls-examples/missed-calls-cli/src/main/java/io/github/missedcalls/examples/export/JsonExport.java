package io.github.missedcalls.examples.export;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import io.github.missedcalls.Labels;
import io.github.missedcalls.Rejection;
import io.github.missedcalls.Report;
import io.github.missedcalls.ReportColumn;
import io.github.missedcalls.ReportCsv;
import io.github.missedcalls.ReportRow;
import io.github.missedcalls.Tab;
import io.github.missedcalls.TeamCsv;
import io.github.missedcalls.TeamFigures;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Writes one tab of a report as the command line's JSON ({@code docs/cli.md}):
 *
 * <pre>{@code
 * {"tab":"unprocessed","rows":[
 * {"client":"+380501110001","firstMissedAt":"2026-11-10T12:00:00+02:00",...,"waitingS":3600}
 * ],"rejected":[
 * {"line":7,"id":"42","reason":"ends before it starts"},
 * {"line":3,"id":null,"reason":"blank note for other","file":"handles"}
 * ],"anonymousMissed":2}
 * }</pre>
 *
 * <ol>
 *   <li>Rows have the tab's {@link ReportColumn}s as keys ({@link ReportColumn#jsonKey()}), in
 *       order; times are the text CSV writes, in the report's zone; counts and seconds are
 *       numbers; absent values are {@code null}; nothing is neutralized, since JSON is not
 *       opened by a spreadsheet.
 *   <li>Rejections come from {@link Report#rejections()}: give them their lines first (see
 *       {@link io.github.missedcalls.pbx.csv.CsvCallSource#withLines}).
 *   <li>One row or rejection per line, so that the output reads well and diffs well.
 * </ol>
 */
public final class JsonExport {

    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    private JsonExport() {}

    /**
     * Writes a tab; leaves {@code out} open.
     *
     * @throws UncheckedIOException if writing fails
     */
    public static void write(Report report, Tab tab, OutputStream out) {
        write(report, tab, out, null);
    }

    /**
     * Writes a tab as {@link #write(Report, Tab, OutputStream)} does, each row with the words of
     * its coded values after the contract's keys: {@code reasonLabel}, {@code reasonsLabel},
     * {@code resolutionLabel}, {@code handleReasonLabel} ({@link ReportCsv#labelled}).
     *
     * @param labels the words to add; {@code null} for the codes alone
     * @throws UncheckedIOException if writing fails
     */
    public static void write(Report report, Tab tab, OutputStream out, @Nullable Labels labels) {
        write(report, tab, out, labels, false);
    }

    /**
     * Writes a tab as {@link #write(Report, Tab, OutputStream, Labels)} does, and with {@code
     * workflow} R14 to R16's keys after the contract's ({@code due}, {@code overdue}, ...), before
     * the labels.
     *
     * @throws UncheckedIOException if writing fails
     */
    public static void write(Report report, Tab tab, OutputStream out, @Nullable Labels labels, boolean workflow) {
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(tab, "tab");
        Objects.requireNonNull(out, "out");
        List<ReportColumn> columns = ReportColumn.of(tab, workflow);
        try (JsonGenerator json =
                FACTORY.createGenerator(out, JsonEncoding.UTF8).disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)) {
            json.setPrettyPrinter(new ElementPerLine());
            json.writeStartObject();
            json.writeStringField("tab", tab.token());
            json.writeArrayFieldStart("rows");
            for (ReportRow row : report.rows(tab)) {
                json.writeStartObject();
                for (ReportColumn column : columns) {
                    json.writeFieldName(column.jsonKey());
                    writeValue(json, column.value(row), report);
                }
                if (labels != null) {
                    for (ReportColumn column : ReportCsv.labelled(tab)) {
                        json.writeFieldName(column.jsonKey() + "Label");
                        writeValue(json, labels.valueOf(column, row), report);
                    }
                }
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeArrayFieldStart("rejected");
            for (Rejection rejection : report.rejections()) {
                writeRejection(json, rejection);
            }
            json.writeEndArray();
            json.writeNumberField("anonymousMissed", report.anonymousMissed());
            json.writeEndObject();
            json.writeRaw('\n');
        } catch (IOException e) {
            throw new UncheckedIOException("writing the " + tab.token() + " tab as JSON failed", e);
        }
    }

    /**
     * Writes the team's figures (R18): {@code {"total": {...}, "employees": [{"name": ..., ...}],
     * "lines": [...]}}, each part with {@link TeamCsv#header()}'s columns as camelCase keys (the
     * scope and name aside), numbers as JSON numbers, absent values {@code null}.
     *
     * @throws UncheckedIOException if writing fails
     */
    public static void writeTeam(TeamFigures team, OutputStream out) {
        Objects.requireNonNull(team, "team");
        Objects.requireNonNull(out, "out");
        List<String> keys = TeamCsv.jsonKeys();
        try (JsonGenerator json =
                FACTORY.createGenerator(out, JsonEncoding.UTF8).disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)) {
            json.setPrettyPrinter(new ElementPerLine());
            json.writeStartObject();
            json.writeFieldName("total");
            writeFigures(json, keys, TeamCsv.values("total", "", team.total()), false);
            json.writeArrayFieldStart("employees");
            for (Map.Entry<String, TeamFigures.Figures> employee :
                    team.byEmployee().entrySet()) {
                writeFigures(json, keys, TeamCsv.values("employee", employee.getKey(), employee.getValue()), true);
            }
            json.writeEndArray();
            json.writeArrayFieldStart("lines");
            for (Map.Entry<String, TeamFigures.Figures> line : team.byLine().entrySet()) {
                writeFigures(json, keys, TeamCsv.values("line", line.getKey(), line.getValue()), true);
            }
            json.writeEndArray();
            json.writeEndObject();
            json.writeRaw('\n');
        } catch (IOException e) {
            throw new UncheckedIOException("writing the team's figures as JSON failed", e);
        }
    }

    private static void writeFigures(
            JsonGenerator json, List<String> keys, List<@Nullable Object> values, boolean named) throws IOException {
        json.writeStartObject();
        // Cells 0 and 1 are the scope and the name: the enclosing key says the one, "name" the other.
        if (named) {
            json.writeStringField("name", String.valueOf(values.get(1)));
        }
        for (int i = 2; i < keys.size(); i++) {
            json.writeFieldName(keys.get(i));
            Object value = values.get(i);
            if (value == null) {
                json.writeNull();
            } else if (value instanceof Double share) {
                json.writeNumber(Math.round(share * 1000) / 1000.0);
            } else {
                json.writeNumber((Long) value);
            }
        }
        json.writeEndObject();
    }

    private static void writeValue(JsonGenerator json, @Nullable Object value, Report report) throws IOException {
        if (value == null) {
            json.writeNull();
        } else if (value instanceof Instant instant) {
            json.writeString(ReportCsv.formatTime(instant, report.zone()));
        } else if (value instanceof Long number) {
            json.writeNumber(number);
        } else {
            json.writeString(value.toString());
        }
    }

    private static void writeRejection(JsonGenerator json, Rejection rejection) throws IOException {
        json.writeStartObject();
        Long line = rejection.line();
        if (line == null) {
            json.writeNullField("line");
        } else {
            json.writeNumberField("line", line);
        }
        String id = rejection.id();
        if (id == null) {
            json.writeNullField("id");
        } else {
            json.writeStringField("id", id);
        }
        json.writeStringField("reason", rejection.reason());
        if (rejection.kind() == Rejection.Kind.HANDLE) {
            json.writeStringField("file", "handles");
        }
        json.writeEndObject();
    }

    /** Compact, but each element of an array starts a line. */
    private static final class ElementPerLine extends MinimalPrettyPrinter {
        private static final long serialVersionUID = 1L;

        @Override
        public void beforeArrayValues(JsonGenerator json) throws IOException {
            json.writeRaw('\n');
        }

        @Override
        public void writeArrayValueSeparator(JsonGenerator json) throws IOException {
            json.writeRaw(",\n");
        }

        @Override
        public void writeEndArray(JsonGenerator json, int values) throws IOException {
            if (values > 0) {
                json.writeRaw('\n');
            }
            json.writeRaw(']');
        }
    }
}
