package io.github.missedcalls.examples.export;

import io.github.missedcalls.Report;
import io.github.missedcalls.ReportColumn;
import io.github.missedcalls.ReportCsv;
import io.github.missedcalls.ReportRow;
import io.github.missedcalls.Tab;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * Writes tabs of a report as an XLSX workbook (R13), one worksheet per tab plus a worksheet
 * {@code about} that says which report it is.
 *
 * <ol>
 *   <li>A header row with the {@link ReportColumn} names, bold, frozen, with an auto-filter over
 *       the whole table.
 *   <li>Client numbers and every other text are text cells, so a spreadsheet never reads
 *       {@code +380...} as a number or a formula; no neutralization is needed.
 *   <li>Times are date cells showing the local time in the report's zone, seconds written and
 *       fractions dropped as in CSV; a date cell has no offset, so the {@code about} sheet names
 *       the zone.
 *   <li>Counts and durations in seconds are numbers.
 * </ol>
 */
public final class XlsxExport {

    static final String TIME_FORMAT = "yyyy-mm-dd hh:mm:ss";
    private static final String APPLICATION = "missed-calls";
    private static final String HEADER_FILL = "DDE4EE";

    private XlsxExport() {}

    /**
     * Writes a workbook of the given tabs, in that order; leaves {@code out} open.
     *
     * @throws IllegalArgumentException if no tab is given
     * @throws UncheckedIOException if writing fails
     */
    public static void write(Report report, List<Tab> tabs, OutputStream out) {
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(out, "out");
        if (tabs.isEmpty()) {
            throw new IllegalArgumentException("at least one tab to write");
        }
        try {
            Workbook workbook = new Workbook(out, APPLICATION, null);
            for (Tab tab : tabs) {
                writeTab(workbook.newWorksheet(tab.token()), report, tab);
            }
            writeAbout(workbook.newWorksheet("about"), report);
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException("writing the XLSX workbook failed", e);
        }
    }

    private static void writeTab(Worksheet sheet, Report report, Tab tab) throws IOException {
        List<ReportColumn> columns = ReportColumn.of(tab);
        for (int c = 0; c < columns.size(); c++) {
            ReportColumn column = columns.get(c);
            sheet.value(0, c, column.header());
            sheet.width(c, width(column));
            // Headers sit on the side their values do: numbers and dates right, text left.
            if (column == ReportColumn.CLIENT) {
                sheet.style(0, c)
                        .bold()
                        .fillColor(HEADER_FILL)
                        .horizontalAlignment("left")
                        .set();
            } else if (column.type() == ReportColumn.Type.TEXT) {
                sheet.style(0, c)
                        .bold()
                        .fillColor(HEADER_FILL)
                        .horizontalAlignment("left")
                        .indent(1)
                        .set();
            } else {
                sheet.style(0, c)
                        .bold()
                        .fillColor(HEADER_FILL)
                        .horizontalAlignment("right")
                        .set();
            }
        }
        int r = 1;
        for (ReportRow row : report.rows(tab)) {
            for (int c = 0; c < columns.size(); c++) {
                writeCell(sheet, r, c, columns.get(c), row, report);
            }
            r++;
        }
        sheet.freezePane(0, 1);
        sheet.setAutoFilter(0, 0, Math.max(r - 1, 0), columns.size() - 1);
        // Printed, a tab is one page wide with its header on every page; as many pages long as it takes.
        sheet.pageOrientation("landscape");
        sheet.setFitToPage(true);
        sheet.fitToWidth((short) 1);
        sheet.fitToHeight((short) 0);
        sheet.repeatRows(0);
        sheet.finish();
    }

    private static void writeCell(Worksheet sheet, int r, int c, ReportColumn column, ReportRow row, Report report) {
        Object value = column.value(row);
        if (value == null) {
            return;
        }
        if (value instanceof Instant instant) {
            sheet.value(r, c, LocalDateTime.ofInstant(instant.truncatedTo(ChronoUnit.SECONDS), report.zone()));
            sheet.style(r, c).format(TIME_FORMAT).set();
        } else if (value instanceof Long number) {
            sheet.value(r, c, number);
        } else {
            sheet.value(r, c, value.toString());
            if (column != ReportColumn.CLIENT) {
                // Text after a right-aligned number or date would touch it.
                sheet.style(r, c).horizontalAlignment("left").indent(1).set();
            }
        }
    }

    private static void writeAbout(Worksheet sheet, Report report) throws IOException {
        Object[][] facts = {
            {"project", report.project()},
            {"zone", report.zone().getId()},
            {"from", ReportCsv.formatTime(report.from(), report.zone())},
            {"to", ReportCsv.formatTime(report.to(), report.zone())},
            {"as of", ReportCsv.formatTime(report.asOf(), report.zone())},
            {"times", "local times in the zone above"},
            {"anonymous missed calls", report.anonymousMissed()},
            {"rejected records and handles", (long) report.rejections().size()},
        };
        for (int r = 0; r < facts.length; r++) {
            sheet.value(r, 0, (String) facts[r][0]);
            if (facts[r][1] instanceof Long number) {
                sheet.value(r, 1, number);
            } else {
                sheet.value(r, 1, (String) facts[r][1]);
            }
        }
        sheet.range(0, 0, facts.length - 1, 0).style().bold().set();
        sheet.width(0, 28);
        sheet.width(1, 32);
        sheet.finish();
    }

    /** Wide enough for the header and a typical value, in characters. */
    private static double width(ReportColumn column) {
        return switch (column) {
            case CLIENT -> 17;
            case REASON, HANDLE_REASON -> 28;
            case REASONS -> 44;
            case NOTE -> 36;
            case RESOLUTION -> 20;
            case RESOLVED_BY -> 14;
            case TIME_TO_RESOLUTION_S -> 22;
            default ->
                switch (column.type()) {
                    case INSTANT -> 20;
                    case SECONDS -> 12;
                    case COUNT -> 10;
                    case TEXT -> 16;
                };
        };
    }
}
