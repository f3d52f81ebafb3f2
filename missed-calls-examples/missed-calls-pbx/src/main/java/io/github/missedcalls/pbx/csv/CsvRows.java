package io.github.missedcalls.pbx.csv;

import java.io.Closeable;
import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;

/**
 * The rows of one CSV file with a header, as both the call log and the handles file are read:
 *
 * <ol>
 *   <li>a leading byte-order mark is skipped; lines end with CRLF or LF;
 *   <li>columns are found by header name, letter case and surrounding spaces ignored; unknown
 *       columns are ignored; a missing required column makes the file unusable;
 *   <li>spaces around a value are ignored and an empty cell is absent;
 *   <li>blank lines are skipped; a row's line is the line on which it starts, the header being
 *       line 1 (a quoted cell may hold line breaks, so rows and lines are not the same).
 * </ol>
 *
 * <p>Owns its reader: close it.
 */
final class CsvRows implements Iterator<CsvRows.Row>, Closeable {

    /** One row: its line and its values by column name. */
    static final class Row {
        private final long line;
        private final CSVRecord record;
        private final Map<String, Integer> columns;

        private Row(long line, CSVRecord record, Map<String, Integer> columns) {
            this.line = line;
            this.record = record;
            this.columns = columns;
        }

        /** The line on which the row starts; the header is line 1. */
        long line() {
            return line;
        }

        /** The value of a column, stripped; {@code null} when the column or the value is absent. */
        @Nullable
        String get(String column) {
            Integer index = columns.get(column);
            if (index == null || index >= record.size()) {
                return null;
            }
            String value = record.get(index).strip();
            return value.isEmpty() ? null : value;
        }

        /**
         * The value of a column that never holds a line break (an id, a number, a time, a word).
         *
         * @throws IllegalArgumentException if it does: a quote left open has swallowed the lines
         *     after it, and the row says so rather than losing them without a word
         */
        @Nullable
        String getOneLine(String column) {
            String value = get(column);
            if (value != null && (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0)) {
                throw new IllegalArgumentException("the " + column + " runs over "
                        + (value.lines().count()) + " lines from here: is a quote left open?");
            }
            return value;
        }
    }

    // Lenient about text after a closing quote, so that a stray quote costs its row, not the file.
    // Not about a quote still open at the end: that swallowed every row after it, and the file
    // is refused rather than read short.
    private static final CSVFormat FORMAT = CSVFormat.RFC4180
            .builder()
            .setIgnoreEmptyLines(false)
            .setTrailingData(true)
            .get();
    private static final int BYTE_ORDER_MARK = '\uFEFF';
    private static final Pattern OPEN_QUOTE_AT_END =
            Pattern.compile("\\(startline (\\d+)\\) EOF reached before encapsulated token finished");

    private final String fileName;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final Map<String, Integer> columns;
    private @Nullable Row next;

    private CsvRows(String fileName, CSVParser parser, Map<String, Integer> columns) {
        this.fileName = fileName;
        this.parser = parser;
        this.records = parser.iterator();
        this.columns = columns;
    }

    /**
     * Reads the header of a file and checks that it has the required columns.
     *
     * @param what the file as a message names it ({@code "the call log calls.csv"})
     * @throws UnusableCsvException if the file is empty, a required column is missing or a column
     *     appears twice
     * @throws UncheckedIOException if reading fails
     */
    static CsvRows open(Reader reader, String what, List<String> required) {
        CSVParser parser;
        try {
            parser = CSVParser.builder()
                    .setReader(withoutByteOrderMark(reader))
                    .setFormat(FORMAT)
                    .get();
        } catch (IOException e) {
            throw new UncheckedIOException(what + " cannot be read: " + describe(e), e);
        }
        try {
            Iterator<CSVRecord> records = parser.iterator();
            CSVRecord header = null;
            while (header == null && hasNext(records, what)) {
                CSVRecord candidate = records.next();
                if (!isBlank(candidate)) {
                    header = candidate;
                }
            }
            if (header == null) {
                throw new UnusableCsvException(what + " is empty: it has no header row");
            }
            Map<String, Integer> columns = new HashMap<>();
            for (int i = 0; i < header.size(); i++) {
                String name = header.get(i).strip().toLowerCase(Locale.ROOT);
                if (!name.isEmpty() && columns.putIfAbsent(name, i) != null) {
                    throw new UnusableCsvException(what + " has the column '" + name + "' twice");
                }
            }
            for (String column : required) {
                if (!columns.containsKey(column)) {
                    throw new UnusableCsvException(what + " has no '" + column + "' column");
                }
            }
            return new CsvRows(what, parser, Map.copyOf(columns));
        } catch (RuntimeException e) {
            closeQuietly(parser, e);
            throw e;
        }
    }

    @Override
    public boolean hasNext() {
        while (next == null) {
            // The parser has consumed the line ends of every row before this one.
            long line = parser.getCurrentLineNumber() + 1;
            if (!hasNext(records, fileName)) {
                return false;
            }
            CSVRecord record = records.next();
            if (!isBlank(record)) {
                next = new Row(line, record, columns);
            }
        }
        return true;
    }

    @Override
    public Row next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        Row row = next;
        next = null;
        return Objects.requireNonNull(row);
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }

    private static boolean hasNext(Iterator<CSVRecord> records, String what) {
        try {
            return records.hasNext();
        } catch (UncheckedIOException e) {
            Matcher openQuote = OPEN_QUOTE_AT_END.matcher(describe(e));
            if (openQuote.find()) {
                throw new UnusableCsvException(
                        what + " cannot be read: the quote opened on line " + openQuote.group(1) + " is never closed",
                        e);
            }
            // commons-csv names the line in its other messages: "(line 12) invalid char between ...".
            throw new UnusableCsvException(what + " cannot be read: " + describe(e), e);
        }
    }

    private static boolean isBlank(CSVRecord record) {
        return record.size() == 1 && record.get(0).isBlank();
    }

    private static Reader withoutByteOrderMark(Reader reader) throws IOException {
        PushbackReader pushback = new PushbackReader(reader, 1);
        int first = pushback.read();
        if (first != -1 && first != BYTE_ORDER_MARK) {
            pushback.unread(first);
        }
        return pushback;
    }

    /** An input failure in words, without the exception's class name. */
    static String describe(UncheckedIOException e) {
        IOException cause = e.getCause();
        return cause == null ? "an input error" : describe(cause);
    }

    /** An input failure in words, without the exception's class name. */
    static String describe(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        String message = e.getMessage();
        return message == null || message.isBlank() ? "an input error" : message;
    }

    private static void closeQuietly(Closeable closeable, Exception failure) {
        try {
            closeable.close();
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }
}
