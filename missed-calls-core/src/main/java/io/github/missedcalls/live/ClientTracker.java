package io.github.missedcalls.live;

import io.github.missedcalls.Assignment;
import io.github.missedcalls.CallRecord;
import io.github.missedcalls.CallbackAttempt;
import io.github.missedcalls.Handle;
import io.github.missedcalls.MissedCall;
import io.github.missedcalls.ProcessedRow;
import io.github.missedcalls.ProjectSettings;
import io.github.missedcalls.Rejection;
import io.github.missedcalls.Resolution;
import io.github.missedcalls.ResolutionKind;
import io.github.missedcalls.UnprocessedRow;
import io.github.missedcalls.internal.CallKind;
import io.github.missedcalls.internal.Intake;
import io.github.missedcalls.internal.LedgerSteps;
import io.github.missedcalls.internal.ReasonClassifier;
import io.github.missedcalls.internal.TrackerReplay;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The live tracker's rules for one project, without state of its own: given a client's
 * {@link ClientState}, a record and the watermark, it returns the next state and tells a
 * listener what changed. {@link MissedCallTracker} keeps the states in memory; a stream
 * processor keeps them in its state store, keyed by {@link #keyOf(CallRecord)}.
 *
 * <ol>
 *   <li>A record that started before the watermark is late: rejected, state unchanged.
 *   <li>Otherwise the records the watermark has passed are settled into the open group, the
 *       record joins the pending ones in R5's order, and the pending records are replayed:
 *       the tracker's view is always what the batch report would show for the records so far.
 *   <li>The difference between the view before and after is told as {@link TrackerEvent}s.
 * </ol>
 *
 * <p>Immutable and thread-safe.
 */
public final class ClientTracker {

    private final ProjectSettings settings;
    private final Intake intake;
    private final TrackerReplay replay;

    /**
     * @param settings the project's settings
     * @param trackFrom missed calls that started before it do not count (R8's window start)
     */
    public ClientTracker(ProjectSettings settings, Instant trackFrom) {
        this.settings = Objects.requireNonNull(settings, "settings");
        if (settings.workflow().groupsPerLine()) {
            // A state per client is what a stream processor partitions by; a group per line would
            // need one per (client, line), and a call without a line reaches all of them.
            throw new IllegalArgumentException(
                    "the live tracker keeps groups per client; groups per line (R17) are for the batch report");
        }
        this.intake = Intake.shared(settings);
        Objects.requireNonNull(trackFrom, "trackFrom");
        this.replay =
                new TrackerReplay(new LedgerSteps(new ReasonClassifier(settings), trackFrom, Instant.MAX), settings);
    }

    /**
     * The key a call is tracked under: its normalized client number, or {@code null} when it takes
     * part in no group (internal, or withheld: R4).
     *
     * @throws IllegalArgumentException if the client number cannot be normalized (R2); the
     *     message is the rejection's reason
     */
    public @Nullable String keyOf(CallRecord call) {
        return intake.clientOf(call);
    }

    /**
     * The key a handle is tracked under.
     *
     * @throws IllegalArgumentException if the number is withheld or cannot be normalized
     */
    public String keyOf(Handle handle) {
        return intake.clientOf(handle);
    }

    /** Whether a call is a missed call (R1's terms), whatever its client. */
    public boolean isMissed(CallRecord call) {
        return CallKind.of(call, settings.minConversation()) == CallKind.MISSED;
    }

    /**
     * Takes one call of the client whose state is given.
     *
     * @param state the client's state; {@code null} for a client not seen before
     * @param call the call; its client number must normalize to the state's key
     * @return the next state
     */
    public ClientState accept(
            @Nullable ClientState state, String key, CallRecord call, Instant watermark, TrackerListener listener) {
        return take(state, key, call, watermark, listener).state();
    }

    /** {@link #accept(ClientState, String, CallRecord, Instant, TrackerListener)}, with the view it made. */
    Outcome take(
            @Nullable ClientState state, String key, CallRecord call, Instant watermark, TrackerListener listener) {
        if (call.startedAt().isBefore(watermark)) {
            listener.rejected(Rejection.ofCall(call.id(), null, late(call.startedAt(), watermark)));
            return new Outcome(state == null ? ClientState.empty(key) : state, null);
        }
        ClientState current = state == null ? ClientState.empty(key) : state;
        TrackerReplay.Split split = replay.split(current, watermark);
        // R2's comparison of copies, and the record kept: a number already normalized needs no copy.
        CallRecord normalized = Intake.asCompared(call, key);
        List<CallRecord> pendingCalls = current.pendingCalls();
        for (int i = split.calls(); i < pendingCalls.size(); i++) {
            CallRecord pending = pendingCalls.get(i);
            if (pending.id().equals(call.id())) {
                if (!pending.equals(normalized)) {
                    // DuplicatePolicy.FIRST_COPY_WINS: the pending copy was used already and stays.
                    listener.rejected(Rejection.ofCall(call.id(), null, Intake.CONFLICTING_ID));
                }
                return new Outcome(replay.settle(current, watermark), null);
            }
        }
        TrackerReplay.Added added = replay.addCall(current, split, normalized, watermark);
        announce(added.change(), key, call.startedAt(), listener);
        return new Outcome(added.state(), added.change().after());
    }

    /**
     * Takes one handle of the client whose state is given; an equal handle taken again changes nothing (R11).
     *
     * @param state the client's state; {@code null} for a client not seen before
     * @return the next state
     */
    public ClientState accept(
            @Nullable ClientState state, String key, Handle handle, Instant watermark, TrackerListener listener) {
        return take(state, key, handle, watermark, listener).state();
    }

    /** {@link #accept(ClientState, String, Handle, Instant, TrackerListener)}, with the view it made. */
    Outcome take(@Nullable ClientState state, String key, Handle handle, Instant watermark, TrackerListener listener) {
        if (handle.handledAt().isBefore(watermark)) {
            listener.rejected(Rejection.ofHandle(null, late(handle.handledAt(), watermark)));
            return new Outcome(state == null ? ClientState.empty(key) : state, null);
        }
        ClientState current = state == null ? ClientState.empty(key) : state;
        TrackerReplay.Split split = replay.split(current, watermark);
        Handle normalized = key.equals(handle.client()) ? handle : handle.withClient(key);
        List<Handle> pendingHandles = current.pendingHandles();
        for (int i = split.handles(); i < pendingHandles.size(); i++) {
            Handle pending = pendingHandles.get(i);
            if (pending.sameKey(normalized)) {
                if (!pending.equals(normalized)) {
                    listener.rejected(Rejection.ofHandle(null, Intake.conflictingHandle(handle)));
                }
                return new Outcome(replay.settle(current, watermark), null);
            }
        }
        TrackerReplay.Added added = replay.addHandle(current, split, normalized, watermark);
        announce(added.change(), key, handle.handledAt(), listener);
        return new Outcome(added.state(), added.change().after());
    }

    /**
     * The key an assignment is tracked under.
     *
     * @throws IllegalArgumentException if the number is withheld or cannot be normalized
     */
    public String keyOf(Assignment assignment) {
        return intake.clientHandled(assignment.client());
    }

    /**
     * Takes one assignment of the client whose state is given (R16): the group open at its
     * instant gets its owner. An equal assignment taken again changes nothing; one with the key
     * of another and other values is rejected.
     *
     * @param state the client's state; {@code null} for a client not seen before
     * @return the next state
     */
    public ClientState accept(
            @Nullable ClientState state,
            String key,
            Assignment assignment,
            Instant watermark,
            TrackerListener listener) {
        return take(state, key, assignment, watermark, listener).state();
    }

    /** {@link #accept(ClientState, String, Assignment, Instant, TrackerListener)}, with the view it made. */
    Outcome take(
            @Nullable ClientState state,
            String key,
            Assignment assignment,
            Instant watermark,
            TrackerListener listener) {
        if (assignment.assignedAt().isBefore(watermark)) {
            listener.rejected(Rejection.ofHandle(null, "assignment " + late(assignment.assignedAt(), watermark)));
            return new Outcome(state == null ? ClientState.empty(key) : state, null);
        }
        ClientState current = state == null ? ClientState.empty(key) : state;
        TrackerReplay.Split split = replay.split(current, watermark);
        Assignment normalized = key.equals(assignment.client()) ? assignment : assignment.withClient(key);
        List<Assignment> pending = current.pendingAssignments();
        for (int i = split.assignments(); i < pending.size(); i++) {
            Assignment earlier = pending.get(i);
            if (earlier.sameKey(normalized)) {
                if (!earlier.equals(normalized)) {
                    listener.rejected(Rejection.ofHandle(null, Intake.conflictingAssignment(assignment)));
                }
                return new Outcome(replay.settle(current, watermark), null);
            }
        }
        TrackerReplay.Added added = replay.addAssignment(current, split, normalized, watermark);
        announce(added.change(), key, assignment.assignedAt(), listener);
        return new Outcome(added.state(), added.change().after());
    }

    /**
     * A record taken: the client's next state, and the view of it when the record joined the
     * pending ones. Without a view (a late record, a redelivery) the open group is as it was, since
     * settling never changes it: {@link MissedCallTracker} then keeps the open group it holds
     * instead of replaying the client for it.
     */
    record Outcome(ClientState state, TrackerReplay.@Nullable View view) {}

    /** Settles what the watermark has passed; the view does not change, so nothing is announced. */
    public ClientState settle(ClientState state, Instant watermark) {
        return replay.settle(state, watermark);
    }

    /** The client's open group as the unprocessed tab shows it, if one is open. */
    public @Nullable UnprocessedRow openRow(ClientState state, Instant asOf) {
        TrackerReplay.View view = replay.replay(state);
        return view.openCalls().isEmpty() ? null : openRow(state.client(), view, asOf);
    }

    /** When a group with these calls is due (R14), or {@code null} without a deadline. */
    public @Nullable Instant dueOf(List<MissedCall> calls) {
        return replay.dueOf(calls);
    }

    /** An open group as the unprocessed tab shows it, with the due the project's workflow gives and its owner (R14, R16). */
    public UnprocessedRow row(
            String client,
            List<MissedCall> calls,
            List<CallbackAttempt> attempts,
            @Nullable String owner,
            Instant asOf) {
        return replay.openRow(client, new TrackerReplay.View(List.of(), calls, attempts, owner), asOf);
    }

    private UnprocessedRow openRow(String client, TrackerReplay.View view, Instant asOf) {
        return replay.openRow(client, view, asOf);
    }

    private void announce(TrackerReplay.Change change, String client, Instant now, TrackerListener listener) {
        TrackerReplay.View was = change.before();
        TrackerReplay.View is = change.after();
        announceResolved(was.resolved(), is.resolved(), listener);
        if (is.openCalls().isEmpty()) {
            return;
        }
        TrackerEvent.Type type;
        if (was.openCalls().isEmpty()) {
            type = TrackerEvent.Type.OPENED;
        } else if (was.openCalls().equals(is.openCalls())) {
            if (was.openAttempts().equals(is.openAttempts())) {
                if (Objects.equals(was.openOwner(), is.openOwner())) {
                    return;
                }
                type = TrackerEvent.Type.ASSIGNED;
            } else {
                type = isExtension(was.openAttempts(), is.openAttempts())
                        ? TrackerEvent.Type.ATTEMPTED
                        : TrackerEvent.Type.REVISED;
            }
        } else {
            type = isExtension(was.openCalls(), is.openCalls())
                            && was.openAttempts().equals(is.openAttempts())
                    ? TrackerEvent.Type.GREW
                    : TrackerEvent.Type.REVISED;
        }
        Instant firstMissedAt = is.openCalls().get(0).startedAt();
        listener.event(new TrackerEvent(type, openRow(client, is, now.isBefore(firstMissedAt) ? firstMissedAt : now)));
    }

    private static <T> boolean isExtension(List<T> before, List<T> after) {
        return after.size() > before.size() && after.subList(0, before.size()).equals(before);
    }

    /**
     * Tells which resolved groups are new, changed or gone. A group is the same in both views when
     * its resolution is; a record that comes after the others leaves the groups before it in place,
     * so the views are compared in step up to the first difference, and only the rest is matched.
     */
    private static void announceResolved(List<ProcessedRow> was, List<ProcessedRow> is, TrackerListener listener) {
        int common = 0;
        while (common < was.size()
                && common < is.size()
                && ResolutionKey.of(was.get(common)).equals(ResolutionKey.of(is.get(common)))) {
            if (!was.get(common).equals(is.get(common))) {
                listener.event(new TrackerEvent(TrackerEvent.Type.REVISED, is.get(common)));
            }
            common++;
        }
        if (common == was.size()) {
            for (ProcessedRow row : is.subList(common, is.size())) {
                listener.event(new TrackerEvent(TrackerEvent.Type.RESOLVED, row));
            }
            return;
        }
        // Linked: groups that are gone are retracted in the order they were resolved.
        Map<ResolutionKey, ProcessedRow> unmatched = new LinkedHashMap<>();
        for (ProcessedRow row : was.subList(common, was.size())) {
            unmatched.put(ResolutionKey.of(row), row);
        }
        for (ProcessedRow row : is.subList(common, is.size())) {
            ProcessedRow earlier = unmatched.remove(ResolutionKey.of(row));
            if (earlier == null) {
                listener.event(new TrackerEvent(TrackerEvent.Type.RESOLVED, row));
            } else if (!earlier.equals(row)) {
                listener.event(new TrackerEvent(TrackerEvent.Type.REVISED, row));
            }
        }
        for (ProcessedRow gone : unmatched.values()) {
            listener.event(new TrackerEvent(TrackerEvent.Type.RETRACTED, gone));
        }
    }

    /**
     * What makes a resolved group the same group in two views of one client: how, when and by
     * whom it was resolved, and by which call. Anything else in its row may change (a late missed
     * call joins it, say), and then the group is revised rather than retracted and resolved anew.
     */
    private record ResolutionKey(
            Instant resolvedAt,
            ResolutionKind kind,
            @Nullable String callId,
            @Nullable String resolvedBy) {

        static ResolutionKey of(ProcessedRow row) {
            Resolution resolution = row.resolution();
            return new ResolutionKey(
                    resolution.resolvedAt(), resolution.kind(), resolution.callId(), resolution.resolvedBy());
        }
    }

    private static String late(Instant started, Instant watermark) {
        return "arrived after the lateness bound: " + started + " is before the watermark " + watermark;
    }
}
