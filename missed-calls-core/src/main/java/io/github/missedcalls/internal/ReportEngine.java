package io.github.missedcalls.internal;

import io.github.missedcalls.Assignment;
import io.github.missedcalls.CallRecord;
import io.github.missedcalls.Handle;
import io.github.missedcalls.ProcessedRow;
import io.github.missedcalls.ProjectSettings;
import io.github.missedcalls.RejectedInputException;
import io.github.missedcalls.Rejection;
import io.github.missedcalls.Report;
import io.github.missedcalls.ReportCheckpoint;
import io.github.missedcalls.ReportListener;
import io.github.missedcalls.ReportSummary;
import io.github.missedcalls.StorageException;
import io.github.missedcalls.UnprocessedRow;
import io.github.missedcalls.spi.CallSource;
import io.github.missedcalls.spi.HandleStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Makes one report (R4 to R8, R11, R12).
 *
 * <ol>
 *   <li>Every delivered record is validated (R2): its client number is normalized (R3), a
 *       record that fails is rejected with its reason. Unless the source promises unique ids,
 *       records sharing an id count once when equal and are all rejected when not.
 *   <li>Records that started after as-of, or before the window, are then ignored: nothing before
 *       the window can resolve or count for a group, since a group's calls are inside it.
 *   <li>The rest are taken in start order; at one instant missed calls first, then failed
 *       callback attempts, then successful contacts, then handles, ids compared as text (R5).
 *       Each client's {@link ClientLedger} holds its open group and turns contacts and handles
 *       into processed rows.
 *   <li>What is still open at the end is the unprocessed tab.
 * </ol>
 *
 * <p>Cost: with a source that delivers in start order and promises unique ids, time is
 * O(n) in the calls and memory is O(clients with an open group + rows of the processed tab);
 * the calls are never held. Otherwise the calls of the range are held (O(n) memory) and, when
 * unordered, sorted (O(n log n) time). Handles are few and always held.
 *
 * <p>Not thread-safe; one instance makes one report.
 */
public final class ReportEngine {

    /** What {@link #clientOf} gives for a rejected call; compared by identity. */
    @SuppressWarnings("StringOperationCanBeSimplified")
    private static final String REJECTED = new String("rejected");

    private static final Comparator<Waiting> SAME_INSTANT_ORDER =
            (a, b) -> RecordOrder.atOneInstant(a.kind, a.call.id(), b.kind, b.call.id());

    private final String project;
    private final ProjectSettings settings;
    private final Intake intake;
    private final DuplicatePolicy duplicates;
    private final LedgerSteps steps;
    private final Instant from;
    private final Instant to;
    private final Instant asOf;
    private final boolean strict;
    private final WorkflowRules workflow;
    /** Each client's last successful call with an employee, kept only when R16's chain asks. */
    private final @Nullable ReachedTable lastReached;
    /** With groups per line (R17), the lines missed calls came on, {@code ""} for none; else {@code null}. */
    private final @Nullable Set<String> linesSeen;

    private final LedgerTable ledgers = new LedgerTable();
    /** The ledger a call or handle is applied to, so that a resolution knows whose it is. */
    private @Nullable ClientLedger applyingTo;

    private final List<ClientLedger> settledAtCurrentInstant = new ArrayList<>();
    private final Consumer<GroupDraft> settle = this::settle;
    // Rows leave only when time moves on: a callback at the very instant of a resolution still counts for it (R7).
    private final List<GroupDraft> resolvedNotYetEmitted = new ArrayList<>();
    /**
     * The calls that started at the current instant, which R5 orders by kind and id, in holders
     * reused from one instant to the next, so that streaming a month allocates nothing per call
     * for the wait.
     */
    private @Nullable Waiting[] sameInstant = new Waiting[8];

    private int sameInstantCount;
    private List<Handle> handles = List.of();
    /** The assignments of the range (R16), in instant order; few, and always held. */
    private List<Assignment> assignments = List.of();

    private int nextAssignment;
    private int nextHandle;
    private @Nullable Instant currentInstant;
    private long anonymousMissed;
    private long callsInWindow;
    private @Nullable Instant latestBeforeWindow;
    private long rejectionCount;
    private long processedCount;
    private ReportListener listener = new ReportListener() {};

    // A checkpoint (ReportCheckpoint): the state taken at checkpointAt, or the state a run resumes from.
    private @Nullable Instant checkpointAt;
    private @Nullable ReportCheckpoint resumed;
    private @Nullable ReportCheckpoint taken;
    private boolean checkpointPending;
    /** Rows resolved before the checkpoint's watermark, since the run began or resumed. */
    private final List<ProcessedRow> processedBeforeCheckpoint = new ArrayList<>();
    /** The rows of the checkpoint the run resumed from, in the processed tab's order. */
    private List<ProcessedRow> restoredProcessed = List.of();
    /** Whether the listener is {@link #run(CallSource, HandleStore)}'s own, which takes a checkpoint's rows at once. */
    private boolean collectsRows;

    private final List<Rejection> rejectionsBeforeCheckpoint = new ArrayList<>();
    private long sourceRowsBeforeCheckpoint;
    private long handlesBeforeCheckpoint;
    /** Rows the source rejected since the last call it delivered: where they started is not known. */
    private long sourceRejectionsSinceCall;

    /**
     * A valid record with its normalized client and its kind (R5). The start is copied into
     * primitives so that sorting a month compares numbers instead of chasing two references.
     */
    private record Classified(
            CallRecord record, @Nullable String client, CallKind kind, long startSecond, int startNano) {
        Classified(CallRecord record, @Nullable String client, CallKind kind) {
            this(
                    record,
                    client,
                    kind,
                    record.startedAt().getEpochSecond(),
                    record.startedAt().getNano());
        }
    }

    /** A call waiting for the other calls of its instant. */
    private static final class Waiting {
        CallRecord call;

        @Nullable
        String client;

        CallKind kind;

        /** The client's {@link LedgerTable#pack packed} number, 0 without a client or when it does not pack. */
        long packed;

        Waiting(CallRecord call, @Nullable String client, CallKind kind, long packed) {
            this.call = call;
            this.client = client;
            this.kind = kind;
            this.packed = packed;
        }
    }

    private static final Comparator<Classified> START_ORDER = (a, b) -> a.startSecond != b.startSecond
            ? Long.compare(a.startSecond, b.startSecond)
            : Integer.compare(a.startNano, b.startNano);

    /**
     * @param project the project
     * @param settings its settings
     * @param from the window's start, inclusive
     * @param to the window's end, exclusive
     * @param asOf nothing later is used
     * @param strict whether the first rejection ends the report with {@link RejectedInputException}
     */
    public ReportEngine(
            String project, ProjectSettings settings, Instant from, Instant to, Instant asOf, boolean strict) {
        this(project, settings, from, to, asOf, strict, DuplicatePolicy.REJECT_EVERY_COPY);
    }

    /**
     * A report that treats conflicting copies as {@code duplicates} says; the tracker-equals-batch
     * property runs the tracker's policy through here.
     */
    public ReportEngine(
            String project,
            ProjectSettings settings,
            Instant from,
            Instant to,
            Instant asOf,
            boolean strict,
            DuplicatePolicy duplicates) {
        this.project = Objects.requireNonNull(project, "project");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.intake = Intake.forOneReport(settings);
        this.duplicates = Objects.requireNonNull(duplicates, "duplicates");
        this.steps = new LedgerSteps(new ReasonClassifier(settings), from, to);
        this.from = Objects.requireNonNull(from, "from");
        this.to = Objects.requireNonNull(to, "to");
        this.asOf = Objects.requireNonNull(asOf, "asOf");
        this.strict = strict;
        this.workflow = new WorkflowRules(settings);
        this.linesSeen = settings.workflow().groupsPerLine() ? new LinkedHashSet<>() : null;
        // A call of a window no longer than the look-back is within it for every group of the window.
        Duration lookBack = settings.workflow().ownerLookBack();
        this.lastReached = workflow.tracksLastReached()
                ? new ReachedTable(Duration.between(from, to).compareTo(lookBack) <= 0 ? null : lookBack)
                : null;
    }

    /**
     * Takes a {@link ReportCheckpoint} at {@code watermark} while the calls stream by: the
     * state once every call and handle before it was applied. Only a source that delivers in
     * start order with unique ids gives one; see {@link #checkpoint()}.
     *
     * @throws IllegalArgumentException if the watermark is outside [from, min(to, asOf)]
     */
    public ReportEngine checkpointAt(Instant watermark) {
        if (watermark.isBefore(from) || watermark.isAfter(to) || watermark.isAfter(asOf)) {
            throw new IllegalArgumentException("a watermark is inside the window and not after as-of: " + watermark);
        }
        this.checkpointAt = watermark;
        return this;
    }

    /**
     * Starts from a checkpoint of the same project, settings, window start and strictness,
     * reading only the calls and handles from its watermark on. The caller has checked that it
     * fits and that nothing arrived before its watermark since (MissedCalls.refresh does).
     *
     * @throws IllegalArgumentException if the checkpoint is of another report, or its watermark
     *     is after this report's end or as-of, or after the watermark asked for
     */
    public ReportEngine resumeFrom(ReportCheckpoint checkpoint) {
        if (!checkpoint.project().equals(project)
                || !checkpoint.settings().equals(settings)
                || !checkpoint.from().equals(from)
                || checkpoint.strict() != strict) {
            throw new IllegalArgumentException("the checkpoint is of another report");
        }
        Instant watermark = checkpoint.watermark();
        Instant next = checkpointAt;
        if (watermark.isAfter(to) || watermark.isAfter(asOf) || (next != null && watermark.isAfter(next))) {
            throw new IllegalArgumentException("the checkpoint's watermark " + watermark + " is after this report's"
                    + " end, as-of or next watermark");
        }
        this.resumed = checkpoint;
        return this;
    }

    /**
     * The checkpoint taken during {@link #run}, if one was asked for and could be taken: not
     * when the source holds and sorts its calls, nor when it rejected a row right where the
     * watermark falls (where such a row started is not known).
     */
    public Optional<ReportCheckpoint> checkpoint() {
        return Optional.ofNullable(taken);
    }

    public String project() {
        return project;
    }

    public ProjectSettings settings() {
        return settings;
    }

    public Instant from() {
        return from;
    }

    public Instant to() {
        return to;
    }

    public Instant asOf() {
        return asOf;
    }

    public boolean strict() {
        return strict;
    }

    /** Reads the handles and calls of the project and returns both tabs in their display order. */
    public Report run(CallSource source, HandleStore store) {
        List<Rejection> rejections = new ArrayList<>();
        List<ProcessedRow> processed = new ArrayList<>();
        List<UnprocessedRow> unprocessed = new ArrayList<>();
        // The checkpoint's rows are added to the tab as they are, in its order, not one by one.
        collectsRows = true;
        ReportSummary summary = run(source, store, new ReportListener() {
            @Override
            public void rejected(Rejection rejection) {
                rejections.add(rejection);
            }

            @Override
            public void processed(ProcessedRow row) {
                processed.add(row);
            }

            @Override
            public void unprocessed(UnprocessedRow row) {
                unprocessed.add(row);
            }
        });
        // A checkpoint's rows are in the tab's order already; every row resolved since was resolved
        // after them, so it comes before them in the tab.
        List<ProcessedRow> tab = inTabOrder(processed, restoredProcessed.size());
        tab.addAll(restoredProcessed);
        return new Report(
                project,
                settings.zone(),
                from,
                to,
                asOf,
                unprocessed,
                tab,
                rejections,
                summary.anonymousMissed(),
                summary.callsInWindow(),
                summary.latestCallBeforeWindow());
    }

    /**
     * Reads the handles and calls of the project and streams the report to {@code sink}: memory
     * holds the open groups only, where the source allows (see the class comment).
     */
    public ReportSummary run(CallSource source, HandleStore store, ReportListener sink) {
        this.listener = Objects.requireNonNull(sink, "sink");
        boolean streams = source.deliversInStartOrder() && source.idsAreUnique();
        ReportCheckpoint start = resumed;
        if (start != null && !streams) {
            throw new IllegalStateException("a report resumes from a checkpoint only over a source that streams");
        }
        checkpointPending = checkpointAt != null && streams;
        Instant readFrom = from;
        if (start != null) {
            restore(start);
            readFrom = start.watermark();
        }
        useHandles(store.handles(project, readFrom, asOf));
        useAssignments(store.assignments(project, readFrom, asOf));
        try (Stream<CallRecord> calls = source.calls(project, readFrom, asOf, this::rejectedBySource)) {
            if (streams) {
                calls.forEachOrdered(this::acceptInOrder);
            } else {
                List<Classified> held = new ArrayList<>();
                calls.forEach(call -> {
                    Classified valid = validate(call);
                    if (valid != null) {
                        held.add(valid);
                    }
                });
                List<Classified> unique = source.idsAreUnique() ? held : withoutDuplicateIds(held);
                if (!source.deliversInStartOrder()) {
                    unique.sort(START_ORDER);
                }
                for (Classified call : unique) {
                    feed(call.record, call.client, call.kind);
                }
            }
        }
        ReportSummary summary = finish();
        if (summary.callsInWindow() == 0 && summary.latestCallBeforeWindow() == null) {
            Optional<Instant> earlier = source.latestStartBefore(project, from);
            if (earlier.isPresent()) {
                return withLatestBeforeWindow(summary, earlier.get());
            }
        }
        return summary;
    }

    /**
     * Rows given in order of resolution, in the processed tab's order: reversed, the sort finds
     * them nearly in order (only rows resolved at one instant are put in order of client).
     */
    private static List<ProcessedRow> inTabOrder(List<ProcessedRow> resolved, int room) {
        List<ProcessedRow> tab = new ArrayList<>(resolved.size() + room);
        tab.addAll(resolved);
        Collections.reverse(tab);
        tab.sort(Report.PROCESSED_ORDER);
        return tab;
    }

    /** A row with its first missed call's start copied out, so that sorting compares numbers, not rows. */
    private record TabKey(long second, int nano, UnprocessedRow row) {}

    /** Sorts rows by {@link Report#UNPROCESSED_ORDER}, reading each row's first call once instead of at every comparison. */
    private static void sortForTab(List<UnprocessedRow> rows) {
        if (rows.size() < 2) {
            return;
        }
        TabKey[] keys = new TabKey[rows.size()];
        for (int i = 0; i < keys.length; i++) {
            UnprocessedRow row = rows.get(i);
            Instant first = row.firstMissedAt();
            keys[i] = new TabKey(first.getEpochSecond(), first.getNano(), row);
        }
        Arrays.sort(
                keys,
                (a, b) -> a.second != b.second
                        ? Long.compare(a.second, b.second)
                        : a.nano != b.nano ? Integer.compare(a.nano, b.nano) : compareClientThenLine(a.row, b.row));
        for (int i = 0; i < keys.length; i++) {
            rows.set(i, keys[i].row);
        }
    }

    /** Ties of the tab's order: by client, and a client's groups per line (R17) by the first call's line. */
    private static int compareClientThenLine(UnprocessedRow a, UnprocessedRow b) {
        int byClient = a.client().compareTo(b.client());
        return byClient != 0 ? byClient : Report.LINE_ORDER.compare(a, b);
    }

    /** Gives the listener what the checkpoint holds and continues from its state. */
    private void restore(ReportCheckpoint start) {
        for (Rejection rejection : start.rejections()) {
            rejectionCount++;
            listener.rejected(rejection);
        }
        // Kept in the tab's order; the listener has them in order of resolution.
        List<ProcessedRow> tab = start.processed();
        processedCount += tab.size();
        if (!collectsRows) {
            for (int i = tab.size() - 1; i >= 0; i--) {
                listener.processed(tab.get(i));
            }
        }
        restoredProcessed = tab;
        if (checkpointPending) {
            rejectionsBeforeCheckpoint.addAll(start.rejections());
        }
        for (UnprocessedRow open : start.open()) {
            // A refresh reads the whole window with groups per line, so one client has one ledger.
            ledgers.getOrCreate(open.client()).restoreOpen(open.calls(), open.callbackAttempts());
        }
        anonymousMissed = start.anonymousMissed();
        callsInWindow = start.callsInWindow();
        latestBeforeWindow = start.latestCallBeforeWindow();
        sourceRowsBeforeCheckpoint = start.sourceRows();
        handlesBeforeCheckpoint = start.storedHandles();
    }

    /** The state once every call and handle before the watermark was applied. */
    private void takeCheckpoint(Instant watermark) {
        if (sourceRejectionsSinceCall > 0) {
            checkpointPending = false;
            return;
        }
        processSameInstant();
        processHandlesBefore(watermark);
        emitResolved();
        checkpointPending = false;
        List<UnprocessedRow> open = new ArrayList<>();
        for (ClientLedger ledger : ledgers.values()) {
            GroupDraft group = ledger.open();
            if (group != null) {
                open.add(group.toUnprocessed(watermark, workflow));
            }
        }
        List<ProcessedRow> tab = inTabOrder(processedBeforeCheckpoint, restoredProcessed.size());
        tab.addAll(restoredProcessed);
        taken = new ReportCheckpoint(
                project,
                settings,
                from,
                strict,
                watermark,
                open,
                tab,
                rejectionsBeforeCheckpoint,
                anonymousMissed,
                callsInWindow,
                latestBeforeWindow,
                sourceRowsBeforeCheckpoint,
                handlesBeforeCheckpoint);
        processedBeforeCheckpoint.clear();
        rejectionsBeforeCheckpoint.clear();
    }

    private void rejectedBySource(Rejection rejection) {
        if (checkpointPending) {
            sourceRowsBeforeCheckpoint++;
            sourceRejectionsSinceCall++;
        }
        reject(rejection);
    }

    private static ReportSummary withLatestBeforeWindow(ReportSummary summary, Instant latest) {
        return new ReportSummary(
                summary.project(),
                summary.zone(),
                summary.from(),
                summary.to(),
                summary.asOf(),
                summary.unprocessedRows(),
                summary.processedRows(),
                summary.rejections(),
                summary.anonymousMissed(),
                summary.callsInWindow(),
                latest);
    }

    private void acceptInOrder(CallRecord call) {
        if (checkpointPending) {
            Instant watermark = Objects.requireNonNull(checkpointAt);
            if (call.startedAt().isBefore(watermark)) {
                sourceRejectionsSinceCall = 0;
                if (!call.startedAt().isBefore(from)) {
                    sourceRowsBeforeCheckpoint++;
                }
            } else {
                takeCheckpoint(watermark);
            }
        }
        String client = clientOf(call);
        if (client != REJECTED) {
            feed(call, client, CallKind.of(call, settings.minConversation()));
        }
    }

    /**
     * Validates the stored handles (R2, R11). Handles with one key (client, instant, actor) after
     * normalization count once when equal; copies that differ are treated as the duplicate policy
     * says: by default every copy is rejected, as conflicting call ids are, so the result never
     * depends on the order the store lists them in.
     */
    private void useHandles(List<Handle> stored) {
        Map<HandleKey, Handle> byKey = new LinkedHashMap<>();
        Map<HandleKey, Integer> copies = new HashMap<>();
        Set<HandleKey> conflicting = new LinkedHashSet<>();
        Instant watermark = checkpointPending ? checkpointAt : null;
        for (Handle handle : stored) {
            boolean beforeWatermark = watermark != null && handle.handledAt().isBefore(watermark);
            if (beforeWatermark) {
                handlesBeforeCheckpoint++;
            }
            String client;
            try {
                client = intake.clientOf(handle);
            } catch (IllegalArgumentException e) {
                reject(Rejection.ofHandle(null, String.valueOf(e.getMessage())), beforeWatermark);
                continue;
            }
            if (handle.handledAt().isAfter(asOf)) {
                continue;
            }
            Handle normalized = handle.withClient(client);
            HandleKey key = new HandleKey(client, handle.handledAt(), handle.actor());
            copies.merge(key, 1, Integer::sum);
            Handle first = byKey.putIfAbsent(key, normalized);
            if (first != null && !first.equals(normalized)) {
                if (duplicates == DuplicatePolicy.FIRST_COPY_WINS) {
                    reject(Rejection.ofHandle(null, Intake.conflictingHandle(handle)), beforeWatermark);
                } else {
                    conflicting.add(key);
                }
            }
        }
        for (HandleKey key : conflicting) {
            Handle first = Objects.requireNonNull(byKey.remove(key));
            boolean beforeWatermark = watermark != null && key.handledAt().isBefore(watermark);
            for (int i = copies.getOrDefault(key, 0); i > 0; i--) {
                reject(Rejection.ofHandle(null, Intake.conflictingHandle(first)), beforeWatermark);
            }
        }
        List<Handle> sorted = new ArrayList<>(byKey.values());
        sorted.sort(RecordOrder.HANDLES);
        handles = sorted;
    }

    private record HandleKey(String client, Instant handledAt, String actor) {}

    /**
     * Keeps the assignments of the range with their clients normalized; one whose number cannot
     * be, and every copy of one whose key another copy holds with other values, is rejected.
     */
    private void useAssignments(List<Assignment> stored) {
        Map<HandleKey, Assignment> byKey = new LinkedHashMap<>();
        Map<HandleKey, Integer> copies = new HashMap<>();
        Set<HandleKey> conflicting = new LinkedHashSet<>();
        for (Assignment assignment : stored) {
            String client;
            try {
                client = intake.clientHandled(assignment.client());
            } catch (IllegalArgumentException e) {
                reject(Rejection.ofHandle(null, "assignment: " + e.getMessage()));
                continue;
            }
            if (assignment.assignedAt().isAfter(asOf)) {
                continue;
            }
            Assignment normalized = assignment.withClient(client);
            HandleKey key = new HandleKey(client, assignment.assignedAt(), assignment.actor());
            copies.merge(key, 1, Integer::sum);
            Assignment first = byKey.putIfAbsent(key, normalized);
            if (first != null && !first.equals(normalized)) {
                conflicting.add(key);
            }
        }
        for (HandleKey key : conflicting) {
            Assignment first = Objects.requireNonNull(byKey.remove(key));
            for (int i = copies.getOrDefault(key, 0); i > 0; i--) {
                reject(Rejection.ofHandle(null, Intake.conflictingAssignment(first)));
            }
        }
        List<Assignment> sorted = new ArrayList<>(byKey.values());
        sorted.sort(RecordOrder.ASSIGNMENTS);
        assignments = sorted;
    }

    private void reject(Rejection rejection) {
        reject(rejection, checkpointPending);
    }

    private void reject(Rejection rejection, boolean beforeCheckpoint) {
        if (strict) {
            throw new RejectedInputException(rejection);
        }
        rejectionCount++;
        if (beforeCheckpoint) {
            rejectionsBeforeCheckpoint.add(rejection);
        }
        listener.rejected(rejection);
    }

    private @Nullable Classified validate(CallRecord call) {
        String client = clientOf(call);
        return client == REJECTED ? null : new Classified(call, client, CallKind.of(call, settings.minConversation()));
    }

    /**
     * The call's client number normalized (R3); {@code null} for an internal call or a withheld
     * number; {@link #REJECTED}, compared by identity, once a number that cannot be normalized has
     * been rejected (R2).
     */
    private @Nullable String clientOf(CallRecord call) {
        try {
            return intake.clientOf(call);
        } catch (IllegalArgumentException e) {
            reject(Rejection.ofCall(call.id(), null, String.valueOf(e.getMessage())));
            return REJECTED;
        }
    }

    /** A record as R2 compares it (see {@link Intake#asCompared}). */
    private static CallRecord comparable(Classified call) {
        return Intake.asCompared(call.record, call.client);
    }

    /**
     * R2: records sharing an id count once when equal after normalization; copies that differ are
     * treated as the duplicate policy says (by default, all are rejected).
     */
    private List<Classified> withoutDuplicateIds(List<Classified> calls) {
        Map<String, Classified> firstById = new HashMap<>();
        Map<String, Integer> copies = new HashMap<>();
        Set<String> conflicting = new LinkedHashSet<>();
        List<Classified> unique = new ArrayList<>(calls.size());
        for (Classified call : calls) {
            String id = call.record.id();
            copies.merge(id, 1, Integer::sum);
            Classified first = firstById.putIfAbsent(id, call);
            if (first == null) {
                unique.add(call);
            } else if (!comparable(first).equals(comparable(call))) {
                if (duplicates == DuplicatePolicy.FIRST_COPY_WINS) {
                    reject(Rejection.ofCall(id, null, Intake.CONFLICTING_ID));
                } else {
                    conflicting.add(id);
                }
            }
        }
        if (conflicting.isEmpty()) {
            return unique;
        }
        // Every copy is rejected, the ones equal to the first included, so the count never depends on the order.
        for (String id : conflicting) {
            for (int i = copies.getOrDefault(id, 0); i > 0; i--) {
                reject(Rejection.ofCall(id, null, Intake.CONFLICTING_ID));
            }
        }
        unique.removeIf(call -> conflicting.contains(call.record.id()));
        return unique;
    }

    private void feed(CallRecord call, @Nullable String client, CallKind kind) {
        Instant start = call.startedAt();
        if (start.isBefore(from)) {
            Instant latest = latestBeforeWindow;
            if (latest == null || start.isAfter(latest)) {
                latestBeforeWindow = start;
            }
            return;
        }
        if (start.isAfter(asOf)) {
            return;
        }
        if (start.isBefore(to)) {
            callsInWindow++;
        }
        if (kind == CallKind.IGNORED) {
            return;
        }
        Instant current = currentInstant;
        if (current == null || !start.equals(current)) {
            if (current != null && start.isBefore(current)) {
                throw new StorageException("the call source says it delivers in start order, but call " + call.id()
                        + " (" + start + ") came after a call that started at " + current);
            }
            processSameInstant();
            currentInstant = start;
        }
        if (sameInstantCount == sameInstant.length) {
            sameInstant = Arrays.copyOf(sameInstant, sameInstantCount * 2);
        }
        long packed = client == null ? 0 : LedgerTable.pack(client);
        Waiting holder = sameInstant[sameInstantCount];
        if (holder == null) {
            sameInstant[sameInstantCount] = new Waiting(call, client, kind, packed);
        } else {
            holder.call = call;
            holder.client = client;
            holder.kind = kind;
            holder.packed = packed;
        }
        sameInstantCount++;
    }

    private void processSameInstant() {
        Instant current = currentInstant;
        if (current == null) {
            return;
        }
        if (!resolvedNotYetEmitted.isEmpty()) {
            emitResolved();
        }
        processHandlesBefore(current);
        if (!settledAtCurrentInstant.isEmpty()) {
            forgetSettledClients();
        }
        if (sameInstantCount > 1) {
            Arrays.sort(sameInstant, 0, sameInstantCount, SAME_INSTANT_ORDER);
        }
        for (int i = 0; i < sameInstantCount; i++) {
            Waiting waiting = Objects.requireNonNull(sameInstant[i]);
            process(waiting.call, waiting.client, waiting.kind, waiting.packed);
        }
        sameInstantCount = 0;
    }

    private void process(CallRecord call, @Nullable String client, CallKind kind, long packed) {
        if (kind == CallKind.MISSED) {
            if (steps.inWindow(call.startedAt())) {
                if (client == null) {
                    anonymousMissed++;
                } else {
                    ClientLedger ledger = linesSeen == null
                            ? ledgers.getOrCreate(client, client, packed)
                            : ledgerOfLine(client, call.line());
                    applyingTo = ledger;
                    steps.call(ledger, call, kind, settle);
                    applyingTo = null;
                    GroupDraft open = Objects.requireNonNull(ledger.open());
                    if (open.calls.size() == 1) {
                        workflow.prime(open);
                        if (lastReached != null) {
                            nameLastReached(client, packed, open);
                        }
                    }
                }
            }
            return;
        }
        if (client == null) {
            return;
        }
        String employee = call.employee();
        if (lastReached != null && kind == CallKind.CONTACT && employee != null) {
            lastReached.put(packed, client, employee, call.startedAt());
            if (linesSeen == null) {
                applyCall(ledgers.get(client, packed), call, kind);
                return;
            }
        }
        if (linesSeen != null) {
            if (call.line() != null) {
                applyCall(ledgers.get(lineKey(client, call.line())), call, kind);
            } else {
                for (String line : linesSeen) {
                    applyCall(ledgers.get(lineKey(client, line)), call, kind);
                }
            }
            return;
        }
        applyCall(ledgers.get(client, packed), call, kind);
    }

    private void applyCall(@Nullable ClientLedger ledger, CallRecord call, CallKind kind) {
        if (ledger != null) {
            applyingTo = ledger;
            steps.call(ledger, call, kind, settle);
            applyingTo = null;
        }
    }

    /**
     * With groups per line (R17), a client's ledger for one line: a missed call without a line
     * has a group of its own, which only a call or handle that names no line reaches.
     */
    private ClientLedger ledgerOfLine(String client, @Nullable String line) {
        String known = line == null ? "" : line;
        Objects.requireNonNull(linesSeen).add(known);
        return ledgers.getOrCreate(lineKey(client, known), client);
    }

    private static String lineKey(String client, @Nullable String line) {
        return client + '\u0000' + (line == null ? "" : line);
    }

    /** The client's ledgers: one, or with groups per line one for each line the client called. */
    private List<ClientLedger> ledgersOf(String client) {
        if (linesSeen == null) {
            ClientLedger ledger = ledgers.get(client);
            return ledger == null ? List.of() : List.of(ledger);
        }
        List<ClientLedger> found = new ArrayList<>(2);
        for (String line : linesSeen) {
            ClientLedger ledger = ledgers.get(lineKey(client, line));
            if (ledger != null) {
                found.add(ledger);
            }
        }
        return found;
    }

    /** Assignments before {@code instant} name the owner of their client's open group (R16). */
    private void processAssignmentsBefore(Instant instant) {
        while (nextAssignment < assignments.size()
                && assignments.get(nextAssignment).assignedAt().isBefore(instant)) {
            Assignment assignment = assignments.get(nextAssignment++);
            for (ClientLedger ledger : ledgersOf(assignment.client())) {
                GroupDraft open = ledger.open();
                if (open != null) {
                    open.assigned = assignment.owner();
                }
            }
        }
    }

    /** A group that has just opened learns who last reached its client (R16). */
    private void nameLastReached(String client, long packed, GroupDraft group) {
        Objects.requireNonNull(lastReached).name(packed, client, group);
    }

    private void processHandlesBefore(Instant instant) {
        while (nextHandle < handles.size() && RecordOrder.handleBefore(handles.get(nextHandle), instant)) {
            Handle handle = handles.get(nextHandle);
            if (nextAssignment < assignments.size()) {
                // An assignment before the handle, or at its instant, goes first: the owner it names
                // is the owner of the group the handle resolves.
                processAssignmentsBefore(handle.handledAt().plusNanos(1));
            }
            nextHandle++;
            if (linesSeen == null) {
                ClientLedger ledger = ledgers.get(handle.client());
                if (ledger != null) {
                    applyHandle(ledger, handle);
                }
            } else {
                for (ClientLedger ledger : ledgersOf(handle.client())) {
                    applyHandle(ledger, handle);
                }
            }
        }
        if (nextAssignment < assignments.size()) {
            processAssignmentsBefore(instant);
        }
    }

    private void applyHandle(ClientLedger ledger, Handle handle) {
        applyingTo = ledger;
        steps.handle(ledger, handle, settle);
        applyingTo = null;
    }

    private void settle(GroupDraft group) {
        resolvedNotYetEmitted.add(group);
        // Only a ledger the engine is applying a record to can resolve a group.
        settledAtCurrentInstant.add(Objects.requireNonNull(applyingTo, "no ledger is being applied to"));
    }

    private void emitResolved() {
        for (GroupDraft group : resolvedNotYetEmitted) {
            processedCount++;
            ProcessedRow row = group.toProcessed(workflow);
            if (checkpointPending) {
                processedBeforeCheckpoint.add(row);
            }
            listener.processed(row);
        }
        resolvedNotYetEmitted.clear();
    }

    /** The ledgers held now: those with an open group, and those settled at the current instant. */
    int ledgersHeld() {
        return ledgers.size();
    }

    /**
     * Drops the ledgers that have nothing open once time has moved past their last resolution,
     * so that memory follows the open groups, not every client ever seen.
     */
    private void forgetSettledClients() {
        for (ClientLedger ledger : settledAtCurrentInstant) {
            if (!ledger.hasOpenGroup()) {
                ledgers.remove(ledger);
            }
        }
        settledAtCurrentInstant.clear();
    }

    private ReportSummary finish() {
        if (checkpointPending) {
            takeCheckpoint(Objects.requireNonNull(checkpointAt));
        }
        processSameInstant();
        currentInstant = null;
        processHandlesBefore(asOf.plusNanos(1));
        emitResolved();
        List<UnprocessedRow> unprocessed = new ArrayList<>();
        for (ClientLedger ledger : ledgers.values()) {
            GroupDraft open = ledger.open();
            if (open != null) {
                unprocessed.add(open.toUnprocessed(asOf, workflow));
            }
        }
        sortForTab(unprocessed);
        unprocessed.forEach(listener::unprocessed);
        return new ReportSummary(
                project,
                settings.zone(),
                from,
                to,
                asOf,
                unprocessed.size(),
                processedCount,
                rejectionCount,
                anonymousMissed,
                callsInWindow,
                callsInWindow == 0 ? latestBeforeWindow : null);
    }
}
