package io.github.missedcalls.pbx.internal;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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

    /** One line of the file: its fields, or why they could not be read. */
    public record Line(
            long number, List<String> fields, @Nullable String problem) {
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
            if (records.size() != 1) {
                return new Line(number, List.of(), "broken quoting: the line holds no single record");
            }
            return new Line(number, records.get(0).toList(), null);
        } catch (UncheckedIOException | IOException e) {
            return new Line(
                    number, List.of(), "broken quoting: a quote is not closed, or text follows a closing quote");
        }
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
