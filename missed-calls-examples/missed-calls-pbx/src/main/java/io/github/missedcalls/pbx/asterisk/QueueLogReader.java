package io.github.missedcalls.pbx.asterisk;

import io.github.missedcalls.pbx.internal.CsvLines;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads a raw {@code queue_log} ({@code epoch|callid|queue|agent|event|data...}) into one
 * {@link QueueCall} per caller channel.
 *
 * <p>Housekeeping lines ({@code callid} {@code NONE}, {@code REALTIME}, {@code MANAGER},
 * {@code CLI}), member-state events and events this adapter does not know (vendors add their
 * own, such as PBXware's {@code OUTDIAL}) are skipped: they are no part of a caller's call. A
 * line too short to hold an event, or with a time that is no epoch, is a problem.
 */
final class QueueLogReader {

    private static final Set<String> NO_CALL_IDS = Set.of("", "NONE", "REALTIME", "MANAGER", "CLI");
    private static final int EVENT = 4;

    private QueueLogReader() {}

    static Map<String, QueueCall> read(Path file, Consumer<CdrRowProblem> problems) throws IOException {
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
                String callId = fields.get(1).strip();
                if (NO_CALL_IDS.contains(callId.toUpperCase(Locale.ROOT))) {
                    continue;
                }
                QueueCall.Effect effect = QueueCall.effectOf(fields.get(EVENT));
                if (effect == null || effect == QueueCall.Effect.NOT_A_CALL_EVENT) {
                    continue;
                }
                String epoch = fields.get(0).strip();
                if (!epoch.matches("[0-9]{1,12}")) {
                    problems.accept(new CdrRowProblem(
                            line.number(), callId, "queue_log: unparsable time '" + epoch + "'", line.text(), false));
                    continue;
                }
                Instant at = Instant.ofEpochSecond(Long.parseLong(epoch));
                long number = line.number();
                calls.computeIfAbsent(callId, id -> new QueueCall(id, number, at))
                        .add(at, fields.get(3).strip(), effect, fields.subList(EVENT + 1, fields.size()));
            }
        }
        return calls;
    }
}
