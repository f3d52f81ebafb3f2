package io.github.missedcalls.pbx.asterisk;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a file that does not read as the format asked for most likely is, from its first lines:
 * so that a FreeSWITCH file given as Asterisk, or a {@code cdr_custom} layout, fails with one
 * message that names the layout and the option to use, not with a rejection per line.
 */
final class FileKindGuess {

    private static final Pattern UUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern LOCAL_TIME =
            Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}[ T][0-9]{2}:[0-9]{2}:[0-9]{2}.*");
    private static final Pattern QUEUE_LOG_LINE = Pattern.compile("[0-9]{9,11}\\|[^|]*\\|[^|]*\\|[^|]*\\|[A-Z_]+.*");

    private FileKindGuess() {}

    /**
     * Why the first lines of a file given as a headerless {@code Master.csv} are no such file,
     * when that is plain; empty when they could be a {@code Master.csv} with dirty lines.
     *
     * @param texts the first lines as written
     * @param fields the same lines' fields, as far as they could be read
     */
    static Optional<String> notMasterCsv(List<String> texts, List<List<String>> fields) {
        if (texts.stream().allMatch(text -> QUEUE_LOG_LINE.matcher(text).matches())) {
            return Optional.of("this looks like an Asterisk queue_log (epoch|callid|queue|agent|event), not a CDR:"
                    + " use --input queue-log, or AsteriskCdrSource.Builder.queueLog(path)");
        }
        if (!fields.isEmpty() && looksLikeHeader(fields.get(0))) {
            return Optional.of("the first line names columns ("
                    + String.join(
                            ",",
                            fields.get(0).subList(0, Math.min(4, fields.get(0).size())))
                    + ",...): a CDR table exported with a header row; use --input asterisk-db, or"
                    + " AsteriskCdrSource.Builder.databaseExport(path)");
        }
        if (texts.stream().allMatch(text -> UUID.matcher(text).find())) {
            return Optional.of("every line holds a UUID, as FreeSWITCH's mod_cdr_csv writes: use --input freeswitch,"
                    + " or FreeSwitchCdrSource");
        }
        boolean startColumnIsNoTime = fields.stream()
                .allMatch(row -> row.size() <= CdrCsvLayout.START
                        || !LOCAL_TIME
                                .matcher(row.get(CdrCsvLayout.START).strip())
                                .matches());
        boolean timeElsewhere = fields.stream()
                .allMatch(row -> row.stream()
                        .anyMatch(value -> LOCAL_TIME.matcher(value.strip()).matches()));
        if (startColumnIsNoTime && timeElsewhere) {
            int at = fields.get(0).stream()
                    .filter(value -> LOCAL_TIME.matcher(value.strip()).matches())
                    .findFirst()
                    .map(fields.get(0)::indexOf)
                    .orElse(-1);
            return Optional.of("no line has its start time in column 10, where cdr_csv writes it (the first time is"
                    + " in column " + (at + 1) + "): a cdr_custom or other layout of its own; write it with"
                    + " cdr_custom's Master.csv mapping, or export the CDR table with a header row and use"
                    + " --input asterisk-db (AsteriskCdrSource.Builder.databaseExport)");
        }
        return Optional.empty();
    }

    /**
     * Why the first line of a file given as a database export is no header, when that is plain.
     */
    static Optional<String> notDatabaseExport(List<String> firstLine) {
        if (firstLine.size() > CdrCsvLayout.START
                && LOCAL_TIME.matcher(firstLine.get(CdrCsvLayout.START).strip()).matches()) {
            return Optional.of("the first line is a call, not a header, with its start time in column 10 as"
                    + " cdr_csv writes it: a Master.csv; use --input asterisk-csv, or"
                    + " AsteriskCdrSource.Builder.masterCsv(path)");
        }
        return Optional.empty();
    }

    private static boolean looksLikeHeader(List<String> row) {
        long names = row.stream()
                .map(value -> value.strip().toLowerCase(Locale.ROOT))
                .filter(value -> value.equals("calldate")
                        || value.equals("src")
                        || value.equals("dst")
                        || value.equals("disposition")
                        || value.equals("uniqueid"))
                .count();
        return names >= 2;
    }
}
