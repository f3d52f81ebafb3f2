package io.github.missedcalls.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Each client's last successful call with an employee (R16's {@code LAST_REACHED}). Every
 * successful call of the window writes here, most of them for clients with nothing open and in no
 * order a cache could follow, so the table is kept small enough to stay in the processor's
 * caches: a slot is one long, the client's {@linkplain LedgerTable#pack packed} number (50 bits)
 * and the employee's number (14 bits).
 *
 * <p>A call is in the table before a group opens only if it started earlier (at one instant
 * missed calls come first, R5). When the report's window is no longer than the owner look-back,
 * every call it holds is also within the look-back of every group: the slot is all that is
 * needed. A longer window also keeps each call's instant, in arrays of their own. A number that does not pack, or
 * a call that does not fit (the 16,383rd employee), goes to a map.
 *
 * <p>Not thread-safe; one report owns one.
 */
final class ReachedTable {

    /** Who reached a client, and when. */
    record Reached(String employee, Instant at) {}

    private static final int INITIAL_CAPACITY = 1 << 12;
    private static final int EMPLOYEE_BITS = 14;
    private static final long EMPLOYEE_MASK = (1L << EMPLOYEE_BITS) - 1;
    /** The employee field of a slot whose client's entry is in {@link #unfit}. */
    private static final long UNFIT = EMPLOYEE_MASK;

    private static final int RECENT = 64;
    /** The look-back a call's instant is checked against; {@code null} when the window is within it. */
    private final @Nullable Duration lookBack;

    /** Per slot its key and employee; 0 when free. */
    private long[] slots = new long[INITIAL_CAPACITY];
    /** With a look-back to check, each slot's call's instant. */
    private long[] seconds;

    private int[] nanos;
    private int size;
    private final List<String> employeeNames = new ArrayList<>();
    private final Map<String, Integer> employeeNumbers = new HashMap<>();
    private final @Nullable String[] recentNames = new String[RECENT];
    private final int[] recentNumbers = new int[RECENT];
    private int recentSize;
    private final Map<String, Reached> unpacked = new HashMap<>();
    /** Calls that do not fit a slot, by the packed number. */
    private final Map<Long, Reached> unfit = new HashMap<>();

    /**
     * @param lookBack how long before a group's first missed call a call still names its owner;
     *     {@code null} when the report's window is no longer than that, and every call counts
     */
    ReachedTable(@Nullable Duration lookBack) {
        this.lookBack = lookBack;
        this.seconds = lookBack == null ? new long[0] : new long[INITIAL_CAPACITY];
        this.nanos = lookBack == null ? new int[0] : new int[INITIAL_CAPACITY];
    }

    /** @param packed the client's {@link LedgerTable#pack packed} number, 0 when it does not pack */
    void put(long packed, String client, String employee, Instant at) {
        if (packed == 0) {
            unpacked.put(client, new Reached(employee, at));
            return;
        }
        long number = numberOf(employee) + 1L;
        if (number >= UNFIT) {
            unfit.put(packed, new Reached(employee, at));
            number = UNFIT;
        }
        int mask = slots.length - 1;
        int slot = slot(packed, mask);
        while (slots[slot] != 0 && slots[slot] >>> EMPLOYEE_BITS != packed) {
            slot = (slot + 1) & mask;
        }
        boolean added = slots[slot] == 0;
        slots[slot] = packed << EMPLOYEE_BITS | number;
        if (lookBack != null) {
            seconds[slot] = at.getEpochSecond();
            nanos[slot] = at.getNano();
        }
        // Up to seven eighths full: a slot is a long, eight to a cache line, so probes stay short.
        if (added && ++size * 8L > slots.length * 7L) {
            grow();
        }
    }

    /**
     * Tells a group that has just opened who last reached its client: the employee, and with a
     * look-back to check the call's instant, which {@link WorkflowRules#owner} holds against the
     * group's first missed call when its row is made (a handle may take the first calls away).
     *
     * @param packed the client's {@link LedgerTable#pack packed} number, 0 when it does not pack
     */
    void name(long packed, String client, GroupDraft group) {
        if (packed == 0) {
            name(unpacked.get(client), group);
            return;
        }
        int mask = slots.length - 1;
        for (int slot = slot(packed, mask); slots[slot] != 0; slot = (slot + 1) & mask) {
            if (slots[slot] >>> EMPLOYEE_BITS == packed) {
                long number = slots[slot] & EMPLOYEE_MASK;
                if (number == UNFIT) {
                    name(unfit.get(packed), group);
                } else {
                    group.reachedBy = employeeNames.get((int) number - 1);
                    group.reachedAt = lookBack == null ? null : Instant.ofEpochSecond(seconds[slot], nanos[slot]);
                }
                return;
            }
        }
    }

    private void name(@Nullable Reached reached, GroupDraft group) {
        if (reached != null) {
            group.reachedBy = reached.employee();
            group.reachedAt = lookBack == null ? null : reached.at();
        }
    }

    private int numberOf(String employee) {
        // Sources hand out one String per employee more often than not, and a month names a few
        // dozen: a small table by identity answers most calls without hashing the name. It probes
        // on, where one slot per hash would let two names that share it evict each other on every
        // call, and it is emptied when half full, when a source makes a String per record.
        int mask = RECENT - 1;
        int slot = System.identityHashCode(employee) & mask;
        for (String seen; (seen = recentNames[slot]) != null; slot = (slot + 1) & mask) {
            if (seen == employee) {
                return recentNumbers[slot];
            }
        }
        Integer known = employeeNumbers.get(employee);
        int number;
        if (known == null) {
            number = employeeNames.size();
            employeeNames.add(employee);
            employeeNumbers.put(employee, number);
        } else {
            number = known;
        }
        if (++recentSize > RECENT / 2) {
            Arrays.fill(recentNames, null);
            recentSize = 1;
            slot = System.identityHashCode(employee) & mask;
        }
        recentNames[slot] = employee;
        recentNumbers[slot] = number;
        return number;
    }

    private static int slot(long key, int mask) {
        long mixed = key * 0x9E3779B97F4A7C15L;
        return (int) (mixed ^ (mixed >>> 32)) & mask;
    }

    private void grow() {
        long[] oldSlots = slots;
        long[] oldSeconds = seconds;
        int[] oldNanos = nanos;
        int capacity = oldSlots.length * 2;
        slots = new long[capacity];
        if (lookBack != null) {
            seconds = new long[capacity];
            nanos = new int[capacity];
        }
        int mask = capacity - 1;
        for (int old = 0; old < oldSlots.length; old++) {
            long entry = oldSlots[old];
            if (entry != 0) {
                int slot = slot(entry >>> EMPLOYEE_BITS, mask);
                while (slots[slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                slots[slot] = entry;
                if (lookBack != null) {
                    seconds[slot] = oldSeconds[old];
                    nanos[slot] = oldNanos[old];
                }
            }
        }
    }

    int size() {
        return size + unpacked.size();
    }

    @Override
    public String toString() {
        return "ReachedTable[" + size() + " clients, " + employeeNames.size() + " employees]";
    }
}
