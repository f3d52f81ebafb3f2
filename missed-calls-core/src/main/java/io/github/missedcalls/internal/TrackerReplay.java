package io.github.missedcalls.internal;

import io.github.missedcalls.CallRecord;
import io.github.missedcalls.CallbackAttempt;
import io.github.missedcalls.ClientState;
import io.github.missedcalls.Handle;
import io.github.missedcalls.MissedCall;
import io.github.missedcalls.ProcessedRow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Replays a {@link ClientState}'s pending records on its settled open group, in R5's order, the
 * way the batch report would take them; and settles the records a watermark has passed.
 */
public final class TrackerReplay {

  /** Handles at one instant: by effective coversUntil, then actor, then client (docs/decisions.md). */
  public static final Comparator<Handle> HANDLE_ORDER = Comparator.comparing(Handle::handledAt)
      .thenComparing(Handle::effectiveCoversUntil)
      .thenComparing(Handle::actor)
      .thenComparing(Handle::client);

  /** What a client's records amount to: the groups they resolved and the group still open. */
  public record View(List<ProcessedRow> resolved, List<MissedCall> openCalls, List<CallbackAttempt> openAttempts) {}

  private final LedgerSteps steps;
  private final Duration minConversation;
  private final Comparator<CallRecord> callOrder;

  public TrackerReplay(LedgerSteps steps, Duration minConversation) {
    this.steps = steps;
    this.minConversation = minConversation;
    this.callOrder = Comparator.comparing(CallRecord::startedAt)
        .thenComparing((CallRecord call) -> CallKind.of(call, minConversation))
        .thenComparing(CallRecord::id);
  }

  /** The order pending calls are kept in. */
  public Comparator<CallRecord> callOrder() {
    return callOrder;
  }

  /** A client's view before and after one record joined its pending records. */
  public record Change(View before, View after) {}

  /** Replays every pending record. */
  public View replay(ClientState state) {
    ClientLedger ledger = new ClientLedger(state.client(), state.openCalls(), state.openAttempts());
    List<GroupDraft> resolvedGroups = new ArrayList<>();
    apply(ledger, state.pendingCalls(), state.pendingHandles(), resolvedGroups);
    return view(ledger, resolvedGroups, List.of());
  }

  /**
   * The views of {@code before} and of {@code after}, which is {@code before} with {@code call}
   * among its pending records.
   */
  public Change callAdded(ClientState before, ClientState after, CallRecord call) {
    List<CallRecord> calls = after.pendingCalls();
    List<Handle> handles = before.pendingHandles();
    // Handles at the call's instant are taken after it (R5), so they must be strictly earlier.
    boolean last = calls.get(calls.size() - 1) == call
        && (handles.isEmpty() || handles.get(handles.size() - 1).handledAt().isBefore(call.startedAt()));
    if (!last) {
      return new Change(replay(before), replay(after));
    }
    ClientLedger ledger = new ClientLedger(before.client(), before.openCalls(), before.openAttempts());
    List<GroupDraft> resolvedGroups = new ArrayList<>();
    apply(ledger, before.pendingCalls(), handles, resolvedGroups);
    View was = view(ledger, resolvedGroups, List.of());
    steps.call(ledger, call, CallKind.of(call, minConversation), resolvedGroups::add);
    return new Change(was, view(ledger, resolvedGroups, was.resolved()));
  }

  /**
   * The views of {@code before} and of {@code after}, which is {@code before} with {@code handle}
   * among its pending records.
   */
  public Change handleAdded(ClientState before, ClientState after, Handle handle) {
    List<CallRecord> calls = before.pendingCalls();
    List<Handle> handles = after.pendingHandles();
    // Calls at the handle's instant are taken before it (R5), so they may be at the same instant.
    boolean last = handles.get(handles.size() - 1) == handle
        && (calls.isEmpty() || !calls.get(calls.size() - 1).startedAt().isAfter(handle.handledAt()));
    if (!last) {
      return new Change(replay(before), replay(after));
    }
    ClientLedger ledger = new ClientLedger(before.client(), before.openCalls(), before.openAttempts());
    List<GroupDraft> resolvedGroups = new ArrayList<>();
    apply(ledger, calls, before.pendingHandles(), resolvedGroups);
    View was = view(ledger, resolvedGroups, List.of());
    steps.handle(ledger, handle, resolvedGroups::add);
    return new Change(was, view(ledger, resolvedGroups, was.resolved()));
  }

  /**
   * The view of a ledger that has taken every record: rows are made only now, since an attempt
   * at the very instant of a resolution joins its group after it (R7).
   *
   * @param madeBefore rows already made of the first groups, when the ledger took one record
   *     more since; one is made again only if its group has changed
   */
  private static View view(ClientLedger ledger, List<GroupDraft> resolvedGroups, List<ProcessedRow> madeBefore) {
    List<ProcessedRow> resolved = new ArrayList<>(resolvedGroups.size());
    for (int i = 0; i < resolvedGroups.size(); i++) {
      GroupDraft group = resolvedGroups.get(i);
      // A resolved group can only gain an attempt made at its resolution's instant (R7).
      boolean unchanged = i < madeBefore.size()
          && madeBefore.get(i).callbackAttempts().size() == group.attempts.size();
      resolved.add(unchanged ? madeBefore.get(i) : group.toProcessed());
    }
    GroupDraft open = ledger.open();
    return open == null
        ? new View(resolved, List.of(), List.of())
        : new View(resolved, GroupDraft.immutable(open.calls), GroupDraft.immutable(open.attempts));
  }

  /**
   * Applies the pending records that started before {@code watermark} to the open group; they
   * can no longer be preceded by a record the tracker accepts. All records of one instant stay
   * on the same side, so R7's attempts at the instant of a resolution still find their group.
   */
  public ClientState settle(ClientState state, Instant watermark) {
    int calls = 0;
    while (calls < state.pendingCalls().size() && state.pendingCalls().get(calls).startedAt().isBefore(watermark)) {
      calls++;
    }
    int handles = 0;
    while (handles < state.pendingHandles().size()
        && state.pendingHandles().get(handles).handledAt().isBefore(watermark)) {
      handles++;
    }
    if (calls == 0 && handles == 0) {
      return state;
    }
    ClientLedger ledger = new ClientLedger(state.client(), state.openCalls(), state.openAttempts());
    apply(ledger, state.pendingCalls().subList(0, calls), state.pendingHandles().subList(0, handles), new ArrayList<>());
    GroupDraft open = ledger.open();
    return new ClientState(state.client(),
        open == null ? List.of() : open.calls,
        open == null ? List.of() : open.attempts,
        state.pendingCalls().subList(calls, state.pendingCalls().size()),
        state.pendingHandles().subList(handles, state.pendingHandles().size()));
  }

  /** Merges calls and handles by instant; at one instant calls come first, then handles (R5). */
  private void apply(ClientLedger ledger, List<CallRecord> calls, List<Handle> handles, List<GroupDraft> resolved) {
    int nextHandle = 0;
    for (CallRecord call : calls) {
      while (nextHandle < handles.size() && handles.get(nextHandle).handledAt().isBefore(call.startedAt())) {
        steps.handle(ledger, handles.get(nextHandle++), resolved::add);
      }
      steps.call(ledger, call, CallKind.of(call, minConversation), resolved::add);
    }
    while (nextHandle < handles.size()) {
      steps.handle(ledger, handles.get(nextHandle++), resolved::add);
    }
  }
}
