package io.github.missedcalls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("R13: CSV export")
class ReportCsvRulesTest {

    private static final ZoneId KYIV = ZoneId.of("Europe/Kyiv");
    private static final Instant NINE = Instant.parse("2026-11-02T07:00:00.750Z");

    private static final UnprocessedRow WAITING = new UnprocessedRow(
            "+380501110001",
            List.of(
                    new MissedCall("1", NINE, MissedReason.ABANDONED_EARLY, "+380441112233", null),
                    new MissedCall("2", NINE.plusMillis(89_500), MissedReason.NOT_ANSWERED_BY_MANAGERS, null, "Олена")),
            List.of(new CallbackAttempt("3", NINE.plusSeconds(100), "bohdan", false)),
            Duration.ofMillis(3_600_999));
    private static final ProcessedRow HANDLED = new ProcessedRow(
            "+380671234567",
            List.of(new MissedCall("4", NINE, MissedReason.OUTSIDE_BUSINESS_HOURS, null, null)),
            List.of(),
            new Resolution(
                    ResolutionKind.HANDLED,
                    NINE.plusSeconds(61),
                    "=cmd|' /C calc'!A0",
                    HandleReason.OTHER,
                    "said \"no\", twice",
                    null));
    private static final ProcessedRow CALLED_BACK = new ProcessedRow(
            "+380442223344",
            List.of(new MissedCall("5", NINE, MissedReason.UNKNOWN, null, null)),
            List.of(new CallbackAttempt("6", NINE.plusSeconds(30), "anna", true)),
            new Resolution(ResolutionKind.CALLED_BACK, NINE.plusSeconds(30), "anna", null, null, "6"));

    private static Report report(ZoneId zone, List<UnprocessedRow> unprocessed, List<ProcessedRow> processed) {
        return new Report(
                "acme",
                zone,
                NINE,
                NINE.plusSeconds(86_400),
                NINE.plusSeconds(86_400),
                unprocessed,
                processed,
                List.of(),
                0);
    }

    private static String csv(Report report, Tab tab) {
        StringBuilder out = new StringBuilder();
        ReportCsv.write(report, tab, out);
        return out.toString();
    }

    @Nested
    @DisplayName("R13: the file")
    class File {

        @Test
        @DisplayName("R13: a header is always written, even with no rows, with CRLF line ends")
        void headerAlways() {
            Report empty = report(KYIV, List.of(), List.of());

            assertThat(csv(empty, Tab.UNPROCESSED))
                    .isEqualTo(
                            "client,first_missed_at,last_missed_at,lost_for_s,missed,attempts,reason,reasons,waiting_s\r\n");
            assertThat(csv(empty, Tab.PROCESSED))
                    .isEqualTo(
                            "client,first_missed_at,last_missed_at,lost_for_s,missed,attempts,"
                                    + "reason,reasons,resolution,resolved_at,resolved_by,handle_reason,note,time_to_resolution_s\r\n");
        }

        @Test
        @DisplayName(
                "R13: an unprocessed row: times in the project's zone with their offset, fractions and durations truncated")
        void unprocessedRow() {
            assertThat(csv(report(KYIV, List.of(WAITING), List.of()), Tab.UNPROCESSED))
                    .isEqualTo(
                            "client,first_missed_at,last_missed_at,lost_for_s,missed,attempts,reason,reasons,waiting_s\r\n"
                                    + "+380501110001,2026-11-02T09:00:00+02:00,2026-11-02T09:01:30+02:00,89,2,1,NOT_ANSWERED_BY_MANAGERS,"
                                    + "ABANDONED_EARLY|NOT_ANSWERED_BY_MANAGERS,3600\r\n");
        }

        @Test
        @DisplayName(
                "R13: processed rows in the order shown, quoted and neutralized where they must be, absent values empty")
        void processedRows() {
            assertThat(csv(report(ZoneOffset.UTC, List.of(), List.of(HANDLED, CALLED_BACK)), Tab.PROCESSED))
                    .isEqualTo(
                            "client,first_missed_at,last_missed_at,lost_for_s,missed,attempts,reason,reasons,resolution,resolved_at,"
                                    + "resolved_by,handle_reason,note,time_to_resolution_s\r\n"
                                    + "+380671234567,2026-11-02T07:00:00Z,2026-11-02T07:00:00Z,0,1,0,OUTSIDE_BUSINESS_HOURS,OUTSIDE_BUSINESS_HOURS,"
                                    + "handled,2026-11-02T07:01:01Z,'=cmd|' /C calc'!A0,other,\"said \"\"no\"\", twice\",61\r\n"
                                    + "+380442223344,2026-11-02T07:00:00Z,2026-11-02T07:00:00Z,0,1,1,UNKNOWN,UNKNOWN,"
                                    + "called_back,2026-11-02T07:00:30Z,anna,,,30\r\n");
        }

        @Test
        @DisplayName("with labels, the codes' words follow the contract's columns, which stay as they are")
        void labelColumnsAfterTheCodes() {
            StringBuilder unprocessed = new StringBuilder();
            StringBuilder processed = new StringBuilder();

            ReportCsv.write(
                    report(KYIV, List.of(WAITING), List.of()), Tab.UNPROCESSED, unprocessed, Labels.ofLanguage("uk"));
            ReportCsv.write(
                    report(ZoneOffset.UTC, List.of(), List.of(HANDLED, CALLED_BACK)),
                    Tab.PROCESSED,
                    processed,
                    Labels.english());

            assertThat(unprocessed.toString())
                    .isEqualTo(
                            "client,first_missed_at,last_missed_at,lost_for_s,missed,attempts,reason,reasons,waiting_s,"
                                    + "reason_label,reasons_label\r\n"
                                    + "+380501110001,2026-11-02T09:00:00+02:00,2026-11-02T09:01:30+02:00,89,2,1,NOT_ANSWERED_BY_MANAGERS,"
                                    + "ABANDONED_EARLY|NOT_ANSWERED_BY_MANAGERS,3600,"
                                    + "Менеджери не відповіли,\"Поклав слухавку одразу, Менеджери не відповіли\"\r\n");
            assertThat(processed.toString())
                    .startsWith(csv(report(ZoneOffset.UTC, List.of(), List.of()), Tab.PROCESSED)
                                    .strip()
                            + ",reason_label,reasons_label,resolution_label,handle_reason_label\r\n")
                    .contains(",61,Outside hours,Outside hours,Handled,Another variant\r\n")
                    .endsWith(",30,Unknown,Unknown,Called back,\r\n");
        }

        @Test
        @DisplayName("R13: a failing output is an UncheckedIOException naming the tab")
        void failingOutput() {
            Writer broken = new Writer() {
                @Override
                public void write(char[] buffer, int offset, int length) throws IOException {
                    throw new IOException("disk full");
                }

                @Override
                public void flush() {}

                @Override
                public void close() {}
            };

            assertThatThrownBy(() -> ReportCsv.write(report(KYIV, List.of(), List.of()), Tab.PROCESSED, broken))
                    .isInstanceOf(UncheckedIOException.class)
                    .hasMessageContaining("processed");
        }
    }

    @Nested
    @DisplayName("R13: cells")
    class Cells {

        @ParameterizedTest(name = "[{0}] is written [{1}]")
        @CsvSource(
                delimiter = '|',
                quoteCharacter = '`',
                value = {
                    "=SUM(A1:A9)|'=SUM(A1:A9)",
                    "+1 (555) 0100|'+1 (555) 0100",
                    "-2+3|'-2+3",
                    "@SUM(1)|'@SUM(1)",
                    "+|'+",
                    "+380501110001|+380501110001",
                    "+1|+1",
                    "a=b|a=b",
                    "Олена|Олена",
                    "``|``"
                })
        @DisplayName("R13: a cell starting with =, +, - or @ is prefixed with ', except exactly + and digits")
        void neutralized(String text, String written) {
            assertThat(ReportCsv.neutralize(text)).isEqualTo(written);
        }

        @Test
        @DisplayName(
                "R13: a cell starting with a tab or a carriage return is neutralized too, and quoted when it must be")
        void tabAndCarriageReturn() {
            assertThat(ReportCsv.cell("\tcmd", KYIV)).isEqualTo("'\tcmd");
            assertThat(ReportCsv.cell("\r=cmd", KYIV)).isEqualTo("\"'\r=cmd\"");
        }

        @Test
        @DisplayName("R13: a cell is quoted only when it holds a comma, a quote or a line break, quotes doubled")
        void quotedOnlyWhenNeeded() {
            assertThat(ReportCsv.cell("plain text; fine", KYIV)).isEqualTo("plain text; fine");
            assertThat(ReportCsv.cell("a,b", KYIV)).isEqualTo("\"a,b\"");
            assertThat(ReportCsv.cell("say \"hi\"", KYIV)).isEqualTo("\"say \"\"hi\"\"\"");
            assertThat(ReportCsv.cell("two\nlines", KYIV)).isEqualTo("\"two\nlines\"");
            assertThat(ReportCsv.cell("=a,b", KYIV)).isEqualTo("\"'=a,b\"");
            assertThat(ReportCsv.cell(null, KYIV)).isEmpty();
            assertThat(ReportCsv.cell(-5L, KYIV)).isEqualTo("'-5");
        }

        @Test
        @DisplayName(
                "R13: times are written in the project's zone with their offset, Z for a zero offset, fractions dropped")
        void times() {
            Instant instant = Instant.parse("2026-07-01T21:30:59.999Z");

            assertThat(ReportCsv.formatTime(instant, KYIV)).isEqualTo("2026-07-02T00:30:59+03:00");
            assertThat(ReportCsv.formatTime(instant, ZoneOffset.UTC)).isEqualTo("2026-07-01T21:30:59Z");
            assertThat(ReportCsv.formatTime(instant, ZoneId.of("America/New_York")))
                    .isEqualTo("2026-07-01T17:30:59-04:00");
            assertThat(ReportCsv.cell(instant, ZoneId.of("UTC"))).isEqualTo("2026-07-01T21:30:59Z");
        }

        @Test
        @DisplayName("R13: durations are whole seconds truncated toward zero")
        void durationsTruncatedTowardZero() {
            assertThat(ReportColumn.seconds(Duration.ofMillis(1_999))).isEqualTo(1);
            assertThat(ReportColumn.seconds(Duration.ofMillis(-1_500))).isEqualTo(-1);
            assertThat(ReportColumn.seconds(Duration.ofMillis(-500))).isZero();
            assertThat(ReportColumn.seconds(Duration.ofSeconds(-2))).isEqualTo(-2);
            assertThat(ReportColumn.seconds(Duration.ZERO)).isZero();
        }
    }

    @Nested
    @DisplayName("R13: columns, shared by every export")
    class Columns {

        @Test
        @DisplayName("R13: each tab's columns in order, with their CSV headers and JSON keys")
        void columnsOfEachTab() {
            assertThat(ReportColumn.of(Tab.UNPROCESSED))
                    .extracting(ReportColumn::jsonKey)
                    .containsExactly(
                            "client",
                            "firstMissedAt",
                            "lastMissedAt",
                            "lostForS",
                            "missed",
                            "attempts",
                            "reason",
                            "reasons",
                            "waitingS");
            assertThat(ReportColumn.of(Tab.PROCESSED))
                    .extracting(ReportColumn::header)
                    .endsWith(
                            "resolution",
                            "resolved_at",
                            "resolved_by",
                            "handle_reason",
                            "note",
                            "time_to_resolution_s");
            assertThat(ReportColumn.FIRST_MISSED_AT.type()).isEqualTo(ReportColumn.Type.INSTANT);
        }

        @Test
        @DisplayName(
                "R13: values are typed as the column says; a column of the other tab is an IllegalArgumentException")
        void typedValues() {
            assertThat(ReportColumn.FIRST_MISSED_AT.value(WAITING)).isEqualTo(NINE);
            assertThat(ReportColumn.WAITING_S.value(WAITING)).isEqualTo(3600L);
            assertThat(ReportColumn.MISSED.value(WAITING)).isEqualTo(2L);
            assertThat(ReportColumn.NOTE.value(CALLED_BACK)).isNull();
            assertThat(ReportColumn.HANDLE_REASON.value(HANDLED)).isEqualTo("other");
            assertThatThrownBy(() -> ReportColumn.WAITING_S.value(HANDLED))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> ReportColumn.RESOLUTION.value(WAITING))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    @DisplayName("R13: a report made from calls exports its rows in the order shown")
    void exportOfAMadeReport() {
        Report made = Fixtures.dayReport(
                List.of(
                        Fixtures.missed("1", Fixtures.OTHER_CLIENT, Fixtures.at("10:00")),
                        Fixtures.missed("2", Fixtures.CLIENT, Fixtures.at("09:00"))),
                List.of());

        assertThat(csv(made, Tab.UNPROCESSED).split("\r\n"))
                .extracting(line -> line.split(",")[0])
                .containsExactly("client", Fixtures.CLIENT, Fixtures.OTHER_CLIENT);
    }
}
