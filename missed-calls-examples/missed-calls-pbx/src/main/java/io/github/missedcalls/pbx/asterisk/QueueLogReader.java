package io.github.missedcalls.pbx.asterisk;

import io.github.missedcalls.pbx.internal.CsvLines;
import io.github.missedcalls.pbx.internal.Fields;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Reads a raw {@code queue_log} ({@code epoch|callid|queue|agent|event|data...}) into one
 * {@link QueueCall} per caller channel.
 *
 * <p>Housekeeping lines ({@code callid} {@code NONE}, {@code REALTIME}, {@code MANAGER},
 * {@code CLI}), member-state events and events this adapter does not know (vendors add their
 * own, such as PBXware's {@code OUTDIAL}) are skipped: they are no part of a caller's call. A
 * line too short to hold an event, or with a time that is no epoch, is a problem. The same
 * events exported from a database table, with a header row, are read too ({@link #readExport}).
 */
final class QueueLogReader {

    private static final Set<String> NO_CALL_IDS = Set.of("", "NONE", "REALTIME", "MANAGER", "CLI");
    private static final int EVENT = 4;

    private QueueLogReader() {}

    static Map<String, QueueCall> read(Path file, ZoneId zone, Consumer<CdrRowProblem> problems) throws IOException {
        if (isDatabaseExport(file)) {
            return readExport(file, zone, problems);
        }
        Map<String, QueueCall> calls = new LinkedHashMap<>();
        try (CsvLines lines = CsvLines.open(file, CsvLines.BAR_SEPARATED)) {
            for (CsvLines.Line line = lines.next(); line != null; line = lines.next()) {
                List<String> fields = line.fields();
                if (!line.isReadable() || fields.size() <= EVENT) {
                    problems.accept(new CdrRowProblem(
                            line.number(),
                            null,
                            "queue_log: " + fields.size() + " fields; an event line has at least 5",
                            line.text(),
                            false));
                    continue;
                }
                String epoch = fields.get(0).strip();
                Instant at = epoch.matches("[0-9]{1,12}") ? Instant.ofEpochSecond(Long.parseLong(epoch)) : null;
                add(
                        calls,
                        line,
                        at,
                        epoch,
                        fields.get(1),
                        fields.get(3),
                        fields.get(EVENT),
                        fields.subList(EVENT + 1, fields.size()),
                        problems);
            }
        }
        return calls;
    }

    /**
     * A {@code queue_log} table exported with a header row ({@code time, callid, queuename, agent,
     * event, data1..data5}, or {@code data} holding them joined by {@code |}): the realtime
     * {@code queue_log} of FreePBX and PBXware. Its {@code time} is epoch seconds or a local
     * date-time in the server's zone.
     */
    private static Map<String, QueueCall> readExport(Path file, ZoneId zone, Consumer<CdrRowProblem> problems)
            throws IOException {
        Map<String, QueueCall> calls = new LinkedHashMap<>();
        try (CsvLines lines = CsvLines.open(file, CsvLines.COMMA_SEPARATED)) {
            Map<String, Integer> columns = null;
            for (CsvLines.Line line = lines.next(); line != null; line = lines.next()) {
                if (columns == null) {
                    columns = new HashMap<>();
                    for (int i = 0; i < line.fields().size(); i++) {
                        columns.putIfAbsent(line.fields().get(i).strip().toLowerCase(Locale.ROOT), i);
                    }
                    columns.putIfAbsent("queuename", columns.getOrDefault("queue", -1));
                    continue;
                }
                List<String> fields = line.fields();
                String time = value(fields, columns, "time");
                String callId = value(fields, columns, "callid");
                String event = value(fields, columns, "event");
                if (!line.isReadable() || time.isEmpty() || event.isEmpty()) {
                    problems.accept(new CdrRowProblem(
                            line.number(),
                            callId.isEmpty() ? null : callId,
                            "queue_log: " + (line.isReadable() ? "no time or event" : line.problem()),
                            line.text(),
                            false));
                    continue;
                }
                List<String> data = new ArrayList<>();
                if (columns.containsKey("data")) {
                    data.addAll(List.of(value(fields, columns, "data").split("\\|", -1)));
                } else {
                    for (int n = 1; n <= 5; n++) {
                        data.add(value(fields, columns, "data" + n));
                    }
                }
                Instant at;
                if (time.matches("[0-9]{1,12}")) {
                    at = Instant.ofEpochSecond(Long.parseLong(time));
                } else {
                    try {
                        at = Fields.localStamp(time, zone, "time");
                    } catch (IllegalArgumentException e) {
                        at = null;
                    }
                }
                add(calls, line, at, time, callId, value(fields, columns, "agent"), event, data, problems);
            }
        }
        return calls;
    }

    private static void add(
            Map<String, QueueCall> calls,
            CsvLines.Line line,
            @Nullable Instant at,
            String time,
            String rawCallId,
            String agent,
            String event,
            List<String> data,
            Consumer<CdrRowProblem> problems) {
        String callId = rawCallId.strip();
        if (NO_CALL_IDS.contains(callId.toUpperCase(Locale.ROOT))) {
            return;
        }
        QueueCall.Effect effect = QueueCall.effectOf(event);
        if (effect == null || effect == QueueCall.Effect.NOT_A_CALL_EVENT) {
            return;
        }
        if (at == null) {
            problems.accept(new CdrRowProblem(
                    line.number(), callId, "queue_log: unparsable time '" + time + "'", line.text(), false));
            return;
        }
        long number = line.number();
        calls.computeIfAbsent(callId, id -> new QueueCall(id, number, at)).add(at, agent.strip(), effect, data);
    }

    private static String value(List<String> fields, Map<String, Integer> columns, String column) {
        Integer index = columns.get(column);
        return index == null || index < 0 || index >= fields.size() ? "" : Fields.textOrEmpty(fields.get(index));
    }

    /** Whether the first line is a header row naming {@code callid} and {@code event}, comma-separated. */
    private static boolean isDatabaseExport(Path file) throws IOException {
        try (CsvLines lines = CsvLines.open(file, CsvLines.COMMA_SEPARATED)) {
            CsvLines.Line first = lines.next();
            if (first == null || first.text().contains("|")) {
                return false;
            }
            List<String> names = first.fields().stream()
                    .map(name -> name.strip().toLowerCase(Locale.ROOT))
                    .toList();
            return names.contains("callid") && names.contains("event");
        }
    }
}
