package io.github.missedcalls.internal;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The ledgers of the clients with an open group, or resolved at the current instant, by
 * normalized client number: an open-addressing table whose probes compare hashes kept in an
 * array of their own. Most calls are of clients with nothing open, and such a look-up then reads
 * that array only, where a {@link java.util.HashMap} would follow a reference to an entry for
 * every occupied bucket.
 *
 * <p>A number in the form normalization gives ({@code +} and up to 15 digits) is also kept packed
 * into a long ({@link #pack}), and compared as one: the ledger's own copy of the number lives
 * in the record that opened it, long since out of the processor's caches.
 *
 * <p>Not thread-safe; one report owns one.
 */
final class LedgerTable {

    private static final int INITIAL_CAPACITY = 1 << 10;

    /** A key's hash, never 0 in a used slot: 0 marks a free one. */
    private int[] hashes = new int[INITIAL_CAPACITY];
    /** The packed number of a used slot, or 0 when its client is compared as a String. */
    private long[] packedKeys = new long[INITIAL_CAPACITY];

    private @Nullable ClientLedger[] ledgers = new ClientLedger[INITIAL_CAPACITY];
    private int size;

    /** {@code KEYS_BEFORE[n]}: how many keys the numbers of fewer than n digits take. */
    private static final long[] KEYS_BEFORE = new long[16];

    static {
        long keys = 0;
        long numbers = 1;
        for (int digits = 1; digits < KEYS_BEFORE.length; digits++) {
            KEYS_BEFORE[digits] = keys;
            numbers *= 10;
            keys += numbers;
        }
    }

    /**
     * {@code +} and 1 to 15 digits as one key from 1 to about 1.1e15, within 50 bits: the numbers
     * of each length after those of every shorter length, so that {@code +1} and {@code +01}
     * differ; else 0. The rest of a long is free for what a table keeps beside the key.
     */
    static long pack(String client) {
        int length = client.length();
        if (length < 2 || length > 16 || client.charAt(0) != '+') {
            return 0;
        }
        long value = 0;
        for (int i = 1; i < length; i++) {
            char c = client.charAt(i);
            if (c < '0' || c > '9') {
                return 0;
            }
            value = value * 10 + (c - '0');
        }
        return KEYS_BEFORE[length - 1] + value + 1;
    }

    private static int hash(String client, long packed) {
        // Both hashes differ little in their low bits between similar numbers; mix before masking.
        int hash = packed != 0 ? Long.hashCode(packed) : client.hashCode();
        hash ^= hash >>> 16;
        hash *= 0x85EBCA6B;
        hash ^= hash >>> 13;
        hash *= 0xC2B2AE35;
        hash ^= hash >>> 16;
        return hash == 0 ? 1 : hash;
    }

    private static int next(int slot, int mask) {
        return (slot + 1) & mask;
    }

    /** The client's ledger, or {@code null} when nothing of the client is open. */
    @Nullable
    ClientLedger get(String client) {
        return get(client, pack(client));
    }

    /** {@link #get(String)} with the number's {@link #pack} already at hand. */
    @Nullable
    ClientLedger get(String client, long packed) {
        int hash = hash(client, packed);
        int mask = hashes.length - 1;
        for (int slot = hash & mask; ; slot = next(slot, mask)) {
            int found = hashes[slot];
            if (found == 0) {
                return null;
            }
            if (found == hash && holds(slot, client, packed)) {
                return ledgers[slot];
            }
        }
    }

    private boolean holds(int slot, String client, long packed) {
        if (packed != 0) {
            return packedKeys[slot] == packed;
        }
        ClientLedger ledger = ledgers[slot];
        return packedKeys[slot] == 0 && ledger != null && ledger.key().equals(client);
    }

    /** The client's ledger, made empty if there is none. */
    ClientLedger getOrCreate(String client) {
        return getOrCreate(client, client);
    }

    /**
     * The ledger filed under {@code key}, made empty for {@code client} if there is none: with
     * groups per line (R17) a client has a ledger per line, under a key that is never a packed number.
     */
    ClientLedger getOrCreate(String key, String client) {
        return getOrCreate(key, client, pack(key));
    }

    /** {@link #getOrCreate(String, String)} with the key's {@link #pack} already at hand. */
    ClientLedger getOrCreate(String key, String client, long packed) {
        int hash = hash(key, packed);
        int mask = hashes.length - 1;
        int slot = hash & mask;
        for (; hashes[slot] != 0; slot = next(slot, mask)) {
            ClientLedger ledger = ledgers[slot];
            if (hashes[slot] == hash && ledger != null && holds(slot, key, packed)) {
                return ledger;
            }
        }
        ClientLedger created = new ClientLedger(key, client, hash);
        hashes[slot] = hash;
        packedKeys[slot] = packed;
        ledgers[slot] = created;
        // At most half full, so that probes stay short and a free slot always ends them.
        if (++size * 2 > hashes.length) {
            grow();
        }
        return created;
    }

    int size() {
        return size;
    }

    /** The ledgers, in no particular order. */
    List<ClientLedger> values() {
        List<ClientLedger> values = new ArrayList<>(size);
        for (ClientLedger ledger : ledgers) {
            if (ledger != null) {
                values.add(ledger);
            }
        }
        return values;
    }

    /**
     * Forgets a ledger the table holds. It is found by identity from the hash it was filed under,
     * so its number, which lives in the record that opened it, is not read again.
     */
    void remove(ClientLedger ledger) {
        int mask = hashes.length - 1;
        int slot = ledger.tableHash() & mask;
        while (ledgers[slot] != ledger) {
            if (hashes[slot] == 0) {
                return;
            }
            slot = next(slot, mask);
        }
        size--;
        // Backward shift: move later entries of the probe run into the gap, so no tombstones are needed.
        int gap = slot;
        for (int probe = next(gap, mask); hashes[probe] != 0; probe = next(probe, mask)) {
            int home = hashes[probe] & mask;
            // The entry may fill the gap unless its home lies cyclically within (gap, probe].
            boolean homeAfterGap = gap <= probe ? gap < home && home <= probe : gap < home || home <= probe;
            if (!homeAfterGap) {
                hashes[gap] = hashes[probe];
                packedKeys[gap] = packedKeys[probe];
                ledgers[gap] = ledgers[probe];
                gap = probe;
            }
        }
        hashes[gap] = 0;
        packedKeys[gap] = 0;
        ledgers[gap] = null;
    }

    private void grow() {
        int capacity = hashes.length * 2;
        int[] oldHashes = hashes;
        long[] oldPackedKeys = packedKeys;
        @Nullable ClientLedger[] oldLedgers = ledgers;
        hashes = new int[capacity];
        packedKeys = new long[capacity];
        ledgers = new ClientLedger[capacity];
        int mask = capacity - 1;
        for (int i = 0; i < oldHashes.length; i++) {
            ClientLedger ledger = oldLedgers[i];
            if (ledger != null) {
                int slot = oldHashes[i] & mask;
                while (hashes[slot] != 0) {
                    slot = next(slot, mask);
                }
                hashes[slot] = oldHashes[i];
                packedKeys[slot] = oldPackedKeys[i];
                ledgers[slot] = ledger;
            }
        }
    }
}
