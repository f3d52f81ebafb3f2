package io.github.missedcalls.pbx.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.missedcalls.CallRecord;
import io.github.missedcalls.Direction;
import io.github.missedcalls.Managers;
import io.github.missedcalls.MissedCalls;
import io.github.missedcalls.MissedReason;
import io.github.missedcalls.Rejection;
import io.github.missedcalls.Report;
import io.github.missedcalls.ReportListener;
import io.github.missedcalls.ReportQuery;
import io.github.missedcalls.ReportSummary;
import io.github.missedcalls.Stage;
import io.github.missedcalls.inmemory.InMemoryHandleStore;
import java.io.ByteArrayInputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("CsvCallSource reads the call log (docs/call-log-csv.md)")
class CsvCallSourceTest {

    private static final Instant FAR_PAST = Instant.parse("2000-01-01T00:00:00Z");
    private static final Instant FAR_FUTURE = Instant.parse("2100-01-01T00:00:00Z");

    static CsvCallSource source(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return CsvCallSource.of("test.csv", () -> new ByteArrayInputStream(bytes));
    }

    /** Reads every record; rejections land in {@code rejections}. */
    static List<CallRecord> read(CsvCallSource source, List<Rejection> rejections) {
        try (Stream<CallRecord> calls = source.calls("p", FAR_PAST, FAR_FUTURE, rejections::add)) {
            return calls.toList();
        }
    }

    @Nested
    @DisplayName("reading")
    class Reading {

        @Test
        @DisplayName(
                "every column becomes its field; word values in any case; times with offset or Z, seconds optional")
        void everyColumn() {
            List<Rejection> rejections = new ArrayList<>();
            List<CallRecord> calls = read(source("""
          id,direction,client,line,employee,started_at,answered_at,ended_at,stage,managers,reason
          7,CallBack, +380 50 111 00 01 ,+380441230000,anna,2026-11-10T10:00+02:00,,2026-11-10T08:00:40.5Z,Ringing,UNAVAILABLE,abandoned_in_ivr
          8,out,0501110001,,boris,2026-11-10T11:00:00Z,2026-11-10T11:00:05Z,2026-11-10T11:02:00Z,,,
          """), rejections);

            assertThat(rejections).isEmpty();
            assertThat(calls)
                    .containsExactly(
                            CallRecord.builder(
                                            "7",
                                            Direction.CALLBACK,
                                            Instant.parse("2026-11-10T08:00:00Z"),
                                            Instant.parse("2026-11-10T08:00:40.5Z"))
                                    .client("+380 50 111 00 01")
                                    .line("+380441230000")
                                    .employee("anna")
                                    .stage(Stage.RINGING)
                                    .managers(Managers.UNAVAILABLE)
                                    .statedReason(MissedReason.ABANDONED_IN_IVR)
                                    .build(),
                            CallRecord.builder(
                                            "8",
                                            Direction.OUT,
                                            Instant.parse("2026-11-10T11:00:00Z"),
                                            Instant.parse("2026-11-10T11:02:00Z"))
                                    .client("0501110001")
                                    .employee("boris")
                                    .answeredAt(Instant.parse("2026-11-10T11:00:05Z"))
                                    .build());
        }

        @Test
        @DisplayName("a missing optional column and an empty cell are both absent")
        void optionalColumns() {
            List<CallRecord> calls = read(source("""
          id,direction,started_at,ended_at,client
          1,in,2026-11-10T10:00:00Z,2026-11-10T10:00:40Z,
          """), new ArrayList<>());

            assertThat(calls).singleElement().satisfies(call -> {
                assertThat(call.client()).isNull();
                assertThat(call.stage()).isNull();
                assertThat(call.answeredAt()).isNull();
            });
        }

        @Test
        @DisplayName("every row is delivered whatever its start, so that the report validates each (R2)")
        void everyRow() {
            CsvCallSource source = source("""
          id,direction,started_at,ended_at
          1,in,1999-01-01T00:00:00Z,1999-01-01T00:00:10Z
          2,in,2026-11-10T10:00:00Z,2026-11-10T10:00:40Z
          """);

            try (Stream<CallRecord> calls = source.calls(
                    "p", Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2026-11-02T00:00:00Z"), r -> {})) {
                assertThat(calls.map(CallRecord::id)).containsExactly("1", "2");
            }
        }

        @Test
        @DisplayName("a file is read afresh for each report")
        void readsAgain() {
            CsvCallSource source = CsvCallSource.of(resource("week.csv"));

            assertThat(read(source, new ArrayList<>())).hasSize(12);
            assertThat(read(source, new ArrayList<>())).hasSize(12);
            assertThat(source.rowsRead()).isEqualTo(12);
        }
    }

    @Nested
    @DisplayName("lines")
    class Lines {

        @Test
        @DisplayName(
                "a row's line is the line it starts on: the header is line 1, blank lines and line breaks inside quotes count")
        void startingLine() {
            List<Rejection> rejections = new ArrayList<>();
            read(
                    source("id,direction,started_at,ended_at,comment\r\n"
                            + "\r\n"
                            + "a,in,2026-11-10T10:00:00Z,2026-11-10T10:00:40Z,\"two\r\nlines\"\r\n"
                            + "b,in,2026-11-10T10:00:00Z,2026-11-10T09:00:00Z,\n"
                            + "   \n"
                            + "c,in,2026-11-10T10:00:00Z,,\"three\nshort\nlines\"\n"
                            + "d,in,2026-11-10T10:00:00Z,2026-11-10T09:00:00Z,"),
                    rejections);

            assertThat(rejections).extracting(Rejection::line).containsExactly(5L, 7L, 10L);
        }

        @Test
        @DisplayName("linesOf gives every line an id was delivered on; rejected rows are not among them")
        void linesOf() {
            CsvCallSource source = source("""
          id,direction,started_at,ended_at
          x,in,2026-11-10T10:00:00Z,2026-11-10T10:00:40Z
          x,in,2026-11-10T10:00:00Z,2026-11-10T09:00:40Z
          x,in,2026-11-10T10:00:00Z,2026-11-10T10:00:45Z
          y,in,2026-11-10T10:00:00Z,2026-11-10T10:00:40Z
          """);
            read(source, new ArrayList<>());

            assertThat(source.linesOf("x")).containsExactly(2L, 4L);
            assertThat(source.linesOf("y")).containsExactly(5L);
            assertThat(source.linesOf("z")).isEmpty();
        }

        @Test
        @DisplayName(
                "the report's rejections get their lines as they arrive: a bad client its copy's line, a conflicting duplicate id every copy's (R2)")
        void reportRejections() {
            CsvCallSource source = source("""
          id,direction,client,started_at,ended_at
          d,in,+380501110001,2026-11-10T10:00:00Z,2026-11-10T10:00:40Z
          n,in,+380501110002,2026-11-10T10:00:00Z,2026-11-10T10:00:40Z
          n,in,not a number,2026-11-10T10:00:00Z,2026-11-10T10:00:40Z
          d,in,+380501110001,2026-11-10T10:00:00Z,2026-11-10T10:00:40Z
          d,in,+380501110001,2026-11-10T10:00:00Z,2026-11-10T10:00:50Z
          """);
            List<Rejection> rejections = new ArrayList<>();
            ReportSummary summary = MissedCalls.builder()
                    .callSource(source)
                    .handleStore(new InMemoryHandleStore())
                    .build()
                    .report(ReportQuery.of("p").asOf(Instant.parse("2026-11-11T00:00:00Z")), new ReportListener() {
                        @Override
                        public void rejected(Rejection rejection) {
                            rejections.addAll(source.withLines(rejection));
                        }
                    });

            assertThat(summary.unprocessedRows()).isEqualTo(1);
            assertThat(rejections)
                    .extracting(Rejection::toString)
                    .containsExactly(
                            "rejected line 4 (id n): client number cannot be normalized: not a number",
                            "rejected line 2 (id d): conflicting duplicate id",
                            "rejected line 5 (id d): conflicting duplicate id",
                            "rejected line 6 (id d): conflicting duplicate id");
        }

        @Test
        @DisplayName("on a finished report, an id on one line still gets that line")
        void finishedReport() {
            CsvCallSource source = source("""
          id,direction,client,started_at,ended_at
          a,in,+380501110001,2026-11-10T10:00:00Z,2026-11-10T10:00:40Z
          b,in,not a number,2026-11-10T10:00:00Z,2026-11-10T10:00:40Z
          """);
            Report report = MissedCalls.builder()
                    .callSource(source)
                    .handleStore(new InMemoryHandleStore())
                    .build()
                    .report(ReportQuery.of("p").asOf(Instant.parse("2026-11-11T00:00:00Z")));

            assertThat(report.rejections().stream()
                            .flatMap(r -> source.withLines(r).stream())
                            .map(Rejection::toString))
                    .containsExactly("rejected line 3 (id b): client number cannot be normalized: not a number");
        }
    }

    @Nested
    @DisplayName("rejected rows (R2)")
    class RejectedRows {

        @Test
        @DisplayName("each row that cannot become a record is rejected with its line, id and reason; the rest is read")
        void reasons() {
            List<Rejection> rejections = new ArrayList<>();
            List<CallRecord> calls = read(source("""
          id,direction,client,started_at,answered_at,ended_at,stage,managers,reason
          ,in,1,2026-11-10T10:00:00Z,,2026-11-10T10:00:40Z,,,
          a,,1,2026-11-10T10:00:00Z,,2026-11-10T10:00:40Z,,,
          b,up,1,2026-11-10T10:00:00Z,,2026-11-10T10:00:40Z,,,
          c,in,1,,,2026-11-10T10:00:40Z,,,
          d,in,1,2026-11-10T10:00:00Z,,,,,
          e,in,1,2026-11-10,,2026-11-10T10:00:40Z,,,
          f,in,1,2026-11-10T10:00:00Z,2026-11-10T11:00,2026-11-10T10:00:40Z,,,
          g,in,1,2026-11-10T10:00:00Z,,2026-11-10T09:00:40Z,,,
          h,in,1,2026-11-10T10:00:00Z,2026-11-10T10:00:50Z,2026-11-10T10:00:40Z,,,
          i,in,1,2026-11-10T10:00:00Z,,2026-11-10T10:00:40Z,hold,,
          j,in,1,2026-11-10T10:00:00Z,,2026-11-10T10:00:40Z,ringing,some,
          k,in,1,2026-11-10T10:00:00Z,,2026-11-10T10:00:40Z,,,SLOW
          l,in,"1,2026-11-10T10:00:00Z,,2026-11-10T10:00:40Z,,,
          m,in,1,2026-11-10T10:00:00Z,,2026-11-10T10:00:40Z,,,
          n,in,1",2026-11-10T10:00:00Z,,2026-11-10T10:00:40Z,,,
          ok,in,1,2026-11-10T10:00:00Z,,2026-11-10T10:00:40Z,,,
          """), rejections);

            assertThat(calls).extracting(CallRecord::id).containsExactly("ok");
            assertThat(rejections)
                    .extracting(Rejection::toString)
                    .containsExactly(
                            "rejected line 2: no id",
                            "rejected line 3 (id a): no direction",
                            "rejected line 4 (id b): unknown direction 'up'",
                            "rejected line 5 (id c): no start",
                            "rejected line 6 (id d): no end",
                            "rejected line 7 (id e): started_at is not a date-time with an offset (2026-11-02T09:15:03+02:00): '2026-11-10'",
                            "rejected line 8 (id f): answered_at is not a date-time with an offset (2026-11-02T09:15:03+02:00):"
                                    + " '2026-11-10T11:00'",
                            "rejected line 9 (id g): ends before it starts",
                            "rejected line 10 (id h): answered outside [start, end]",
                            "rejected line 11 (id i): unknown stage 'hold'",
                            "rejected line 12 (id j): unknown managers 'some'",
                            "rejected line 13 (id k): unknown reason 'SLOW'",
                            "rejected line 14 (id l): the client runs over 3 lines from here: is a quote left open?");
        }
    }

    @Nested
    @DisplayName("an unusable file")
    class Unusable {

        @Test
        @DisplayName(
                "a quote still open at the end has swallowed every row after it: the file is refused, naming the line")
        void quoteOpenAtTheEnd() {
            assertThatThrownBy(() -> read(source("""
          id,direction,client,started_at,ended_at
          1,in,+380501110001,2026-11-10T10:00:00Z,2026-11-10T10:00:40Z
          2,in,"+380501110002,2026-11-10T10:00:00Z,2026-11-10T10:00:40Z
          3,in,+380501110003,2026-11-10T10:00:00Z,2026-11-10T10:00:40Z
          """), new ArrayList<>()))
                    .isInstanceOf(UnusableCsvException.class)
                    .hasMessage("the call log test.csv cannot be read: the quote opened on line 3 is never closed");
        }

        @Test
        @DisplayName("a missing required column is named, and no row is read")
        void missingColumn() {
            for (String column : CallLogColumns.CALL_LOG_REQUIRED) {
                String header = String.join(
                        ",",
                        CallLogColumns.CALL_LOG.stream()
                                .filter(c -> !c.equals(column))
                                .toList());

                assertThatThrownBy(() -> read(source(header + "\n"), new ArrayList<>()))
                        .isInstanceOf(UnusableCsvException.class)
                        .hasMessage("the call log test.csv has no '" + column + "' column");
            }
        }

        @Test
        @DisplayName("an empty file, or one of blank lines, has no header")
        void empty() {
            assertThatThrownBy(() -> read(source(""), new ArrayList<>()))
                    .isInstanceOf(UnusableCsvException.class)
                    .hasMessage("the call log test.csv is empty: it has no header row");
            assertThatThrownBy(() -> read(source("\n \r\n"), new ArrayList<>()))
                    .isInstanceOf(UnusableCsvException.class);
        }

        @Test
        @DisplayName("a column named twice is ambiguous")
        void twice() {
            assertThatThrownBy(() -> read(source("id,direction,started_at,ended_at,ID\n"), new ArrayList<>()))
                    .isInstanceOf(UnusableCsvException.class)
                    .hasMessage("the call log test.csv has the column 'id' twice");
        }

        @Test
        @DisplayName("a file that cannot be opened says so without the exception's class name")
        void cannotOpen() {
            CsvCallSource source = CsvCallSource.of(Path.of("/no/such/dir/calls.csv"));

            assertThatThrownBy(() -> read(source, new ArrayList<>()))
                    .isInstanceOf(UncheckedIOException.class)
                    .hasMessage("the call log /no/such/dir/calls.csv cannot be read: no such file");
        }
    }

    static Path resource(String name) {
        try {
            return Path.of(CsvCallSourceTest.class.getResource(name).toURI());
        } catch (java.net.URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("no fixture " + name, e);
        }
    }
}
