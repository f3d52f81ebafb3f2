package io.github.missedcalls.internal;

import io.github.missedcalls.CallbackAttempt;
import io.github.missedcalls.MissedCall;
import io.github.missedcalls.Resolution;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * One client's groups, fed its calls and handles in the order of R5. Holds the open group and,
 * until time moves on, the group resolved last, since an attempt at the very instant of that
 * resolution still counts for it (R7).
 */
final class ClientLedger {
    private final String client;
    /** What a {@link LedgerTable} files the ledger under: the client, or with groups per line the client and the line. */
    private final String key;
    /** The hash a {@link LedgerTable} filed the ledger under, so that it can be removed without reading the number; 0 outside a table. */
    private final int tableHash;

    private @Nullable GroupDraft open;
    private @Nullable GroupDraft lastResolved;

    ClientLedger(String client, int tableHash) {
        this(client, client, tableHash);
    }

    ClientLedger(String key, String client, int tableHash) {
        this.key = key;
        this.client = client;
        this.tableHash = tableHash;
    }

    /** A ledger that continues from an open group saved earlier (the tracker's settled state). */
    ClientLedger(String client, List<MissedCall> openCalls, List<CallbackAttempt> openAttempts) {
        this.client = client;
        this.key = client;
        this.tableHash = 0;
        this.open = openCalls.isEmpty() ? null : new GroupDraft(client, openCalls, openAttempts);
    }

    /** Continues from a group saved open in a report's checkpoint. */
    void restoreOpen(List<MissedCall> calls, List<CallbackAttempt> attempts) {
        this.open = new GroupDraft(client, calls, attempts);
    }

    String client() {
        return client;
    }

    String key() {
        return key;
    }

    int tableHash() {
        return tableHash;
    }

    @Nullable
    GroupDraft open() {
        return open;
    }

    boolean hasOpenGroup() {
        return open != null;
    }

    /** A missed call inside the window joins the open group, or opens one (R5). */
    void missed(MissedCall call) {
        GroupDraft group = open;
        if (group == null) {
            group = new GroupDraft(client);
            open = group;
        }
        group.calls.add(call);
    }

    /**
     * A callback attempt counts for the client's most recent group, unless that group was
     * resolved before the attempt (R7). Attempts sort before contacts and handles at one
     * instant, so the resolved group can only be the most recent one when it was resolved at
     * this very instant.
     */
    void attempt(CallbackAttempt attempt) {
        GroupDraft group = open;
        if (group != null) {
            group.attempts.add(attempt);
            return;
        }
        GroupDraft resolved = lastResolved;
        if (resolved != null
                && resolved.resolution != null
                && resolved.resolution.resolvedAt().equals(attempt.startedAt())) {
            resolved.attempts.add(attempt);
        }
    }

    /** A successful contact resolves every open missed call, all of which started at or before it (R5, R6). */
    void contact(Resolution resolution, Consumer<GroupDraft> resolved) {
        GroupDraft group = open;
        if (group == null) {
            return;
        }
        open = null;
        resolve(group, resolution, resolved);
    }

    /** A handle resolves the open missed calls up to its effective {@code coversUntil} (R11). */
    void handle(Instant coversUntil, Resolution resolution, Consumer<GroupDraft> resolved) {
        GroupDraft group = open;
        if (group == null) {
            return;
        }
        GroupDraft covered = group.splitCoveredUntil(coversUntil);
        if (covered == null) {
            return;
        }
        if (group.calls.isEmpty()) {
            open = null;
        }
        resolve(covered, resolution, resolved);
    }

    private void resolve(GroupDraft group, Resolution resolution, Consumer<GroupDraft> resolved) {
        group.resolution = resolution;
        lastResolved = group;
        resolved.accept(group);
    }
}
