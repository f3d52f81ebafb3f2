package io.github.missedcalls.internal;

import io.github.missedcalls.Assignment;
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

    /**
     * What a client's records amount to: the groups they resolved and the group still open, with
     * the owner it has (R16).
     */
    public record View(
            List<ProcessedRow> resolved,
            List<MissedCall> openCalls,
            List<CallbackAttempt> openAttempts,
            @Nullable String openOwner) {}

    /** A client's view before and after one record joined its pending records. */
    public record Change(View before, View after) {}

    /** A record added: the client's next state, and what the record changed. */
    public record Added(ClientState state, Change change) {}

    /**
     * Where a watermark divides a client's pending records: the first {@code calls} calls,
     * {@code handles} handles and {@code assignments} assignments started before it and can be settled.
     */
    public record Split(int calls, int handles, int assignments) {

        /** Whether nothing passed the watermark. */
        public boolean isEmpty() {
            return calls == 0 && handles == 0 && assignments == 0;
        }
    }

    /** One more step of a ledger that has taken every other record. */
    @FunctionalInterface
    private interface LastStep {
        void take(ClientLedger ledger, LastContact contact, Consumer<GroupDraft> resolved);
    }

    /** The client's last successful call with an employee, as records are taken in order (R16). */
    private static final class LastContact {
        ClientState.@Nullable Reached reached;

        LastContact(ClientState.@Nullable Reached reached) {
            this.reached = reached;
        }
    }

    private final LedgerSteps steps;
    private final Duration minConversation;
    private final Comparator<CallRecord> callOrder;
    private final WorkflowRules workflow;
    private final boolean tracksLastReached;

    public TrackerReplay(LedgerSteps steps, ProjectSettings settings) {
        this.steps = steps;
        this.minConversation = settings.minConversation();
        this.callOrder = RecordOrder.calls(minConversation);
        this.workflow = new WorkflowRules(settings);
        this.tracksLastReached = workflow.tracksLastReached();
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
                view.openOwner());
    }

    /** Replays every pending record. */
    public View replay(ClientState state) {
        ClientLedger ledger = ledgerOf(state);
        List<GroupDraft> resolvedGroups = new ArrayList<>();
        apply(
                ledger,
                new LastContact(state.lastReached()),
                new Pending(state.pendingCalls(), state.pendingHandles(), state.pendingAssignments()),
                resolvedGroups::add);
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
        List<Assignment> pendingAssignments = state.pendingAssignments();
        int assignments = 0;
        while (assignments < pendingAssignments.size()
                && pendingAssignments.get(assignments).assignedAt().isBefore(watermark)) {
            assignments++;
        }
        return new Split(calls, handles, assignments);
    }

    /**
     * Applies the pending records that started before {@code watermark} to the open group; they
     * can no longer be preceded by a record the tracker accepts.
     */
    public ClientState settle(ClientState state, Instant watermark) {
        Split split = split(state, watermark);
        ClientState.Reached reached = state.lastReached();
        if (split.isEmpty() && (reached == null || !forgettable(reached, state.openCalls(), watermark))) {
            return state;
        }
        ClientLedger ledger = ledgerOf(state);
        LastContact contact = new LastContact(reached);
        // Groups resolved by settled records are no longer in any view: their events were told when they were taken.
        applySettled(ledger, contact, state, split);
        GroupDraft open = ledger.open();
        return settledState(state, open, contact, watermark, unsettled(state, split));
    }

    /**
     * Settles {@code state} as {@code split} says and adds {@code call}, which is not late and
     * whose id no unsettled call has: the next state and the client's view before and after.
     */
    public Added addCall(ClientState state, Split split, CallRecord call, Instant watermark) {
        Pending before = unsettled(state, split);
        int at = insertionPoint(before.calls(), call, callOrder);
        // Handles and assignments at the call's instant are taken after it (R5), so they must be strictly earlier.
        boolean last = at == before.calls().size()
                && (before.handles().isEmpty()
                        || before.lastHandle().handledAt().isBefore(call.startedAt()))
                && (before.assignments().isEmpty()
                        || before.lastAssignment().assignedAt().isBefore(call.startedAt()));
        CallKind kind = CallKind.of(call, minConversation);
        return add(
                state,
                split,
                watermark,
                before,
                before.withCalls(inserted(before.calls(), at, call)),
                last ? (ledger, contact, resolved) -> takeCall(ledger, contact, call, kind, resolved) : null);
    }

    /**
     * Settles {@code state} as {@code split} says and adds {@code handle}, which is not late and
     * has no unsettled handle of the same key: the next state and the client's view before and after.
     */
    public Added addHandle(ClientState state, Split split, Handle handle, Instant watermark) {
        Pending before = unsettled(state, split);
        int at = insertionPoint(before.handles(), handle, RecordOrder.HANDLES);
        // Calls and assignments at the handle's instant are taken before it (R5, R16).
        boolean last = at == before.handles().size()
                && (before.calls().isEmpty() || !before.lastCall().startedAt().isAfter(handle.handledAt()))
                && (before.assignments().isEmpty()
                        || !before.lastAssignment().assignedAt().isAfter(handle.handledAt()));
        return add(
                state,
                split,
                watermark,
                before,
                before.withHandles(inserted(before.handles(), at, handle)),
                last ? (ledger, contact, resolved) -> steps.handle(ledger, handle, resolved) : null);
    }

    /**
     * Settles {@code state} as {@code split} says and adds {@code assignment}, which is not late
     * and has no unsettled assignment of the same key: the next state and the client's view before and after.
     */
    public Added addAssignment(ClientState state, Split split, Assignment assignment, Instant watermark) {
        Pending before = unsettled(state, split);
        int at = insertionPoint(before.assignments(), assignment, RecordOrder.ASSIGNMENTS);
        // Calls at its instant come before an assignment, handles after it (R5, R16).
        boolean last = at == before.assignments().size()
                && (before.calls().isEmpty() || !before.lastCall().startedAt().isAfter(assignment.assignedAt()))
                && (before.handles().isEmpty()
                        || before.lastHandle().handledAt().isBefore(assignment.assignedAt()));
        return add(
                state,
                split,
                watermark,
                before,
                before.withAssignments(inserted(before.assignments(), at, assignment)),
                last ? (ledger, contact, resolved) -> assign(ledger, assignment) : null);
    }

    /** A client's unsettled records of each kind, each in its order. */
    private record Pending(List<CallRecord> calls, List<Handle> handles, List<Assignment> assignments) {
        CallRecord lastCall() {
            return calls.get(calls.size() - 1);
        }

        Handle lastHandle() {
            return handles.get(handles.size() - 1);
        }

        Assignment lastAssignment() {
            return assignments.get(assignments.size() - 1);
        }

        Pending withCalls(List<CallRecord> others) {
            return new Pending(others, handles, assignments);
        }

        Pending withHandles(List<Handle> others) {
            return new Pending(calls, others, assignments);
        }

        Pending withAssignments(List<Assignment> others) {
            return new Pending(calls, handles, others);
        }
    }

    /** The records of a state the watermark has not passed, as {@code split} says. */
    private static Pending unsettled(ClientState state, Split split) {
        return new Pending(
                unsettled(state.pendingCalls(), split.calls()),
                unsettled(state.pendingHandles(), split.handles()),
                unsettled(state.pendingAssignments(), split.assignments()));
    }

    /**
     * One ledger settles the records the watermark passed, then takes the unsettled ones for the
     * view before; when the added record comes last in R5's order, one more step gives the view
     * after, and otherwise the next state is replayed.
     */
    private Added add(
            ClientState state,
            Split split,
            Instant watermark,
            Pending before,
            Pending after,
            @Nullable LastStep lastStep) {
        ClientLedger ledger = ledgerOf(state);
        LastContact contact = new LastContact(state.lastReached());
        ClientState next;
        if (split.isEmpty()) {
            next = new ClientState(
                    state.client(),
                    state.openCalls(),
                    state.openAttempts(),
                    after.calls(),
                    after.handles(),
                    state.lastReached(),
                    state.assigned(),
                    after.assignments());
        } else {
            applySettled(ledger, contact, state, split);
            next = settledState(state, ledger.open(), contact, watermark, after);
        }
        List<GroupDraft> resolvedGroups = new ArrayList<>();
        apply(ledger, contact, before, resolvedGroups::add);
        View was = view(ledger, resolvedGroups, List.of());
        if (lastStep == null) {
            return new Added(next, new Change(was, replay(next)));
        }
        lastStep.take(ledger, contact, resolvedGroups::add);
        return new Added(next, new Change(was, view(ledger, resolvedGroups, was.resolved())));
    }

    /** The ledger of a state's settled open group, with the owner it had (R16). */
    private ClientLedger ledgerOf(ClientState state) {
        ClientLedger ledger = new ClientLedger(state.client(), state.openCalls(), state.openAttempts());
        GroupDraft open = ledger.open();
        if (open != null) {
            open.assigned = state.assigned();
            // No successful call came since the group's first missed call, or it would have been resolved.
            reached(open, state.lastReached());
        }
        return ledger;
    }

    private void applySettled(ClientLedger ledger, LastContact contact, ClientState state, Split split) {
        Pending settled = new Pending(
                state.pendingCalls().subList(0, split.calls()),
                state.pendingHandles().subList(0, split.handles()),
                state.pendingAssignments().subList(0, split.assignments()));
        apply(ledger, contact, settled, group -> {});
    }

    private ClientState settledState(
            ClientState state, @Nullable GroupDraft open, LastContact contact, Instant watermark, Pending pending) {
        List<MissedCall> openCalls = open == null ? List.of() : GroupDraft.immutable(open.calls);
        ClientState.Reached reached = contact.reached;
        if (reached != null && forgettable(reached, openCalls, watermark)) {
            reached = null;
        }
        return new ClientState(
                state.client(),
                openCalls,
                open == null ? List.of() : GroupDraft.immutable(open.attempts),
                pending.calls(),
                pending.handles(),
                reached,
                open == null ? null : open.assigned,
                pending.assignments());
    }

    /**
     * Whether the last contact can name no group's owner any more: nothing settled is open, and
     * every group still to open starts at or after the watermark, beyond the look-back.
     */
    private boolean forgettable(ClientState.Reached reached, List<MissedCall> openCalls, Instant watermark) {
        return openCalls.isEmpty() && !workflow.reachedInLookBack(reached.at(), watermark);
    }

    /** Who last reached the client, for the owner look-back to be held against when the group's row is made. */
    private static void reached(GroupDraft group, ClientState.@Nullable Reached reached) {
        group.reachedBy = reached == null ? null : reached.employee();
        group.reachedAt = reached == null ? null : reached.at();
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
        if (open == null) {
            return new View(resolved, List.of(), List.of(), null);
        }
        List<MissedCall> calls = GroupDraft.immutable(open.calls);
        List<CallbackAttempt> attempts = GroupDraft.immutable(open.attempts);
        return new View(resolved, calls, attempts, workflow.owner(open, attempts));
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

    /**
     * Merges calls, assignments and handles by instant as the batch report does: at one instant
     * calls come first, then assignments, then handles (R5, R16).
     */
    private void apply(ClientLedger ledger, LastContact contact, Pending records, Consumer<GroupDraft> resolved) {
        List<CallRecord> calls = records.calls();
        List<Handle> handles = records.handles();
        List<Assignment> assignments = records.assignments();
        int nextHandle = 0;
        int nextAssignment = 0;
        for (int nextCall = 0; ; ) {
            CallRecord call = nextCall < calls.size() ? calls.get(nextCall) : null;
            Handle handle = nextHandle < handles.size() ? handles.get(nextHandle) : null;
            Assignment assignment = nextAssignment < assignments.size() ? assignments.get(nextAssignment) : null;
            if (assignment != null
                    && (call == null || assignment.assignedAt().isBefore(call.startedAt()))
                    && (handle == null || !handle.handledAt().isBefore(assignment.assignedAt()))) {
                assign(ledger, assignment);
                nextAssignment++;
            } else if (handle != null && (call == null || RecordOrder.handleBefore(handle, call.startedAt()))) {
                steps.handle(ledger, handle, resolved);
                nextHandle++;
            } else if (call != null) {
                takeCall(ledger, contact, call, CallKind.of(call, minConversation), resolved);
                nextCall++;
            } else {
                return;
            }
        }
    }

    /** A call, and what it tells of who last reached the client (R16), as the batch report takes it. */
    private void takeCall(
            ClientLedger ledger, LastContact contact, CallRecord call, CallKind kind, Consumer<GroupDraft> resolved) {
        steps.call(ledger, call, kind, resolved);
        if (!tracksLastReached || !steps.inWindow(call.startedAt())) {
            return;
        }
        String employee = call.employee();
        if (kind == CallKind.CONTACT && employee != null) {
            contact.reached = new ClientState.Reached(employee, call.startedAt());
        } else if (kind == CallKind.MISSED) {
            GroupDraft open = ledger.open();
            if (open != null && open.calls.size() == 1) {
                reached(open, contact.reached);
            }
        }
    }

    /** An assignment names the owner of the group open at its instant; with none open it changes nothing (R16). */
    private static void assign(ClientLedger ledger, Assignment assignment) {
        GroupDraft open = ledger.open();
        if (open != null) {
            open.assigned = assignment.owner();
        }
    }
}
