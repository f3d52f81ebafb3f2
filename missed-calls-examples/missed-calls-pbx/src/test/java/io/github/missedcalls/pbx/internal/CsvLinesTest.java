package io.github.missedcalls.pbx.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvLinesTest {

    @TempDir
    Path dir;

    List<CsvLines.Line> lines(byte[] content) throws IOException {
        Path file = Files.write(dir.resolve("file.csv"), content);
        List<CsvLines.Line> lines = new ArrayList<>();
        try (CsvLines reader = CsvLines.open(file, CsvLines.COMMA_SEPARATED)) {
            for (CsvLines.Line line = reader.next(); line != null; line = reader.next()) {
                lines.add(line);
            }
        }
        return lines;
    }

    @Test
    @DisplayName("line numbers count blank lines and CRLF; a byte-order mark is ignored")
    void lineNumbers() throws IOException {
        List<CsvLines.Line> lines =
                lines("\uFEFFa,b\r\n\r\n\"c\",,1\r\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));

        assertThat(lines).extracting(CsvLines.Line::number).containsExactly(1L, 3L);
        assertThat(lines.get(0).fields()).containsExactly("a", "b");
        assertThat(lines.get(1).fields()).containsExactly("c", "", "1");
    }

    @Test
    @DisplayName("a quote left open rejects its line only; the next line is read")
    void openQuote() throws IOException {
        List<CsvLines.Line> lines = lines("\"a,b\n\"c\",d\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));

        assertThat(lines.get(0).isReadable()).isFalse();
        assertThat(lines.get(0).problem()).startsWith("broken quoting");
        assertThat(lines.get(1).fields()).containsExactly("c", "d");
    }

    @Test
    @DisplayName("bytes that are not UTF-8 become U+FFFD and the line is kept")
    void notUtf8() throws IOException {
        List<CsvLines.Line> lines = lines(new byte[] {'"', (byte) 0xC8, (byte) 0xE2, '"', ',', '1', '\n'});

        assertThat(lines)
                .singleElement()
                .satisfies(line -> assertThat(line.fields()).containsExactly("\uFFFD\uFFFD", "1"));
    }

    @Test
    @DisplayName("a quoted field with its inner quotes unescaped is read leniently: it ends at a quote before a comma")
    void unescapedQuotesAreReadLeniently() throws IOException {
        List<CsvLines.Line> lines = lines(
                "1,\"\"Ramana Ulsa\" <1115>\",1115,\"\",\"a,b\",\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));

        assertThat(lines).singleElement().satisfies(line -> {
            assertThat(line.isReadable()).isTrue();
            assertThat(line.fields()).containsExactly("1", "\"Ramana Ulsa\" <1115>", "1115", "", "a,b", "");
        });
    }

    @Test
    @DisplayName("a line that even the lenient reading cannot read keeps its text, for finding its call")
    void unreadableLineKeepsItsText() throws IOException {
        List<CsvLines.Line> lines =
                lines("\"1793606400.1\",\"cut off\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));

        assertThat(lines.get(0).isReadable()).isFalse();
        assertThat(lines.get(0).text()).isEqualTo("\"1793606400.1\",\"cut off");
    }
}
