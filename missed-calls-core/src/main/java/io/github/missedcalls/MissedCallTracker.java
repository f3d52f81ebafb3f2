package io.github.missedcalls;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Live tracking of one project: records and handles go in one at a time, as a PBX's webhook
 * delivers them, and a {@link TrackerListener} hears the moment a client's group opens, grows,
 * gets an attempt or is resolved. The unprocessed tab is read from the tracker's state at a cost
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

  private record OpenKey(Instant firstMissedAt, String client) {}

  /** An open group as the tab shows it, but for its waiting time, which depends on when it is read. */
  private record OpenGroup(OpenKey key, List<MissedCall> calls, List<CallbackAttempt> attempts) {}

  private static final Comparator<OpenKey> TAB_ORDER =
      Comparator.comparing(OpenKey::firstMissedAt).thenComparing(OpenKey::client);

  private final ClientTracker rules;
  private final Instant trackFrom;
  private final Duration allowedLateness;
  private final TrackerListener listener;
  private final Map<String, ClientState> states = new HashMap<>();
  private final Map<String, OpenGroup> openByClient = new HashMap<>();
  private final NavigableSet<OpenKey> openGroups = new TreeSet<>(TAB_ORDER);
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
      boolean counts = !call.startedAt().isBefore(watermark) && !call.startedAt().isBefore(trackFrom);
      if (counts && rules.isMissed(call)) {
        anonymousMissed++;
      }
      seen(call.startedAt());
      return;
    }
    update(key, rules.accept(states.get(key), key, call, watermark, listener));
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
    update(key, rules.accept(states.get(key), key, handle, watermark, listener));
    seen(handle.handledAt());
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
    Iterator<Map.Entry<String, ClientState>> clients = states.entrySet().iterator();
    while (clients.hasNext()) {
      Map.Entry<String, ClientState> client = clients.next();
      ClientState settled = rules.settle(client.getValue(), watermark);
      if (settled.isEmpty()) {
        clients.remove();
      } else {
        client.setValue(settled);
      }
    }
  }

  /** How many clients the tracker holds state for: those with an open group or recent records. */
  public synchronized int clientsHeld() {
    return states.size();
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
    for (OpenKey key : openGroups) {
      OpenGroup group = Objects.requireNonNull(openByClient.get(key.client()));
      rows.add(new UnprocessedRow(key.client(), group.calls(), group.attempts(),
          Duration.between(key.firstMissedAt(), asOf)));
    }
    return rows;
  }

  /** Missed calls without a client number since tracking started (R4). */
  public synchronized long anonymousMissed() {
    return anonymousMissed;
  }

  /** A client's state, to be saved elsewhere. */
  public synchronized Optional<ClientState> state(String client) {
    return Optional.ofNullable(states.get(client));
  }

  /** Gives back a state saved earlier; it replaces what the tracker had for that client. */
  public synchronized void restore(ClientState state) {
    Objects.requireNonNull(state, "state");
    update(state.client(), state);
  }

  private void seen(Instant instant) {
    Instant candidate = instant.minus(allowedLateness);
    if (candidate.isAfter(watermark)) {
      watermark = candidate;
    }
  }

  private void update(String client, ClientState state) {
    OpenGroup previous = openByClient.remove(client);
    if (previous != null) {
      openGroups.remove(previous.key());
    }
    if (state.isEmpty()) {
      states.remove(client);
      return;
    }
    states.put(client, state);
    UnprocessedRow open = rules.openRow(state, watermark);
    if (open != null) {
      OpenKey key = new OpenKey(open.firstMissedAt(), client);
      openByClient.put(client, new OpenGroup(key, open.calls(), open.callbackAttempts()));
      openGroups.add(key);
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
    return "MissedCallTracker[watermark=" + watermark + ", clients=" + states.size() + ", open=" + openGroups.size() + "]";
  }
}
