package io.github.missedcalls.live;

import io.github.missedcalls.Assignment;
import io.github.missedcalls.CallRecord;
import io.github.missedcalls.CallbackAttempt;
import io.github.missedcalls.Handle;
import io.github.missedcalls.MissedCall;
import io.github.missedcalls.ProjectSettings;
import io.github.missedcalls.Rejection;
import io.github.missedcalls.UnprocessedRow;
import io.github.missedcalls.internal.TrackerReplay;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Live tracking of one project: records, handles and assignments go in one at a time, as a PBX's
 * webhook and a CRM deliver them, and a {@link TrackerListener} hears the moment a client's group
 * opens, grows, gets an attempt or another owner, falls due, or is resolved. The unprocessed tab is read from the tracker's state at a cost
 * proportional to its rows.
 *
 * <ol>
 *   <li>The watermark is the latest instant seen minus the allowed lateness (or a later instant
 *       given to {@link #advanceTo}). A record that started before it is rejected as late; every
 *       other record, in whatever order, gives the state that in-order delivery gives, and so the
 *       batch report's rows (R8, R12), for records whose ids are unique (below).
 *   <li>Each client's state is its open group and its records not yet past the watermark
 *       ({@link ClientState}): memory follows the clients with an open group or recent calls.
 *   <li>Ids are checked among a client's pending records only: a record with the id of a
 *       pending one is a redelivery when equal (ignored) and rejected when not, the first copy
 *       still counting; ids are not remembered past the watermark, and withheld calls, which
 *       have no client, are not checked. So the batch report's rows are reached for records
 *       whose ids are unique; a webhook's retry of a call with a number is harmless, of a withheld
 *       call it counts that call twice in {@link #anonymousMissed()}.
 * </ol>
 *
 * <p>Thread-safe: every method is synchronized.
 */
public final class MissedCallTracker {

    /**
     * A call's record usually comes when the call ends; an hour covers the longest sales calls
     * and a webhook's retries.
     */
    public static final Duration DEFAULT_ALLOWED_LATENESS = Duration.ofHours(1);

    /** An open group's place in the tab: longest waiting first, then by client. */
    private record OpenKey(Instant firstMissedAt, String client) implements Comparable<OpenKey> {

        // Written out rather than chained from key extractors: every record that opens or resolves a group compares
        // keys.
        @Override
        public int compareTo(OpenKey other) {
            int byStart = firstMissedAt.compareTo(other.firstMissedAt);
            return byStart != 0 ? byStart : client.compareTo(other.client);
        }
    }

    /** When an open group falls due (R14), to be told once the watermark reaches it. */
    private record Due(Instant due, OpenKey key) implements Comparable<Due> {
        @Override
        public int compareTo(Due other) {
            int byDue = due.compareTo(other.due);
            return byDue != 0 ? byDue : key.compareTo(other.key);
        }
    }

    /** An open group as the tab shows it, but for its waiting time, which depends on when it is read. */
    private record OpenGroup(
            OpenKey key,
            List<MissedCall> calls,
            List<CallbackAttempt> attempts,
            @Nullable String owner) {}

    /**
     * A client the tracker holds: one map entry per client, so that a record costs one look-up,
     * and the tab's order is touched only when a group opens, closes or changes its first call.
     */
    private static final class HeldClient {
        ClientState state;

        @Nullable
        OpenGroup open;

        HeldClient(ClientState state) {
            this.state = state;
        }
    }

    private final ClientTracker rules;
    private final Instant trackFrom;
    private final Duration allowedLateness;
    private final TrackerListener listener;
    private final Map<String, HeldClient> clients = new HashMap<>();
    private final NavigableMap<OpenKey, HeldClient> openGroups = new TreeMap<>();
    /**
     * The dues of groups opened, earliest first; an entry whose group has closed or changed its
     * first call by the time the watermark reaches it is dropped then.
     */
    private final PriorityQueue<Due> dues = new PriorityQueue<>();

    private Instant watermark = Instant.MIN;
    private long anonymousMissed;

    private MissedCallTracker(Builder builder) {
        this.rules = new ClientTracker(builder.settings, builder.trackFrom);
        this.trackFrom = builder.trackFrom;
        this.allowedLateness = builder.allowedLateness;
        this.listener = builder.listener;
    }

    /**
     * Starts a configuration.
     *
     * @param settings the project's settings
     */
    public static Builder builder(ProjectSettings settings) {
        return new Builder(settings);
    }

    /** Takes one call record. */
    public synchronized void accept(CallRecord call) {
        Objects.requireNonNull(call, "call");
        String key;
        try {
            key = rules.keyOf(call);
        } catch (IllegalArgumentException e) {
            listener.rejected(Rejection.ofCall(call.id(), null, String.valueOf(e.getMessage())));
            return;
        }
        if (key == null) {
            boolean counts =
                    !call.startedAt().isBefore(watermark) && !call.startedAt().isBefore(trackFrom);
            if (counts && rules.isMissed(call)) {
                anonymousMissed++;
            }
            seen(call.startedAt());
            return;
        }
        HeldClient held = clients.get(key);
        update(key, held, rules.take(held == null ? null : held.state, key, call, watermark, listener));
        seen(call.startedAt());
    }

    /** Takes one handle. */
    public synchronized void accept(Handle handle) {
        Objects.requireNonNull(handle, "handle");
        String key;
        try {
            key = rules.keyOf(handle);
        } catch (IllegalArgumentException e) {
            listener.rejected(Rejection.ofHandle(null, String.valueOf(e.getMessage())));
            return;
        }
        HeldClient held = clients.get(key);
        update(key, held, rules.take(held == null ? null : held.state, key, handle, watermark, listener));
        seen(handle.handledAt());
    }

    /** Takes one assignment (R16): the client's group open at its instant gets its owner. */
    public synchronized void accept(Assignment assignment) {
        Objects.requireNonNull(assignment, "assignment");
        String key;
        try {
            key = rules.keyOf(assignment);
        } catch (IllegalArgumentException e) {
            listener.rejected(Rejection.ofHandle(null, "assignment: " + e.getMessage()));
            return;
        }
        HeldClient held = clients.get(key);
        update(key, held, rules.take(held == null ? null : held.state, key, assignment, watermark, listener));
        seen(assignment.assignedAt());
    }

    /**
     * Moves the watermark to {@code now} minus the allowed lateness, if that is later: time passes
     * even when no call comes. Then settles every client's records the watermark has passed and
     * forgets the clients left with nothing open or pending, so that memory follows the open
     * groups. Costs time in proportion to the clients held: call it on a timer (every minute, say),
     * not for every record.
     */
    public synchronized void advanceTo(Instant now) {
        seen(now);
        Iterator<HeldClient> held = clients.values().iterator();
        while (held.hasNext()) {
            HeldClient client = held.next();
            ClientState settled = rules.settle(client.state, watermark);
            if (settled.isEmpty()) {
                // Settling never changes the open group, and an empty state has none: the tab holds no entry of it.
                held.remove();
            } else {
                client.state = settled;
            }
        }
    }

    /** How many clients the tracker holds state for: those with an open group or recent records. */
    public synchronized int clientsHeld() {
        return clients.size();
    }

    /** Records that start before this instant are rejected as late. */
    public synchronized Instant watermark() {
        return watermark;
    }

    /**
     * The unprocessed tab as the records so far make it, longest waiting first; costs time in
     * proportion to the rows.
     *
     * @param asOf the instant {@link UnprocessedRow#waiting()} is measured to
     */
    public synchronized List<UnprocessedRow> unprocessed(Instant asOf) {
        List<UnprocessedRow> rows = new ArrayList<>(openGroups.size());
        for (HeldClient held : openGroups.values()) {
            OpenGroup group = Objects.requireNonNull(held.open);
            rows.add(rules.row(group.key().client(), group.calls(), group.attempts(), group.owner(), asOf));
        }
        return rows;
    }

    /** Missed calls without a client number since tracking started (R4). */
    public synchronized long anonymousMissed() {
        return anonymousMissed;
    }

    /** A client's state, to be saved elsewhere. */
    public synchronized Optional<ClientState> state(String client) {
        HeldClient held = clients.get(client);
        return held == null ? Optional.empty() : Optional.of(held.state);
    }

    /** Gives back a state saved earlier; it replaces what the tracker had for that client. */
    public synchronized void restore(ClientState state) {
        Objects.requireNonNull(state, "state");
        replace(state.client(), clients.get(state.client()), state);
    }

    private void seen(Instant instant) {
        Instant candidate = instant.minus(allowedLateness);
        if (candidate.isAfter(watermark)) {
            watermark = candidate;
        }
        while (!dues.isEmpty() && !dues.peek().due().isAfter(watermark)) {
            Due due = dues.poll();
            HeldClient held = openGroups.get(due.key());
            OpenGroup open = held == null ? null : held.open;
            if (open != null) {
                listener.event(new TrackerEvent(
                        TrackerEvent.Type.OVERDUE,
                        rules.row(open.key().client(), open.calls(), open.attempts(), open.owner(), watermark)));
            }
        }
    }

    private void update(String client, @Nullable HeldClient held, ClientTracker.Outcome outcome) {
        ClientState state = outcome.state();
        TrackerReplay.View view = outcome.view();
        if (view != null) {
            update(client, held, state, view.openCalls(), view.openAttempts(), view.openOwner());
        } else if (held != null && !state.isEmpty()) {
            // Settled or unchanged: the open group is still the one held.
            held.state = state;
        } else {
            replace(client, held, state);
        }
    }

    /** Holds a state whose open group the tracker has not seen, replaying it for that group. */
    private void replace(String client, @Nullable HeldClient held, ClientState state) {
        UnprocessedRow open = state.isEmpty() ? null : rules.openRow(state, watermark);
        update(
                client,
                held,
                state,
                open == null ? List.of() : open.calls(),
                open == null ? List.of() : open.callbackAttempts(),
                open == null ? null : open.owner());
    }

    private void update(
            String client,
            @Nullable HeldClient held,
            ClientState state,
            List<MissedCall> openCalls,
            List<CallbackAttempt> openAttempts,
            @Nullable String openOwner) {
        if (state.isEmpty()) {
            forget(client, held);
            return;
        }
        HeldClient current = held;
        if (current == null) {
            current = new HeldClient(state);
            clients.put(client, current);
        } else {
            current.state = state;
        }
        OpenGroup previous = current.open;
        if (openCalls.isEmpty()) {
            if (previous != null) {
                openGroups.remove(previous.key());
                current.open = null;
            }
            return;
        }
        Instant firstMissedAt = openCalls.get(0).startedAt();
        if (previous != null && previous.key().firstMissedAt().equals(firstMissedAt)) {
            current.open = new OpenGroup(previous.key(), openCalls, openAttempts, openOwner);
            return;
        }
        if (previous != null) {
            openGroups.remove(previous.key());
        }
        OpenKey key = new OpenKey(firstMissedAt, client);
        current.open = new OpenGroup(key, openCalls, openAttempts, openOwner);
        openGroups.put(key, current);
        Instant due = rules.dueOf(openCalls);
        if (due != null) {
            dues.add(new Due(due, key));
        }
    }

    private void forget(String client, @Nullable HeldClient held) {
        if (held == null) {
            return;
        }
        clients.remove(client);
        OpenGroup open = held.open;
        if (open != null) {
            openGroups.remove(open.key());
        }
    }

    /** Collects a tracker's settings. */
    public static final class Builder {
        private final ProjectSettings settings;
        private Duration allowedLateness = DEFAULT_ALLOWED_LATENESS;
        private Instant trackFrom = Instant.MIN;
        private TrackerListener listener = event -> {};

        private Builder(ProjectSettings settings) {
            this.settings = Objects.requireNonNull(settings, "settings");
        }

        /** How far behind the latest record a record may start and still be taken; default {@link #DEFAULT_ALLOWED_LATENESS}. */
        public Builder allowedLateness(Duration value) {
            Objects.requireNonNull(value, "allowedLateness");
            if (value.isNegative()) {
                throw new IllegalArgumentException("allowedLateness must not be negative: " + value);
            }
            this.allowedLateness = value;
            return this;
        }

        /** Missed calls that started before this instant do not count; default: all count. */
        public Builder trackFrom(Instant value) {
            this.trackFrom = Objects.requireNonNull(value, "trackFrom");
            return this;
        }

        /** Who hears the events; default nobody. */
        public Builder listener(TrackerListener value) {
            this.listener = Objects.requireNonNull(value, "listener");
            return this;
        }

        public MissedCallTracker build() {
            return new MissedCallTracker(this);
        }

        @Override
        public String toString() {
            return "MissedCallTracker.Builder[lateness=" + allowedLateness + ", from=" + trackFrom + "]";
        }
    }

    @Override
    public synchronized String toString() {
        return "MissedCallTracker[watermark=" + watermark + ", clients=" + clients.size() + ", open="
                + openGroups.size() + "]";
    }
}
