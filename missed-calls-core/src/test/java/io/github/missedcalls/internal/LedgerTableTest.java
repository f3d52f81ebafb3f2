package io.github.missedcalls.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.github.missedcalls.tck.Generators;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

@DisplayName("The report's table of open ledgers")
class LedgerTableTest {

    /**
     * Numbers kept packed, numbers too long to pack, and words whose String hashes are equal ("Aa"
     * and "BB"), so that probes meet equal hashes.
     */
    private static String key(int n) {
        return switch (n % 5) {
            case 0 -> "+380500" + n;
            case 1 -> "Aa".repeat(1 + n % 7) + n / 5;
            case 2 -> "BB".repeat(1 + n % 7) + n / 5;
            case 3 -> "+1234567890123456" + n;
            default -> "+" + n % 10 + "0".repeat(n % 13);
        };
    }

    @Test
    @DisplayName("numbers of up to 15 digits after + pack into distinct longs; anything else is not packed")
    void packing() {
        assertThat(LedgerTable.pack("+380501234567"))
                .isNotZero()
                .isNotEqualTo(LedgerTable.pack("+3805012345670"))
                .isNotEqualTo(LedgerTable.pack("+38050123456"));
        assertThat(LedgerTable.pack("+0")).isNotEqualTo(LedgerTable.pack("+00")).isNotZero();
        assertThat(LedgerTable.pack("+0")).as("the first key").isEqualTo(1L);
        assertThat(LedgerTable.pack("+999999999999999"))
                .as("the last key, within the 50 bits the table of last contacts leaves the key")
                .isPositive()
                .isLessThan(1L << 50);
        assertThat(LedgerTable.pack("+1234567890123456")).as("16 digits").isZero();
        assertThat(LedgerTable.pack("380501234567")).isZero();
        assertThat(LedgerTable.pack("+38050123456a")).isZero();
        assertThat(LedgerTable.pack("+")).isZero();
    }

    @Test
    @DisplayName("two numbers whose packed forms hash alike are two clients")
    void equalHashesStayApart() {
        // Flipping bit 0 and bit 32 of the packed long leaves Long.hashCode as it is; numbers of one length pack
        // into consecutive keys, so the number that far from the first has that key.
        String one = "+111111111111111";
        long flipped = LedgerTable.pack(one) ^ 0x1_0000_0001L;
        String other = "+" + (111_111_111_111_111L + flipped - LedgerTable.pack(one));
        assertThat(Long.hashCode(LedgerTable.pack(one))).isEqualTo(Long.hashCode(LedgerTable.pack(other)));
        LedgerTable table = new LedgerTable();
        ClientLedger first = table.getOrCreate(one);
        ClientLedger second = table.getOrCreate(other);

        assertThat(second).isNotSameAs(first);
        assertThat(table.get(one)).isSameAs(first);
        assertThat(table.get(other)).isSameAs(second);
        table.remove(first);
        assertThat(table.get(one)).isNull();
        assertThat(table.get(other)).isSameAs(second);
    }

    /** An operation: 0 get, 1 get or create, 2 remove the client's ledger; and a key. */
    private static Gen<List<int[]>> operations() {
        return lists().of(integers().between(0, 2).zip(integers().between(0, 999), (op, key) -> new int[] {op, key}))
                .ofSizeBetween(0, 2_000);
    }

    @Test
    @DisplayName("any sequence of look-ups, creations and removals leaves the table as a HashMap would be")
    void behavesAsAMap() {
        Generators.theory()
                .withExamples(Math.max(50, Generators.examples() / 10))
                .forAll(operations())
                .checkAssert(ops -> {
                    LedgerTable table = new LedgerTable();
                    Map<String, ClientLedger> expected = new HashMap<>();
                    for (int[] op : ops) {
                        String client = key(op[1]);
                        switch (op[0]) {
                            case 0 ->
                                assertThat(table.get(client))
                                        .as("get %s", client)
                                        .isSameAs(expected.get(client));
                            case 1 -> {
                                ClientLedger ledger = table.getOrCreate(client);
                                assertThat(ledger.client()).isEqualTo(client);
                                ClientLedger before = expected.putIfAbsent(client, ledger);
                                if (before != null) {
                                    assertThat(ledger)
                                            .as("existing ledger of %s", client)
                                            .isSameAs(before);
                                }
                            }
                            default -> {
                                ClientLedger ledger = expected.remove(client);
                                if (ledger != null) {
                                    table.remove(ledger);
                                }
                            }
                        }
                        assertThat(table.size()).isEqualTo(expected.size());
                    }
                    for (int n = 0; n < 1_000; n++) {
                        assertThat(table.get(key(n))).as("finally %s", key(n)).isSameAs(expected.get(key(n)));
                    }
                    assertThat(table.values()).containsExactlyInAnyOrderElementsOf(expected.values());
                });
    }
}
