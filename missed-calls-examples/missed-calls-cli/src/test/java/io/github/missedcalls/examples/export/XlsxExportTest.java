package io.github.missedcalls.examples.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.missedcalls.Labels;
import io.github.missedcalls.Report;
import io.github.missedcalls.ReportColumn;
import io.github.missedcalls.ResolutionKind;
import io.github.missedcalls.Tab;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("XLSX export, read back with fastexcel-reader (R13)")
class XlsxExportTest {

    private static byte[] workbook;
    private static Report report;

    @BeforeAll
    static void writeWorkbook() {
        report = ExportFixtures.week();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        XlsxExport.write(report, List.of(Tab.UNPROCESSED, Tab.PROCESSED), out);
        workbook = out.toByteArray();
    }

    private static List<Row> rows(String sheetName) throws IOException {
        try (ReadableWorkbook read =
                new ReadableWorkbook(new ByteArrayInputStream(workbook), new ReadingOptions(true, false))) {
            Sheet sheet = read.findSheet(sheetName).orElseThrow();
            return sheet.read();
        }
    }

    @Test
    @DisplayName("one sheet per tab in the order given, then 'about'")
    void sheets() throws IOException {
        try (ReadableWorkbook read = new ReadableWorkbook(new ByteArrayInputStream(workbook))) {
            assertThat(read.getSheets().map(Sheet::getName)).containsExactly("unprocessed", "processed", "about");
        }
    }

    @Test
    @DisplayName("a header row with the columns in words, then one row per report row in order")
    void headerAndRows() throws IOException {
        List<Row> processed = rows("processed");

        assertThat(processed.get(0).stream().map(Cell::getText))
                .containsExactlyElementsOf(ReportColumn.of(Tab.PROCESSED).stream()
                        .map(Labels.english()::column)
                        .toList())
                .startsWith("Client", "First missed", "Last missed", "First to last missed");
        assertThat(processed).hasSize(1 + report.processed().size());
        assertThat(processed.subList(1, processed.size()).stream().map(row -> row.getCellText(0)))
                .containsExactly("+380501110006", "+380501110004", "+380501110003", "+380501110001");
    }

    @Test
    @DisplayName("client numbers are text cells, not numbers or formulas")
    void clientsAsText() throws IOException {
        Cell client = rows("unprocessed").get(1).getCell(0);

        assertThat(client.getType()).isEqualTo(CellType.STRING);
        assertThat(client.asString()).isEqualTo("+380501110002");
    }

    @Test
    @DisplayName("times are real date cells showing local time in the project's zone")
    void timesAsDates() throws IOException {
        Row first = rows("processed").get(4);
        Cell firstMissed = first.getCell(1);
        Cell resolvedAt = first.getCell(9);

        assertThat(firstMissed.getType()).isEqualTo(CellType.NUMBER);
        assertThat(firstMissed.getDataFormatString()).isEqualTo("yyyy-mm-dd hh:mm:ss");
        assertThat(first.getCell(8).getText()).isEqualTo(Labels.english().resolution(ResolutionKind.CALLED_BACK));
        assertThat(firstMissed.asDate()).isEqualTo(LocalDateTime.of(2026, 11, 10, 10, 0, 0));
        assertThat(resolvedAt.asDate()).isEqualTo(LocalDateTime.of(2026, 11, 10, 12, 0, 0));
    }

    @Test
    @DisplayName("counts and durations are numbers; absent values are empty cells; formula-like text stays plain text")
    void numbersAndText() throws IOException {
        Row handled = rows("processed").get(1);

        assertThat(handled.getCell(4).getType()).isEqualTo(CellType.NUMBER);
        assertThat(handled.getCell(4).asNumber()).isEqualByComparingTo(BigDecimal.ONE);
        Cell timeToResolution = handled.getCell(13);
        assertThat(timeToResolution.getDataFormatString()).isEqualTo("[h]:mm:ss");
        assertThat(timeToResolution.asNumber().doubleValue() * 86_400).isCloseTo(14_400, within(1e-6));
        assertThat(handled.getCell(10).getType()).isEqualTo(CellType.STRING);
        assertThat(handled.getCell(10).asString()).isEqualTo("=admin");
        assertThat(handled.getCell(12).asString()).isEqualTo("-called back, see CRM");
        Row calledBack = rows("processed").get(4);
        assertThat(calledBack.getOptionalCell(11).map(Cell::getType).orElse(CellType.EMPTY))
                .isEqualTo(CellType.EMPTY);
    }

    @Test
    @DisplayName("the header row is frozen and filtered, and columns have widths")
    void frozenAndFiltered(@TempDir Path dir) throws IOException {
        String sheet = zipEntries(dir).get("xl/worksheets/sheet2.xml");

        assertThat(sheet)
                .contains("state=\"frozen\"")
                .contains("ySplit=\"1\"")
                .contains("<autoFilter ref=\"A1:N5\"")
                .contains("<dimension ref=\"A1:N5\"/>")
                .contains("<col min=\"1\" max=\"1\" width=\"");
    }

    @Test
    @DisplayName(
            "in Ukrainian: headers, reasons and resolutions in Ukrainian, dates day first; the legend gives the codes")
    void ukrainian() throws IOException {
        Labels uk = Labels.ofLanguage("uk");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        XlsxExport.write(report, List.of(Tab.PROCESSED), out, uk);

        try (ReadableWorkbook read =
                new ReadableWorkbook(new ByteArrayInputStream(out.toByteArray()), new ReadingOptions(true, false))) {
            List<Row> processed = read.findSheet("processed").orElseThrow().read();
            assertThat(processed.get(0).getCellText(0)).isEqualTo("Клієнт");
            Row calledBack = processed.get(4);
            assertThat(calledBack.getCellText(8)).isEqualTo("Передзвонили");
            assertThat(calledBack.getCell(1).getDataFormatString()).isEqualTo("dd.mm.yyyy hh:mm:ss");
            assertThat(calledBack.getCellText(6))
                    .isEqualTo(uk.reason(report.processed().get(3).reason()));
            List<Row> about = read.findSheet("about").orElseThrow().read();
            assertThat(about.stream().map(row -> row.getCellText(0) + "=" + row.getCellText(1)))
                    .contains("Поза робочим часом=OUTSIDE_BUSINESS_HOURS", "Інший варіант=other");
        }
    }

    @Test
    @DisplayName("columns are as wide as their header and longest value")
    void widthsFit(@TempDir Path dir) throws IOException {
        String sheet = zipEntries(dir).get("xl/worksheets/sheet2.xml");
        Matcher widths = Pattern.compile("<col min=\"(\\d+)\" max=\"\\d+\" width=\"([0-9.]+)\"")
                .matcher(sheet);
        Map<Integer, Double> width = new HashMap<>();
        while (widths.find()) {
            width.put(Integer.parseInt(widths.group(1)), Double.parseDouble(widths.group(2)));
        }

        List<Row> processed = rows("processed");
        for (int c = 0; c < processed.get(0).getCellCount(); c++) {
            int column = c;
            int longestText = processed.stream()
                    .map(row -> row.getOptionalCell(column))
                    .flatMap(java.util.Optional::stream)
                    .filter(cell -> cell.getType() == CellType.STRING)
                    .mapToInt(cell -> cell.asString().length())
                    .max()
                    .orElse(0);
            assertThat(width.get(c + 1)).as("column %d", c + 1).isGreaterThanOrEqualTo(Math.min(60, longestText));
            assertThat(width.get(c + 1)).as("column %d", c + 1).isLessThanOrEqualTo(60);
        }
    }

    @Test
    @DisplayName("the 'about' sheet names the zone the times are in")
    void about() throws IOException {
        List<Row> about = rows("about");

        assertThat(about.get(1).getCellText(0)).isEqualTo("zone");
        assertThat(about.get(1).getCellText(1)).isEqualTo("Europe/Kyiv");
    }

    @Test
    @DisplayName("asking for no tab is an error")
    void noTab() {
        assertThatThrownBy(() -> XlsxExport.write(report, List.of(), new ByteArrayOutputStream()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** The workbook's parts, read through the zip's central directory as spreadsheet programs do. */
    private static Map<String, String> zipEntries(Path dir) throws IOException {
        Path file = dir.resolve("report.xlsx");
        Files.write(file, workbook);
        Map<String, String> entries = new HashMap<>();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            for (ZipEntry entry : Collections.list(zip.entries())) {
                try (InputStream in = zip.getInputStream(entry)) {
                    entries.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        }
        return entries;
    }
}
