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
 * open, so the entries are primitive arrays keyed by the packed number ({@link LedgerTable#pack})
 * and employees are numbered, rather than an object per client. A number that does not pack
 * goes to a map.
 *
 * <p>Not thread-safe; one report owns one.
 */
final class ReachedTable {

    /** Who reached a client, and when. */
    record Reached(String employee, Instant at) {}

    private static final int INITIAL_CAPACITY = 1 << 12;

    private long[] keys = new long[INITIAL_CAPACITY];
    private long[] seconds = new long[INITIAL_CAPACITY];
    private int[] nanos = new int[INITIAL_CAPACITY];
    /** The employee's number plus one; 0 marks a free slot. */
    private int[] employees = new int[INITIAL_CAPACITY];

    private int size;
    private final List<String> employeeNames = new ArrayList<>();
    private final Map<String, Integer> employeeNumbers = new HashMap<>();
    private final Map<String, Reached> unpacked = new HashMap<>();
    private @Nullable String lastEmployee;
    private int lastEmployeeNumber;

    /** @param key the client's {@link LedgerTable#pack packed} number, 0 when it does not pack */
    void put(long key, String client, String employee, Instant at) {
        if (key == 0) {
            unpacked.put(client, new Reached(employee, at));
            return;
        }
        int number = numberOf(employee);
        int mask = keys.length - 1;
        int slot = slot(key, mask);
        while (employees[slot] != 0 && keys[slot] != key) {
            slot = (slot + 1) & mask;
        }
        boolean added = employees[slot] == 0;
        keys[slot] = key;
        employees[slot] = number + 1;
        seconds[slot] = at.getEpochSecond();
        nanos[slot] = at.getNano();
        // At most half full, so that probes stay short and a free slot always ends them.
        if (added && ++size * 2 > keys.length) {
            grow();
        }
    }

    @Nullable
    Reached get(String client) {
        long key = LedgerTable.pack(client);
        if (key == 0) {
            return unpacked.get(client);
        }
        int mask = keys.length - 1;
        for (int slot = slot(key, mask); employees[slot] != 0; slot = (slot + 1) & mask) {
            if (keys[slot] == key) {
                return new Reached(
                        employeeNames.get(employees[slot] - 1), Instant.ofEpochSecond(seconds[slot], nanos[slot]));
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
        long[] oldKeys = keys;
        long[] oldSeconds = seconds;
        int[] oldNanos = nanos;
        int[] oldEmployees = employees;
        int capacity = oldKeys.length * 2;
        keys = new long[capacity];
        seconds = new long[capacity];
        nanos = new int[capacity];
        employees = new int[capacity];
        int mask = capacity - 1;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldEmployees[i] != 0) {
                int slot = slot(oldKeys[i], mask);
                while (employees[slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                keys[slot] = oldKeys[i];
                seconds[slot] = oldSeconds[i];
                nanos[slot] = oldNanos[i];
                employees[slot] = oldEmployees[i];
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
