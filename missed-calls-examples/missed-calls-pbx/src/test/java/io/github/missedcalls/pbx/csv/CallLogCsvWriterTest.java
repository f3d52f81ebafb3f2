package io.github.missedcalls.pbx.csv;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.missedcalls.CallRecord;
import io.github.missedcalls.DefaultNumberNormalizer;
import io.github.missedcalls.Rejection;
import io.github.missedcalls.generator.MonthGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("CallLogCsvWriter writes what CsvCallSource and HandlesCsv read back")
class CallLogCsvWriterTest {

    private final MonthGenerator month = MonthGenerator.builder()
            .seed(42)
            .firstDay(LocalDate.of(2026, 10, 20))
            .days(10)
            .inboundPerWorkday(80)
            .clients(300)
            .build();

    @Test
    @DisplayName("a generated month survives the round trip: the same calls, the same handles, nothing rejected")
    void roundTrip(@TempDir Path dir) throws IOException {
        Path callsFile = dir.resolve("calls.csv");
        Path handlesFile = dir.resolve("handles.csv");
        try (CallLogCsvWriter writer = CallLogCsvWriter.create(callsFile, handlesFile, month.zone())) {
            month.generate(MonthGenerator.Sink.of(writer::call, writer::handle));
        }

        List<Rejection> rejections = new ArrayList<>();
        List<CallRecord> read;
        try (Stream<CallRecord> calls =
                CsvCallSource.of(callsFile).calls("p", Instant.MIN, Instant.MAX, rejections::add)) {
            read = calls.toList();
        }
        HandlesCsv.Result handles = HandlesCsv.read(handlesFile, DefaultNumberNormalizer.forCountry("380", "0"));

        assertThat(rejections).isEmpty();
        assertThat(read).hasSizeGreaterThan(1000).isEqualTo(month.calls());
        assertThat(handles.rejections()).isEmpty();
        assertThat(handles.handles()).isNotEmpty().isEqualTo(month.handles());
    }

    @Test
    @DisplayName("the file has every column, CRLF line ends and times with the zone's offset")
    void format(@TempDir Path dir) throws IOException {
        Path callsFile = dir.resolve("calls.csv");
        try (CallLogCsvWriter writer = CallLogCsvWriter.create(callsFile, null, month.zone())) {
            month.generate(MonthGenerator.Sink.of(writer::call, writer::handle));
            assertThat(writer.handlesWritten()).isZero();
            assertThat(writer.callsWritten()).isEqualTo(month.calls().size());
        }

        String text = Files.readString(callsFile);
        assertThat(text)
                .startsWith("id,direction,client,line,employee,started_at,answered_at,ended_at,stage,managers,"
                        + "reason\r\nc");
        assertThat(text.lines().skip(1).findFirst().orElseThrow()).contains("T").contains("+03:00,");
        assertThat(text).doesNotContain("\n\n");
    }
}
