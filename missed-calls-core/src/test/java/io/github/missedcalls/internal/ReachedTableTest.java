package io.github.missedcalls.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("R16: the report's table of who last reached each client")
class ReachedTableTest {

    private static final Instant T0 = Instant.parse("2026-11-02T09:00:00.123456789Z");

    @Test
    @DisplayName("keeps the latest call of each of 100,000 clients through growth, and numbers that do not pack")
    void latestPerClient() {
        ReachedTable table = new ReachedTable();
        for (int i = 0; i < 100_000; i++) {
            String client = "+38050" + String.format("%07d", i);
            table.put(LedgerTable.pack(client), client, i % 2 == 0 ? "anna" : "bohdan", T0.plusSeconds(i));
            if (i % 3 == 0) {
                table.put(LedgerTable.pack(client), client, "olena", T0.plusSeconds(i + 1));
            }
        }
        table.put(LedgerTable.pack("sip:reception"), "sip:reception", "yana", T0);

        assertThat(table.size()).isEqualTo(100_001);
        assertThat(table.get("+380500000000")).isEqualTo(new ReachedTable.Reached("olena", T0.plusSeconds(1)));
        assertThat(table.get("+380500099998")).isEqualTo(new ReachedTable.Reached("anna", T0.plusSeconds(99_998)));
        assertThat(table.get("+380500099997")).isEqualTo(new ReachedTable.Reached("bohdan", T0.plusSeconds(99_997)));
        assertThat(table.get("sip:reception")).isEqualTo(new ReachedTable.Reached("yana", T0));
        assertThat(table.get("+380670000000")).isNull();
    }
}
