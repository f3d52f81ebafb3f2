package io.github.missedcalls.live;

import io.github.missedcalls.Assignment;
import io.github.missedcalls.CallRecord;
import io.github.missedcalls.CallbackAttempt;
import io.github.missedcalls.Handle;
import io.github.missedcalls.MissedCall;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One client's state in the live tracker: a small value that can be saved (in a database, a
 * stream processor's state store) and given back later.
 *
 * <p>It holds the client's open group as settled up to the tracker's watermark, and the records
 * not yet settled: those that started at or after the watermark, which a late record may still
 * precede. Its size follows the open group and the lateness bound, never the client's history.
 * With R16's {@code LAST_REACHED} it also keeps the client's last successful call with an
 * employee, for as long as the owner look-back can still reach it.
 *
 * @param client the normalized client number
 * @param openCalls the settled open group's missed calls, in R5 order; empty when none is open
 * @param openAttempts the callback attempts that count for the settled open group
 * @param pendingCalls records at or after the watermark, client normalized, in R5 order
 * @param pendingHandles handles at or after the watermark, client normalized, in R5 order
 * @param lastReached the settled records' last successful call with an employee, kept only when
 *     the owner chain has {@code LAST_REACHED}; {@code null} for none
 * @param assigned the owner an assignment gave the settled open group (R16); {@code null} for none
 * @param pendingAssignments assignments at or after the watermark, client normalized, in instant order
 */
public record ClientState(
        String client,
        List<MissedCall> openCalls,
        List<CallbackAttempt> openAttempts,
        List<CallRecord> pendingCalls,
        List<Handle> pendingHandles,
        @Nullable Reached lastReached,
        @Nullable String assigned,
        List<Assignment> pendingAssignments) {

    /** Who last reached a client, and when (R16's {@code LAST_REACHED}). */
    public record Reached(String employee, Instant at) {
        public Reached {
            Objects.requireNonNull(employee, "employee");
            Objects.requireNonNull(at, "at");
        }
    }

    public ClientState {
        Objects.requireNonNull(client, "client");
        openCalls = List.copyOf(openCalls);
        openAttempts = List.copyOf(openAttempts);
        pendingCalls = List.copyOf(pendingCalls);
        pendingHandles = List.copyOf(pendingHandles);
        pendingAssignments = List.copyOf(pendingAssignments);
        if (openCalls.isEmpty()) {
            // Only an open group has an owner by hand.
            assigned = null;
        }
    }

    /** A state without a last contact, assignments or an owner by hand: a project whose chain needs none. */
    public ClientState(
            String client,
            List<MissedCall> openCalls,
            List<CallbackAttempt> openAttempts,
            List<CallRecord> pendingCalls,
            List<Handle> pendingHandles) {
        this(client, openCalls, openAttempts, pendingCalls, pendingHandles, null, null, List.of());
    }

    /** The state of a client the tracker has not seen. */
    public static ClientState empty(String client) {
        return new ClientState(client, List.of(), List.of(), List.of(), List.of());
    }

    /** Whether nothing is open, pending or remembered: a store may delete this state. */
    public boolean isEmpty() {
        return openCalls.isEmpty()
                && pendingCalls.isEmpty()
                && pendingHandles.isEmpty()
                && pendingAssignments.isEmpty()
                && lastReached == null;
    }
}
