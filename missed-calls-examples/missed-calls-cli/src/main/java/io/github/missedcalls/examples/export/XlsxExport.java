package io.github.missedcalls.examples.export;

import io.github.missedcalls.HandleReason;
import io.github.missedcalls.Labels;
import io.github.missedcalls.MissedReason;
import io.github.missedcalls.Report;
import io.github.missedcalls.ReportColumn;
import io.github.missedcalls.ReportCsv;
import io.github.missedcalls.ReportRow;
import io.github.missedcalls.ResolutionKind;
import io.github.missedcalls.Tab;
import io.github.missedcalls.TeamCsv;
import io.github.missedcalls.TeamFigures;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.jspecify.annotations.Nullable;

/**
 * Writes tabs of a report as an XLSX workbook (R13) for people: one worksheet per tab plus a
 * worksheet {@code about} that says which report it is and what each word stands for.
 *
 * <ol>
 *   <li>A header row with the columns in words ({@link Labels#column}), bold, frozen, with an
 *       auto-filter over the whole table. Reasons, resolutions and handle reasons are words too;
 *       their codes are in the {@code about} sheet's legend, and in the CSV and JSON exports.
 *   <li>Client numbers and every other text are text cells, so a spreadsheet never reads
 *       {@code +380...} as a number or a formula; no neutralization is needed.
 *   <li>Times are date cells showing the local time in the report's zone, seconds written and
 *       fractions dropped as in CSV, in the order of the language's dates; a date cell has no
 *       offset, so the {@code about} sheet names the zone.
 *   <li>Durations are duration cells ({@code [h]:mm:ss}: a day is 24 hours, so a client waiting
 *       three days shows 72 hours), counts are numbers.
 *   <li>Each column is as wide as its header and its longest value, within bounds.
 * </ol>
 */
public final class XlsxExport {

    static final String ISO_TIME_FORMAT = "yyyy-mm-dd hh:mm:ss";
    static final String DOTTED_TIME_FORMAT = "dd.mm.yyyy hh:mm:ss";
    static final String DURATION_FORMAT = "[h]:mm:ss";
    private static final String APPLICATION = "missed-calls";
    private static final String HEADER_FILL = "DDE4EE";
    private static final double SECONDS_PER_DAY = 86_400;
    /** Widths are measured over the first rows only: a month's rows are alike. */
    private static final int ROWS_MEASURED = 2_000;

    private static final Pattern SHEET_PART = Pattern.compile("xl/worksheets/sheet(\\d+)\\.xml");
    private static final double MIN_WIDTH = 8;
    private static final double MAX_WIDTH = 60;

    private XlsxExport() {}

    /**
     * Writes a workbook of the given tabs in English, in that order; leaves {@code out} open.
     *
     * @throws IllegalArgumentException if no tab is given
     * @throws UncheckedIOException if writing fails
     */
    public static void write(Report report, List<Tab> tabs, OutputStream out) {
        write(report, tabs, out, Labels.english());
    }

    /**
     * Writes a workbook of the given tabs in the language of {@code labels}, in that order;
     * leaves {@code out} open.
     *
     * @throws IllegalArgumentException if no tab is given
     * @throws UncheckedIOException if writing fails
     */
    public static void write(Report report, List<Tab> tabs, OutputStream out, Labels labels) {
        write(report, tabs, out, labels, false);
    }

    /**
     * Writes a workbook as {@link #write(Report, List, OutputStream, Labels)} does, and with
     * {@code workflow} each tab with R14 to R16's columns after the others ({@link
     * ReportColumn#of(Tab, boolean)}).
     *
     * @throws IllegalArgumentException if no tab is given
     * @throws UncheckedIOException if writing fails
     */
    public static void write(Report report, List<Tab> tabs, OutputStream out, Labels labels, boolean workflow) {
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(labels, "labels");
        if (tabs.isEmpty()) {
            throw new IllegalArgumentException("at least one tab to write");
        }
        try {
            // fastexcel writes every sheet's dimension as "A1" (dhatim/fastexcel#452), and some
            // readers size the sheet by it; the workbook is written aside and the ranges put right.
            ByteArrayOutputStream written = new ByteArrayOutputStream();
            Workbook workbook = new Workbook(written, APPLICATION, null);
            List<String> ranges = new ArrayList<>();
            for (Tab tab : tabs) {
                ranges.add(writeTab(workbook.newWorksheet(tab.token()), report, tab, labels, workflow));
            }
            ranges.add(writeAbout(workbook.newWorksheet("about"), report, labels));
            workbook.finish();
            withDimensions(written.toByteArray(), ranges, out);
        } catch (IOException e) {
            throw new UncheckedIOException("writing the XLSX workbook failed", e);
        }
    }

    /**
     * Writes R18's figures as a workbook: a sheet {@code team} with {@link TeamCsv}'s columns
     * (the total, then each employee, then each line), durations as hours:minutes:seconds and
     * shares as percentages, and the {@code about} sheet; leaves {@code out} open.
     *
     * @throws UncheckedIOException if writing fails
     */
    public static void writeTeam(Report report, OutputStream out, Labels labels) {
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(labels, "labels");
        try {
            ByteArrayOutputStream written = new ByteArrayOutputStream();
            Workbook workbook = new Workbook(written, APPLICATION, null);
            List<String> ranges = new ArrayList<>();
            ranges.add(writeTeamSheet(workbook.newWorksheet("team"), report.team()));
            ranges.add(writeAbout(workbook.newWorksheet("about"), report, labels));
            workbook.finish();
            withDimensions(written.toByteArray(), ranges, out);
        } catch (IOException e) {
            throw new UncheckedIOException("writing the XLSX workbook failed", e);
        }
    }

    private static String writeTeamSheet(Worksheet sheet, TeamFigures team) throws IOException {
        List<String> header = TeamCsv.header();
        for (int c = 0; c < header.size(); c++) {
            sheet.value(0, c, header.get(c));
            sheet.style(0, c)
                    .bold()
                    .fillColor(HEADER_FILL)
                    .horizontalAlignment(c < 2 ? "left" : "right")
                    .set();
            sheet.width(c, Math.max(MIN_WIDTH, header.get(c).length() + 3));
        }
        List<List<@Nullable Object>> lines = new ArrayList<>();
        lines.add(TeamCsv.values("total", "", team.total()));
        team.byEmployee().forEach((name, figures) -> lines.add(TeamCsv.values("employee", name, figures)));
        team.byLine().forEach((name, figures) -> lines.add(TeamCsv.values("line", name, figures)));
        int r = 1;
        for (List<@Nullable Object> line : lines) {
            for (int c = 0; c < line.size(); c++) {
                Object value = line.get(c);
                if (value instanceof Double share) {
                    sheet.value(r, c, share);
                    sheet.style(r, c).format("0%").set();
                } else if (value instanceof Long number && header.get(c).endsWith("_s")) {
                    sheet.value(r, c, number / SECONDS_PER_DAY);
                    sheet.style(r, c).format(DURATION_FORMAT).set();
                } else if (value instanceof Long number) {
                    sheet.value(r, c, number);
                } else if (value != null) {
                    sheet.value(r, c, value.toString());
                }
            }
            r++;
        }
        sheet.freezePane(2, 1);
        sheet.finish();
        return "A1:" + columnName(header.size() - 1) + r;
    }

    /** The date format of a language: ISO in English, day first where the language writes it so. */
    static String timeFormat(Labels labels) {
        return "en".equals(labels.locale().getLanguage()) ? ISO_TIME_FORMAT : DOTTED_TIME_FORMAT;
    }

    /** Writes a tab; returns the range it fills, {@code A1:N5}. */
    private static String writeTab(Worksheet sheet, Report report, Tab tab, Labels labels, boolean workflow)
            throws IOException {
        List<ReportColumn> columns = ReportColumn.of(tab, workflow);
        double[] widths = new double[columns.size()];
        for (int c = 0; c < columns.size(); c++) {
            ReportColumn column = columns.get(c);
            String header = labels.column(column);
            sheet.value(0, c, header);
            // Bold text and the filter's button take about three characters more than the text.
            widths[c] = header.length() + 3;
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
        String timeFormat = timeFormat(labels);
        int r = 1;
        for (ReportRow row : report.rows(tab)) {
            for (int c = 0; c < columns.size(); c++) {
                int shown = writeCell(sheet, r, c, columns.get(c), row, report, labels, timeFormat);
                if (r <= ROWS_MEASURED) {
                    widths[c] = Math.max(widths[c], shown + 2);
                }
            }
            r++;
        }
        for (int c = 0; c < columns.size(); c++) {
            sheet.width(c, Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, widths[c])));
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
        return "A1:" + columnName(columns.size() - 1) + r;
    }

    /** Writes one cell; returns about how many characters it shows. */
    private static int writeCell(
            Worksheet sheet,
            int r,
            int c,
            ReportColumn column,
            ReportRow row,
            Report report,
            Labels labels,
            String timeFormat) {
        Object value = Labels.isCoded(column) ? labels.valueOf(column, row) : column.value(row);
        if (value == null) {
            return 0;
        }
        if (value instanceof Instant instant) {
            sheet.value(r, c, LocalDateTime.ofInstant(instant.truncatedTo(ChronoUnit.SECONDS), report.zone()));
            sheet.style(r, c).format(timeFormat).set();
            return timeFormat.length();
        }
        if (value instanceof Long number) {
            if (column.type() == ReportColumn.Type.SECONDS) {
                sheet.value(r, c, number / SECONDS_PER_DAY);
                sheet.style(r, c).format(DURATION_FORMAT).set();
                return Long.toString(number / 3600).length() + 6;
            }
            sheet.value(r, c, number);
            return number.toString().length();
        }
        String text = value.toString();
        sheet.value(r, c, text);
        if (column != ReportColumn.CLIENT) {
            // Text after a right-aligned number or date would touch it.
            sheet.style(r, c).horizontalAlignment("left").indent(1).set();
            return text.length() + 1;
        }
        return text.length();
    }

    /** Writes the about sheet; returns the range it fills. */
    private static String writeAbout(Worksheet sheet, Report report, Labels labels) throws IOException {
        Object[][] facts = {
            {"project", report.project()},
            {"zone", report.zone().getId()},
            {"from", ReportCsv.formatTime(report.from(), report.zone())},
            {"to", ReportCsv.formatTime(report.to(), report.zone())},
            {"as of", ReportCsv.formatTime(report.asOf(), report.zone())},
            {"times", "local times in the zone above"},
            {"durations", "hours:minutes:seconds"},
            {"anonymous missed calls", report.anonymousMissed()},
            {"rejected records and handles", (long) report.rejections().size()},
        };
        int r = 0;
        for (; r < facts.length; r++) {
            sheet.value(r, 0, (String) facts[r][0]);
            if (facts[r][1] instanceof Long number) {
                sheet.value(r, 1, number);
            } else {
                sheet.value(r, 1, (String) facts[r][1]);
            }
        }
        sheet.range(0, 0, facts.length - 1, 0).style().bold().set();
        // The legend: what each word stands for, with the code the CSV and JSON exports carry.
        r++;
        sheet.value(r, 0, "words and their codes");
        sheet.style(r, 0).bold().set();
        r++;
        for (MissedReason reason : MissedReason.values()) {
            legend(sheet, r++, labels.reason(reason), reason.name(), labels.description(reason));
        }
        for (ResolutionKind kind : ResolutionKind.values()) {
            legend(sheet, r++, labels.resolution(kind), kind.token(), "");
        }
        for (HandleReason reason : HandleReason.values()) {
            legend(sheet, r++, labels.handleReason(reason), reason.token(), "");
        }
        sheet.width(0, 34);
        sheet.width(1, 32);
        sheet.width(2, 70);
        sheet.finish();
        return "A1:C" + r;
    }

    /** The letters of a column: 0 is A, 13 is N, 26 is AA. */
    static String columnName(int index) {
        StringBuilder name = new StringBuilder();
        for (int n = index + 1; n > 0; n = (n - 1) / 26) {
            name.insert(0, (char) ('A' + (n - 1) % 26));
        }
        return name.toString();
    }

    /** Copies a workbook, each {@code xl/worksheets/sheetN.xml} given its range as its dimension. */
    private static void withDimensions(byte[] workbook, List<String> ranges, OutputStream out) throws IOException {
        // Read through the central directory: fastexcel's local headers carry no sizes, which
        // ZipInputStream cannot follow.
        Path file = Files.createTempFile("missed-calls-", ".xlsx");
        ZipOutputStream zip = new ZipOutputStream(out);
        try {
            Files.write(file, workbook);
            try (ZipFile in = new ZipFile(file.toFile())) {
                for (ZipEntry entry : Collections.list(in.entries())) {
                    zip.putNextEntry(new ZipEntry(entry.getName()));
                    try (InputStream part = in.getInputStream(entry)) {
                        Matcher sheet = SHEET_PART.matcher(entry.getName());
                        int index = sheet.matches() ? Integer.parseInt(sheet.group(1)) : 0;
                        if (index >= 1 && index <= ranges.size()) {
                            // The dimension comes in the first few hundred bytes, before any cell.
                            byte[] head = part.readNBytes(4096);
                            String start = new String(head, StandardCharsets.ISO_8859_1);
                            zip.write(start.replaceFirst(
                                            "<dimension ref=\"A1\"/>",
                                            "<dimension ref=\"" + ranges.get(index - 1) + "\"/>")
                                    .getBytes(StandardCharsets.ISO_8859_1));
                        }
                        part.transferTo(zip);
                    }
                    zip.closeEntry();
                }
            }
        } finally {
            Files.deleteIfExists(file);
        }
        // Finishes the zip without closing the caller's stream.
        zip.finish();
    }

    private static void legend(Worksheet sheet, int r, String word, String code, String description) {
        sheet.value(r, 0, word);
        sheet.value(r, 1, code);
        if (!description.isEmpty()) {
            sheet.value(r, 2, description);
        }
    }
}
