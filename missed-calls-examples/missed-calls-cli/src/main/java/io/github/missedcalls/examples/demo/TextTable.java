package io.github.missedcalls.examples.demo;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A table for a terminal: a header, a rule, and rows whose columns line up; numbers are aligned
 * right, text left, and a cell longer than its column's limit is cut, ending in {@code ...}.
 */
public final class TextTable {

    /** How a column's cells line up. */
    public enum Align {
        LEFT,
        RIGHT
    }

    private record Column(String header, Align align, int limit) {}

    private static final String GAP = "  ";

    private final List<Column> columns = new ArrayList<>();
    private final List<String[]> rows = new ArrayList<>();

    /** Adds a column; call before adding rows. {@code limit} is the widest a cell is shown. */
    public TextTable column(String header, Align align, int limit) {
        if (!rows.isEmpty()) {
            throw new IllegalStateException("columns come before rows");
        }
        columns.add(
                new Column(Objects.requireNonNull(header, "header"), Objects.requireNonNull(align, "align"), limit));
        return this;
    }

    /**
     * Adds a row.
     *
     * @throws IllegalArgumentException if the row has another number of cells than the table has columns
     */
    public TextTable row(String... cells) {
        if (cells.length != columns.size()) {
            throw new IllegalArgumentException(
                    "a row of " + cells.length + " cells for " + columns.size() + " columns");
        }
        rows.add(cells.clone());
        return this;
    }

    /** Writes the table, each line starting with {@code indent}. */
    public void print(PrintWriter out, String indent) {
        int[] widths = new int[columns.size()];
        for (int c = 0; c < columns.size(); c++) {
            widths[c] = Math.min(columns.get(c).limit(), columns.get(c).header().length());
            for (String[] row : rows) {
                widths[c] = Math.max(widths[c], Math.min(columns.get(c).limit(), row[c].length()));
            }
        }
        String[] header = columns.stream().map(Column::header).toArray(String[]::new);
        out.println(line(indent, header, widths));
        StringBuilder rule = new StringBuilder(indent);
        for (int c = 0; c < widths.length; c++) {
            rule.append(c == 0 ? "" : GAP).append("-".repeat(widths[c]));
        }
        out.println(rule);
        for (String[] row : rows) {
            out.println(line(indent, row, widths));
        }
    }

    private String line(String indent, String[] cells, int[] widths) {
        StringBuilder line = new StringBuilder(indent);
        for (int c = 0; c < cells.length; c++) {
            String cell = cut(cells[c], widths[c]);
            String padding = " ".repeat(widths[c] - cell.length());
            line.append(c == 0 ? "" : GAP);
            boolean last = c == cells.length - 1;
            if (columns.get(c).align() == Align.RIGHT) {
                line.append(padding).append(cell);
            } else {
                line.append(cell).append(last ? "" : padding);
            }
        }
        return line.toString();
    }

    private static String cut(String cell, int width) {
        return cell.length() <= width ? cell : cell.substring(0, Math.max(0, width - 3)) + "...";
    }
}
