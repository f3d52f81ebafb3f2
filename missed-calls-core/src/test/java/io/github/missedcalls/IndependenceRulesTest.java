package io.github.missedcalls;

import static io.github.missedcalls.Fixtures.CLIENT;
import static io.github.missedcalls.Fixtures.DAY;
import static io.github.missedcalls.Fixtures.OTHER_CLIENT;
import static io.github.missedcalls.Fixtures.PROJECT;
import static io.github.missedcalls.Fixtures.answered;
import static io.github.missedcalls.Fixtures.at;
import static io.github.missedcalls.Fixtures.attempt;
import static io.github.missedcalls.Fixtures.callback;
import static io.github.missedcalls.Fixtures.dayReport;
import static io.github.missedcalls.Fixtures.handle;
import static io.github.missedcalls.Fixtures.missed;
import static io.github.missedcalls.Fixtures.settings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.missedcalls.inmemory.InMemoryCallSource;
import io.github.missedcalls.inmemory.InMemoryHandleStore;
import io.github.missedcalls.spi.CallSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("R12: every missed call once, whatever the order, whoever else called")
class IndependenceRulesTest {

    private static final List<CallRecord> DAY_OF_CALLS = List.of(
            missed("1", CLIENT, at("09:00")),
            missed("2", "0501110001", at("09:00")),
            attempt("3", CLIENT, at("09:10")),
            answered("4", CLIENT, at("10:00")),
            callback("5", CLIENT, at("10:00")),
            missed("6", CLIENT, at("11:00")),
            missed("7", OTHER_CLIENT, at("11:00")),
            missed("8", "anonymous", at("11:30")),
            missed("9", "12", at("12:00")));

    private static Report reportFrom(CallSource source) {
        return MissedCalls.builder()
                .callSource(source)
                .handleStore(new InMemoryHandleStore())
                .settings(settings())
                .build()
                .report(ReportQuery.of(PROJECT)
                        .window(DAY, DAY.plus(Duration.ofDays(1)))
                        .asOf(DAY.plus(Duration.ofDays(1))));
    }

    @Test
    @DisplayName("R12: every missed call inside the window with a client number and not rejected is in exactly one row")
    void everyMissedCallOnce() {
        Report report = dayReport(DAY_OF_CALLS, List.of());

        List<String> inRows = new ArrayList<>();
        report.unprocessed().forEach(row -> row.calls().forEach(call -> inRows.add(call.id())));
        report.processed().forEach(row -> row.calls().forEach(call -> inRows.add(call.id())));
        assertThat(inRows).containsExactlyInAnyOrder("1", "2", "6", "7");
        assertThat(report.missedInRows()).isEqualTo(4);
        assertThat(report.anonymousMissed()).isEqualTo(1);
        assertThat(report.rejections()).extracting(Rejection::id).containsExactly("9");
    }

    @Test
    @DisplayName("R12: the report does not depend on the order the source delivers the records in")
    void orderDoesNotMatter() {
        List<CallRecord> reversed = new ArrayList<>(DAY_OF_CALLS);
        Collections.reverse(reversed);

        assertThat(dayReport(reversed, List.of())).isEqualTo(dayReport(DAY_OF_CALLS, List.of()));
    }

    @Test
    @DisplayName("R12: a source that delivers in start order with unique ids (streamed) gives the same report")
    void streamedSourceGivesTheSameReport() {
        List<CallRecord> valid = DAY_OF_CALLS.subList(0, 8);

        assertThat(reportFrom(ListCallSource.inStartOrder(valid, 3, true)))
                .isEqualTo(reportFrom(ListCallSource.everything(valid)));
        assertThat(reportFrom(new InMemoryCallSource().add(PROJECT, valid)))
                .isEqualTo(reportFrom(ListCallSource.everything(valid)));
    }

    @Test
    @DisplayName("R12: a source that claims start order and breaks it fails the report with a StorageException")
    void brokenStartOrderClaimFails() {
        CallSource unordered = new CallSource() {
            @Override
            public Stream<CallRecord> calls(
                    String project, Instant from, Instant until, Consumer<Rejection> rejections) {
                return Stream.of(missed("2", CLIENT, at("10:00")), missed("1", CLIENT, at("09:00")));
            }

            @Override
            public boolean deliversInStartOrder() {
                return true;
            }
        };

        assertThatThrownBy(() -> reportFrom(unordered))
                .isInstanceOf(StorageException.class)
                .hasMessageContaining("start order");
    }

    @Test
    @DisplayName("R12: adding another client's calls and handles never changes a client's rows")
    void otherClientsChangeNothing() {
        List<CallRecord> withNeighbour = new ArrayList<>(DAY_OF_CALLS);
        withNeighbour.add(missed("n1", "+380939990000", at("09:00")));
        withNeighbour.add(callback("n2", "+380939990000", at("10:00")));
        withNeighbour.add(missed("n3", "+380939990000", at("11:00")));

        Report before = dayReport(DAY_OF_CALLS, List.of());
        Report after = dayReport(withNeighbour, List.of(handle("+380939990000", at("12:00"), at("12:00"))));

        assertThat(after.unprocessed())
                .filteredOn(row -> !row.client().equals("+380939990000"))
                .containsExactlyElementsOf(before.unprocessed());
        assertThat(after.processed())
                .filteredOn(row -> !row.client().equals("+380939990000"))
                .containsExactlyElementsOf(before.processed());
    }
}
