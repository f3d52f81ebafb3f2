package io.github.missedcalls.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.missedcalls.CallRecord;
import io.github.missedcalls.Direction;
import io.github.missedcalls.Handle;
import io.github.missedcalls.HandleReason;
import io.github.missedcalls.MissedCalls;
import io.github.missedcalls.Report;
import io.github.missedcalls.ReportQuery;
import io.github.missedcalls.ResolutionKind;
import io.github.missedcalls.inmemory.InMemoryCallSource;
import io.github.missedcalls.inmemory.InMemoryHandleStore;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("the demo's summary and tables")
class DemoSummaryTest {

    private static final Instant T = Instant.parse("2026-11-10T08:00:00Z");

    private static CallRecord missed(String id, String client, int minute) {
        return CallRecord.builder(id, Direction.IN, T.plusSeconds(60L * minute), T.plusSeconds(60L * minute + 40))
                .client(client)
                .build();
    }

    private static CallRecord reached(String id, Direction direction, String client, int minute) {
        Instant start = T.plusSeconds(60L * minute);
        return CallRecord.builder(id, direction, start, start.plusSeconds(120))
                .client(client)
                .answeredAt(start.plusSeconds(5))
                .employee("anna")
                .build();
    }

    @Test
    @DisplayName(
            "counts groups and missed calls, the callback rate, nearest-rank median and 90th percentile, and resolution shares")
    void figures() {
        InMemoryCallSource calls = new InMemoryCallSource()
                .add(
                        "p",
                        missed("1", "+380501110001", 0),
                        reached("2", Direction.OUT, "+380501110001", 10),
                        missed("3", "+380501110002", 0),
                        missed("4", "+380501110002", 5),
                        reached("5", Direction.OUT, "+380501110002", 30),
                        missed("6", "+380501110003", 0),
                        reached("7", Direction.OUT, "+380501110003", 60),
                        missed("8", "+380501110004", 0),
                        reached("9", Direction.IN, "+380501110004", 20),
                        missed("10", "+380501110005", 0),
                        missed("11", "+380501110006", 0),
                        CallRecord.builder("12", Direction.IN, T, T.plusSeconds(30))
                                .build());
        InMemoryHandleStore handles = new InMemoryHandleStore();
        handles.save("p", new Handle("+380501110006", T.plusSeconds(600), T, HandleReason.SPAM, null, "boris"));
        Report report = MissedCalls.builder()
                .callSource(calls)
                .handleStore(handles)
                .build()
                .report(ReportQuery.of("p").asOf(T.plusSeconds(7200)));

        DemoSummary summary = DemoSummary.of(report);

        assertThat(summary.unprocessedClients()).isEqualTo(1);
        assertThat(summary.processedGroups()).isEqualTo(5);
        assertThat(summary.missedCalls()).isEqualTo(7);
        assertThat(summary.anonymousMissed()).isEqualTo(1);
        assertThat(summary.callbackRate()).isEqualTo(3.0 / 6);
        assertThat(summary.medianTimeToCallback()).isEqualTo(Duration.ofMinutes(30));
        assertThat(summary.p90TimeToCallback()).isEqualTo(Duration.ofMinutes(60));
        assertThat(summary.share(ResolutionKind.CALLED_BACK)).isEqualTo(3.0 / 5);
        assertThat(summary.share(ResolutionKind.CLIENT_GOT_THROUGH)).isEqualTo(1.0 / 5);
        assertThat(summary.share(ResolutionKind.HANDLED)).isEqualTo(1.0 / 5);
    }

    @Test
    @DisplayName("an empty report has no times to callback and no shares")
    void empty() {
        Report report = MissedCalls.builder()
                .callSource(new InMemoryCallSource())
                .handleStore(new InMemoryHandleStore())
                .build()
                .report(ReportQuery.of("p").asOf(T));

        DemoSummary summary = DemoSummary.of(report);

        assertThat(summary.medianTimeToCallback()).isNull();
        assertThat(summary.callbackRate()).isZero();
        assertThat(summary.share(ResolutionKind.HANDLED)).isZero();
    }

    @Test
    @DisplayName("nearest rank: the smallest value at or above the share of values")
    void percentile() {
        List<Duration> values =
                List.of(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(3), Duration.ofSeconds(4));

        assertThat(DemoSummary.percentile(values, 50)).isEqualTo(Duration.ofSeconds(2));
        assertThat(DemoSummary.percentile(values, 90)).isEqualTo(Duration.ofSeconds(4));
        assertThat(DemoSummary.percentile(List.of(Duration.ofSeconds(7)), 90)).isEqualTo(Duration.ofSeconds(7));
    }

    @Test
    @DisplayName("a text table lines its columns up, numbers right, and cuts what is too long")
    void textTable() {
        StringWriter out = new StringWriter();
        new TextTable()
                .column("client", TextTable.Align.LEFT, 20)
                .column("missed", TextTable.Align.RIGHT, 6)
                .column("reason", TextTable.Align.LEFT, 10)
                .row("+380501110001", "12", "UNKNOWN")
                .row("+1555", "3", "NOT_ANSWERED_BY_MANAGERS")
                .print(new PrintWriter(out, true), "  ");

        assertThat(out.toString().lines())
                .containsExactly(
                        "  client         missed  reason",
                        "  -------------  ------  ----------",
                        "  +380501110001      12  UNKNOWN",
                        "  +1555               3  NOT_ANS...");
    }
}
