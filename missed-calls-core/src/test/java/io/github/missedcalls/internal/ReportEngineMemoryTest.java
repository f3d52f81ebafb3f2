package io.github.missedcalls.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.missedcalls.CallRecord;
import io.github.missedcalls.Direction;
import io.github.missedcalls.ProjectSettings;
import io.github.missedcalls.Rejection;
import io.github.missedcalls.ReportListener;
import io.github.missedcalls.ReportSummary;
import io.github.missedcalls.inmemory.InMemoryHandleStore;
import io.github.missedcalls.spi.CallSource;
import java.time.Instant;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The streamed report's memory follows the open groups")
class ReportEngineMemoryTest {

    private static final Instant FROM = Instant.parse("2026-10-27T00:00:00Z");
    private static final Instant AS_OF = Instant.parse("2026-11-27T00:00:00Z");
    private static final int CLIENTS = 100_000;

    /** Each client misses once and is called back a minute later; one client in a hundred is never called back. */
    private static final class OneTimeClients implements CallSource {
        @Override
        public Stream<CallRecord> calls(
                String project, Instant startedFrom, Instant startedUntil, Consumer<Rejection> rejections) {
            return IntStream.range(0, CLIENTS).boxed().flatMap(client -> {
                String number = "+38050" + (1_000_000 + client);
                Instant missedAt = FROM.plusSeconds(20L * client);
                CallRecord missed = CallRecord.builder("m" + client, Direction.IN, missedAt, missedAt.plusSeconds(30))
                        .client(number)
                        .build();
                if (client % 100 == 0) {
                    return Stream.of(missed);
                }
                Instant callbackAt = missedAt.plusSeconds(10);
                return Stream.of(
                        missed,
                        CallRecord.builder("c" + client, Direction.OUT, callbackAt, callbackAt.plusSeconds(60))
                                .client(number)
                                .answeredAt(callbackAt.plusSeconds(5))
                                .build());
            });
        }

        @Override
        public boolean deliversInStartOrder() {
            return true;
        }

        @Override
        public boolean idsAreUnique() {
            return true;
        }
    }

    @Test
    @DisplayName(
            "R8: a hundred thousand clients resolved one after another leave ledgers for the open groups only, not one per client")
    void settledClientsAreForgotten() {
        ReportEngine engine = new ReportEngine("p", ProjectSettings.defaults(), FROM, AS_OF, AS_OF, false);

        ReportSummary summary = engine.run(new OneTimeClients(), new InMemoryHandleStore(), new ReportListener() {});

        assertThat(summary.processedRows()).isEqualTo(CLIENTS - CLIENTS / 100);
        assertThat(summary.unprocessedRows()).isEqualTo(CLIENTS / 100);
        // The open groups, and the one client settled at the last instant.
        assertThat(engine.ledgersHeld()).isLessThanOrEqualTo(CLIENTS / 100 + 1);
    }
}
