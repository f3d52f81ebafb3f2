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

  /** Replays every pending record. */
  public View replay(ClientState state) {
    ClientLedger ledger = new ClientLedger(state.client(), state.openCalls(), state.openAttempts());
    List<GroupDraft> resolvedGroups = new ArrayList<>();
    apply(ledger, state.pendingCalls(), state.pendingHandles(), resolvedGroups);
    // Rows are made only now: an attempt at the very instant of a resolution joins its group after it (R7).
    List<ProcessedRow> resolved = new ArrayList<>(resolvedGroups.size());
    for (GroupDraft group : resolvedGroups) {
      resolved.add(group.toProcessed());
    }
    GroupDraft open = ledger.open();
    return open == null
        ? new View(resolved, List.of(), List.of())
        : new View(resolved, List.copyOf(open.calls), List.copyOf(open.attempts));
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
