package io.github.missedcalls;

import io.github.missedcalls.internal.ReportEngine;
import io.github.missedcalls.spi.CallSource;
import io.github.missedcalls.spi.CheckpointStore;
import io.github.missedcalls.spi.HandleStore;
import io.github.missedcalls.spi.SaveOutcome;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The entry point: makes reports from a {@link CallSource} and a {@link HandleStore}, and
 * records manual handles.
 *
 * <pre>{@code
 * MissedCalls missedCalls = MissedCalls.builder()
 *     .callSource(source)
 *     .handleStore(store)
 *     .settings(ProjectSettings.builder().zone(ZoneId.of("Europe/Kyiv")).countryCode("380").build())
 *     .build();
 * Report report = missedCalls.report(ReportQuery.of("acme"));
 * }</pre>
 *
 * <p>Thread-safe when its source and store are: each report is made on the calling thread.
 */
public final class MissedCalls {

    /**
     * The default {@link Builder#lateness}: a call record is written when the call ends, and a
     * PBX's export may come minutes after that; two hours covers calls of an hour and more.
     */
    public static final Duration DEFAULT_LATENESS = Duration.ofHours(2);

    private static final Logger log = LoggerFactory.getLogger(MissedCalls.class);

    private final CallSource callSource;
    private final HandleStore handleStore;
    private final Clock clock;
    private final Function<String, ProjectSettings> settings;
    private final Duration lateness;

    private MissedCalls(Builder builder, CallSource callSource, HandleStore handleStore) {
        this.callSource = callSource;
        this.handleStore = handleStore;
        this.clock = builder.clock;
        this.settings = builder.settings;
        this.lateness = builder.lateness;
    }

    /** Starts a configuration; the call source and the handle store are required. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Makes the report a query asks for (R8).
     *
     * @throws IllegalArgumentException if the window's start is after its end
     * @throws RejectedInputException in strict mode, at the first rejected record or handle
     * @throws StorageException if the source or the store fails; no partial report is returned
     */
    public Report report(ReportQuery query) {
        long started = System.nanoTime();
        Report report = engineFor(query).run(callSource, handleStore);
        if (log.isDebugEnabled()) {
            log.debug(
                    "report of {} [{}, {}) as of {}: {} unprocessed, {} processed, {} rejected in {} ms",
                    query.project(),
                    report.from(),
                    report.to(),
                    report.asOf(),
                    report.unprocessed().size(),
                    report.processed().size(),
                    report.rejections().size(),
                    (System.nanoTime() - started) / 1_000_000);
        }
        report.emptyWindowHint().ifPresent(log::warn);
        return report;
    }

    /**
     * Makes the report a query asks for and streams it to a listener instead of holding it
     * (see {@link ReportListener} for the order of the calls).
     *
     * @throws IllegalArgumentException if the window's start is after its end
     * @throws RejectedInputException in strict mode, at the first rejected record or handle
     * @throws StorageException if the source or the store fails; the listener may have received
     *     part of the report, which must then be discarded
     */
    public ReportSummary report(ReportQuery query, ReportListener listener) {
        Objects.requireNonNull(listener, "listener");
        ReportSummary summary = engineFor(query).run(callSource, handleStore, listener);
        summary.emptyWindowHint().ifPresent(log::warn);
        return summary;
    }

    /**
     * Makes the report a query asks for, reading only what came from a previous report's
     * checkpoint on where it can, and hands back the checkpoint for the next refresh: a page
     * refreshed all day reads the last {@linkplain Builder#lateness lateness} and what is new,
     * not the month.
     *
     * <ol>
     *   <li>The report is exactly the one {@link #report(ReportQuery)} gives for the query; only
     *       the order of the rejections may differ.
     *   <li>The checkpoint is used when it is of the same project, settings, window start and
     *       strictness, its watermark is not after the new window's end or as-of, the source
     *       delivers in start order with unique ids, and the source and the store count as many
     *       rows and handles before the watermark as the checkpoint's read saw. Otherwise the
     *       whole window is read, and {@link RefreshedReport#reading()} says why.
     *   <li>The next checkpoint's watermark is as-of less the lateness (not before the window's
     *       start, not after its end): a call record or handle stored later than that after its
     *       instant is found by the counts, and the window is read again.
     * </ol>
     *
     * <p>A row changed in place before the watermark (the same count, other values) is not
     * seen until a report without a checkpoint; the library's writers never change a stored
     * call or handle.
     *
     * @param previous the checkpoint of an earlier refresh, or {@code null} for a first read
     * @throws IllegalArgumentException if the window's start is after its end
     * @throws RejectedInputException in strict mode, at the first rejected record or handle
     * @throws StorageException if the source or the store fails; no partial report is returned
     */
    public RefreshedReport refresh(ReportQuery query, @Nullable ReportCheckpoint previous) {
        ReportEngine engine = engineFor(query);
        Instant from = engine.from();
        Instant to = engine.to();
        Instant asOf = engine.asOf();
        boolean streams = callSource.deliversInStartOrder() && callSource.idsAreUnique();
        Instant watermark = asOf.minus(lateness);
        if (watermark.isAfter(to)) {
            watermark = to;
        }
        if (watermark.isBefore(from)) {
            watermark = from;
        }
        String fullRead = previous == null ? "no checkpoint" : unusable(previous, engine, streams);
        Instant resumedAt = null;
        if (fullRead == null) {
            resumedAt = Objects.requireNonNull(previous).watermark();
            if (watermark.isBefore(resumedAt)) {
                watermark = resumedAt;
            }
            engine.checkpointAt(watermark).resumeFrom(previous);
        } else if (streams && !watermark.isAfter(asOf)) {
            // A window that starts after as-of has no state to keep.
            engine.checkpointAt(watermark);
        }
        Report report = engine.run(callSource, handleStore);
        report.emptyWindowHint().ifPresent(log::warn);
        ReportCheckpoint next = engine.checkpoint().orElse(null);
        String reading =
                resumedAt != null ? "read from the checkpoint at " + resumedAt : "read the whole window: " + fullRead;
        log.debug("refresh of {} as of {}: {}", query.project(), asOf, reading);
        return new RefreshedReport(report, next, resumedAt != null, reading);
    }

    /**
     * {@link #refresh(ReportQuery, ReportCheckpoint)} from the checkpoint a store keeps under
     * {@code key}, saving the next one there: a page served by several processes, or restarted,
     * still reads only what is new. A checkpoint the store cannot read, or made with other
     * settings, is passed over: the whole window is read and a new one saved.
     *
     * @throws StorageException if the source, the handle store or the checkpoint store fails
     */
    public RefreshedReport refresh(ReportQuery query, CheckpointStore store, String key) {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(key, "key");
        ReportCheckpoint previous;
        try {
            previous =
                    store.load(query.project(), key, settings(query.project())).orElse(null);
        } catch (IllegalArgumentException e) {
            log.warn(
                    "the checkpoint of {} under {} cannot be read, so the whole window is read: {}",
                    query.project(),
                    key,
                    e.getMessage());
            previous = null;
        }
        RefreshedReport refreshed = refresh(query, previous);
        ReportCheckpoint next = refreshed.checkpoint();
        if (next != null) {
            store.save(query.project(), key, next);
        }
        return refreshed;
    }

    /** Why a checkpoint cannot be used for this report; {@code null} when it can. */
    private @Nullable String unusable(ReportCheckpoint previous, ReportEngine engine, boolean streams) {
        String project = previous.project();
        if (!project.equals(engine.project())) {
            return "the checkpoint is of project " + project;
        }
        if (!previous.settings().equals(engine.settings())) {
            return "the project's settings changed";
        }
        if (!previous.from().equals(engine.from())) {
            return "the window's start moved from " + previous.from() + " to " + engine.from();
        }
        if (previous.strict() != engine.strict()) {
            return "strictness changed";
        }
        if (engine.settings().workflow().groupsPerLine()) {
            return "groups per line are read from the whole window";
        }
        if (engine.settings().workflow().ownerChain().contains(OwnerRule.LAST_REACHED)) {
            // The last successful call of a client without an open group is not in a checkpoint.
            return "owners by the employee who last reached the client need the whole window";
        }
        Instant watermark = previous.watermark();
        if (watermark.isAfter(engine.to()) || watermark.isAfter(engine.asOf())) {
            return "the window ends before the checkpoint's watermark " + watermark;
        }
        if (!streams) {
            return "the call source does not deliver in start order with unique ids";
        }
        OptionalLong rows = callSource.countCalls(project, previous.from(), watermark);
        if (rows.isEmpty()) {
            return "the call source cannot count its rows";
        }
        if (rows.getAsLong() != previous.sourceRows()) {
            return "the source holds " + rows.getAsLong() + " rows before the watermark, the checkpoint saw "
                    + previous.sourceRows() + " (a late call record)";
        }
        if (!handleStore.assignments(project, previous.from(), engine.asOf()).isEmpty()) {
            // A checkpoint keeps open groups, not who they were assigned to.
            return "the window holds assignments";
        }
        OptionalLong counted = handleStore.countHandles(project, previous.from(), watermark);
        long handles = counted.isPresent()
                ? counted.getAsLong()
                : handleStore
                        .handles(project, previous.from(), watermark.minusNanos(1))
                        .size();
        if (handles != previous.storedHandles()) {
            return "the store holds " + handles + " handles before the watermark, the checkpoint saw "
                    + previous.storedHandles() + " (a handle saved late)";
        }
        return null;
    }

    private ReportEngine engineFor(ReportQuery query) {
        Objects.requireNonNull(query, "query");
        ProjectSettings project = settings(query.project());
        Instant asOf = query.resolveAsOf(clock.instant());
        Instant to = query.resolveTo(asOf, project.zone());
        Instant from = query.resolveFrom(asOf, project.zone());
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("the window's start " + from + " is after its end " + to);
        }
        return new ReportEngine(query.project(), project, from, to, asOf, query.isStrict());
    }

    /** The default report of a project: the last month up to now (R8). */
    public Report report(String project) {
        return report(ReportQuery.of(project));
    }

    /**
     * Handles a client's unprocessed group of the default report (the last month up to now) by
     * hand, now (R11). The same as {@link #handle(ReportQuery, String, HandleReason, String,
     * String)} with {@code ReportQuery.of(project)}.
     *
     * @throws IllegalArgumentException if the client number is withheld or cannot be
     *     normalized, the actor is blank, or the note is blank for {@link HandleReason#OTHER}
     * @throws HandleConflictException if the same actor stored another handle for the client at
     *     the same instant
     * @throws StorageException if the source or store fails
     */
    public HandleResult handle(
            String project, String client, HandleReason reason, @Nullable String note, String actor) {
        return handle(ReportQuery.of(project), client, reason, note, actor);
    }

    /**
     * Handles by hand, now (R11), the client's unprocessed group that the report of {@code shown}
     * shows: pass the window the manager is looking at, so that a group whose first missed call
     * lies before the default month is still found. The report is made as of now, whatever
     * as-of {@code shown} names. The handle covers the missed calls up to the group's last one,
     * so a call that comes in while the manager decides opens a new group.
     *
     * @param shown the project and window of the report the manager acted on; a report as of an
     *     earlier instant keeps its window, and the group is judged as of now
     * @param note required, not blank, for {@link HandleReason#OTHER}
     * @return {@link HandleResult.Handled} with the stored handle, or {@link
     *     HandleResult.NothingOpen} when the client has no unprocessed group in that window (never
     *     called, or already resolved: then with the latest resolution), and nothing is stored
     * @throws IllegalArgumentException if the client number is withheld or cannot be
     *     normalized, the actor is blank, or the note is blank for {@link HandleReason#OTHER}
     * @throws HandleConflictException if the same actor stored another handle for the client at
     *     the same instant
     * @throws StorageException if the source or store fails
     */
    public HandleResult handle(
            ReportQuery shown, String client, HandleReason reason, @Nullable String note, String actor) {
        Objects.requireNonNull(shown, "shown");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(actor, "actor");
        String project = shown.project();
        String number = normalizeForHandle(project, client);
        Instant now = clock.instant();
        Report report = shownWindowAsOf(shown, now);
        Optional<UnprocessedRow> open = report.unprocessed().stream()
                .filter(row -> row.client().equals(number))
                .findFirst();
        if (open.isEmpty()) {
            // The processed tab is latest resolution first, so the first match is the latest.
            ProcessedRow lastResolved = report.processed().stream()
                    .filter(row -> row.client().equals(number))
                    .findFirst()
                    .orElse(null);
            return new HandleResult.NothingOpen(number, report.from(), report.to(), lastResolved);
        }
        Handle handle = new Handle(number, now, open.get().lastMissedAt(), reason, note, actor);
        handleStore.save(project, handle);
        return new HandleResult.Handled(handle);
    }

    /**
     * Saves a handle as given, its client number normalized first (R11). A handle that covers no
     * open missed call is stored and changes nothing.
     *
     * @throws IllegalArgumentException if the client number is withheld or cannot be normalized
     * @throws HandleConflictException if another handle with the same client, instant and actor is stored
     * @throws StorageException if the store fails
     */
    public SaveOutcome saveHandle(String project, Handle handle) {
        Objects.requireNonNull(handle, "handle");
        return handleStore.save(project, handle.withClient(normalizeForHandle(project, handle.client())));
    }

    /**
     * Assigns a client's unprocessed group in the report of {@code shown} to an employee, now
     * (R16): the group's owner becomes {@code owner}, before any rule of the project's owner
     * chain, and the group stays unprocessed. The window is found as {@link #handle(ReportQuery,
     * String, HandleReason, String, String)} finds it.
     *
     * @return the stored assignment, or empty when the client has no unprocessed group in that
     *     window, and nothing is stored
     * @throws IllegalArgumentException if the client number is withheld or cannot be normalized,
     *     or the owner or actor is blank
     * @throws UnsupportedOperationException if the handle store keeps no assignments
     * @throws AssignmentConflictException if the same actor stored another assignment for the
     *     client at the same instant
     * @throws StorageException if the source or store fails
     */
    public Optional<Assignment> assign(
            ReportQuery shown, String client, String owner, @Nullable String note, String actor) {
        Objects.requireNonNull(shown, "shown");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(actor, "actor");
        String project = shown.project();
        String number = normalizeForHandle(project, client);
        Instant now = clock.instant();
        Assignment assignment = new Assignment(number, now, owner, actor, note);
        Report report = shownWindowAsOf(shown, now);
        boolean open =
                report.unprocessed().stream().anyMatch(row -> row.client().equals(number));
        if (!open) {
            return Optional.empty();
        }
        handleStore.assign(project, assignment);
        return Optional.of(assignment);
    }

    /**
     * Saves an assignment as given, its client number normalized first (R16). One made when the
     * client has no open group is stored and changes nothing.
     *
     * @throws IllegalArgumentException if the client number is withheld or cannot be normalized
     * @throws AssignmentConflictException if another assignment with the same client, instant and actor is stored
     * @throws StorageException if the store fails
     */
    public SaveOutcome saveAssignment(String project, Assignment assignment) {
        Objects.requireNonNull(assignment, "assignment");
        return handleStore.assign(project, assignment.withClient(normalizeForHandle(project, assignment.client())));
    }

    /**
     * The report of the window a manager saw, as of now: the window stays the one shown, even
     * when that report was as of an earlier instant, and whether a group is still open is decided
     * now, callbacks since included.
     */
    private Report shownWindowAsOf(ReportQuery shown, Instant now) {
        ZoneId zone = settings(shown.project()).zone();
        Instant shownAsOf = shown.resolveAsOf(now);
        return report(shown.window(shown.resolveFrom(shownAsOf, zone), shown.resolveTo(shownAsOf, zone))
                .asOf(now));
    }

    /** The settings a project's reports use. */
    public ProjectSettings settings(String project) {
        Objects.requireNonNull(project, "project");
        return Objects.requireNonNull(settings.apply(project), () -> "no settings for project " + project);
    }

    private String normalizeForHandle(String project, String client) {
        Objects.requireNonNull(client, "client");
        String number = settings(project).normalizer().normalize(client);
        if (number == null) {
            throw new IllegalArgumentException("a withheld number cannot be handled");
        }
        return number;
    }

    /** Collects the parts of a {@link MissedCalls}. */
    public static final class Builder {
        private @Nullable CallSource callSource;
        private @Nullable HandleStore handleStore;
        private Clock clock = Clock.systemUTC();
        private Function<String, ProjectSettings> settings = project -> ProjectSettings.defaults();
        private Duration lateness = DEFAULT_LATENESS;

        private Builder() {}

        /**
         * How long after its instant a call record or handle may arrive and still be read by a
         * {@link MissedCalls#refresh}: the next checkpoint's watermark is as-of less this. A longer
         * one reads more at each refresh; a record later than it is caught by the counts and
         * costs a read of the whole window. Default {@link #DEFAULT_LATENESS}.
         *
         * @throws IllegalArgumentException if negative
         */
        public Builder lateness(Duration value) {
            Objects.requireNonNull(value, "lateness");
            if (value.isNegative()) {
                throw new IllegalArgumentException("the lateness is not negative: " + value);
            }
            this.lateness = value;
            return this;
        }

        /** Where calls come from; required. */
        public Builder callSource(CallSource value) {
            this.callSource = Objects.requireNonNull(value, "callSource");
            return this;
        }

        /**
         * Where handles are kept; required. A store that keeps them across restarts (the JDBC one)
         * for a CRM; an {@link io.github.missedcalls.inmemory.InMemoryHandleStore} for tests and
         * demos, where losing them at exit is intended.
         */
        public Builder handleStore(HandleStore value) {
            this.handleStore = Objects.requireNonNull(value, "handleStore");
            return this;
        }

        /** What "now" is; default {@link Clock#systemUTC()}. Tests pass a settable clock (the TCK has one). */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /** The same settings for every project; default {@link ProjectSettings#defaults()}. */
        public Builder settings(ProjectSettings value) {
            Objects.requireNonNull(value, "settings");
            this.settings = project -> value;
            return this;
        }

        /** Settings per project, looked up for every report; must not return {@code null}. */
        public Builder settings(Function<String, ProjectSettings> value) {
            this.settings = Objects.requireNonNull(value, "settings");
            return this;
        }

        /**
         * Makes the entry point of these parts.
         *
         * @throws IllegalStateException if no call source or no handle store was given
         */
        public MissedCalls build() {
            CallSource source = callSource;
            if (source == null) {
                throw new IllegalStateException("a call source is required");
            }
            HandleStore store = handleStore;
            if (store == null) {
                // No silent default: handles kept in memory would be lost at every restart.
                throw new IllegalStateException(
                        "a handle store is required: handleStore(...), with an InMemoryHandleStore "
                                + "only where handles may be lost when the process ends");
            }
            return new MissedCalls(this, source, store);
        }
    }
}
