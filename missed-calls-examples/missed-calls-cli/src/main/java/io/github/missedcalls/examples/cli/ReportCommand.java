package io.github.missedcalls.examples.cli;

import io.github.missedcalls.BusinessHours;
import io.github.missedcalls.DeadlineClock;
import io.github.missedcalls.Handle;
import io.github.missedcalls.Labels;
import io.github.missedcalls.LineRules;
import io.github.missedcalls.MissedCalls;
import io.github.missedcalls.MissedCallsException;
import io.github.missedcalls.OpeningInterval;
import io.github.missedcalls.OwnerRule;
import io.github.missedcalls.ProcessedRow;
import io.github.missedcalls.ProjectSettings;
import io.github.missedcalls.RejectedInputException;
import io.github.missedcalls.Rejection;
import io.github.missedcalls.Report;
import io.github.missedcalls.ReportCsv;
import io.github.missedcalls.ReportListener;
import io.github.missedcalls.ReportQuery;
import io.github.missedcalls.ReportSummary;
import io.github.missedcalls.Tab;
import io.github.missedcalls.TeamCsv;
import io.github.missedcalls.UnprocessedRow;
import io.github.missedcalls.WorkflowSettings;
import io.github.missedcalls.examples.export.JsonExport;
import io.github.missedcalls.examples.export.XlsxExport;
import io.github.missedcalls.inmemory.InMemoryHandleStore;
import io.github.missedcalls.pbx.csv.HandlesCsv;
import io.github.missedcalls.pbx.csv.UnusableCsvException;
import java.io.BufferedOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code missed-calls report}: reads a call log and writes one tab (docs/cli.md).
 *
 * <ol>
 *   <li>Options are checked before anything is read: a bad zone, hours, date-time or number, a
 *       window whose start is after its end, {@code --format xlsx} without {@code --out} are
 *       usage errors (exit 2).
 *   <li>The handles file is read first, then the call log; a file that cannot be opened, has no
 *       header or lacks a required column is unusable input (exit 2).
 *   <li>Each rejected row is one line on standard error, beginning with {@code rejected }: the
 *       handles' by line, then the calls' by line; a summary line follows. Under
 *       {@code --strict} the first rejection is the only line and the exit status is 3, with no
 *       output written.
 *   <li>The tab goes to standard output or {@code --out} as CSV (core's {@link ReportCsv}),
 *       JSON or XLSX.
 * </ol>
 */
@Command(
        name = "report",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = "Reads a call log (docs/call-log-csv.md) and writes one tab of the report.",
        footer = {
            "",
            "DATETIME: 2026-11-10T12:00:00+02:00 or ...Z, or local time in --zone",
            "(2026-11-10T12:00), or a date: the start of that day in --zone.",
            "INPUT: calls (docs/call-log-csv.md), asterisk-csv (cdr_csv Master.csv),",
            "asterisk-db (a CDR table exported with a header row), queue-log (Asterisk",
            "queue_log alone; or --queue-log beside a CDR), freeswitch (mod_cdr_csv).",
            "Exit: 0 done, 2 bad usage or unusable input, 3 a rejection with --strict."
        })
final class ReportCommand implements Callable<Integer> {

    /** The file holds one project's calls; this is its name in the report. */
    static final String PROJECT = "default";

    /** The output formats. */
    enum Format {
        CSV,
        JSON,
        XLSX
    }

    @Option(
            names = "--calls",
            required = true,
            paramLabel = "FILE",
            description = "Call log CSV, or the PBX file --input names; - for standard input (call log only).")
    private String calls = "";

    @Mixin
    private PbxOptions pbx = new PbxOptions();

    @Option(
            names = "--handles",
            paramLabel = "FILE",
            description = "Handles CSV (manual handling); not - when --calls is -.")
    private @Nullable String handles;

    @Option(
            names = "--zone",
            paramLabel = "ZONE",
            converter = ZoneConverter.class,
            description = "The project's time zone, an IANA id. Default: UTC.")
    private ZoneId zone = ZoneOffset.UTC;

    @Option(
            names = "--hours",
            paramLabel = "SPEC",
            converter = HoursConverter.class,
            description =
                    "Business hours, e.g. 'Mon-Fri 09:00-13:00 14:00-18:00; Sat 10:00-14:00'. Default: always open.")
    private @Nullable BusinessHours hours;

    @Option(
            names = "--closed",
            paramLabel = "DATES",
            split = ",",
            converter = DateConverter.class,
            description = "Closed dates, comma-separated YYYY-MM-DD.")
    private List<LocalDate> closed = new ArrayList<>();

    @Option(
            names = "--country-code",
            paramLabel = "N",
            description = "The project's country calling code, with or without +.")
    private @Nullable String countryCode;

    @Option(names = "--trunk-prefix", paramLabel = "P", description = "National trunk prefix. Default: 0.")
    private String trunkPrefix = "0";

    @Option(
            names = "--area-code",
            paramLabel = "N",
            description = "Area code for local numbers of 5 to 8 digits (needs --country-code). Default: none.")
    private @Nullable String areaCode;

    @Option(
            names = "--short-abandon",
            paramLabel = "SECONDS",
            converter = SecondsConverter.class,
            description = "A missed call shorter than this is ABANDONED_EARLY. Default: 10.")
    private long shortAbandon = ProjectSettings.DEFAULT_SHORT_ABANDON.toSeconds();

    @Option(
            names = "--min-conversation",
            paramLabel = "SECONDS",
            converter = SecondsConverter.class,
            description = "A shorter answered call does not reach the client. Default: 0.")
    private long minConversation = ProjectSettings.DEFAULT_MIN_CONVERSATION.toSeconds();

    @Option(names = "--as-of", paramLabel = "DATETIME", description = "The as-of instant. Default: now.")
    private @Nullable String asOf;

    @Option(
            names = "--from",
            paramLabel = "DATETIME",
            description = "The window's start. Default: one calendar month before as-of.")
    private @Nullable String from;

    @Option(names = "--to", paramLabel = "DATETIME", description = "The window's end. Default: as-of.")
    private @Nullable String to;

    @Option(
            names = "--tab",
            paramLabel = "unprocessed|processed|team",
            converter = ShownConverter.class,
            description = "Which tab, or team: how each employee and line did (R18). Default: unprocessed.")
    private Shown shown = Shown.UNPROCESSED;

    /** What {@code --tab} asks for: a tab, or the team's figures. */
    enum Shown {
        UNPROCESSED,
        PROCESSED,
        TEAM
    }

    @Option(
            names = "--sort",
            paramLabel = "tab|priority",
            description = "The unprocessed tab's order: the tab's own (R6) or by priority (R15). Default: tab.")
    private String sort = "tab";

    @Option(
            names = "--deadline",
            paramLabel = "DURATION",
            description = "R14: callback deadline from each group's first missed call (2h, 30m, 1h30m, 1d,"
                    + " PT2H); adds due, overdue, overdue_s, owner and priority columns. Default: none.")
    private @Nullable String deadline;

    @Option(
            names = "--deadline-clock",
            paramLabel = "business|calendar",
            description = "R14: the deadline runs in business hours (--hours) or around the clock. Default: business.")
    private String deadlineClock = "business";

    @Option(
            names = "--owners",
            paramLabel = "RULES",
            description = "R16: how a group's owner is named, the first rule that names someone:"
                    + " last-reached,last-attempt,line-owner (in any order). Default: no owners.")
    private @Nullable String owners;

    @Option(
            names = "--owner-look-back",
            paramLabel = "DURATION",
            description = "R16: how far before a group last-reached looks. Default: 90d.")
    private @Nullable String ownerLookBack;

    @Option(
            names = "--line-owner",
            paramLabel = "LINE=NAME",
            description = "R16: the owner of a line's groups under line-owner; repeat for more lines.")
    private List<String> lineOwners = new ArrayList<>();

    @Option(
            names = "--line-deadline",
            paramLabel = "LINE=DURATION",
            description = "R14, R17: a line's own deadline; repeat for more lines.")
    private List<String> lineDeadlines = new ArrayList<>();

    @Option(names = "--per-line", description = "R17: a group per client and line instead of per client.")
    private boolean perLine;

    @Option(
            names = "--format",
            paramLabel = "csv|json|xlsx",
            converter = FormatConverter.class,
            description = "Output format. Default: csv.")
    private Format format = Format.CSV;

    @Option(
            names = "--out",
            paramLabel = "FILE",
            description = "Where to write; required for xlsx. Default: standard output.")
    private @Nullable String out;

    @Option(names = "--strict", description = "The first rejected record or handle stops the run (exit 3).")
    private boolean strict;

    @Option(
            names = "--lang",
            paramLabel = "en|uk|ru",
            converter = LanguageConverter.class,
            description = "Adds the codes' words in this language: CSV columns reason_label, ... after the "
                    + "others, JSON keys reasonLabel, ...; the language of an xlsx workbook, which is in "
                    + "words either way. Default: codes only (xlsx: English).")
    private @Nullable Labels lang;

    private final Io io;

    ReportCommand(Io io) {
        this.io = io;
    }

    @Override
    public Integer call() {
        ProjectSettings settings = settings();
        Window window = window();
        checkOutput();

        HandlesCsv.Result handleRows = readHandles(settings);
        if (strict && !handleRows.rejections().isEmpty()) {
            io.err().println(rejectionLine(handleRows.rejections().get(0)));
            return MissedCallsCli.REJECTED;
        }
        InMemoryHandleStore store = new InMemoryHandleStore();
        for (Handle handle : handleRows.handles()) {
            store.save(PROJECT, handle);
        }

        AtomicLong bytesRead = new AtomicLong();
        long size = sizeOf(calls);
        PbxInputs.Input source = pbx.input == PbxInputs.Kind.CALLS
                ? PbxInputs.callLog(
                        calls,
                        "-".equals(calls)
                                ? () -> counting(new UnclosedInput(io.in()), bytesRead)
                                : () -> counting(Files.newInputStream(Path.of(calls)), bytesRead))
                : pbx.input(PROJECT, calls, zone, warning -> io.err().println("warning: " + warning));
        MissedCalls missedCalls = MissedCalls.builder()
                .callSource(source.source())
                .handleStore(store)
                .settings(settings)
                .clock(io.clock())
                .build();
        ReportQuery query = ReportQuery.of(PROJECT)
                .window(window.from(), window.to())
                .asOf(window.asOf())
                .strict(strict);

        Collected collected = new Collected(source);
        ReportSummary summary;
        String label = "reading "
                + ("-".equals(calls) ? "standard input" : Path.of(calls).getFileName());
        try (ProgressBar bar =
                ProgressBar.start(io.errIsTerminal(), io.err(), label, source::rowsRead, bytesRead::get, size)) {
            summary = missedCalls.report(query, collected);
        } catch (RejectedInputException e) {
            io.err().println(rejectionLine(source.withLines(e.rejection()).get(0)));
            return MissedCallsCli.REJECTED;
        } catch (UncheckedIOException | MissedCallsException e) {
            throw new UsageException(MissedCallsCli.oneLine(e.getMessage()));
        }

        List<Rejection> rejections = new ArrayList<>(handleRows.rejections());
        rejections.addAll(collected.rejectionsByLine());
        Report report = collected.report(summary, rejections);
        for (Rejection rejection : rejections) {
            io.err().println(rejectionLine(rejection));
        }
        source.readFigures().ifPresent(io.err()::println);
        printRejectionSummary(handleRows.rejections().size(), collected.rejections.size());
        sayWhenEverythingIsBeforeTheWindow(source, window);
        write(
                sort.equals("priority") ? report.withTabs(report.unprocessedByPriority(), report.processed()) : report,
                settings.workflow().changesRows());
        return MissedCallsCli.OK;
    }

    /**
     * A historical file reported as of now gives empty tabs and nothing else; one line says why and
     * what to pass instead.
     */
    private void sayWhenEverythingIsBeforeTheWindow(PbxInputs.Input source, Window window) {
        Instant latest = source.latestStart();
        if (latest != null && latest.isBefore(window.from())) {
            io.err()
                    .println("every call of " + ("-".equals(calls) ? "standard input" : calls) + " ("
                            + String.format(Locale.ROOT, "%,d", source.callsDelivered())
                            + ") started before the window "
                            + ReportCsv.formatTime(window.from(), zone) + " to "
                            + ReportCsv.formatTime(window.to(), zone)
                            + "; the latest at " + ReportCsv.formatTime(latest, zone)
                            + ". For the report as it stood then, pass"
                            + " --as-of " + ReportCsv.formatTime(latest.plusSeconds(1), zone));
        }
    }

    private ProjectSettings settings() {
        ProjectSettings.Builder builder = ProjectSettings.builder()
                .zone(zone)
                .businessHours(withClosedDates(hours, closed))
                .trunkPrefix(trunkPrefix.strip())
                .shortAbandon(Duration.ofSeconds(shortAbandon))
                .minConversation(Duration.ofSeconds(minConversation));
        if (countryCode != null) {
            builder.countryCode(countryCode.strip());
        }
        if (areaCode != null) {
            builder.areaCode(areaCode.strip());
        }
        builder.workflow(workflow());
        try {
            return builder.build();
        } catch (IllegalArgumentException e) {
            String message = MissedCallsCli.oneLine(e.getMessage());
            String flag = message.startsWith("trunk")
                    ? "--trunk-prefix: "
                    : message.contains("area code") ? "--area-code: " : "--country-code: ";
            throw new UsageException(flag + message);
        }
    }

    /** R14 to R17 from the workflow options; none of them given, {@link WorkflowSettings#none()}. */
    private WorkflowSettings workflow() {
        WorkflowSettings.Builder workflow = WorkflowSettings.builder().groupsPerLine(perLine);
        if (deadline != null) {
            workflow.deadline(DurationArgument.parse("--deadline", deadline));
        }
        workflow.clock(
                switch (deadlineClock.strip().toLowerCase(Locale.ROOT)) {
                    case "business" -> DeadlineClock.BUSINESS_HOURS;
                    case "calendar" -> DeadlineClock.CALENDAR;
                    default ->
                        throw new UsageException(
                                "--deadline-clock: '" + deadlineClock + "' is not business or calendar");
                });
        if (owners != null) {
            List<OwnerRule> chain = new ArrayList<>();
            for (String word : owners.split(",", -1)) {
                OwnerRule rule = switch (word.strip().toLowerCase(Locale.ROOT)) {
                    case "last-reached" -> OwnerRule.LAST_REACHED;
                    case "last-attempt" -> OwnerRule.LAST_ATTEMPT;
                    case "line-owner" -> OwnerRule.LINE_OWNER;
                    default ->
                        throw new UsageException(
                                "--owners: '" + word.strip() + "' is not last-reached, last-attempt or line-owner");
                };
                if (chain.contains(rule)) {
                    throw new UsageException("--owners: " + word.strip() + " is named twice");
                }
                chain.add(rule);
            }
            workflow.ownerChain(chain);
        }
        if (ownerLookBack != null) {
            workflow.ownerLookBack(DurationArgument.parse("--owner-look-back", ownerLookBack));
        }
        Map<String, String> ownerOfLine = pairs("--line-owner", lineOwners);
        Map<String, String> deadlineOfLine = pairs("--line-deadline", lineDeadlines);
        Set<String> lines = new TreeSet<>(ownerOfLine.keySet());
        lines.addAll(deadlineOfLine.keySet());
        for (String line : lines) {
            String lineDeadline = deadlineOfLine.get(line);
            workflow.line(
                    line,
                    new LineRules(
                            lineDeadline == null ? null : DurationArgument.parse("--line-deadline", lineDeadline),
                            ownerOfLine.get(line)));
        }
        return workflow.build();
    }

    /** {@code KEY=VALUE} arguments of a repeated option, by key. */
    private static Map<String, String> pairs(String option, List<String> arguments) {
        Map<String, String> pairs = new LinkedHashMap<>();
        for (String argument : arguments) {
            int equals = argument.indexOf('=');
            if (equals <= 0 || equals == argument.length() - 1) {
                throw new UsageException(option + ": '" + argument + "' is not LINE=VALUE");
            }
            String key = argument.substring(0, equals).strip();
            if (pairs.put(key, argument.substring(equals + 1).strip()) != null) {
                throw new UsageException(option + ": line " + key + " is given twice");
            }
        }
        return pairs;
    }

    /**
     * The weekly schedule of {@code --hours} with the dates of {@code --closed} closed. A parsed
     * schedule cannot take overrides, so its intervals are copied into a new one.
     */
    static BusinessHours withClosedDates(@Nullable BusinessHours weekly, List<LocalDate> closedDates) {
        if (closedDates.isEmpty()) {
            return weekly == null ? BusinessHours.alwaysOpen() : weekly;
        }
        BusinessHours.Builder builder = BusinessHours.builder();
        if (weekly != null) {
            // Any week will do: a parsed schedule has no dated overrides.
            LocalDate monday = LocalDate.of(2024, 1, 1);
            for (DayOfWeek day : DayOfWeek.values()) {
                for (OpeningInterval interval : weekly.intervalsOpeningOn(monday.plusDays(day.ordinal()))) {
                    builder.open(day, interval);
                }
            }
        }
        closedDates.forEach(builder::closed);
        return builder.build();
    }

    /** The as-of instant and the window, resolved as the report will (R8), checked in order. */
    private record Window(Instant asOf, Instant from, Instant to) {}

    private Window window() {
        Instant resolvedAsOf = asOf == null ? io.clock().instant() : DateTimeArgument.parse("--as-of", asOf, zone);
        Instant start = from == null ? null : DateTimeArgument.parse("--from", from, zone);
        Instant end = to == null ? null : DateTimeArgument.parse("--to", to, zone);
        ReportQuery defaults = ReportQuery.of(PROJECT).window(start, end);
        Instant resolvedFrom = defaults.resolveFrom(resolvedAsOf, zone);
        Instant resolvedTo = defaults.resolveTo(resolvedAsOf, zone);
        if (resolvedFrom.isAfter(resolvedTo)) {
            throw new UsageException("the window's start " + ReportCsv.formatTime(resolvedFrom, zone)
                    + (from == null ? " (default)" : " (--from)") + " is after its end "
                    + ReportCsv.formatTime(resolvedTo, zone)
                    + (to == null ? " (--to defaults to --as-of)" : " (--to)"));
        }
        return new Window(resolvedAsOf, resolvedFrom, resolvedTo);
    }

    private void checkOutput() {
        if (!sort.equals("tab") && !sort.equals("priority")) {
            throw new UsageException("--sort: '" + sort + "' is not tab or priority");
        }
        if (sort.equals("priority") && shown != Shown.UNPROCESSED) {
            throw new UsageException("--sort priority orders the unprocessed tab only");
        }
        if (format == Format.XLSX && (out == null || "-".equals(out))) {
            throw new UsageException("--format xlsx needs --out FILE: a workbook is not written to standard output");
        }
        if ("-".equals(calls) && "-".equals(handles)) {
            throw new UsageException("--handles cannot be - when --calls is -: standard input can be read once");
        }
    }

    private HandlesCsv.Result readHandles(ProjectSettings settings) {
        String file = handles;
        if (file == null) {
            return new HandlesCsv.Result(List.of(), List.of());
        }
        try {
            if ("-".equals(file)) {
                return HandlesCsv.read(
                        new InputStreamReader(new UnclosedInput(io.in()), StandardCharsets.UTF_8),
                        "on standard input",
                        settings.normalizer());
            }
            return HandlesCsv.read(Path.of(file), settings.normalizer());
        } catch (UnusableCsvException | UncheckedIOException e) {
            throw new UsageException(MissedCallsCli.oneLine(e.getMessage()));
        }
    }

    private static long sizeOf(String file) {
        if ("-".equals(file)) {
            return 0;
        }
        try {
            return Files.size(Path.of(file));
        } catch (IOException e) {
            return 0;
        }
    }

    private static InputStream counting(InputStream in, AtomicLong count) {
        return new FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    count.incrementAndGet();
                }
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = super.read(buffer, offset, length);
                if (n > 0) {
                    count.addAndGet(n);
                }
                return n;
            }
        };
    }

    /** Standard input is the process's: reading it to the end must not close it. */
    private static final class UnclosedInput extends FilterInputStream {
        UnclosedInput(InputStream in) {
            super(in);
        }

        @Override
        public void close() {
            // left open on purpose
        }
    }

    /** {@code rejected line 7 (id 42): ends before it starts}, {@code rejected handles line 3: ...}. */
    static String rejectionLine(Rejection rejection) {
        // A reason quoting a broken row may hold line breaks; cli.md wants one line per rejection.
        return MissedCallsCli.oneLine(rejection.toString());
    }

    private void printRejectionSummary(int handleRejections, int callRejections) {
        List<String> parts = new ArrayList<>();
        if (callRejections > 0) {
            parts.add(count(callRejections, "record"));
        }
        if (handleRejections > 0) {
            parts.add(count(handleRejections, "handle"));
        }
        if (!parts.isEmpty()) {
            io.err().println(String.join(" and ", parts) + " rejected");
        }
    }

    private static String count(long n, String noun) {
        return String.format(Locale.ROOT, "%,d %s%s", n, noun, n == 1 ? "" : "s");
    }

    private void write(Report report, boolean workflow) {
        String file = out;
        boolean toStandardOutput = file == null || "-".equals(file);
        try {
            OutputStream target =
                    toStandardOutput ? io.out() : Files.newOutputStream(Path.of(Objects.requireNonNull(file)));
            try (OutputStream buffered =
                    new BufferedOutputStream(toStandardOutput ? new UnclosedOutput(target) : target, 1 << 16)) {
                if (shown == Shown.TEAM) {
                    switch (format) {
                        case CSV -> {
                            Writer text = new OutputStreamWriter(buffered, StandardCharsets.UTF_8);
                            TeamCsv.write(report.team(), text);
                            text.flush();
                        }
                        case JSON -> JsonExport.writeTeam(report.team(), buffered);
                        case XLSX -> XlsxExport.writeTeam(report, buffered, lang == null ? Labels.english() : lang);
                    }
                    return;
                }
                Tab tab = shown == Shown.PROCESSED ? Tab.PROCESSED : Tab.UNPROCESSED;
                switch (format) {
                    case CSV -> {
                        Writer text = new OutputStreamWriter(buffered, StandardCharsets.UTF_8);
                        ReportCsv.write(report, tab, text, lang, workflow);
                        text.flush();
                    }
                    case JSON -> JsonExport.write(report, tab, buffered, lang, workflow);
                    case XLSX ->
                        XlsxExport.write(
                                report, List.of(tab), buffered, lang == null ? Labels.english() : lang, workflow);
                }
            }
        } catch (IOException | UncheckedIOException e) {
            throw new UsageException("cannot write " + (toStandardOutput ? "standard output" : file) + ": "
                    + MissedCallsCli.oneLine(e.getMessage()));
        }
    }

    /** Standard output stays open for whoever writes after. */
    private static final class UnclosedOutput extends java.io.FilterOutputStream {
        UnclosedOutput(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }

    /** Collects a streamed report, giving each rejection its line while the file is being read. */
    private static final class Collected implements ReportListener {
        private final PbxInputs.Input source;
        private final List<Rejection> rejections = new ArrayList<>();
        private final List<ProcessedRow> processed = new ArrayList<>();
        private final List<UnprocessedRow> unprocessed = new ArrayList<>();

        Collected(PbxInputs.Input source) {
            this.source = source;
        }

        @Override
        public void rejected(Rejection rejection) {
            rejections.addAll(source.withLines(rejection));
        }

        @Override
        public void processed(ProcessedRow row) {
            processed.add(row);
        }

        @Override
        public void unprocessed(UnprocessedRow row) {
            unprocessed.add(row);
        }

        List<Rejection> rejectionsByLine() {
            List<Rejection> sorted = new ArrayList<>(rejections);
            sorted.sort(Comparator.comparing(Rejection::line, Comparator.nullsLast(Comparator.naturalOrder())));
            return sorted;
        }

        /** The report the listener saw, its processed tab in display order: latest resolution first. */
        Report report(ReportSummary summary, List<Rejection> allRejections) {
            processed.sort(Report.PROCESSED_ORDER);
            return new Report(
                    summary.project(),
                    summary.zone(),
                    summary.from(),
                    summary.to(),
                    summary.asOf(),
                    unprocessed,
                    processed,
                    allRejections,
                    summary.anonymousMissed(),
                    summary.callsInWindow(),
                    summary.latestCallBeforeWindow());
        }
    }

    static final class ZoneConverter implements picocli.CommandLine.ITypeConverter<ZoneId> {
        @Override
        public ZoneId convert(String value) {
            try {
                return ZoneId.of(value.strip());
            } catch (DateTimeException e) {
                throw new TypeConversionException(
                        "'" + value + "' is not a time zone (an IANA id such as Europe/Kyiv)");
            }
        }
    }

    static final class HoursConverter implements picocli.CommandLine.ITypeConverter<BusinessHours> {
        @Override
        public BusinessHours convert(String value) {
            try {
                return BusinessHours.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(MissedCallsCli.oneLine(e.getMessage()));
            }
        }
    }

    static final class DateConverter implements picocli.CommandLine.ITypeConverter<LocalDate> {
        @Override
        public LocalDate convert(String value) {
            try {
                return LocalDate.parse(value.strip());
            } catch (DateTimeParseException e) {
                throw new TypeConversionException("'" + value + "' is not a date YYYY-MM-DD");
            }
        }
    }

    static final class SecondsConverter implements picocli.CommandLine.ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            try {
                long seconds = Long.parseLong(value.strip());
                if (seconds >= 0) {
                    return seconds;
                }
            } catch (NumberFormatException e) {
                // said below
            }
            throw new TypeConversionException("'" + value + "' is not a whole number of seconds, 0 or more");
        }
    }

    static final class ShownConverter implements picocli.CommandLine.ITypeConverter<Shown> {
        @Override
        public Shown convert(String value) {
            if (value.strip().equalsIgnoreCase("team")) {
                return Shown.TEAM;
            }
            return Tab.fromToken(value)
                    .map(tab -> tab == Tab.PROCESSED ? Shown.PROCESSED : Shown.UNPROCESSED)
                    .orElseThrow(() -> new TypeConversionException(
                            "'" + value + "' is not a tab: unprocessed, processed or team"));
        }
    }

    static final class FormatConverter implements picocli.CommandLine.ITypeConverter<Format> {
        @Override
        public Format convert(String value) {
            for (Format format : Format.values()) {
                if (format.name().equalsIgnoreCase(value.strip())) {
                    return format;
                }
            }
            throw new TypeConversionException("'" + value + "' is not a format: csv, json or xlsx");
        }
    }
}
