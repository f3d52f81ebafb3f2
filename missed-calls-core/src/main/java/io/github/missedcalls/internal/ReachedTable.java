package io.github.missedcalls.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Each client's last successful call with an employee (R16's {@code LAST_REACHED}): who and
 * when. Every successful call of the window writes here, most of them for clients with nothing
 * open and in no order a cache could follow, so a write should touch one cache line: a slot is
 * two longs side by side, the client's packed number ({@link LedgerTable#pack}) and the second,
 * employee number and a flag packed into one. Only a call with a fraction of a second also writes
 * the nanoseconds, to an array of their own. A number that does not pack goes to a map, and so
 * does a call that does not fit the packing (before 1426 or after 2514, or the 268 millionth
 * employee), marked in its slot.
 *
 * <p>Not thread-safe; one report owns one.
 */
final class ReachedTable {

    /** Who reached a client, and when. */
    record Reached(String employee, Instant at) {}

    private static final int INITIAL_CAPACITY = 1 << 12;
    private static final int EMPLOYEE_BITS = 28;
    private static final long EMPLOYEE_MASK = (1L << EMPLOYEE_BITS) - 1;
    private static final long HAS_NANOS = 1L << EMPLOYEE_BITS;
    private static final int SECOND_SHIFT = EMPLOYEE_BITS + 1;
    private static final long MIN_SECOND = Long.MIN_VALUE >> SECOND_SHIFT;
    private static final long MAX_SECOND = Long.MAX_VALUE >> SECOND_SHIFT;
    /** The value of a slot whose client's entry is in {@link #unfit}: no employee has that number. */
    private static final long UNFIT = EMPLOYEE_MASK;

    /** Per slot its key (0 when free) and its value, side by side. */
    private long[] slots = new long[2 * INITIAL_CAPACITY];
    /** A slot's nanoseconds, when its value says it has any. */
    private int[] nanos = new int[INITIAL_CAPACITY];

    private int size;
    private final List<String> employeeNames = new ArrayList<>();
    private final Map<String, Integer> employeeNumbers = new HashMap<>();
    private final Map<String, Reached> unpacked = new HashMap<>();
    /** Calls that do not fit a slot's value, by the packed number. */
    private final Map<Long, Reached> unfit = new HashMap<>();

    private @Nullable String lastEmployee;
    private int lastEmployeeNumber;

    /** @param key the client's {@link LedgerTable#pack packed} number, 0 when it does not pack */
    void put(long key, String client, String employee, Instant at) {
        if (key == 0) {
            unpacked.put(client, new Reached(employee, at));
            return;
        }
        long second = at.getEpochSecond();
        int nano = at.getNano();
        int number = numberOf(employee);
        long value;
        if (second < MIN_SECOND || second > MAX_SECOND || number >= UNFIT) {
            unfit.put(key, new Reached(employee, at));
            value = UNFIT;
        } else {
            value = second << SECOND_SHIFT | (nano == 0 ? 0 : HAS_NANOS) | number;
        }
        int mask = nanos.length - 1;
        int slot = slot(key, mask);
        while (slots[2 * slot] != 0 && slots[2 * slot] != key) {
            slot = (slot + 1) & mask;
        }
        boolean added = slots[2 * slot] == 0;
        slots[2 * slot] = key;
        slots[2 * slot + 1] = value;
        if (nano != 0) {
            nanos[slot] = nano;
        }
        // At most half full, so that probes stay short and a free slot always ends them.
        if (added && ++size * 2 > nanos.length) {
            grow();
        }
    }

    /** @param key the client's {@link LedgerTable#pack packed} number, 0 when it does not pack */
    @Nullable
    Reached get(long key, String client) {
        if (key == 0) {
            return unpacked.get(client);
        }
        int mask = nanos.length - 1;
        for (int slot = slot(key, mask); slots[2 * slot] != 0; slot = (slot + 1) & mask) {
            if (slots[2 * slot] == key) {
                long value = slots[2 * slot + 1];
                if (value == UNFIT) {
                    return unfit.get(key);
                }
                int nano = (value & HAS_NANOS) == 0 ? 0 : nanos[slot];
                return new Reached(
                        employeeNames.get((int) (value & EMPLOYEE_MASK)),
                        Instant.ofEpochSecond(value >> SECOND_SHIFT, nano));
            }
        }
        return null;
    }

    private int numberOf(String employee) {
        // Sources hand out one string per employee more often than not.
        if (employee == lastEmployee) {
            return lastEmployeeNumber;
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
        lastEmployee = employee;
        lastEmployeeNumber = number;
        return number;
    }

    private static int slot(long key, int mask) {
        long mixed = key * 0x9E3779B97F4A7C15L;
        return (int) (mixed ^ (mixed >>> 32)) & mask;
    }

    private void grow() {
        long[] oldSlots = slots;
        int[] oldNanos = nanos;
        int capacity = oldNanos.length * 2;
        slots = new long[2 * capacity];
        nanos = new int[capacity];
        int mask = capacity - 1;
        for (int old = 0; old < oldNanos.length; old++) {
            long key = oldSlots[2 * old];
            if (key != 0) {
                int slot = slot(key, mask);
                while (slots[2 * slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                slots[2 * slot] = key;
                slots[2 * slot + 1] = oldSlots[2 * old + 1];
                nanos[slot] = oldNanos[old];
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
