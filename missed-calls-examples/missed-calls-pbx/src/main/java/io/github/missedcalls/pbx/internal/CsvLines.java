package io.github.missedcalls.pbx.internal;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;

/**
 * Reads a PBX's CSV file one physical line at a time, so that one dirty line is one rejected
 * row and never the rest of the file.
 *
 * <ol>
 *   <li>Bytes are decoded as UTF-8; a byte sequence that is not UTF-8 (a caller-ID name written
 *       in a legacy code page) becomes U+FFFD and the line is kept. A field that matters (a
 *       number, a time) then fails its own check; a name does not matter.
 *   <li>A byte-order mark at the start is ignored; blank lines are skipped but counted.
 *   <li>Each line is one record: PBXs write no line breaks inside fields, so a quote left open
 *       rejects that line alone instead of swallowing the lines after it.
 *   <li>A line that strict CSV cannot read is read again leniently: a quoted field ends at the
 *       first quote that is followed by the delimiter or the end of the line, and doubled quotes
 *       inside it are one. Database exports (PBXware's among them) write caller-ID names with
 *       their quotes unescaped, {@code ""Ramana Ulsa" <1115>"} for {@code """Ramana Ulsa""
 *       <1115>"}; such a line keeps its call's ids, times and disposition. A line that even this
 *       cannot read keeps its raw text, so that the call it belongs to can still be found.
 * </ol>
 *
 * <p>Not thread-safe; owns the open file until closed.
 */
public final class CsvLines implements Closeable {

    /** Asterisk's and FreeSWITCH's CSV: commas, double quotes, doubled quotes inside. */
    public static final CSVFormat COMMA_SEPARATED = CSVFormat.DEFAULT.builder().get();
    /** queue_log: bars, no quoting at all. */
    public static final CSVFormat BAR_SEPARATED =
            CSVFormat.DEFAULT.builder().setDelimiter('|').setQuote(null).get();

    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private final BufferedReader reader;
    private final CSVFormat format;
    private long lineNumber;

    /** One line of the file: its fields, or why they could not be read; and its text as written. */
    public record Line(
            long number, List<String> fields, @Nullable String problem, String text) {
        public Line {
            fields = List.copyOf(fields);
        }

        public boolean isReadable() {
            return problem == null;
        }
    }

    private CsvLines(BufferedReader reader, CSVFormat format) {
        this.reader = reader;
        this.format = format;
    }

    /**
     * Opens a file.
     *
     * @throws IOException if it cannot be opened
     */
    public static CsvLines open(Path file, CSVFormat format) throws IOException {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(format, "format");
        // InputStreamReader with a Charset (not a CharsetDecoder) replaces malformed input with U+FFFD.
        return new CsvLines(
                new BufferedReader(new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8)), format);
    }

    /**
     * The next line that is not blank, or {@code null} at the end of the file.
     *
     * @throws IOException if the file cannot be read
     */
    public @Nullable Line next() throws IOException {
        String text;
        do {
            text = reader.readLine();
            if (text == null) {
                return null;
            }
            lineNumber++;
            if (lineNumber == 1 && !text.isEmpty() && text.charAt(0) == BYTE_ORDER_MARK) {
                text = text.substring(1);
            }
        } while (text.isBlank());
        return parse(lineNumber, text);
    }

    private Line parse(long number, String text) {
        try (CSVParser parser = CSVParser.parse(text, format)) {
            List<CSVRecord> records = parser.getRecords();
            if (records.size() == 1) {
                return new Line(number, records.get(0).toList(), null, text);
            }
        } catch (UncheckedIOException | IOException e) {
            // read again below
        }
        List<String> lenient = lenientFields(text);
        if (lenient != null) {
            return new Line(number, lenient, null, text);
        }
        return new Line(
                number, List.of(), "broken quoting: a quote is not closed, or text follows a closing quote", text);
    }

    /** The fields by the lenient rule of the class comment; {@code null} when a quoted field never ends. */
    private @Nullable List<String> lenientFields(String text) {
        Character quoteCharacter = format.getQuoteCharacter();
        String delimiterText = format.getDelimiterString();
        if (quoteCharacter == null || delimiterText.length() != 1) {
            return null;
        }
        char quote = quoteCharacter;
        char delimiter = delimiterText.charAt(0);
        List<String> fields = new ArrayList<>();
        int at = 0;
        while (true) {
            if (at < text.length() && text.charAt(at) == quote) {
                int close = closingQuote(text, at + 1, quote, delimiter);
                if (close < 0) {
                    return null;
                }
                String quoted = String.valueOf(quote);
                fields.add(text.substring(at + 1, close).replace(quoted + quoted, quoted));
                at = close + 1;
            } else {
                int next = text.indexOf(delimiter, at);
                int end = next < 0 ? text.length() : next;
                fields.add(text.substring(at, end));
                at = end;
            }
            if (at >= text.length()) {
                return fields;
            }
            at++; // the delimiter
            if (at == text.length()) {
                fields.add("");
                return fields;
            }
        }
    }

    private static int closingQuote(String text, int from, char quote, char delimiter) {
        for (int i = text.indexOf(quote, from); i >= 0; i = text.indexOf(quote, i + 1)) {
            if (i + 1 == text.length() || text.charAt(i + 1) == delimiter) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
