package io.github.missedcalls.examples.cli;

import static io.github.missedcalls.examples.cli.CliRunner.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@code report --input ...}: the report straight from a PBX's files, on the samples docs/cli.md ships. */
@DisplayName("missed-calls report --input (docs/cli.md)")
class PbxInputTest {

    private static final Path ROOT = Path.of(System.getProperty("missedCalls.root", "../.."));

    /** The flags that describe the company behind {@code asterisk-Master.csv}. */
    static final String[] MASTER_CSV_COMPANY = {
        "--extensions", "[0-9]{3}", "--outbound-prefix", "9", "--company-numbers", "442000,442001"
    };

    static String sample(String name) {
        return ROOT.resolve("docs/samples").resolve(name).toString();
    }

    /** {@code report --input INPUT --calls docs/samples/SAMPLE --zone Europe/Kyiv}, then {@code more}. */
    static String[] report(String input, String sample, String... more) {
        List<String> args = new ArrayList<>(
                List.of("report", "--input", input, "--calls", sample(sample), "--zone", "Europe/Kyiv"));
        args.addAll(Arrays.asList(more));
        return args.toArray(String[]::new);
    }

    private static String[] concat(String[] first, String... second) {
        List<String> all = new ArrayList<>(Arrays.asList(first));
        all.addAll(Arrays.asList(second));
        return all.toArray(String[]::new);
    }

    @Test
    @DisplayName("asterisk-csv: a Master.csv gives the tab, company numbers and prefix from the flags")
    void asteriskMasterCsv() {
        CliRunner.Result result = run(concat(
                report("asterisk-csv", "asterisk-Master.csv", MASTER_CSV_COMPANY),
                "--country-code",
                "380",
                "--as-of",
                "2026-11-03T13:00"));

        assertThat(result.exit()).isZero();
        assertThat(result.err().lines())
                .as("legs read and calls, no rejection")
                .containsExactly("read 13 CDR legs into 8 calls");
        assertThat(result.out().lines().skip(1).map(line -> line.split(",")[0] + " " + line.split(",")[6]))
                .containsExactly(
                        "+380501110061 NOT_ANSWERED_BY_MANAGERS",
                        "+380501110062 ALL_MANAGERS_UNAVAILABLE",
                        "+380501110063 NOT_ANSWERED_BY_MANAGERS",
                        "+380501110064 FORWARDING_NOT_CONFIGURED",
                        "+380501110065 ABANDONED_IN_IVR",
                        "+380501110066 ABANDONED_IN_IVR");
    }

    @Test
    @DisplayName(
            "asterisk-db: a database export reports, one line per rejection, the unreadable lines rejecting their calls")
    void asteriskDatabaseExport() {
        CliRunner.Result result = run(report(
                "asterisk-db", "asterisk-cdr-export.csv", "--country-code", "380", "--as-of", "2026-11-03T14:00"));

        assertThat(result.exit()).isZero();
        assertThat(result.out()).contains("+380501110084,").doesNotContain("+380501110081");
        assertThat(result.err().lines())
                .containsExactly(
                        "rejected line 5 (id 1793704200.22): 17 columns; the header has 19",
                        "rejected line 7 (id 1793704800.24): 2 columns; the header has 19",
                        "read 5 CDR legs into 2 calls",
                        "2 records rejected");
    }

    @Test
    @DisplayName("asterisk-csv with --queue-log, and queue-log alone, read the queues")
    void queueLog() {
        CliRunner.Result beside = run(
                "report",
                "--input",
                "asterisk-csv",
                "--calls",
                sample("asterisk-queue-cdr.csv"),
                "--queue-log",
                sample("asterisk-queue_log"),
                "--zone",
                "Europe/Kyiv",
                "--country-code",
                "380",
                "--as-of",
                "2026-11-02T12:00");
        CliRunner.Result alone =
                run(report("queue-log", "asterisk-queue_log", "--country-code", "380", "--as-of", "2026-11-02T12:00"));

        assertThat(beside.exit()).isZero();
        assertThat(beside.out()).contains("+380501110054,").contains("ALL_MANAGERS_UNAVAILABLE");
        assertThat(alone.exit()).isZero();
        assertThat(alone.err()).contains("queue_log: unparsable time '17936x800'");
    }

    @Test
    @DisplayName("freeswitch: a mod_cdr_csv file reports")
    void freeSwitch() {
        CliRunner.Result result = run(
                report("freeswitch", "freeswitch-Master.csv", "--country-code", "380", "--as-of", "2026-11-02T12:00"));

        assertThat(result.exit()).isZero();
        assertThat(result.out()).contains("+380501110069,").contains("FORBIDDEN_DESTINATION");
    }

    @Test
    @DisplayName("a file whose calls all lie before the window says so in one line, with the --as-of to pass")
    void everythingBeforeTheWindow() {
        CliRunner.Result result = run(report("asterisk-csv", "asterisk-Master.csv", "--as-of", "2026-12-07T12:00"));

        assertThat(result.exit()).isZero();
        assertThat(result.err().lines()).hasSize(2).first().isEqualTo("read 13 CDR legs into 8 calls");
        assertThat(result.err().lines())
                .last()
                .asString()
                .contains("started before the window")
                .endsWith("pass --as-of 2026-11-03T12:10:01+02:00");
    }

    @Test
    @DisplayName("bad PBX flags are usage errors naming the flag (exit 2)")
    void badFlags() {
        assertThat(run("report", "--input", "avaya", "--calls", "x").err()).contains("'avaya' is not an input");
        CliRunner.Result badPlan =
                run("report", "--input", "asterisk-csv", "--calls", sample("asterisk-Master.csv"), "--extensions", "(");
        assertThat(badPlan.exit()).isEqualTo(2);
        assertThat(badPlan.err()).contains("--extensions: ");
        CliRunner.Result misplaced = run(
                "report",
                "--input",
                "freeswitch",
                "--calls",
                sample("freeswitch-Master.csv"),
                "--queue-log",
                sample("asterisk-queue_log"));
        assertThat(misplaced.exit()).isEqualTo(2);
        assertThat(misplaced.err()).contains("--queue-log goes beside --input asterisk-csv or asterisk-db");
    }

    @Test
    @DisplayName("a --pbx-zone that the uniqueids contradict is one warning line naming the zone that fits")
    void wrongPbxZoneIsOneWarning() {
        CliRunner.Result result =
                run(report("asterisk-csv", "asterisk-Master.csv", "--pbx-zone", "UTC", "--as-of", "2026-11-03T15:00"));

        assertThat(result.exit()).isZero();
        assertThat(result.err().lines())
                .filteredOn(line -> line.startsWith("warning: "))
                .singleElement()
                .asString()
                .startsWith("warning: the CDR's times read in UTC lie 2 h after")
                .contains("UTC+02:00");
    }
}
