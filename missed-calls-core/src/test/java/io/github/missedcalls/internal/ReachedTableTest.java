package io.github.missedcalls.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("R16: the report's table of who last reached each client")
class ReachedTableTest {

    private static final Instant T0 = Instant.parse("2026-11-02T09:00:00Z");

    @Test
    @DisplayName("keeps the latest call of each of 100,000 clients through growth, and numbers that do not pack")
    void latestPerClient() {
        ReachedTable table = new ReachedTable();
        for (int i = 0; i < 100_000; i++) {
            String client = "+38050" + String.format("%07d", i);
            put(table, client, i % 2 == 0 ? "anna" : "bohdan", T0.plusSeconds(i));
            if (i % 3 == 0) {
                put(table, client, "olena", T0.plusSeconds(i + 1));
            }
        }
        put(table, "sip:reception", "yana", T0);

        assertThat(table.size()).isEqualTo(100_001);
        assertThat(get(table, "+380500000000")).isEqualTo(new ReachedTable.Reached("olena", T0.plusSeconds(1)));
        assertThat(get(table, "+380500099998")).isEqualTo(new ReachedTable.Reached("anna", T0.plusSeconds(99_998)));
        assertThat(get(table, "+380500099997")).isEqualTo(new ReachedTable.Reached("bohdan", T0.plusSeconds(99_997)));
        assertThat(get(table, "sip:reception")).isEqualTo(new ReachedTable.Reached("yana", T0));
        assertThat(get(table, "+380670000000")).isNull();
    }

    @Test
    @DisplayName("keeps fractions of a second, and forgets them when a later call has none")
    void fractionsOfASecond() {
        ReachedTable table = new ReachedTable();
        Instant withNanos = T0.plusNanos(123_456_789);
        put(table, "+380501111111", "anna", withNanos);
        put(table, "+380502222222", "anna", withNanos);
        put(table, "+380502222222", "boris", T0.plusSeconds(5));

        assertThat(get(table, "+380501111111")).isEqualTo(new ReachedTable.Reached("anna", withNanos));
        assertThat(get(table, "+380502222222")).isEqualTo(new ReachedTable.Reached("boris", T0.plusSeconds(5)));
    }

    @Test
    @DisplayName("keeps a call too far from 1970 to pack, and a later one that packs replaces it")
    void farInstants() {
        ReachedTable table = new ReachedTable();
        Instant farFuture = Instant.parse("3000-01-01T00:00:00.5Z");
        Instant farPast = Instant.parse("1200-01-01T00:00:00Z");
        put(table, "+380501111111", "anna", farFuture);
        put(table, "+380502222222", "anna", farPast);
        put(table, "+380502222222", "boris", T0);

        assertThat(get(table, "+380501111111")).isEqualTo(new ReachedTable.Reached("anna", farFuture));
        assertThat(get(table, "+380502222222")).isEqualTo(new ReachedTable.Reached("boris", T0));
        assertThat(table.size()).isEqualTo(2);
    }

    private static void put(ReachedTable table, String client, String employee, Instant at) {
        table.put(LedgerTable.pack(client), client, employee, at);
    }

    private static ReachedTable.@Nullable Reached get(ReachedTable table, String client) {
        return table.get(LedgerTable.pack(client), client);
    }
}
