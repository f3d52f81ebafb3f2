package io.github.missedcalls;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Writes a tab as CSV (R13): RFC 4180, CRLF line ends, a header always, a cell quoted only when
 * it must be, times in the project's zone with their offset ({@code 2026-11-10T12:00:00+02:00},
 * fractions dropped).
 *
 * <p>A cell that starts with {@code =}, {@code +}, {@code -}, {@code @}, tab or carriage return
 * is prefixed with {@code '} so that a spreadsheet never runs it as a formula, except a cell that
 * is exactly a normalized client number ({@code +} and digits).
 *
 * <p>Written by hand because the core depends on no CSV library; the examples use one for reading.
 */
public final class ReportCsv {

    /** Seconds always written, fractions dropped, {@code Z} for a zero offset. */
    public static final DateTimeFormatter TIME_FORMAT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX");

    private static final Pattern CLIENT_NUMBER = Pattern.compile("\\+[0-9]+");
    private static final String LINE_END = "\r\n";

    private ReportCsv() {}

    /**
     * Writes one tab of a report, in the order shown, with the columns of {@link
     * ReportColumn#of(Tab)}.
     *
     * @throws UncheckedIOException if the output fails
     */
    public static void write(Report report, Tab tab, Appendable out) {
        write(report, tab, out, null);
    }

    /**
     * Writes one tab of a report as {@link #write(Report, Tab, Appendable)} does, and with labels
     * after those columns, for each coded one, the same value in words: {@code reason_label},
     * {@code reasons_label} (separated by {@code ", "}), and on the processed tab {@code
     * resolution_label} and {@code handle_reason_label}. A parser that reads columns by name
     * keeps working; a person gets the words.
     *
     * @param labels the words to add; {@code null} for the codes alone
     * @throws UncheckedIOException if the output fails
     */
    public static void write(Report report, Tab tab, Appendable out, @Nullable Labels labels) {
        write(report, tab, out, labels, false);
    }

    /**
     * Writes one tab as {@link #write(Report, Tab, Appendable, Labels)} does, and with {@code
     * workflow} R14 to R16's columns after the contract's ({@link ReportColumn#of(Tab, boolean)}),
     * before the labels.
     *
     * @throws UncheckedIOException if the output fails
     */
    public static void write(Report report, Tab tab, Appendable out, @Nullable Labels labels, boolean workflow) {
        List<ReportColumn> columns = ReportColumn.of(tab, workflow);
        List<ReportColumn> labelled = labels == null ? List.of() : labelled(tab);
        try {
            for (int i = 0; i < columns.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                out.append(columns.get(i).header());
            }
            for (ReportColumn column : labelled) {
                out.append(',').append(labelHeader(column));
            }
            out.append(LINE_END);
            for (ReportRow row : report.rows(tab)) {
                for (int i = 0; i < columns.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    out.append(cell(columns.get(i).value(row), report.zone()));
                }
                for (ReportColumn column : labelled) {
                    out.append(',').append(cell(Objects.requireNonNull(labels).valueOf(column, row), report.zone()));
                }
                out.append(LINE_END);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing the " + tab.token() + " tab failed", e);
        }
    }

    /** The coded columns of a tab, which {@link Labels#valueOf} puts in words, in order. */
    public static List<ReportColumn> labelled(Tab tab) {
        List<ReportColumn> coded = new ArrayList<>();
        for (ReportColumn column : ReportColumn.of(tab)) {
            if (Labels.isCoded(column)) {
                coded.add(column);
            }
        }
        return List.copyOf(coded);
    }

    /** The header of a coded column's words: {@code reason_label}. */
    public static String labelHeader(ReportColumn column) {
        return column.header() + "_label";
    }

    /** One value as its cell's text: formatted, neutralized and quoted as needed. */
    public static String cell(@Nullable Object value, ZoneId zone) {
        if (value == null) {
            return "";
        }
        String text = value instanceof Instant instant ? formatTime(instant, zone) : value.toString();
        return quoteIfNeeded(neutralize(text));
    }

    /** A time as every export writes it. */
    public static String formatTime(Instant instant, ZoneId zone) {
        return TIME_FORMAT.format(instant.atZone(zone));
    }

    /** Prefixes a cell a spreadsheet would run as a formula with {@code '}. */
    public static String neutralize(String text) {
        if (text.isEmpty()) {
            return text;
        }
        char first = text.charAt(0);
        boolean risky = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
        if (!risky || CLIENT_NUMBER.matcher(text).matches()) {
            return text;
        }
        return "'" + text;
    }

    private static String quoteIfNeeded(String text) {
        boolean mustQuote = false;
        for (int i = 0; i < text.length() && !mustQuote; i++) {
            char c = text.charAt(i);
            mustQuote = c == ',' || c == '"' || c == '\r' || c == '\n';
        }
        return mustQuote ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }
}
