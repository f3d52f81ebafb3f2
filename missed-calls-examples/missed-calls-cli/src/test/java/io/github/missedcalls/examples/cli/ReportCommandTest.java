package io.github.missedcalls.examples.cli;

import static io.github.missedcalls.examples.cli.CliRunner.fixture;
import static io.github.missedcalls.examples.cli.CliRunner.run;
import static io.github.missedcalls.examples.cli.CliRunner.runWithInput;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.missedcalls.TeamCsv;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("missed-calls report (docs/cli.md)")
class ReportCommandTest {

    /** A week of one project in Kyiv: four processed groups, two unprocessed, one withheld caller. */
    static String[] week(String... more) {
        List<String> args = new ArrayList<>(List.of(
                "report",
                "--calls",
                fixture("week.csv"),
                "--handles",
                fixture("week-handles.csv"),
                "--zone",
                "Europe/Kyiv",
                "--country-code",
                "380",
                "--hours",
                "Mon-Fri 09:00-18:00",
                "--as-of",
                "2026-11-14T00:00"));
        args.addAll(Arrays.asList(more));
        return args.toArray(String[]::new);
    }

    static String crlf(String text) {
        return text.replace("\n", "\r\n");
    }

    @Nested
    @DisplayName("CSV output")
    class CsvOutput {

        @Test
        @DisplayName(
                "the unprocessed tab: header, CRLF, times in --zone with their offset, longest waiting first (R7, R8)")
        void unprocessedTab() {
            CliRunner.Result result = run(week());

            assertThat(result.exit()).isZero();
            assertThat(result.err()).isEmpty();
            assertThat(result.out()).isEqualTo(crlf("""
          client,first_missed_at,last_missed_at,lost_for_s,missed,attempts,reason,reasons,waiting_s
          +380501110002,2026-11-10T20:00:00+02:00,2026-11-10T20:00:00+02:00,0,1,0,OUTSIDE_BUSINESS_HOURS,OUTSIDE_BUSINESS_HOURS,273600
          +380501110005,2026-11-13T09:00:00+02:00,2026-11-13T09:00:00+02:00,0,1,0,NOT_ANSWERED_BY_MANAGERS,NOT_ANSWERED_BY_MANAGERS,54000
          """));
        }

        @Test
        @DisplayName(
                "the processed tab: latest resolution first, every resolution kind (R6), formula cells neutralized and quoted (R13)")
        void processedTab() {
            CliRunner.Result result = run(week("--tab", "processed"));

            assertThat(result.exit()).isZero();
            assertThat(result.out()).isEqualTo(crlf("""
          client,first_missed_at,last_missed_at,lost_for_s,missed,attempts,reason,reasons,resolution,resolved_at,resolved_by,handle_reason,note,time_to_resolution_s
          +380501110006,2026-11-12T11:00:00+02:00,2026-11-12T11:00:00+02:00,0,1,0,UNKNOWN,UNKNOWN,handled,2026-11-12T15:00:00+02:00,'=admin,other,"'-called back, see CRM",14400
          +380501110004,2026-11-12T09:00:00+02:00,2026-11-12T09:00:00+02:00,0,1,0,ABANDONED_IN_IVR,ABANDONED_IN_IVR,handled,2026-11-12T10:00:00+02:00,emil,spam,,3600
          +380501110003,2026-11-11T09:15:00+02:00,2026-11-11T09:15:00+02:00,0,1,0,ALL_MANAGERS_UNAVAILABLE,ALL_MANAGERS_UNAVAILABLE,client_got_through,2026-11-11T09:45:00+02:00,dana,,,1800
          +380501110001,2026-11-10T10:00:00+02:00,2026-11-10T10:30:00+02:00,1800,2,2,ABANDONED_EARLY,NOT_ANSWERED_BY_MANAGERS|ABANDONED_EARLY,called_back,2026-11-10T12:00:00+02:00,boris,,,7200
          """));
        }

        @Test
        @DisplayName("a file with only a header is no error: the output is the header alone")
        void headerOnly() {
            CliRunner.Result unprocessed =
                    run("report", "--calls", fixture("header-only.csv"), "--as-of", "2026-11-14");
            CliRunner.Result processed =
                    run("report", "--calls", fixture("header-only.csv"), "--as-of", "2026-11-14", "--tab", "processed");

            assertThat(unprocessed.exit()).isZero();
            assertThat(unprocessed.out())
                    .isEqualTo(
                            "client,first_missed_at,last_missed_at,lost_for_s,missed,attempts,reason,reasons,waiting_s\r\n");
            assertThat(processed.out())
                    .isEqualTo("client,first_missed_at,last_missed_at,lost_for_s,missed,attempts,reason,"
                            + "reasons,resolution,resolved_at,resolved_by,handle_reason,note,time_to_resolution_s\r\n");
            assertThat(unprocessed.err()).isEmpty();
        }

        @Test
        @DisplayName(
                "UTF-8 without a byte-order mark, Z for a zero offset, and --out writes a file instead of standard output")
        void utf8ToFile(@TempDir Path dir) throws IOException {
            Path calls = dir.resolve("calls.csv");
            Files.writeString(
                    calls,
                    "id,direction,client,employee,started_at,answered_at,ended_at\n"
                            + "1,in,+380501110001,,2026-11-10T10:00:00Z,,2026-11-10T10:00:40Z\n"
                            + "2,out,+380501110001,Олена,2026-11-10T11:00:00Z,2026-11-10T11:00:05Z,2026-11-10T11:02:00Z\n");
            Path out = dir.resolve("processed.csv");

            CliRunner.Result result = run(
                    "report",
                    "--calls",
                    calls.toString(),
                    "--as-of",
                    "2026-11-11",
                    "--tab",
                    "processed",
                    "--out",
                    out.toString());

            assertThat(result.exit()).isZero();
            assertThat(result.outBytes()).isEmpty();
            byte[] written = Files.readAllBytes(out);
            assertThat(written[0]).isEqualTo((byte) 'c');
            assertThat(new String(written, StandardCharsets.UTF_8))
                    .endsWith(
                            "+380501110001,2026-11-10T10:00:00Z,2026-11-10T10:00:00Z,0,1,1,UNKNOWN,UNKNOWN,called_back,"
                                    + "2026-11-10T11:00:00Z,Олена,,,3600\r\n");
        }
    }

    @Nested
    @DisplayName("JSON output")
    class JsonOutput {

        @Test
        @DisplayName(
                "the unprocessed tab as one object: tab, rows with camelCase keys in column order, rejected, anonymousMissed (R4)")
        void unprocessedTab() {
            CliRunner.Result result = run(week("--format", "json"));

            assertThat(result.exit()).isZero();
            assertThat(result.out()).isEqualTo("""
          {"tab":"unprocessed","rows":[
          {"client":"+380501110002","firstMissedAt":"2026-11-10T20:00:00+02:00","lastMissedAt":"2026-11-10T20:00:00+02:00","lostForS":0,"missed":1,"attempts":0,"reason":"OUTSIDE_BUSINESS_HOURS","reasons":"OUTSIDE_BUSINESS_HOURS","waitingS":273600},
          {"client":"+380501110005","firstMissedAt":"2026-11-13T09:00:00+02:00","lastMissedAt":"2026-11-13T09:00:00+02:00","lostForS":0,"missed":1,"attempts":0,"reason":"NOT_ANSWERED_BY_MANAGERS","reasons":"NOT_ANSWERED_BY_MANAGERS","waitingS":54000}
          ],"rejected":[],"anonymousMissed":1}
          """);
        }

        @Test
        @DisplayName("the processed tab: null for absent values, no formula neutralization")
        void processedTab() {
            CliRunner.Result result = run(week("--format", "json", "--tab", "processed"));

            assertThat(result.out())
                    .startsWith("{\"tab\":\"processed\",\"rows\":[\n{\"client\":\"+380501110006\"")
                    .contains("\"resolvedBy\":\"=admin\",\"handleReason\":\"other\",\"note\":\"-called back, see CRM\","
                            + "\"timeToResolutionS\":14400}")
                    .contains(
                            "\"resolution\":\"called_back\",\"resolvedAt\":\"2026-11-10T12:00:00+02:00\","
                                    + "\"resolvedBy\":\"boris\",\"handleReason\":null,\"note\":null,\"timeToResolutionS\":7200}")
                    .endsWith("],\"rejected\":[],\"anonymousMissed\":1}\n");
        }

        @Test
        @DisplayName("rejections carry line, id (null for handles) and reason; a handle's adds file: handles (R2)")
        void rejections() {
            CliRunner.Result result = run(
                    "report",
                    "--calls",
                    fixture("rejections.csv"),
                    "--handles",
                    fixture("handles-rejections.csv"),
                    "--as-of",
                    "2026-11-11",
                    "--country-code",
                    "380",
                    "--format",
                    "json");

            assertThat(result.exit()).isZero();
            assertThat(result.out())
                    .contains("{\"line\":3,\"id\":null,\"reason\":\"blank note for other\",\"file\":\"handles\"}")
                    .contains("{\"line\":3,\"id\":\"r2\",\"reason\":\"ends before it starts\"}")
                    .contains("{\"line\":7,\"id\":null,\"reason\":\"no id\"}")
                    .contains("{\"line\":10,\"id\":\"r7\",\"reason\":\"client number cannot be normalized: abc\"}");
        }
    }

    @Nested
    @DisplayName("XLSX output")
    class XlsxOutput {

        @Test
        @DisplayName("needs --out: a workbook is never written to standard output (exit 2)")
        void needsOut() {
            CliRunner.Result result = run(week("--format", "xlsx"));

            assertThat(result.exit()).isEqualTo(2);
            assertThat(result.errLines())
                    .containsExactly(
                            "error: --format xlsx needs --out FILE: a workbook is not written to standard output");
            assertThat(result.outBytes()).isEmpty();
        }

        @Test
        @DisplayName("with --out, a workbook whose first sheet is the tab asked for")
        void writesWorkbook(@TempDir Path dir) throws IOException {
            Path out = dir.resolve("processed.xlsx");

            CliRunner.Result result = run(week("--format", "xlsx", "--tab", "processed", "--out", out.toString()));

            assertThat(result.exit()).isZero();
            try (InputStream in = Files.newInputStream(out);
                    org.dhatim.fastexcel.reader.ReadableWorkbook workbook =
                            new org.dhatim.fastexcel.reader.ReadableWorkbook(in)) {
                org.dhatim.fastexcel.reader.Sheet sheet = workbook.getFirstSheet();
                assertThat(sheet.getName()).isEqualTo("processed");
                List<org.dhatim.fastexcel.reader.Row> rows = sheet.read();
                assertThat(rows).hasSize(5);
                assertThat(rows.get(1).getCellText(0)).isEqualTo("+380501110006");
                assertThat(rows.get(1).getCellText(10)).isEqualTo("=admin");
            }
        }
    }

    @Nested
    @DisplayName("rejections on standard error (R2)")
    class Rejections {

        @Test
        @DisplayName(
                "each rejected row is exactly one line beginning with 'rejected ', with the line it starts on and its id, then one summary line")
        void oneLineEach() {
            CliRunner.Result result = run(
                    "report", "--calls", fixture("rejections.csv"), "--as-of", "2026-11-11", "--country-code", "380");

            assertThat(result.exit()).isZero();
            assertThat(result.errLines())
                    .containsExactly(
                            "rejected line 3 (id r2): ends before it starts",
                            "rejected line 7: no id",
                            "rejected line 8 (id r5): unknown direction 'sideways'",
                            "rejected line 9 (id r6): started_at is not a date-time with an offset (2026-11-02T09:15:03+02:00):"
                                    + " '2026-11-10 10:25'",
                            "rejected line 10 (id r7): client number cannot be normalized: abc",
                            "rejected line 11 (id r8): conflicting duplicate id",
                            "rejected line 12 (id r9): unknown stage 'voicemail'",
                            "rejected line 13 (id r8): conflicting duplicate id",
                            "rejected line 15 (id r11): answered outside [start, end]",
                            "rejected line 16 (id r12): unknown managers 'asleep'",
                            "rejected line 17 (id r13): unknown reason 'bored'",
                            "rejected line 18 (id r14): no end",
                            "rejected line 19 (id r15): no start",
                            "13 records rejected");
        }

        @Test
        @DisplayName("every copy of a conflicting duplicate id is rejected on its own line, equal copies included (R2)")
        void conflictingCopies(@TempDir Path dir) throws IOException {
            Path calls = dir.resolve("calls.csv");
            Files.writeString(
                    calls,
                    "id,direction,client,started_at,ended_at\n"
                            + "d,in,+380501110001,2026-11-10T10:00:00Z,2026-11-10T10:00:40Z\n"
                            + "d,in,+380501110001,2026-11-10T10:00:00Z,2026-11-10T10:00:40Z\n"
                            + "d,in,+380501110001,2026-11-10T10:00:00Z,2026-11-10T10:00:50Z\n");

            CliRunner.Result result = run("report", "--calls", calls.toString(), "--as-of", "2026-11-11");

            assertThat(result.errLines())
                    .containsExactly(
                            "rejected line 2 (id d): conflicting duplicate id",
                            "rejected line 3 (id d): conflicting duplicate id",
                            "rejected line 4 (id d): conflicting duplicate id",
                            "3 records rejected");
            assertThat(result.out().lines().count()).isEqualTo(1);
        }

        @Test
        @DisplayName("the rest of the file is still read: valid rows, and an equal copy of an id, still count (R2)")
        void restIsRead() {
            CliRunner.Result result = run(
                    "report", "--calls", fixture("rejections.csv"), "--as-of", "2026-11-11", "--country-code", "380");

            assertThat(result.out())
                    .contains("\r\n+380501110001,2026-11-10T08:00:00Z,2026-11-10T08:00:00Z,0,1,0,")
                    .contains("\r\n+380501110003,2026-11-10T08:10:00Z,");
        }

        @Test
        @DisplayName(
                "handles: 'rejected handles line N: reason'; equal copies count once, conflicting copies are all rejected (R2, R11)")
        void handles() {
            CliRunner.Result result = run(
                    "report",
                    "--calls",
                    fixture("rejections.csv"),
                    "--handles",
                    fixture("handles-rejections.csv"),
                    "--as-of",
                    "2026-11-11",
                    "--country-code",
                    "380");

            assertThat(result.errLines())
                    .startsWith(
                            "rejected handles line 3: blank note for other",
                            "rejected handles line 4: unknown reason 'annoying'",
                            "rejected handles line 5: withheld client number: 'anonymous'",
                            "rejected handles line 6: covers_until is not a date-time with an offset (2026-11-02T09:15:03+02:00):"
                                    + " '2026-11-10T10:10'",
                            "rejected handles line 7: no actor",
                            "rejected handles line 8: conflicting duplicate handle (same client, handled_at and actor, other values)",
                            "rejected handles line 9: conflicting duplicate handle (same client, handled_at and actor, other values)",
                            "rejected handles line 12: client number cannot be normalized: x1");
            assertThat(result.errLines()).endsWith("13 records and 8 handles rejected");
            assertThat(result.out()).doesNotContain("+380501110001,");
        }
    }

    @Nested
    @DisplayName("--strict")
    class Strict {

        @Test
        @DisplayName("the first rejected record stops the run: exit 3, its one line, no output")
        void record() {
            CliRunner.Result result =
                    run("report", "--calls", fixture("rejections.csv"), "--as-of", "2026-11-11", "--strict");

            assertThat(result.exit()).isEqualTo(3);
            assertThat(result.errLines()).containsExactly("rejected line 3 (id r2): ends before it starts");
            assertThat(result.outBytes()).isEmpty();
        }

        @Test
        @DisplayName("a record the report rejects (the client number) still gets its line")
        void engineRejection(@TempDir Path dir) throws IOException {
            Path calls = dir.resolve("calls.csv");
            Files.writeString(
                    calls,
                    "id,direction,client,started_at,ended_at\n"
                            + "1,in,+380501110001,2026-11-10T10:00:00Z,2026-11-10T10:00:40Z\n"
                            + "2,in,not a number,2026-11-10T10:05:00Z,2026-11-10T10:05:40Z\n");

            CliRunner.Result result = run("report", "--calls", calls.toString(), "--as-of", "2026-11-11", "--strict");

            assertThat(result.exit()).isEqualTo(3);
            assertThat(result.errLines())
                    .containsExactly("rejected line 3 (id 2): client number cannot be normalized: not a number");
        }

        @Test
        @DisplayName("a rejected handle stops the run as well: exit 3")
        void handle() {
            CliRunner.Result result = run(week("--strict", "--handles", fixture("handles-rejections.csv")));

            assertThat(result.exit()).isEqualTo(3);
            assertThat(result.errLines()).containsExactly("rejected handles line 3: blank note for other");
            assertThat(result.outBytes()).isEmpty();
        }

        @Test
        @DisplayName("without rejections, --strict changes nothing: exit 0")
        void clean() {
            assertThat(run(week("--strict")).out()).isEqualTo(run(week()).out());
            assertThat(run(week("--strict")).exit()).isZero();
        }
    }

    @Nested
    @DisplayName("bad usage and unusable input: exit 2, one clear line, no stack trace")
    class UsageErrors {

        static Stream<Arguments> cases() {
            String week = fixture("week.csv");
            return Stream.of(
                    Arguments.of(
                            "an unknown flag",
                            List.of("report", "--calls", week, "--colour"),
                            "Unknown option: '--colour'"),
                    Arguments.of(
                            "a bad zone",
                            List.of("report", "--calls", week, "--zone", "Mars/Olympus"),
                            "'Mars/Olympus' is not a time zone"),
                    Arguments.of(
                            "bad --hours",
                            List.of("report", "--calls", week, "--hours", "Mon-Fri 9-18"),
                            "not a time HH:MM"),
                    Arguments.of(
                            "a bad day in --hours",
                            List.of("report", "--calls", week, "--hours", "Mon-Fry 09:00-18:00"),
                            "not a day of the week: 'Fry'"),
                    Arguments.of(
                            "a bad --closed date",
                            List.of("report", "--calls", week, "--closed", "2026-11-31"),
                            "'2026-11-31' is not a date YYYY-MM-DD"),
                    Arguments.of(
                            "a bad --as-of",
                            List.of("report", "--calls", week, "--as-of", "yesterday"),
                            "--as-of: 'yesterday' is not a date-time"),
                    Arguments.of(
                            "a bad --from",
                            List.of("report", "--calls", week, "--from", "2026-11-10T25:00"),
                            "--from: '2026-11-10T25:00' is not a date-time"),
                    Arguments.of(
                            "from after to",
                            List.of("report", "--calls", week, "--from", "2026-11-10", "--to", "2026-11-01"),
                            "the window's start 2026-11-10T00:00:00Z (--from) is after its end"),
                    Arguments.of(
                            "from after the default to (as-of)",
                            List.of("report", "--calls", week, "--from", "2026-11-15", "--as-of", "2026-11-14"),
                            "(--to defaults to --as-of)"),
                    Arguments.of(
                            "an unreadable calls file",
                            List.of("report", "--calls", "no-such-file.csv"),
                            "the call log no-such-file.csv cannot be read: no such file"),
                    Arguments.of(
                            "an unreadable handles file",
                            List.of("report", "--calls", week, "--handles", "nope.csv"),
                            "the handles file nope.csv cannot be read: no such file"),
                    Arguments.of(
                            "a call log without a required column",
                            List.of("report", "--calls", fixture("no-ended-at.csv")),
                            "has no 'ended_at' column"),
                    Arguments.of(
                            "a handles file without a required column",
                            List.of("report", "--calls", week, "--handles", fixture("handles-no-actor.csv")),
                            "has no 'actor' column"),
                    Arguments.of(
                            "an empty file",
                            List.of("report", "--calls", fixture("empty.csv")),
                            "is empty: it has no header row"),
                    Arguments.of("--calls missing", List.of("report"), "Missing required option: '--calls=FILE'"),
                    Arguments.of(
                            "both files on standard input",
                            List.of("report", "--calls", "-", "--handles", "-"),
                            "--handles cannot be - when --calls is -"),
                    Arguments.of(
                            "a bad --tab", List.of("report", "--calls", week, "--tab", "all"), "'all' is not a tab"),
                    Arguments.of(
                            "a bad --format",
                            List.of("report", "--calls", week, "--format", "pdf"),
                            "'pdf' is not a format"),
                    Arguments.of(
                            "negative seconds",
                            List.of("report", "--calls", week, "--short-abandon", "-5"),
                            "'-5' is not a whole number of seconds"),
                    Arguments.of(
                            "a bad country code",
                            List.of("report", "--calls", week, "--country-code", "+38O"),
                            "--country-code: country code must be 1 to 3 digits"),
                    Arguments.of(
                            "a bad trunk prefix",
                            List.of("report", "--calls", week, "--country-code", "7", "--trunk-prefix", "eight"),
                            "--trunk-prefix: trunk prefix must be 1 to 4 digits"),
                    Arguments.of("no command", List.of(), "no command given: report, demo or generate"),
                    Arguments.of(
                            "an unknown command", List.of("summarize"), "Unmatched argument at index 0: 'summarize'"));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("cases")
        @DisplayName("each is one line on standard error naming the problem")
        void oneLine(String what, List<String> args, String message) {
            CliRunner.Result result = run(args.toArray(String[]::new));

            assertThat(result.exit()).as(what).isEqualTo(2);
            assertThat(result.errLines()).as(what).hasSize(1);
            assertThat(result.errLines().get(0))
                    .as(what)
                    .startsWith("error: ")
                    .contains(message)
                    .doesNotContain("Exception")
                    .doesNotContain("\tat ");
            assertThat(result.outBytes()).as(what).isEmpty();
        }
    }

    @Nested
    @DisplayName("DATETIME and the window (R8)")
    class DateTimes {

        @Test
        @DisplayName(
                "with an offset, as local time in --zone, and as a bare date: the same instant gives the same report")
        void threeForms() {
            String withOffset =
                    run(week("--as-of", "2026-11-14T00:00:00+02:00")).out();
            String inUtc = run(week("--as-of", "2026-11-13T22:00:00Z")).out();
            String local = run(week("--as-of", "2026-11-14T00:00")).out();
            String date = run(week("--as-of", "2026-11-14")).out();

            assertThat(withOffset)
                    .contains(",273600\r\n")
                    .isEqualTo(inUtc)
                    .isEqualTo(local)
                    .isEqualTo(date);
        }

        @Test
        @DisplayName("--from and --to as dates run from the start of from's day to the start of to's day in --zone")
        void windowAsDates() {
            CliRunner.Result result = run(week("--from", "2026-11-11", "--to", "2026-11-13", "--tab", "processed"));

            assertThat(result.out()
                            .lines()
                            .skip(1)
                            .map(line -> line.substring(0, 13))
                            .toList())
                    .containsExactly("+380501110006", "+380501110004", "+380501110003");
            assertThat(run(week("--from", "2026-11-11", "--to", "2026-11-13"))
                            .out()
                            .lines()
                            .count())
                    .isEqualTo(1);
        }

        @Test
        @DisplayName("as-of defaults to now: waiting runs to the clock's instant")
        void asOfDefaultsToNow() {
            List<String> args = new ArrayList<>(List.of(week()));
            int asOf = args.indexOf("--as-of");
            args.remove(asOf + 1);
            args.remove(asOf);

            CliRunner.Result result = run(args.toArray(String[]::new));

            // From 2026-11-10T20:00+02:00 to 2026-11-20T10:00Z: 9 days and 16 hours.
            assertThat(result.out())
                    .contains(",OUTSIDE_BUSINESS_HOURS,OUTSIDE_BUSINESS_HOURS," + (9 * 86_400 + 16 * 3600) + "\r\n");
        }

        @Test
        @DisplayName("calls and handles after as-of are ignored, so a past report is reproduced (R8)")
        void pastReport() {
            CliRunner.Result result = run(week("--as-of", "2026-11-10T11:30"));

            assertThat(result.out()).isEqualTo(crlf("""
          client,first_missed_at,last_missed_at,lost_for_s,missed,attempts,reason,reasons,waiting_s
          +380501110001,2026-11-10T10:00:00+02:00,2026-11-10T10:30:00+02:00,1800,2,1,ABANDONED_EARLY,NOT_ANSWERED_BY_MANAGERS|ABANDONED_EARLY,5400
          """));
        }
    }

    @Nested
    @DisplayName("project settings from flags")
    class Settings {

        @Test
        @DisplayName(
                "--hours: a call outside business hours is OUTSIDE_BUSINESS_HOURS; without it, always open (R9, R10)")
        void hours() {
            List<String> args = new ArrayList<>(List.of(week()));
            int hours = args.indexOf("--hours");
            args.remove(hours + 1);
            args.remove(hours);

            assertThat(run(week()).out()).contains(",OUTSIDE_BUSINESS_HOURS,");
            assertThat(run(args.toArray(String[]::new)).out())
                    .doesNotContain("OUTSIDE_BUSINESS_HOURS")
                    .contains(
                            "+380501110002,2026-11-10T20:00:00+02:00,2026-11-10T20:00:00+02:00,0,1,0,ABANDONED_DURING_GREETING");
        }

        @Test
        @DisplayName("--closed closes a date of the weekly schedule (R10)")
        void closed() {
            assertThat(run(week("--tab", "processed")).out())
                    .contains(
                            "+380501110004,2026-11-12T09:00:00+02:00,2026-11-12T09:00:00+02:00,0,1,0,ABANDONED_IN_IVR,");
            assertThat(run(week("--closed", "2026-11-12,2026-12-25", "--tab", "processed"))
                            .out())
                    .contains(
                            "+380501110004,2026-11-12T09:00:00+02:00,2026-11-12T09:00:00+02:00,0,1,0,OUTSIDE_BUSINESS_HOURS,");
        }

        @Test
        @DisplayName("a reason stated in the file wins over the classifier, even on a closed date (R9)")
        void statedReasonWins() {
            CliRunner.Result result = run(week("--closed", "2026-11-13"));

            assertThat(result.out())
                    .contains("+380501110005,2026-11-13T09:00:00+02:00,2026-11-13T09:00:00+02:00,0,1,0,"
                            + "NOT_ANSWERED_BY_MANAGERS,");
        }

        @Test
        @DisplayName(
                "--hours accepts several intervals a day, 24:00, midnight crossing, wrapping ranges, lists and any case (R10)")
        void hoursNotation() {
            CliRunner.Result result = run(week(
                    "--hours",
                    "mon,TUE 09:00-10:15 19:00-24:00; Wednesday-friday 08:00-09:00;" + " Sat-Mon 22:00-02:00",
                    "--tab",
                    "processed"));

            assertThat(result.exit()).isZero();
            // Tuesday 10:00 and 10:30 are inside 09:00-10:15 and outside it; Wednesday 09:15 is closed.
            assertThat(result.out())
                    .contains("+380501110001,2026-11-10T10:00:00+02:00,2026-11-10T10:30:00+02:00,1800,2,2,"
                            + "OUTSIDE_BUSINESS_HOURS,NOT_ANSWERED_BY_MANAGERS|OUTSIDE_BUSINESS_HOURS,")
                    .contains(
                            "+380501110003,2026-11-11T09:15:00+02:00,2026-11-11T09:15:00+02:00,0,1,0,OUTSIDE_BUSINESS_HOURS,");
        }

        @Test
        @DisplayName("--country-code joins a number's national and international spellings into one client (R3)")
        void countryCode() {
            List<String> args = new ArrayList<>(List.of(week("--tab", "processed")));
            int code = args.indexOf("--country-code");
            args.remove(code + 1);
            args.remove(code);

            assertThat(run(week("--tab", "processed")).out()).contains(",1800,2,2,ABANDONED_EARLY,");
            assertThat(run(args.toArray(String[]::new)).out())
                    .doesNotContain(",1800,2,2,")
                    .contains("\r\n+380501110001,2026-11-10T10:00:00+02:00,2026-11-10T10:00:00+02:00,0,1,1,");
        }

        @Test
        @DisplayName("--trunk-prefix: a national number with another prefix joins the international one (R3)")
        void trunkPrefix(@TempDir Path dir) throws IOException {
            Path calls = dir.resolve("calls.csv");
            Files.writeString(
                    calls,
                    "id,direction,client,started_at,answered_at,ended_at\n"
                            + "1,in,8 912 345-67-89,2026-11-10T10:00:00Z,,2026-11-10T10:00:40Z\n"
                            + "2,out,+79123456789,2026-11-10T11:00:00Z,2026-11-10T11:00:05Z,2026-11-10T11:02:00Z\n");

            CliRunner.Result result = run(
                    "report",
                    "--calls",
                    calls.toString(),
                    "--as-of",
                    "2026-11-11",
                    "--country-code",
                    "+7",
                    "--trunk-prefix",
                    "8",
                    "--tab",
                    "processed");

            assertThat(result.out())
                    .contains("\r\n+79123456789,2026-11-10T10:00:00Z,2026-11-10T10:00:00Z,0,1,1,UNKNOWN,");
        }

        @Test
        @DisplayName("--short-abandon sets the threshold of ABANDONED_EARLY (R9)")
        void shortAbandon() {
            assertThat(run(week("--tab", "processed")).out()).contains(",NOT_ANSWERED_BY_MANAGERS|ABANDONED_EARLY,");
            assertThat(run(week("--tab", "processed", "--short-abandon", "3")).out())
                    .contains(",NOT_ANSWERED_BY_MANAGERS|ABANDONED_DURING_GREETING,");
            assertThat(run(week("--tab", "processed", "--short-abandon", "60")).out())
                    .contains(",ABANDONED_EARLY,ABANDONED_EARLY|ABANDONED_EARLY,");
        }

        @Test
        @DisplayName("--min-conversation: a shorter answered call does not reach the client (R9 SHORT_CONVERSATION)")
        void minConversation() {
            CliRunner.Result result = run(week("--min-conversation", "296"));

            // Dana's answer lasted 295 s: the client did not get through; Boris's callback lasted 290 s.
            assertThat(result.out())
                    .contains(
                            "+380501110001,2026-11-10T10:00:00+02:00,2026-11-10T10:30:00+02:00,1800,2,2,ABANDONED_EARLY,")
                    .contains(
                            "+380501110003,2026-11-11T09:15:00+02:00,2026-11-11T09:45:00+02:00,1800,2,0,SHORT_CONVERSATION,"
                                    + "ALL_MANAGERS_UNAVAILABLE|SHORT_CONVERSATION,");
        }
    }

    @Nested
    @DisplayName("input (docs/call-log-csv.md)")
    class Input {

        @Test
        @DisplayName("--calls - reads the call log from standard input")
        void callsFromStandardInput() throws IOException {
            String calls = Files.readString(Path.of(fixture("week.csv")));

            CliRunner.Result result = runWithInput(calls, week("--calls", "-"));

            assertThat(result.exit()).isZero();
            assertThat(result.out()).isEqualTo(run(week()).out());
        }

        @Test
        @DisplayName("--handles - reads the handles from standard input when the call log is a file")
        void handlesFromStandardInput() throws IOException {
            String handles = Files.readString(Path.of(fixture("week-handles.csv")));

            CliRunner.Result result = runWithInput(handles, week("--handles", "-", "--tab", "processed"));

            assertThat(result.out()).isEqualTo(run(week("--tab", "processed")).out());
        }

        @Test
        @DisplayName(
                "columns are found by name in any order and letter case, unknown ones ignored, a byte-order mark skipped")
        void columnsByName() {
            CliRunner.Result result =
                    run("report", "--calls", fixture("shuffled-columns.csv"), "--as-of", "2026-11-11");

            assertThat(result.exit()).isZero();
            assertThat(result.err()).isEmpty();
            assertThat(result.out()).endsWith(crlf("""
          +380501110001,2026-11-10T08:00:00Z,2026-11-10T08:00:00Z,0,1,0,UNKNOWN,UNKNOWN,57600
          +380501110002,2026-11-10T08:05:00Z,2026-11-10T08:05:00Z,0,1,0,UNKNOWN,UNKNOWN,57300
          """));
        }
    }

    @Nested
    @DisplayName("help")
    class Help {

        @Test
        @DisplayName("--help prints the commands on standard output and exits 0")
        void topLevel() {
            CliRunner.Result result = run("--help");

            assertThat(result.exit()).isZero();
            assertThat(result.out()).contains("report").contains("demo").contains("generate");
            assertThat(result.err()).isEmpty();
        }

        @Test
        @DisplayName("report --help lists every flag of the contract")
        void report() {
            CliRunner.Result result = run("report", "--help");

            assertThat(result.exit()).isZero();
            assertThat(result.out())
                    .contains(
                            "--calls",
                            "--handles",
                            "--zone",
                            "--hours",
                            "--closed",
                            "--country-code",
                            "--trunk-prefix",
                            "--short-abandon",
                            "--min-conversation",
                            "--as-of",
                            "--from",
                            "--to",
                            "--tab",
                            "--format",
                            "--out",
                            "--strict");
        }
    }

    @Nested
    @DisplayName("working the report (R14 to R18)")
    class Workflow {

        private final String[] workflow = {
            "--deadline", "2h", "--owners", "last-attempt,line-owner", "--line-owner", "+380441230001=yana"
        };

        private String[] weekWith(String... more) {
            List<String> args = new ArrayList<>(List.of(workflow));
            args.addAll(List.of(more));
            return week(args.toArray(String[]::new));
        }

        @Test
        @DisplayName(
                "R14, R15: a deadline adds due, overdue, overdue_s, owner and priority after the contract's columns")
        void unprocessedColumns() {
            CliRunner.Result result = run(weekWith());

            assertThat(result.exit()).isZero();
            assertThat(result.out()).isEqualTo(crlf("""
          client,first_missed_at,last_missed_at,lost_for_s,missed,attempts,reason,reasons,waiting_s,due,overdue,overdue_s,owner,priority
          +380501110002,2026-11-10T20:00:00+02:00,2026-11-10T20:00:00+02:00,0,1,0,OUTSIDE_BUSINESS_HOURS,OUTSIDE_BUSINESS_HOURS,273600,2026-11-11T11:00:00+02:00,yes,219600,,437
          +380501110005,2026-11-13T09:00:00+02:00,2026-11-13T09:00:00+02:00,0,1,0,NOT_ANSWERED_BY_MANAGERS,NOT_ANSWERED_BY_MANAGERS,54000,2026-11-13T11:00:00+02:00,yes,46800,,328
          """));
        }

        @Test
        @DisplayName(
                "R14, R16: the processed tab adds due, on time or late (at due is on time), and the owner at resolution")
        void processedColumns() {
            CliRunner.Result result = run(weekWith("--tab", "processed"));

            assertThat(result.exit()).isZero();
            assertThat(result.out().split("\r\n"))
                    .containsExactly(
                            "client,first_missed_at,last_missed_at,lost_for_s,missed,attempts,reason,reasons,resolution,"
                                    + "resolved_at,resolved_by,handle_reason,note,time_to_resolution_s,due,timeliness,owner",
                            "+380501110006,2026-11-12T11:00:00+02:00,2026-11-12T11:00:00+02:00,0,1,0,UNKNOWN,UNKNOWN,"
                                    + "handled,2026-11-12T15:00:00+02:00,'=admin,other,\"'-called back, see CRM\",14400,"
                                    + "2026-11-12T13:00:00+02:00,late,",
                            "+380501110004,2026-11-12T09:00:00+02:00,2026-11-12T09:00:00+02:00,0,1,0,ABANDONED_IN_IVR,"
                                    + "ABANDONED_IN_IVR,handled,2026-11-12T10:00:00+02:00,emil,spam,,3600,"
                                    + "2026-11-12T11:00:00+02:00,on_time,",
                            "+380501110003,2026-11-11T09:15:00+02:00,2026-11-11T09:15:00+02:00,0,1,0,"
                                    + "ALL_MANAGERS_UNAVAILABLE,ALL_MANAGERS_UNAVAILABLE,client_got_through,"
                                    + "2026-11-11T09:45:00+02:00,dana,,,1800,2026-11-11T11:15:00+02:00,on_time,yana",
                            "+380501110001,2026-11-10T10:00:00+02:00,2026-11-10T10:30:00+02:00,1800,2,2,ABANDONED_EARLY,"
                                    + "NOT_ANSWERED_BY_MANAGERS|ABANDONED_EARLY,called_back,2026-11-10T12:00:00+02:00,boris,,,"
                                    + "7200,2026-11-10T12:00:00+02:00,on_time,boris");
        }

        @Test
        @DisplayName(
                "R18: --tab team writes the total, each employee and each line; a client who got through is credited to nobody")
        void teamCsv() {
            CliRunner.Result result = run(weekWith("--tab", "team"));

            assertThat(result.exit()).isZero();
            List<String> lines = List.of(result.out().split("\r\n"));
            assertThat(lines.get(0))
                    .startsWith("scope,name,missed_calls,missed_short_conversation,")
                    .endsWith(",median_to_resolution_s,p90_to_resolution_s,open,overdue");
            assertThat(lines.get(1))
                    .isEqualTo("total,,7,0,1,0,0,1,0,1,1,2,1,6,1,1,2,4,3,0.750,2,1,0.500,3600,3600,3600,14400,2,2");
            assertThat(lines)
                    .contains("employee,anna,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,,1,0,0.000,3600,3600,,,0,0")
                    .contains("employee,boris,0,0,0,0,0,0,0,0,0,0,0,0,1,0,0,1,1,1.000,1,1,1.000,,,7200,7200,0,0")
                    .noneMatch(line -> line.startsWith("employee,dana,"))
                    .contains("line,+380441230001,1,0,0,0,0,0,0,0,1,0,0,1,0,1,0,1,1,1.000,0,0,,,,1800,1800,0,0");
        }

        @Test
        @DisplayName("R18: --tab team --format json: the total, employees and lines with camelCase keys")
        void teamJson() {
            CliRunner.Result result = run(weekWith("--tab", "team", "--format", "json"));

            assertThat(result.exit()).isZero();
            assertThat(result.out())
                    .contains("\"total\":{\"missedCalls\":7,")
                    .contains("{\"name\":\"boris\",\"missedCalls\":0,")
                    .contains("\"onTimeShare\":0.75,")
                    .contains("\"lines\":[");
        }

        @Test
        @DisplayName("R18: --tab team --format xlsx: a sheet team with the CSV's columns, durations and shares as such")
        void teamXlsx(@TempDir Path dir) throws IOException {
            Path out = dir.resolve("team.xlsx");

            CliRunner.Result result = run(weekWith("--tab", "team", "--format", "xlsx", "--out", out.toString()));

            assertThat(result.exit()).isZero();
            try (InputStream in = Files.newInputStream(out);
                    org.dhatim.fastexcel.reader.ReadableWorkbook workbook =
                            new org.dhatim.fastexcel.reader.ReadableWorkbook(in)) {
                org.dhatim.fastexcel.reader.Sheet sheet = workbook.getFirstSheet();
                assertThat(sheet.getName()).isEqualTo("team");
                List<org.dhatim.fastexcel.reader.Row> rows = sheet.read();
                List<String> header = TeamCsv.header();
                assertThat(rows.get(0).getCellText(header.size() - 1)).isEqualTo("overdue");
                org.dhatim.fastexcel.reader.Row total = rows.get(1);
                assertThat(total.getCellText(0)).isEqualTo("total");
                assertThat(total.getCellAsNumber(header.indexOf("missed_calls")))
                        .hasValue(new java.math.BigDecimal("7"));
                assertThat(total.getCellAsNumber(header.indexOf("on_time_share"))
                                .orElseThrow()
                                .doubleValue())
                        .isEqualTo(0.75);
                assertThat(total.getCellAsNumber(header.indexOf("median_to_first_attempt_s"))
                                .orElseThrow()
                                .doubleValue())
                        .as("an hour, as a fraction of a day")
                        .isCloseTo(1 / 24.0, org.assertj.core.data.Offset.offset(1e-9));
                assertThat(rows)
                        .extracting(row -> row.getCellText(0) + " " + row.getCellText(1))
                        .contains("employee anna", "employee boris", "line +380441230001");
            }
        }

        @Test
        @DisplayName(
                "R15: --sort priority puts the client with more bursts first; the tab's order is first missed first")
        void sortByPriority(@TempDir Path dir) throws IOException {
            Path calls = dir.resolve("calls.csv");
            Files.writeString(
                    calls,
                    String.join(
                            "\n",
                            "id,direction,client,started_at,ended_at,stage",
                            "a1,in,+380501110001,2026-11-10T09:00:00Z,2026-11-10T09:00:30Z,ringing",
                            "b1,in,+380501110002,2026-11-10T10:00:00Z,2026-11-10T10:00:30Z,ringing",
                            "b2,in,+380501110002,2026-11-10T13:00:00Z,2026-11-10T13:00:30Z,ringing",
                            "b3,in,+380501110002,2026-11-10T16:00:00Z,2026-11-10T16:00:30Z,ringing",
                            ""));
            String[] args = {"report", "--calls", calls.toString(), "--as-of", "2026-11-10T18:00:00Z"};

            assertThat(firstColumn(run(args))).containsExactly("client", "+380501110001", "+380501110002");
            List<String> sorted = new ArrayList<>(List.of(args));
            sorted.addAll(List.of("--sort", "priority"));
            assertThat(firstColumn(run(sorted.toArray(String[]::new))))
                    .containsExactly("client", "+380501110002", "+380501110001");
        }

        @Test
        @DisplayName("R17: --per-line gives a group per line; a callback from one line resolves that line's group")
        void perLine(@TempDir Path dir) throws IOException {
            Path calls = dir.resolve("calls.csv");
            Files.writeString(
                    calls,
                    String.join(
                            "\n",
                            "id,direction,client,line,employee,started_at,answered_at,ended_at,stage",
                            "a1,in,+380501110001,+380441230000,,2026-11-10T09:00:00Z,,2026-11-10T09:00:30Z,ringing",
                            "a2,in,+380501110001,+380441230001,,2026-11-10T09:10:00Z,,2026-11-10T09:10:30Z,ringing",
                            "a3,out,+380501110001,+380441230000,anna,2026-11-10T09:30:00Z,2026-11-10T09:30:05Z,2026-11-10T09:35:00Z,",
                            ""));
            String[] perLine = {"report", "--calls", calls.toString(), "--as-of", "2026-11-10T18:00:00Z", "--per-line"};

            CliRunner.Result unprocessed = run(perLine);
            List<String> processed = new ArrayList<>(List.of(perLine));
            processed.addAll(List.of("--tab", "processed"));

            assertThat(unprocessed.out().split("\r\n")).hasSize(2);
            assertThat(unprocessed.out()).contains("2026-11-10T09:10:00Z");
            assertThat(run(processed.toArray(String[]::new)).out())
                    .contains("2026-11-10T09:00:00Z,2026-11-10T09:00:00Z");
            assertThat(run("report", "--calls", calls.toString(), "--as-of", "2026-11-10T18:00:00Z")
                            .out()
                            .split("\r\n"))
                    .as("per client, the callback resolves both calls")
                    .hasSize(1);
        }

        @Test
        @DisplayName("a workflow option that cannot be read is one line on standard error and exit 2")
        void badOptions() {
            assertThat(run(week("--deadline", "2x")).err())
                    .isEqualTo("error: --deadline: '2x' is not a duration (2h, 30m, 1h30m, PT2H)\n");
            assertThat(run(week("--owners", "boss")).err())
                    .isEqualTo("error: --owners: 'boss' is not last-reached, last-attempt or line-owner\n");
            assertThat(run(week("--line-owner", "yana")).err())
                    .isEqualTo("error: --line-owner: 'yana' is not LINE=VALUE\n");
            assertThat(run(week("--sort", "priority", "--tab", "processed")).exit())
                    .isEqualTo(2);
            assertThat(run(week("--deadline-clock", "lunar")).exit()).isEqualTo(2);
        }

        private List<String> firstColumn(CliRunner.Result result) {
            assertThat(result.exit()).isZero();
            return List.of(result.out().split("\r\n")).stream()
                    .map(line -> line.split(",")[0])
                    .toList();
        }
    }
}
