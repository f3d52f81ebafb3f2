package io.github.missedcalls.pbx.freeswitch;

import io.github.missedcalls.CallRecord;
import io.github.missedcalls.Direction;
import io.github.missedcalls.Managers;
import io.github.missedcalls.Rejection;
import io.github.missedcalls.Stage;
import io.github.missedcalls.StorageException;
import io.github.missedcalls.pbx.ExtensionPlan;
import io.github.missedcalls.pbx.internal.CsvLines;
import io.github.missedcalls.pbx.internal.Fields;
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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Calls of one project from a FreeSWITCH {@code mod_cdr_csv} file ({@code Master.csv}), one
 * row per a-leg ({@code legs=a}, the default).
 *
 * <pre>{@code
 * FreeSwitchCdrSource source = FreeSwitchCdrSource
 *     .builder("acme", ZoneId.of("Europe/Kyiv"), ExtensionPlan.ofLength(4, 4))
 *     .build(Path.of("/var/log/freeswitch/cdr-csv/Master.csv"));
 * }</pre>
 *
 * <ol>
 *   <li>Columns follow a template: the shipped {@code example} template by default
 *       ({@link #EXAMPLE_TEMPLATE}), or the variables of your own. A line that cannot be read,
 *       has another number of columns, a stamp that is no date-time or a cause FreeSWITCH does
 *       not write, is rejected with its line number; the rest of the file is still read (R2).
 *   <li>A row whose {@code uuid} is another row's {@code bleg_uuid} is that call's b-leg
 *       ({@code legs=ab}), and a row that ended {@code LOSE_RACE} or {@code PICKED_OFF} is a
 *       leg that another leg answered: neither is a call of its own, so neither is ever missed.
 *   <li>A call was answered by a person when its a-leg was answered, billed more than 0 s, and
 *       bridged to a b-leg (when the template has {@code bleg_uuid}) from an application that
 *       is no machine (when it has {@code last_app}). The PBX answering for an IVR or voicemail
 *       is no answer.
 *   <li>An unanswered client-initiated call gets its stage from {@code last_app} where the
 *       template has it, else from its {@link HangupCause}. A leg the PBX answered (an IVR)
 *       ended by the caller's hanging up, so its cause says nothing about the stage.
 * </ol>
 *
 * <p>The file is read when a report's stream is consumed, whole, every time; every call is
 * delivered whatever the range, in start order. Immutable and thread-safe.
 */
public final class FreeSwitchCdrSource implements CallSource {

    /** The variables of the shipped {@code example} template, in column order. */
    public static final List<String> EXAMPLE_TEMPLATE = List.of(
            "caller_id_name",
            "caller_id_number",
            "destination_number",
            "context",
            "start_stamp",
            "answer_stamp",
            "end_stamp",
            "duration",
            "billsec",
            "hangup_cause",
            "uuid",
            "bleg_uuid",
            "accountcode",
            "read_codec",
            "write_codec");

    /** Variables a template must have. */
    public static final List<String> REQUIRED_VARIABLES =
            List.of("uuid", "caller_id_number", "destination_number", "start_stamp", "end_stamp", "hangup_cause");

    /** Where an unanswered call ended, by the a-leg's {@code last_app} (lower case). */
    public static final Map<String, Stage> DEFAULT_LAST_APP_STAGES = Map.ofEntries(
            Map.entry("playback", Stage.GREETING),
            Map.entry("ivr", Stage.IVR),
            Map.entry("play_and_get_digits", Stage.IVR),
            Map.entry("read", Stage.IVR),
            Map.entry("bridge", Stage.RINGING),
            Map.entry("callcenter", Stage.RINGING),
            Map.entry("voicemail", Stage.RINGING),
            Map.entry("hangup", Stage.NO_ROUTE));

    /** Applications in which FreeSWITCH, not a person, answers (lower case). */
    public static final Set<String> MACHINE_APPS =
            Set.of("voicemail", "playback", "ivr", "play_and_get_digits", "read", "answer", "hangup", "park");

    private static final Pattern TEMPLATE_VARIABLE = Pattern.compile("\\$\\{([^}]+)}");

    private final String project;
    private final ZoneId serverZone;
    private final ExtensionPlan extensions;
    private final Path file;
    private final Map<String, Integer> columns;
    private final int columnCount;
    private final AtomicLong legsRead = new AtomicLong();

    private FreeSwitchCdrSource(
            String project, ZoneId serverZone, ExtensionPlan extensions, Path file, List<String> template) {
        this.project = project;
        this.serverZone = serverZone;
        this.extensions = extensions;
        this.file = file;
        Map<String, Integer> byName = new HashMap<>();
        for (int i = 0; i < template.size(); i++) {
            byName.putIfAbsent(template.get(i), i);
        }
        this.columns = Map.copyOf(byName);
        this.columnCount = template.size();
    }

    /**
     * Starts the configuration of the source of {@code project}'s calls.
     *
     * @param serverZone the zone the FreeSWITCH server writes {@code *_stamp} values in: they have
     *     no offset. A local time that occurs twice is read with the earlier offset.
     * @param extensions how the company's extensions are told from clients' numbers
     */
    public static Builder builder(String project, ZoneId serverZone, ExtensionPlan extensions) {
        return new Builder(project, serverZone, extensions);
    }

    /**
     * Every call of the file, read when the stream is consumed, or none for another project.
     *
     * @throws StorageException from the stream's terminal operation if the file cannot be read
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
     * The CDR legs the last stream read: the lines that read as legs, B-legs included, before
     * they were joined into calls (lines that could not be read are rejections). For a person
     * checking that the file was read whole.
     */
    public long legsRead() {
        return legsRead.get();
    }

    /** A leg as a row of the file has it. */
    private record Leg(
            long line,
            String uuid,
            @Nullable String caller,
            @Nullable String dialled,
            Instant start,
            @Nullable Instant answer,
            Instant end,
            long billsec,
            HangupCause cause,
            @Nullable String blegUuid,
            @Nullable String lastApp) {}

    private List<CallRecord> load(Consumer<Rejection> rejections) {
        List<Leg> legs = new ArrayList<>();
        try (CsvLines lines = CsvLines.open(file, CsvLines.COMMA_SEPARATED)) {
            for (CsvLines.Line line = lines.next(); line != null; line = lines.next()) {
                Leg leg = read(line, rejections);
                if (leg != null) {
                    legs.add(leg);
                }
            }
        } catch (IOException e) {
            throw new StorageException("cannot read " + file + ": " + e.getMessage(), e);
        }
        legsRead.set(legs.size());
        Set<String> bLegs = new HashSet<>();
        for (Leg leg : legs) {
            if (leg.blegUuid() != null) {
                bLegs.add(leg.blegUuid());
            }
        }
        List<CallRecord> records = new ArrayList<>();
        for (Leg leg : legs) {
            if (leg.cause().answeredElsewhere() || bLegs.contains(leg.uuid())) {
                continue;
            }
            try {
                records.add(toRecord(leg));
            } catch (IllegalArgumentException e) {
                rejections.accept(Rejection.ofCall(leg.uuid(), leg.line(), String.valueOf(e.getMessage())));
            }
        }
        records.sort(Comparator.comparing(CallRecord::startedAt).thenComparing(CallRecord::id));
        return records;
    }

    private @Nullable Leg read(CsvLines.Line line, Consumer<Rejection> rejections) {
        if (!line.isReadable()) {
            rejections.accept(Rejection.ofCall(null, line.number(), String.valueOf(line.problem())));
            return null;
        }
        if (line.fields().size() != columnCount) {
            rejections.accept(Rejection.ofCall(
                    null, line.number(), line.fields().size() + " columns; the template has " + columnCount));
            return null;
        }
        String uuid = value(line, "uuid");
        try {
            if (uuid == null) {
                throw new IllegalArgumentException("no uuid");
            }
            String causeName = Fields.textOrEmpty(value(line, "hangup_cause"));
            HangupCause cause = HangupCause.fromName(causeName)
                    .orElseThrow(() -> new IllegalArgumentException("unknown hangup cause '" + causeName + "'"));
            Instant start = Fields.localStamp(value(line, "start_stamp"), serverZone, "start_stamp");
            Instant answer = Fields.optionalLocalStamp(value(line, "answer_stamp"), serverZone, "answer_stamp");
            Instant end = Fields.localStamp(value(line, "end_stamp"), serverZone, "end_stamp");
            String billsec = value(line, "billsec");
            // A template without billsec still bills from the answer to the end.
            long billed = billsec != null
                    ? Fields.seconds(billsec, "billsec")
                    : answer == null ? 0 : Math.max(0, end.getEpochSecond() - answer.getEpochSecond());
            return new Leg(
                    line.number(),
                    uuid,
                    value(line, "caller_id_number"),
                    value(line, "destination_number"),
                    start,
                    answer,
                    end,
                    billed,
                    cause,
                    value(line, "bleg_uuid"),
                    value(line, "last_app"));
        } catch (IllegalArgumentException e) {
            rejections.accept(Rejection.ofCall(uuid, line.number(), String.valueOf(e.getMessage())));
            return null;
        }
    }

    private @Nullable String value(CsvLines.Line line, String variable) {
        Integer index = columns.get(variable);
        return index == null ? null : Fields.text(line.fields().get(index));
    }

    private CallRecord toRecord(Leg leg) {
        Direction direction = extensions.direction(leg.caller(), leg.dialled());
        CallRecord.Builder record = CallRecord.builder(leg.uuid(), direction, leg.start(), leg.end());
        switch (direction) {
            case OUT ->
                record.client(extensions.externalNumber(leg.dialled()))
                        .employee(extensions.isExtension(leg.caller()) ? leg.caller() : null);
            case IN, CALLBACK ->
                record.client(leg.caller()).line(extensions.isExternal(leg.dialled()) ? leg.dialled() : null);
            case INTERNAL -> record.employee(extensions.isExtension(leg.caller()) ? leg.caller() : null);
        }
        String app = leg.lastApp() == null ? null : leg.lastApp().toLowerCase(Locale.ROOT);
        boolean personAnswered = leg.answer() != null
                && leg.billsec() > 0
                && (!columns.containsKey("bleg_uuid") || leg.blegUuid() != null)
                && (app == null || !MACHINE_APPS.contains(app));
        if (personAnswered) {
            record.answeredAt(leg.answer());
            if (direction.isClientInitiated() && extensions.isExtension(leg.dialled())) {
                record.employee(leg.dialled());
            }
            return record.build();
        }
        if (direction.isClientInitiated()) {
            Stage byApp = app == null ? null : DEFAULT_LAST_APP_STAGES.get(app);
            // After the PBX answered (an IVR), the cause is only how the caller hung up.
            Stage byCause = leg.answer() == null ? leg.cause().stage() : null;
            Stage stage = byApp != null ? byApp : byCause;
            Managers managers =
                    stage == Stage.RINGING && leg.answer() == null ? leg.cause().managers() : null;
            record.stage(stage).managers(managers);
        }
        return record.build();
    }

    @Override
    public String toString() {
        return "FreeSwitchCdrSource[project " + project + ", " + file + ", server zone " + serverZone + ", "
                + extensions + "]";
    }

    /** Collects a {@link FreeSwitchCdrSource}'s configuration. */
    public static final class Builder {
        private final String project;
        private final ZoneId serverZone;
        private final ExtensionPlan extensions;
        private List<String> template = EXAMPLE_TEMPLATE;

        private Builder(String project, ZoneId serverZone, ExtensionPlan extensions) {
            this.project = Objects.requireNonNull(project, "project");
            this.serverZone = Objects.requireNonNull(serverZone, "serverZone");
            this.extensions = Objects.requireNonNull(extensions, "extensions");
        }

        /**
         * The template's variables in column order, instead of {@link #EXAMPLE_TEMPLATE}; may name
         * {@code answer_stamp}, {@code billsec}, {@code bleg_uuid} and {@code last_app} besides
         * {@link #REQUIRED_VARIABLES}.
         *
         * @throws IllegalArgumentException if a required variable is missing
         */
        public Builder template(List<String> variables) {
            List<String> copy = List.copyOf(variables);
            for (String required : REQUIRED_VARIABLES) {
                if (!copy.contains(required)) {
                    throw new IllegalArgumentException("the template lacks ${" + required + "}");
                }
            }
            this.template = copy;
            return this;
        }

        /**
         * The template as {@code cdr_csv.conf.xml} writes it:
         * {@code "${caller_id_name}","${caller_id_number}",...}.
         *
         * @throws IllegalArgumentException if a required variable is missing
         */
        public Builder template(String definition) {
            List<String> variables = new ArrayList<>();
            Matcher matcher = TEMPLATE_VARIABLE.matcher(definition);
            while (matcher.find()) {
                variables.add(matcher.group(1).strip());
            }
            return template(variables);
        }

        /** The source of the calls in {@code file}, a {@code mod_cdr_csv} file. */
        public FreeSwitchCdrSource build(Path file) {
            Objects.requireNonNull(file, "file");
            return new FreeSwitchCdrSource(project, serverZone, extensions, file, template);
        }
    }
}
