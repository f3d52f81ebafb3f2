package io.github.missedcalls.live;

import io.github.missedcalls.CallRecord;
import io.github.missedcalls.CallbackAttempt;
import io.github.missedcalls.Handle;
import io.github.missedcalls.MissedCall;
import java.util.List;
import java.util.Objects;

/**
 * One client's state in the live tracker: a small value that can be saved (in a database, a
 * stream processor's state store) and given back later.
 *
 * <p>It holds the client's open group as settled up to the tracker's watermark, and the records
 * not yet settled: those that started at or after the watermark, which a late record may still
 * precede. Its size follows the open group and the lateness bound, never the client's history.
 *
 * @param client the normalized client number
 * @param openCalls the settled open group's missed calls, in R5 order; empty when none is open
 * @param openAttempts the callback attempts that count for the settled open group
 * @param pendingCalls records at or after the watermark, client normalized, in R5 order
 * @param pendingHandles handles at or after the watermark, client normalized, in R5 order
 */
public record ClientState(
        String client,
        List<MissedCall> openCalls,
        List<CallbackAttempt> openAttempts,
        List<CallRecord> pendingCalls,
        List<Handle> pendingHandles) {

    public ClientState {
        Objects.requireNonNull(client, "client");
        openCalls = List.copyOf(openCalls);
        openAttempts = List.copyOf(openAttempts);
        pendingCalls = List.copyOf(pendingCalls);
        pendingHandles = List.copyOf(pendingHandles);
    }

    /** The state of a client the tracker has not seen. */
    public static ClientState empty(String client) {
        return new ClientState(client, List.of(), List.of(), List.of(), List.of());
    }

    /** Whether nothing is open and nothing pending: a store may delete this state. */
    public boolean isEmpty() {
        return openCalls.isEmpty() && pendingCalls.isEmpty() && pendingHandles.isEmpty();
    }
}
