package io.github.missedcalls.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("R16: the report's table of who last reached each client")
class ReachedTableTest {

    private static final Instant T0 = Instant.parse("2026-11-02T09:00:00Z");

    @Test
    @DisplayName("keeps the latest call of each of 100,000 clients through growth, and numbers that do not pack")
    void latestPerClient() {
        ReachedTable table = new ReachedTable(null);
        for (int i = 0; i < 100_000; i++) {
            String client = "+38050" + String.format("%07d", i);
            put(table, client, i % 2 == 0 ? "anna" : "bohdan", T0.plusSeconds(i));
            if (i % 3 == 0) {
                put(table, client, "olena", T0.plusSeconds(i + 1));
            }
        }
        put(table, "sip:reception", "yana", T0);

        assertThat(table.size()).isEqualTo(100_001);
        assertThat(reachedBefore(table, "+380500000000")).isEqualTo("olena");
        assertThat(reachedBefore(table, "+380500099998")).isEqualTo("anna");
        assertThat(reachedBefore(table, "+380500099997")).isEqualTo("bohdan");
        assertThat(reachedBefore(table, "sip:reception")).isEqualTo("yana");
        assertThat(reachedBefore(table, "+380670000000")).isNull();
    }

    @Test
    @DisplayName("with a look-back to check, tells a group when its client was reached, to the nanosecond; without,"
            + " only who")
    void instantsOnlyWithALookBack() {
        Instant reached = T0.plusNanos(123_456_789);
        ReachedTable timed = new ReachedTable(Duration.ofHours(2));
        ReachedTable untimed = new ReachedTable(null);
        for (ReachedTable table : List.of(timed, untimed)) {
            put(table, "+380501111111", "anna", reached);
            put(table, "sip:reception", "yana", reached);
        }

        assertThat(named(timed, "+380501111111")).containsExactly("anna", reached);
        assertThat(named(timed, "sip:reception")).containsExactly("yana", reached);
        assertThat(named(untimed, "+380501111111")).containsExactly("anna", null);
        assertThat(named(untimed, "sip:reception")).containsExactly("yana", null);
    }

    @Test
    @DisplayName("keeps every employee of a month with more than a slot can number")
    void manyEmployees() {
        ReachedTable table = new ReachedTable(Duration.ofDays(1));
        for (int i = 0; i < 20_000; i++) {
            put(table, "+38050" + String.format("%07d", i), "employee " + i, T0);
        }

        assertThat(named(table, "+380500000000")).containsExactly("employee 0", T0);
        assertThat(named(table, "+380500019999")).containsExactly("employee 19999", T0);
    }

    private static void put(ReachedTable table, String client, String employee, Instant at) {
        table.put(LedgerTable.pack(client), client, employee, at);
    }

    private static @Nullable String reachedBefore(ReachedTable table, String client) {
        return named(table, client).get(0) instanceof String employee ? employee : null;
    }

    /** Who and when the table names for a group of the client: nulls for nobody. */
    private static List<@Nullable Object> named(ReachedTable table, String client) {
        GroupDraft group = new GroupDraft(client);
        table.name(LedgerTable.pack(client), client, group);
        return Arrays.asList(group.reachedBy, group.reachedAt);
    }
}
