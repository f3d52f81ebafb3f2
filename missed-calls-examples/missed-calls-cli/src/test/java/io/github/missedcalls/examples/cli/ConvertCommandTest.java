package io.github.missedcalls.examples.cli;

import static io.github.missedcalls.examples.cli.CliRunner.run;
import static io.github.missedcalls.examples.cli.PbxInputTest.sample;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code missed-calls convert}: a PBX's files as the call log (docs/cli.md). */
@DisplayName("missed-calls convert (docs/cli.md)")
class ConvertCommandTest {

    @TempDir
    Path dir;

    @Test
    @DisplayName("writes the call log's header and one row per call; rejections one line each, then a summary")
    void convertsAnExport() {
        CliRunner.Result result = run(
                "convert",
                "--input",
                "asterisk-db",
                "--calls",
                sample("asterisk-cdr-export.csv"),
                "--zone",
                "Europe/Kyiv");

        assertThat(result.exit()).isZero();
        assertThat(result.out().lines())
                .containsExactly(
                        "id,direction,client,line,employee,started_at,answered_at,ended_at,stage,managers,reason",
                        "1793703600.20,in,380501110081,442000,1115,2026-11-03T13:00:00+02:00,2026-11-03T13:00:16+02:00,"
                                + "2026-11-03T13:03:25+02:00,,,",
                        "1793705400.26,in,380501110084,442000,,2026-11-03T13:30:00+02:00,,2026-11-03T13:30:25+02:00,"
                                + "ringing,rang,");
        assertThat(result.err().lines())
                .containsExactly(
                        "rejected line 5 (id 1793704200.22): 17 columns; the header has 19",
                        "rejected line 7 (id 1793704800.24): 2 columns; the header has 19",
                        "read 5 CDR legs into 2 calls",
                        "2 calls written, 2 records rejected");
    }

    @Test
    @DisplayName("the converted call log gives the same report as the PBX file itself")
    void convertedFileReportsAlike() throws IOException {
        Path converted = dir.resolve("calls.csv");
        String[] pbx = concat(
                new String[] {
                    "--input", "asterisk-csv", "--calls", sample("asterisk-Master.csv"), "--zone", "Europe/Kyiv"
                },
                PbxInputTest.MASTER_CSV_COMPANY);
        String[] convert = concat(new String[] {"convert", "--out", converted.toString()}, pbx);
        assertThat(run(convert).exit()).isZero();
        assertThat(Files.readString(converted, StandardCharsets.UTF_8)).startsWith("id,direction,");

        String[] reportOptions = {"--zone", "Europe/Kyiv", "--country-code", "380", "--as-of", "2026-11-03T13:00"};
        CliRunner.Result direct = run(concat(concat(new String[] {"report"}, pbx), reportOptions));
        CliRunner.Result fromLog = run(concat(new String[] {"report", "--calls", converted.toString()}, reportOptions));

        assertThat(fromLog.exit()).isZero();
        assertThat(fromLog.out()).isEqualTo(direct.out()).contains("+380501110061");
    }

    @Test
    @DisplayName("convert without a PBX input is a usage error (exit 2)")
    void needsAPbxInput() {
        CliRunner.Result result = run("convert", "--calls", sample("asterisk-Master.csv"));

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).contains("convert reads a PBX's files");
    }

    private static String[] concat(String[] first, String[] second) {
        String[] all = new String[first.length + second.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }
}
