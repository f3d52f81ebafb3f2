package io.github.missedcalls.internal;

import io.github.missedcalls.CallRecord;
import io.github.missedcalls.CallbackAttempt;
import io.github.missedcalls.Handle;
import io.github.missedcalls.MissedCall;
import io.github.missedcalls.ProcessedRow;
import io.github.missedcalls.ProjectSettings;
import io.github.missedcalls.UnprocessedRow;
import io.github.missedcalls.live.ClientState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Replays a {@link ClientState}'s pending records on its settled open group, in R5's order, the
 * way the batch report would take them; settles the records a watermark has passed; and adds a
 * record, with the client's view before and after it.
 */
public final class TrackerReplay {

    /** What a client's records amount to: the groups they resolved and the group still open. */
    public record View(List<ProcessedRow> resolved, List<MissedCall> openCalls, List<CallbackAttempt> openAttempts) {}

    /** A client's view before and after one record joined its pending records. */
    public record Change(View before, View after) {}

    /** A record added: the client's next state, and what the record changed. */
    public record Added(ClientState state, Change change) {}

    /**
     * Where a watermark divides a client's pending records: the first {@code calls} calls and
     * {@code handles} handles started before it and can be settled.
     */
    public record Split(int calls, int handles) {

        /** Whether nothing passed the watermark. */
        public boolean isEmpty() {
            return calls == 0 && handles == 0;
        }
    }

    /** One more step of a ledger that has taken every other record. */
    @FunctionalInterface
    private interface LastStep {
        void take(ClientLedger ledger, Consumer<GroupDraft> resolved);
    }

    private final LedgerSteps steps;
    private final Duration minConversation;
    private final Comparator<CallRecord> callOrder;
    private final WorkflowRules workflow;

    public TrackerReplay(LedgerSteps steps, ProjectSettings settings) {
        this.steps = steps;
        this.minConversation = settings.minConversation();
        this.callOrder = RecordOrder.calls(minConversation);
        this.workflow = new WorkflowRules(settings);
    }

    /** When a group with these calls is due (R14), or {@code null} without a deadline. */
    public @Nullable Instant dueOf(List<MissedCall> calls) {
        return workflow.due(calls);
    }

    /** A client's open group as the unprocessed tab shows it, with its due and owner (R14, R16). */
    public UnprocessedRow openRow(String client, View view, Instant asOf) {
        List<MissedCall> calls = view.openCalls();
        return new UnprocessedRow(
                client,
                calls,
                view.openAttempts(),
                Duration.between(calls.get(0).startedAt(), asOf),
                workflow.due(calls),
                workflow.owner(calls, view.openAttempts(), null, null));
    }

    /** Replays every pending record. */
    public View replay(ClientState state) {
        ClientLedger ledger = new ClientLedger(state.client(), state.openCalls(), state.openAttempts());
        List<GroupDraft> resolvedGroups = new ArrayList<>();
        apply(ledger, state.pendingCalls(), state.pendingHandles(), resolvedGroups::add);
        return view(ledger, resolvedGroups, List.of());
    }

    /**
     * The pending records that started before {@code watermark}. All records of one instant stay
     * on the same side, so R7's attempts at the instant of a resolution still find their group.
     */
    public Split split(ClientState state, Instant watermark) {
        List<CallRecord> pendingCalls = state.pendingCalls();
        int calls = 0;
        while (calls < pendingCalls.size()
                && pendingCalls.get(calls).startedAt().isBefore(watermark)) {
            calls++;
        }
        List<Handle> pendingHandles = state.pendingHandles();
        int handles = 0;
        while (handles < pendingHandles.size()
                && pendingHandles.get(handles).handledAt().isBefore(watermark)) {
            handles++;
        }
        return new Split(calls, handles);
    }

    /**
     * Applies the pending records that started before {@code watermark} to the open group; they
     * can no longer be preceded by a record the tracker accepts.
     */
    public ClientState settle(ClientState state, Instant watermark) {
        Split split = split(state, watermark);
        if (split.isEmpty()) {
            return state;
        }
        ClientLedger ledger = new ClientLedger(state.client(), state.openCalls(), state.openAttempts());
        // Groups resolved by settled records are no longer in any view: their events were told when they were taken.
        apply(
                ledger,
                state.pendingCalls().subList(0, split.calls()),
                state.pendingHandles().subList(0, split.handles()),
                group -> {});
        GroupDraft open = ledger.open();
        return new ClientState(
                state.client(),
                open == null ? List.of() : open.calls,
                open == null ? List.of() : open.attempts,
                unsettled(state.pendingCalls(), split.calls()),
                unsettled(state.pendingHandles(), split.handles()));
    }

    /**
     * Settles {@code state} as {@code split} says and adds {@code call}, which is not late and
     * whose id no unsettled call has: the next state and the client's view before and after.
     */
    public Added addCall(ClientState state, Split split, CallRecord call) {
        List<CallRecord> before = unsettled(state.pendingCalls(), split.calls());
        List<Handle> handles = unsettled(state.pendingHandles(), split.handles());
        int at = insertionPoint(before, call, callOrder);
        List<CallRecord> after = inserted(before, at, call);
        // Handles at the call's instant are taken after it (R5), so they must be strictly earlier.
        boolean last = at == before.size()
                && (handles.isEmpty()
                        || handles.get(handles.size() - 1).handledAt().isBefore(call.startedAt()));
        CallKind kind = CallKind.of(call, minConversation);
        return add(
                state,
                split,
                before,
                handles,
                after,
                handles,
                last ? (ledger, resolved) -> steps.call(ledger, call, kind, resolved) : null);
    }

    /**
     * Settles {@code state} as {@code split} says and adds {@code handle}, which is not late and
     * has no unsettled handle of the same key: the next state and the client's view before and after.
     */
    public Added addHandle(ClientState state, Split split, Handle handle) {
        List<CallRecord> calls = unsettled(state.pendingCalls(), split.calls());
        List<Handle> before = unsettled(state.pendingHandles(), split.handles());
        int at = insertionPoint(before, handle, RecordOrder.HANDLES);
        List<Handle> after = inserted(before, at, handle);
        // Calls at the handle's instant are taken before it (R5), so they may be at the same instant.
        boolean last = at == before.size()
                && (calls.isEmpty() || !calls.get(calls.size() - 1).startedAt().isAfter(handle.handledAt()));
        return add(
                state,
                split,
                calls,
                before,
                calls,
                after,
                last ? (ledger, resolved) -> steps.handle(ledger, handle, resolved) : null);
    }

    /**
     * One ledger settles the records the watermark passed, then takes the unsettled ones for the
     * view before; when the added record comes last in R5's order, one more step gives the view
     * after, and otherwise the next state is replayed.
     */
    private Added add(
            ClientState state,
            Split split,
            List<CallRecord> callsBefore,
            List<Handle> handlesBefore,
            List<CallRecord> callsAfter,
            List<Handle> handlesAfter,
            @Nullable LastStep lastStep) {
        ClientLedger ledger = new ClientLedger(state.client(), state.openCalls(), state.openAttempts());
        List<MissedCall> openCalls = state.openCalls();
        List<CallbackAttempt> openAttempts = state.openAttempts();
        if (!split.isEmpty()) {
            apply(
                    ledger,
                    state.pendingCalls().subList(0, split.calls()),
                    state.pendingHandles().subList(0, split.handles()),
                    group -> {});
            GroupDraft open = ledger.open();
            openCalls = open == null ? List.of() : GroupDraft.immutable(open.calls);
            openAttempts = open == null ? List.of() : GroupDraft.immutable(open.attempts);
        }
        ClientState next = new ClientState(state.client(), openCalls, openAttempts, callsAfter, handlesAfter);
        List<GroupDraft> resolvedGroups = new ArrayList<>();
        View was;
        if (callsBefore.isEmpty() && handlesBefore.isEmpty()) {
            // Usual for a client's first record within the lateness bound: the view before is the settled open group.
            was = new View(List.of(), openCalls, openAttempts);
        } else {
            apply(ledger, callsBefore, handlesBefore, resolvedGroups::add);
            was = view(ledger, resolvedGroups, List.of());
        }
        if (lastStep == null) {
            return new Added(next, new Change(was, replay(next)));
        }
        lastStep.take(ledger, resolvedGroups::add);
        return new Added(next, new Change(was, view(ledger, resolvedGroups, was.resolved())));
    }

    /**
     * The view of a ledger that has taken every record: rows are made only now, since an attempt
     * at the very instant of a resolution joins its group after it (R7).
     *
     * @param madeBefore rows already made of the first groups, when the ledger took one record
     *     more since; one is made again only if its group has changed
     */
    private View view(ClientLedger ledger, List<GroupDraft> resolvedGroups, List<ProcessedRow> madeBefore) {
        List<ProcessedRow> resolved = resolvedGroups.isEmpty() ? List.of() : new ArrayList<>(resolvedGroups.size());
        for (int i = 0; i < resolvedGroups.size(); i++) {
            GroupDraft group = resolvedGroups.get(i);
            // A resolved group can only gain an attempt made at its resolution's instant (R7).
            boolean unchanged = i < madeBefore.size()
                    && madeBefore.get(i).callbackAttempts().size() == group.attempts.size();
            resolved.add(unchanged ? madeBefore.get(i) : group.toProcessed(workflow));
        }
        GroupDraft open = ledger.open();
        return open == null
                ? new View(resolved, List.of(), List.of())
                : new View(resolved, GroupDraft.immutable(open.calls), GroupDraft.immutable(open.attempts));
    }

    /** The records after the first {@code settled}, without a copy where none is needed. */
    private static <T> List<T> unsettled(List<T> pending, int settled) {
        if (settled == 0) {
            return pending;
        }
        return settled == pending.size() ? List.of() : pending.subList(settled, pending.size());
    }

    /** Where {@code item} goes in {@code sorted}; most records come last, and skip the search. */
    private static <T> int insertionPoint(List<T> sorted, T item, Comparator<? super T> order) {
        if (sorted.isEmpty() || order.compare(sorted.get(sorted.size() - 1), item) < 0) {
            return sorted.size();
        }
        int found = Collections.binarySearch(sorted, item, order);
        return found < 0 ? -found - 1 : found;
    }

    private static <T> List<T> inserted(List<T> sorted, int at, T item) {
        List<T> result = new ArrayList<>(sorted.size() + 1);
        result.addAll(sorted);
        result.add(at, item);
        return result;
    }

    /** Merges calls and handles by instant; at one instant calls come first, then handles (R5). */
    private void apply(
            ClientLedger ledger, List<CallRecord> calls, List<Handle> handles, Consumer<GroupDraft> resolved) {
        int nextHandle = 0;
        for (CallRecord call : calls) {
            while (nextHandle < handles.size() && RecordOrder.handleBefore(handles.get(nextHandle), call.startedAt())) {
                steps.handle(ledger, handles.get(nextHandle++), resolved);
            }
            steps.call(ledger, call, CallKind.of(call, minConversation), resolved);
        }
        while (nextHandle < handles.size()) {
            steps.handle(ledger, handles.get(nextHandle++), resolved);
        }
    }
}
