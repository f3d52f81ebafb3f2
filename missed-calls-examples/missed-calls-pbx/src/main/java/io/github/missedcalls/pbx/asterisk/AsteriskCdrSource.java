package io.github.missedcalls.pbx.asterisk;

import io.github.missedcalls.CallRecord;
import io.github.missedcalls.Direction;
import io.github.missedcalls.MissedReason;
import io.github.missedcalls.Rejection;
import io.github.missedcalls.Stage;
import io.github.missedcalls.StorageException;
import io.github.missedcalls.pbx.ExtensionPlan;
import io.github.missedcalls.pbx.internal.ReadOnDemand;
import io.github.missedcalls.spi.CallSource;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;

/**
 * Calls of one project from Asterisk: the CDR ({@code cdr_csv}'s {@code Master.csv}, or a CDR
 * table exported with a header row), enriched by {@code queue_log}. Either file may be left out,
 * not both.
 *
 * <pre>{@code
 * AsteriskCdrSource source = AsteriskCdrSource
 *     .builder("acme", ZoneId.of("Europe/Kyiv"), ExtensionPlan.ofLength(3, 4).withOutboundPrefix("9"))
 *     .masterCsv(Path.of("/var/log/asterisk/cdr-csv/Master.csv"))
 *     .queueLog(Path.of("/var/log/asterisk/queue_log"))
 *     .build();
 * }</pre>
 *
 * <ol>
 *   <li>Rows are read line by line; a line that cannot be read is rejected with its line number
 *       and the rest of the file is still read (R2).
 *   <li>Rows are grouped into calls by {@code linkedid}; without it by {@code uniqueid}; without
 *       either by Party A's channel and overlapping time, and a leg from a Local channel joins
 *       the call of the same caller that was in progress when it started.
 *   <li>A call any of whose lines was rejected is rejected as a whole (one rejection per bad
 *       line, with the call's id): one unreadable leg must not turn an answered call into a
 *       missed one. A line is first read leniently (unescaped quotes in a caller-ID name); one
 *       that still cannot be read is given to its call by the ids, channel and time written in
 *       it, or else to the calls of the lines around it ({@code UnreadLineOwners}).
 *   <li>Each call becomes one record as {@code CallAssembler} describes (whole-call
 *       evaluation); calls found only in {@code queue_log} (the CDR keeps no unanswered calls
 *       with {@code unanswered=no}) become records of their own.
 * </ol>
 *
 * <p>The files are read when a report's stream is consumed, whole, every time: calls are
 * delivered in start order with unique ids, and every call of the files is delivered whatever
 * the range asked for, so that every row is validated (R2) and the report keeps what it needs.
 * Immutable and thread-safe.
 */
public final class AsteriskCdrSource implements CallSource {

    /**
     * Where an unanswered call that rang nobody ended, by Party A's last application (lower
     * case). {@code Dial} and {@code Queue} that rang nobody mean the managers were unavailable;
     * voicemail is no answer, and the managers were rung if a leg says so; {@code Hangup},
     * {@code Congestion} and {@code Busy} mean the dialplan ended the call without offering it to
     * anyone. Routing that the PBX's own logic does ({@code AGI} and its kin, an ARI application
     * in {@code Stasis}, a dialplan subroutine in {@code Gosub} or {@code Macro}) is the IVR: the
     * caller was still with the machine. Other applications give no stage.
     */
    public static final Map<String, Stage> DEFAULT_LAST_APP_STAGES = Map.ofEntries(
            Map.entry("playback", Stage.GREETING),
            Map.entry("background", Stage.IVR),
            Map.entry("waitexten", Stage.IVR),
            Map.entry("read", Stage.IVR),
            Map.entry("agi", Stage.IVR),
            Map.entry("eagi", Stage.IVR),
            Map.entry("deadagi", Stage.IVR),
            Map.entry("stasis", Stage.IVR),
            Map.entry("gosub", Stage.IVR),
            Map.entry("macro", Stage.IVR),
            Map.entry("dial", Stage.RINGING),
            Map.entry("queue", Stage.RINGING),
            Map.entry("followme", Stage.RINGING),
            Map.entry("voicemail", Stage.RINGING),
            Map.entry("hangup", Stage.NO_ROUTE),
            Map.entry("congestion", Stage.NO_ROUTE),
            Map.entry("busy", Stage.NO_ROUTE));

    /**
     * Applications in which the PBX, not a person, answers: an {@code ANSWERED} leg of Party A in
     * one of them is no answer (lower case).
     */
    public static final Set<String> DEFAULT_MACHINE_APPS = Set.of(
            "voicemail",
            "voicemailmain",
            "playback",
            "background",
            "waitexten",
            "read",
            "hangup",
            "answer",
            "agi",
            "eagi",
            "stasis",
            "congestion",
            "busy",
            "echo",
            "milliwatt",
            "saydigits",
            "saynumber");

    private final String project;
    private final ZoneId serverZone;
    private final @Nullable Path cdrFile;
    private final @Nullable CdrReader cdrReader;
    private final @Nullable Path queueLogFile;
    private final CallAssembler assembler;
    private final ExtensionPlan extensions;
    private final Consumer<String> warnings;
    private final AtomicLong legsRead = new AtomicLong();

    private AsteriskCdrSource(Builder builder) {
        this.warnings = builder.warnings;
        this.project = builder.project;
        this.serverZone = builder.serverZone;
        this.cdrFile = builder.cdrFile;
        this.cdrReader = builder.cdrFile == null
                ? null
                : builder.header
                        ? CdrReader.databaseExport(serverZone)
                        : CdrReader.masterCsv(serverZone, builder.layout);
        this.queueLogFile = builder.queueLogFile;
        this.extensions = builder.extensions;
        this.assembler =
                new CallAssembler(extensions, Map.copyOf(builder.lastAppStages), Set.copyOf(builder.machineApps));
    }

    /**
     * Starts the configuration of the source of {@code project}'s calls.
     *
     * @param serverZone the zone the Asterisk server writes CDR times in: {@code Master.csv} times
     *     have no offset ({@code ZoneOffset.UTC} for {@code usegmtime=yes}). A local time that
     *     occurs twice (the autumn daylight-saving change) is read with the earlier offset.
     * @param extensions how the company's extensions are told from clients' numbers
     */
    public static Builder builder(String project, ZoneId serverZone, ExtensionPlan extensions) {
        return new Builder(project, serverZone, extensions);
    }

    /**
     * Every call of the files, read when the stream is consumed (see the class comment), or none
     * for another project.
     *
     * @throws StorageException from the stream's terminal operation if a file cannot be read, or
     *     an export's header lacks a required column
     */
    @Override
    public Stream<CallRecord> calls(
            String project, Instant startedFrom, Instant startedUntil, Consumer<Rejection> rejections) {
        Objects.requireNonNull(rejections, "rejections");
        return ReadOnDemand.calls(this.project, project, () -> load(rejections));
    }

    @Override
    public boolean deliversInStartOrder() {
        return true;
    }

    /**
     * The CDR legs the last stream read: the lines that read as legs, before they were joined
     * into calls (lines that could not be read are rejections). For a person checking that the
     * file was read whole; 0 for a {@code queue_log} alone.
     */
    public long legsRead() {
        return legsRead.get();
    }

    @Override
    public boolean idsAreUnique() {
        return true;
    }

    private List<CallRecord> load(Consumer<Rejection> rejections) {
        List<CdrLeg> legs = new ArrayList<>();
        List<CdrRowProblem> problems = new ArrayList<>();
        Map<String, QueueCall> queueCalls = Map.of();
        try {
            if (cdrReader != null && cdrFile != null) {
                cdrReader.read(cdrFile, legs::add, problems::add);
            }
            if (queueLogFile != null) {
                queueCalls = QueueLogReader.read(queueLogFile, serverZone, problems::add);
            }
        } catch (IOException e) {
            throw new StorageException("cannot read Asterisk files: " + e.getMessage(), e);
        }

        legsRead.set(legs.size());
        ServerZoneCheck.warning(legs, serverZone).ifPresent(warnings);
        Map<String, List<CdrLeg>> calls = CallGrouping.group(legs);
        Map<String, String> callOfChannelId = new HashMap<>();
        calls.forEach((key, callLegs) -> {
            for (CdrLeg leg : callLegs) {
                putIfPresent(callOfChannelId, leg.uniqueId(), key);
                putIfPresent(callOfChannelId, leg.linkedId(), key);
            }
        });

        Set<String> rejectedCalls = new HashSet<>();
        problems.sort(Comparator.comparingLong(CdrRowProblem::line));
        UnreadLineOwners owners = new UnreadLineOwners(calls, callOfChannelId, serverZone);
        for (CdrRowProblem problem : problems) {
            UnreadLineOwners.Owners owner = owners.of(problem);
            rejectedCalls.addAll(owner.calls());
            if (owner.ownId() != null) {
                rejectedCalls.add(owner.ownId());
            }
            rejections.accept(Rejection.ofCall(owner.ownId(), problem.line(), problem.reason()));
            for (String other : owner.calls()) {
                if (!other.equals(owner.ownId())) {
                    rejections.accept(Rejection.ofCall(
                            other,
                            firstLine(calls.getOrDefault(other, List.of())),
                            "line " + problem.line() + " could not be read and lies among this call's legs;"
                                    + " without it the call could look missed"));
                }
            }
        }

        Map<String, QueueCall> queueOnly = new LinkedHashMap<>(queueCalls);
        Map<String, QueueCall> queueOfCall = new HashMap<>();
        for (QueueCall queue : queueCalls.values()) {
            String key = callOfChannelId.get(queue.callId());
            if (key != null) {
                queueOnly.remove(queue.callId());
                queueOfCall.putIfAbsent(key, queue);
            }
        }

        List<CallRecord> records = new ArrayList<>();
        calls.forEach((key, callLegs) -> {
            if (rejectedCalls.contains(key)) {
                return;
            }
            try {
                records.add(assembler.assemble(key, callLegs, queueOfCall.get(key)));
            } catch (IllegalArgumentException e) {
                rejections.accept(Rejection.ofCall(key, firstLine(callLegs), String.valueOf(e.getMessage())));
            }
        });
        for (QueueCall queue : queueOnly.values()) {
            if (queue.isCall() && !rejectedCalls.contains(queue.callId())) {
                queueOnlyRecord(queue, rejections, records);
            }
        }
        records.sort(Comparator.comparing(CallRecord::startedAt).thenComparing(CallRecord::id));
        return records;
    }

    private void queueOnlyRecord(QueueCall queue, Consumer<Rejection> rejections, List<CallRecord> records) {
        if (!queue.hasCallerId()) {
            rejections.accept(Rejection.ofCall(
                    queue.callId(),
                    queue.firstLine(),
                    "queue_log: the call has no ENTERQUEUE and no CDR, so its caller is unknown"));
            return;
        }
        String caller = queue.callerId();
        Direction direction = extensions.isCompany(caller) ? Direction.INTERNAL : Direction.IN;
        try {
            CallRecord.Builder record = CallRecord.builder(
                            queue.callId(), direction, queue.channelCreated(), queue.lastEvent())
                    .client(direction == Direction.IN ? caller : null)
                    .line(queue.dialledNumber());
            Instant connected = queue.connectedAt();
            if (connected != null) {
                record.answeredAt(connected).employee(CallAssembler.employee(queue.connectedMember()));
            } else {
                record.stage(Stage.RINGING).managers(queue.managers());
                if (queue.closed()) {
                    record.statedReason(MissedReason.OUTSIDE_BUSINESS_HOURS);
                }
            }
            records.add(record.build());
        } catch (IllegalArgumentException e) {
            rejections.accept(Rejection.ofCall(queue.callId(), queue.firstLine(), String.valueOf(e.getMessage())));
        }
    }

    private static long firstLine(List<CdrLeg> legs) {
        return legs.stream().mapToLong(CdrLeg::line).min().orElse(0);
    }

    private static void putIfPresent(Map<String, String> map, @Nullable String key, String value) {
        if (key != null) {
            map.putIfAbsent(key, value);
        }
    }

    @Override
    public String toString() {
        return "AsteriskCdrSource[project " + project + ", CDR " + cdrFile + ", queue_log " + queueLogFile
                + ", server zone " + serverZone + ", " + extensions + "]";
    }

    /** Collects an {@link AsteriskCdrSource}'s configuration. */
    public static final class Builder {
        private final String project;
        private final ZoneId serverZone;
        private final ExtensionPlan extensions;
        private @Nullable Path cdrFile;
        private @Nullable CdrCsvLayout layout;
        private boolean header;
        private @Nullable Path queueLogFile;
        private final Map<String, Stage> lastAppStages = new HashMap<>(DEFAULT_LAST_APP_STAGES);
        private final Set<String> machineApps = new HashSet<>(DEFAULT_MACHINE_APPS);
        private Consumer<String> warnings = LoggerFactory.getLogger(AsteriskCdrSource.class)::warn;

        private Builder(String project, ZoneId serverZone, ExtensionPlan extensions) {
            this.project = Objects.requireNonNull(project, "project");
            this.serverZone = Objects.requireNonNull(serverZone, "serverZone");
            this.extensions = Objects.requireNonNull(extensions, "extensions");
        }

        /** A headerless {@code cdr_csv} file; its layout is detected per row from the column count. */
        public Builder masterCsv(Path file) {
            this.cdrFile = Objects.requireNonNull(file, "file");
            this.layout = null;
            this.header = false;
            return this;
        }

        /** A headerless {@code cdr_csv} file in a known layout; rows with another column count are rejected. */
        public Builder masterCsv(Path file, CdrCsvLayout knownLayout) {
            masterCsv(file);
            this.layout = Objects.requireNonNull(knownLayout, "knownLayout");
            return this;
        }

        /**
         * A CDR table exported with a header row ({@code cdr_mysql}, {@code cdr_pgsql},
         * FreePBX's {@code asteriskcdrdb.cdr}): columns are found by name, in any letter case;
         * {@code calldate} (or {@code start}), {@code src}, {@code dst}, {@code dstchannel},
         * {@code billsec}, {@code disposition} and {@code duration} (or {@code end}) are required;
         * {@code answer}, {@code end}, {@code uniqueid}, {@code linkedid}, {@code sequence},
         * {@code clid}, {@code channel}, {@code lastapp} and {@code did} are used when present.
         */
        public Builder databaseExport(Path file) {
            this.cdrFile = Objects.requireNonNull(file, "file");
            this.layout = null;
            this.header = true;
            return this;
        }

        /** The {@code queue_log} that tells what happened in the queues. */
        public Builder queueLog(Path file) {
            this.queueLogFile = Objects.requireNonNull(file, "file");
            return this;
        }

        /**
         * Where a call whose Party A's last application is {@code app} ended, when it rang
         * nobody; {@code null} removes the application from {@link #DEFAULT_LAST_APP_STAGES}.
         */
        public Builder lastAppStage(String app, @Nullable Stage stage) {
            String key = app.strip().toLowerCase(Locale.ROOT);
            if (stage == null) {
                lastAppStages.remove(key);
            } else {
                lastAppStages.put(key, stage);
            }
            return this;
        }

        /** Adds an application in which the PBX answers, not a person (to {@link #DEFAULT_MACHINE_APPS}). */
        public Builder machineApp(String app) {
            machineApps.add(app.strip().toLowerCase(Locale.ROOT));
            return this;
        }

        /**
         * Where warnings about the files go, once per read: a server zone that the {@code uniqueid}
         * epochs contradict on most legs. Default: the SLF4J logger of this class, at warn.
         */
        public Builder warnings(Consumer<String> sink) {
            this.warnings = Objects.requireNonNull(sink, "sink");
            return this;
        }

        /**
         * The source of the calls in the files given.
         *
         * @throws IllegalStateException if neither a CDR file nor a queue_log is given
         */
        public AsteriskCdrSource build() {
            if (cdrFile == null && queueLogFile == null) {
                throw new IllegalStateException("a CDR file, a queue_log or both are required");
            }
            return new AsteriskCdrSource(this);
        }
    }
}
