package io.github.missedcalls.pbx.asterisk;

import io.github.missedcalls.StorageException;
import io.github.missedcalls.pbx.internal.CsvLines;
import io.github.missedcalls.pbx.internal.Fields;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Reads a CDR file into legs and problems, line by line: {@code cdr_csv}'s headerless
 * {@code Master.csv} in a fixed or detected {@link CdrCsvLayout}, or a database export whose
 * first line names the columns.
 */
final class CdrReader {

    /** Column names of a database export; {@code calldate} is {@code start} there. */
    private static final List<String> REQUIRED_EXPORT_COLUMNS =
            List.of("src", "dst", "dstchannel", "billsec", "disposition");

    // Enough lines to tell a file of another kind from a Master.csv with a dirty start.
    private static final int LINES_TO_JUDGE_BY = 10;

    private final ZoneId zone;
    private final @Nullable CdrCsvLayout layout;
    private final boolean header;

    private CdrReader(ZoneId zone, @Nullable CdrCsvLayout layout, boolean header) {
        this.zone = zone;
        this.layout = layout;
        this.header = header;
    }

    /** A headerless {@code Master.csv}; {@code layout} {@code null} detects it per row from the column count. */
    static CdrReader masterCsv(ZoneId zone, @Nullable CdrCsvLayout layout) {
        return new CdrReader(zone, layout, false);
    }

    /** A database export with a header row. */
    static CdrReader databaseExport(ZoneId zone) {
        return new CdrReader(zone, null, true);
    }

    /**
     * Reads the whole file.
     *
     * @throws IOException if the file cannot be read
     * @throws StorageException if an export's header lacks a required column
     */
    void read(Path file, Consumer<CdrLeg> legs, Consumer<CdrRowProblem> problems) throws IOException {
        try (CsvLines lines = CsvLines.open(file, CsvLines.COMMA_SEPARATED)) {
            @Nullable Map<String, Integer> columns = null;
            int headerWidth = 0;
            // The first lines are held back until one reads as a leg: a file of another kind is
            // then one message, not a rejection per line.
            List<CdrLeg> heldLegs = new ArrayList<>();
            List<CdrRowProblem> heldProblems = new ArrayList<>();
            List<CsvLines.Line> firstLines = new ArrayList<>();
            boolean holding = true;
            for (CsvLines.Line line = lines.next(); line != null; line = lines.next()) {
                if (header && columns == null) {
                    if (!line.isReadable()) {
                        throw new StorageException(file + ": the header line cannot be read: " + line.problem());
                    }
                    try {
                        columns = exportColumns(file, line.fields());
                    } catch (StorageException e) {
                        String hint = FileKindGuess.notDatabaseExport(line.fields())
                                .map(guess -> "; " + guess)
                                .orElse("");
                        throw new StorageException(e.getMessage() + hint, e);
                    }
                    headerWidth = line.fields().size();
                    continue;
                }
                Consumer<CdrLeg> legSink = holding ? heldLegs::add : legs;
                Consumer<CdrRowProblem> problemSink = holding ? heldProblems::add : problems;
                readLine(line, columns, headerWidth, legSink, problemSink);
                if (holding) {
                    firstLines.add(line);
                    if (!heldLegs.isEmpty() || firstLines.size() == LINES_TO_JUDGE_BY) {
                        holding = false;
                        release(file, firstLines, heldLegs, heldProblems, legs, problems);
                    }
                }
            }
            if (holding) {
                release(file, firstLines, heldLegs, heldProblems, legs, problems);
            }
        }
    }

    private void release(
            Path file,
            List<CsvLines.Line> firstLines,
            List<CdrLeg> heldLegs,
            List<CdrRowProblem> heldProblems,
            Consumer<CdrLeg> legs,
            Consumer<CdrRowProblem> problems) {
        if (heldLegs.isEmpty() && !header && !firstLines.isEmpty()) {
            FileKindGuess.notMasterCsv(
                            firstLines.stream().map(CsvLines.Line::text).toList(),
                            firstLines.stream().map(CsvLines.Line::fields).toList())
                    .ifPresent(guess -> {
                        throw new StorageException(file + " is no cdr_csv Master.csv: " + guess);
                    });
        }
        heldLegs.forEach(legs);
        heldProblems.forEach(problems);
    }

    private void readLine(
            CsvLines.Line line,
            @Nullable Map<String, Integer> columns,
            int headerWidth,
            Consumer<CdrLeg> legs,
            Consumer<CdrRowProblem> problems) {
        if (!line.isReadable()) {
            problems.accept(new CdrRowProblem(line.number(), null, String.valueOf(line.problem()), line.text(), true));
            return;
        }
        Row row = columns == null ? masterRow(line) : new Row(line, columns, headerWidth);
        if (row.problem != null) {
            problems.accept(new CdrRowProblem(line.number(), null, row.problem, line.text(), true));
            return;
        }
        String key = row.callKey();
        try {
            legs.accept(row.toLeg(zone));
        } catch (IllegalArgumentException e) {
            problems.accept(new CdrRowProblem(line.number(), key, String.valueOf(e.getMessage()), line.text(), true));
        }
    }

    private static Map<String, Integer> exportColumns(Path file, List<String> names) {
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            columns.putIfAbsent(names.get(i).strip().toLowerCase(Locale.ROOT), i);
        }
        if (columns.containsKey("calldate")) {
            columns.putIfAbsent("start", columns.get("calldate"));
        }
        if (!columns.containsKey("start")) {
            throw new StorageException(file + ": missing required column 'calldate' (or 'start')");
        }
        if (!columns.containsKey("end") && !columns.containsKey("duration")) {
            throw new StorageException(file + ": missing required column 'duration' (or 'end')");
        }
        for (String required : REQUIRED_EXPORT_COLUMNS) {
            if (!columns.containsKey(required)) {
                throw new StorageException(file + ": missing required column '" + required + "'");
            }
        }
        return columns;
    }

    private Row masterRow(CsvLines.Line line) {
        CdrCsvLayout rowLayout = layout;
        int count = line.fields().size();
        if (rowLayout == null) {
            rowLayout = CdrCsvLayout.detect(count).orElse(null);
            if (rowLayout == null) {
                return Row.failed(line, count + " columns; a Master.csv row has 16 to 21");
            }
        } else if (count != rowLayout.columns()) {
            return Row.failed(line, count + " columns; the configured layout has " + rowLayout.columns());
        }
        Map<String, Integer> columns = new HashMap<>();
        columns.put("src", CdrCsvLayout.SRC);
        columns.put("dst", CdrCsvLayout.DST);
        columns.put("clid", CdrCsvLayout.CLID);
        columns.put("channel", CdrCsvLayout.CHANNEL);
        columns.put("dstchannel", CdrCsvLayout.DST_CHANNEL);
        columns.put("lastapp", CdrCsvLayout.LAST_APP);
        columns.put("start", CdrCsvLayout.START);
        columns.put("answer", CdrCsvLayout.ANSWER);
        columns.put("end", CdrCsvLayout.END);
        columns.put("duration", CdrCsvLayout.DURATION);
        columns.put("billsec", CdrCsvLayout.BILLSEC);
        columns.put("disposition", CdrCsvLayout.DISPOSITION);
        putIfPresent(columns, "uniqueid", rowLayout.uniqueIdIndex());
        putIfPresent(columns, "linkedid", rowLayout.linkedIdIndex());
        putIfPresent(columns, "sequence", rowLayout.sequenceIndex());
        return new Row(line, columns, count);
    }

    private static void putIfPresent(Map<String, Integer> columns, String name, int index) {
        if (index >= 0) {
            columns.put(name, index);
        }
    }

    /** One line's fields found by column name. */
    private static final class Row {
        private final CsvLines.Line line;
        private final Map<String, Integer> columns;
        private final @Nullable String problem;

        Row(CsvLines.Line line, Map<String, Integer> columns, int width) {
            this.line = line;
            this.columns = columns;
            this.problem =
                    line.fields().size() != width ? line.fields().size() + " columns; the header has " + width : null;
        }

        private Row(CsvLines.Line line, String problem) {
            this.line = line;
            this.columns = Map.of();
            this.problem = problem;
        }

        static Row failed(CsvLines.Line line, String problem) {
            return new Row(line, problem);
        }

        @Nullable
        String value(String column) {
            Integer index = columns.get(column);
            return index == null || index >= line.fields().size()
                    ? null
                    : Fields.text(line.fields().get(index));
        }

        String valueOrEmpty(String column) {
            String value = value(column);
            return value == null ? "" : value;
        }

        /** The call this row belongs to, readable even when the rest of the row is not. */
        @Nullable
        String callKey() {
            String linked = value("linkedid");
            return linked != null ? linked : value("uniqueid");
        }

        CdrLeg toLeg(ZoneId zone) {
            Instant start = Fields.localStamp(value("start"), zone, "start");
            long billsec = Fields.seconds(value("billsec"), "billsec");
            String dispositionText = value("disposition");
            if (dispositionText == null) {
                throw new IllegalArgumentException("no disposition");
            }
            Disposition disposition = Disposition.fromText(dispositionText)
                    .orElseThrow(() -> new IllegalArgumentException("unknown disposition '" + dispositionText + "'"));
            Instant end = columns.containsKey("end")
                    ? Fields.localStamp(value("end"), zone, "end")
                    : start.plusSeconds(Fields.seconds(value("duration"), "duration"));
            Instant answer = columns.containsKey("answer")
                    ? Fields.optionalLocalStamp(value("answer"), zone, "answer")
                    : billsec > 0 ? end.minusSeconds(billsec) : null;
            if (end.isBefore(start)) {
                throw new IllegalArgumentException("ends before it starts");
            }
            if (billsec > end.getEpochSecond() - start.getEpochSecond()) {
                throw new IllegalArgumentException("billsec " + billsec + " is longer than the leg");
            }
            String sequence = value("sequence");
            return new CdrLeg(
                    line.number(),
                    valueOrEmpty("src"),
                    valueOrEmpty("dst"),
                    valueOrEmpty("clid"),
                    valueOrEmpty("channel"),
                    valueOrEmpty("dstchannel"),
                    valueOrEmpty("lastapp"),
                    start,
                    answer,
                    end,
                    billsec,
                    disposition,
                    value("uniqueid"),
                    value("linkedid"),
                    sequence == null ? -1 : Fields.seconds(sequence, "sequence"),
                    value("did"));
        }
    }
}
