package io.github.missedcalls.examples.cli;

import io.github.missedcalls.CallRecord;
import io.github.missedcalls.Handle;
import io.github.missedcalls.Labels;
import io.github.missedcalls.MissedCalls;
import io.github.missedcalls.MissedCallsException;
import io.github.missedcalls.ProcessedRow;
import io.github.missedcalls.ProjectSettings;
import io.github.missedcalls.Report;
import io.github.missedcalls.ReportColumn;
import io.github.missedcalls.ReportCsv;
import io.github.missedcalls.ResolutionKind;
import io.github.missedcalls.Tab;
import io.github.missedcalls.TeamCsv;
import io.github.missedcalls.TeamFigures;
import io.github.missedcalls.UnprocessedRow;
import io.github.missedcalls.examples.demo.DemoDatabase;
import io.github.missedcalls.examples.demo.DemoSummary;
import io.github.missedcalls.examples.demo.TextTable;
import io.github.missedcalls.examples.demo.TextTable.Align;
import io.github.missedcalls.examples.export.JsonExport;
import io.github.missedcalls.examples.export.XlsxExport;
import io.github.missedcalls.examples.web.DemoProjects;
import io.github.missedcalls.examples.web.ReportWindow;
import io.github.missedcalls.generator.MonthGenerator;
import io.github.missedcalls.jdbc.JdbcCallSource;
import io.github.missedcalls.jdbc.JdbcCallWriter;
import io.github.missedcalls.jdbc.JdbcHandleStore;
import io.github.missedcalls.jdbc.JdbcSchema;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code missed-calls demo}: a month of one project's calls in a database, both tabs and a
 * summary on the terminal, and the exports in a folder (docs/cli.md, docs/examples.md).
 *
 * <ol>
 *   <li>The database is an embedded H2 in a temporary folder, removed at the end, or the one
 *       {@code --jdbc-url} names (PostgreSQL, MariaDB/MySQL, H2), where the library's tables are
 *       created if absent and the demo's project is removed again at the end.
 *   <li>A seeded {@link MonthGenerator} month up to now is written through
 *       {@link JdbcCallWriter} and {@link JdbcHandleStore}, with a progress bar when standard
 *       error is a terminal.
 *   <li>The report is read back through {@link JdbcCallSource}, as an application would.
 * </ol>
 */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = "Fills a database with a realistic generated month of one project's calls, shows both tabs"
                + " and a summary, and writes CSV, XLSX and JSON exports.",
        footer = {
            "",
            "Examples of --jdbc-url:",
            "  jdbc:postgresql://127.0.0.1:5432/test?user=postgres",
            "  jdbc:mariadb://127.0.0.1:3306/test?user=root&password=&sslMode=disable"
        })
final class DemoCommand implements Callable<Integer> {

    static final ZoneId ZONE = ZoneId.of("Europe/Kyiv");
    /** A conversation this short did not reach the client; makes SHORT_CONVERSATION happen (R9). */
    static final Duration MIN_CONVERSATION = Duration.ofSeconds(20);

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm", Locale.ROOT);

    @Option(
            names = "--jdbc-url",
            paramLabel = "URL",
            description = "Run against this database (PostgreSQL, MariaDB/MySQL, H2) instead of an embedded H2.")
    private @Nullable String jdbcUrl;

    @Option(names = "--user", paramLabel = "USER", description = "The database user, when the URL does not carry it.")
    private @Nullable String user;

    @Option(
            names = "--password",
            paramLabel = "PASSWORD",
            description = "The database password, when the URL does not carry it.")
    private @Nullable String password;

    @Option(names = "--out", paramLabel = "DIR", description = "Where the exports go. Default: a new temporary folder.")
    private @Nullable Path out;

    @Option(names = "--calls", paramLabel = "N", description = "About how many calls the month has. Default: 60000.")
    private long calls = 60_000;

    @Option(names = "--seed", paramLabel = "N", description = "The same seed gives the same month. Default: 20261127.")
    private long seed = 20_261_127L;

    @Option(names = "--rows", paramLabel = "N", description = "Rows of each tab shown. Default: 10.")
    private int rows = 10;

    @Option(names = "--keep", description = "Leave the demo's project in the --jdbc-url database.")
    private boolean keep;

    @Option(
            names = "--lang",
            paramLabel = "en|uk|ru",
            converter = LanguageConverter.class,
            description = "The language of the tables' headings, reasons and resolutions, and of the exports' "
                    + "words. Default: en.")
    private Labels lang = Labels.english();

    private final Io io;

    DemoCommand(Io io) {
        this.io = io;
    }

    @Override
    public Integer call() {
        if (calls < 100) {
            throw new UsageException("--calls must be at least 100: " + calls);
        }
        if (rows < 0) {
            throw new UsageException("--rows must not be negative: " + rows);
        }
        Path exports = exportFolder();
        Instant now = io.clock().instant();
        MonthGenerator month = DemoProjects.month(ZONE, seed, calls, now);
        // The page's default range, so that the demo's figures are the page's for the same month.
        ReportWindow window = ReportWindow.lastMonth(LocalDate.ofInstant(now, ZONE));
        ProjectSettings settings = ProjectSettings.builder()
                .zone(ZONE)
                .businessHours(month.businessHours())
                .countryCode(month.countryCode())
                .minConversation(MIN_CONVERSATION)
                .workflow(DemoProjects.WORKFLOW)
                .build();
        PrintWriter text = io.outWriter();
        try (DemoDatabase database = openDatabase()) {
            String project = database.isEmbedded()
                    ? "demo"
                    : "demo-"
                            + DateTimeFormatter.ofPattern("uuuuMMdd-HHmmss", Locale.ROOT)
                                    .format(now.atZone(ZONE));
            text.printf(Locale.ROOT, "missed-calls demo: a generated month of the project '%s' in %s%n", project, ZONE);
            text.printf(Locale.ROOT, "  business hours  %s%n", MonthGenerator.DEFAULT_HOURS);
            text.printf(
                    Locale.ROOT,
                    "  range           %s to %s, both days included (the page's default range)%n",
                    window.from(),
                    window.to());
            text.printf(
                    Locale.ROOT,
                    "  deadline        2 business hours from the first missed call; owners: who last reached the"
                            + " client, else who last tried%n");
            text.printf(Locale.ROOT, "  database        %s%n", database.description());
            text.flush();
            try {
                JdbcSchema.create(database.dataSource());
                JdbcHandleStore handles = new JdbcHandleStore(database.dataSource());
                long started = System.nanoTime();
                long[] loaded = load(month, project, database, handles);
                Duration loading = Duration.ofNanos(System.nanoTime() - started);
                started = System.nanoTime();
                Report report = MissedCalls.builder()
                        .callSource(JdbcCallSource.ownTable(database.dataSource()))
                        .handleStore(handles)
                        .settings(settings)
                        .clock(io.clock())
                        .build()
                        .report(window.query(project, now));
                Duration reporting = Duration.ofNanos(System.nanoTime() - started);
                text.printf(
                        Locale.ROOT,
                        "  loaded          %,d calls and %,d handles in %s; report made in %s%n%n",
                        loaded[0],
                        loaded[1],
                        seconds(loading),
                        seconds(reporting));
                printTabs(text, report);
                printSummary(text, report);
                TeamFigures team = report.team();
                printTeam(text, team);
                writeExports(report, team, exports, lang);
                text.printf(Locale.ROOT, "%nExports in %s%n", exports);
                for (String file : List.of(
                        "unprocessed.csv",
                        "processed.csv",
                        "team.csv",
                        "report.xlsx",
                        "unprocessed.json",
                        "processed.json",
                        "team.json")) {
                    text.printf(Locale.ROOT, "  %s%n", exports.resolve(file));
                }
            } finally {
                if (!database.isEmbedded() && !keep) {
                    database.removeProject(project);
                }
            }
        } catch (MissedCallsException e) {
            throw new UsageException(MissedCallsCli.oneLine(e.getMessage()));
        }
        text.flush();
        return MissedCallsCli.OK;
    }

    private Path exportFolder() {
        try {
            Path folder = out;
            if (folder == null) {
                return Files.createTempDirectory("missed-calls-demo-");
            }
            return Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UsageException("cannot make the export folder " + (out == null ? "" : out + " ") + ": "
                    + MissedCallsCli.oneLine(e.getMessage()));
        }
    }

    private DemoDatabase openDatabase() {
        String url = jdbcUrl;
        return url == null ? DemoDatabase.embedded() : DemoDatabase.at(url, user, password);
    }

    /** Generates the month straight into the database; returns the calls and the handles written. */
    private long[] load(MonthGenerator month, String project, DemoDatabase database, JdbcHandleStore handles) {
        AtomicLong written = new AtomicLong();
        long[] handleCount = {0};
        JdbcCallWriter writer = new JdbcCallWriter(database.dataSource());
        try (ProgressBar bar = ProgressBar.start(
                        io.errIsTerminal(), io.err(), "generating and loading", written::get, written::get, calls);
                JdbcCallWriter.Batch batch = writer.open(project)) {
            month.generate(new MonthGenerator.Sink() {
                @Override
                public void call(CallRecord call) {
                    batch.add(call);
                    written.incrementAndGet();
                }

                @Override
                public void handle(Handle handle) {
                    handles.save(project, handle);
                    handleCount[0]++;
                }
            });
        }
        return new long[] {written.get(), handleCount[0]};
    }

    private void printTabs(PrintWriter text, Report report) {
        text.printf(
                Locale.ROOT,
                "Unprocessed: %,d clients still to call back, longest waiting first (times in %s)%n",
                report.unprocessed().size(),
                ZONE);
        TextTable unprocessed = new TextTable()
                .column(lang.column(ReportColumn.CLIENT), Align.LEFT, 16)
                .column(lang.column(ReportColumn.FIRST_MISSED_AT), Align.LEFT, 20)
                .column(lang.column(ReportColumn.LAST_MISSED_AT), Align.LEFT, 22)
                .column(lang.column(ReportColumn.MISSED), Align.RIGHT, 18)
                .column(lang.column(ReportColumn.ATTEMPTS), Align.RIGHT, 20)
                .column(lang.column(ReportColumn.REASON), Align.LEFT, 32)
                .column(lang.column(ReportColumn.WAITING_S), Align.RIGHT, 10)
                .column(lang.column(ReportColumn.DUE), Align.LEFT, 26)
                .column(lang.column(ReportColumn.OWNER), Align.LEFT, 12);
        for (UnprocessedRow row : report.unprocessed()
                .subList(0, Math.min(rows, report.unprocessed().size()))) {
            Instant due = row.due();
            unprocessed.row(
                    row.client(),
                    local(row.firstMissedAt()),
                    local(row.lastMissedAt()),
                    String.valueOf(row.missed()),
                    String.valueOf(row.attempts()),
                    lang.reason(row.reason()),
                    duration(row.waiting()),
                    due == null ? "" : local(due) + (row.overdue() ? " overdue" : ""),
                    row.owner() == null ? "" : Objects.requireNonNull(row.owner()));
        }
        unprocessed.print(text, "  ");
        more(text, report.unprocessed().size());

        text.printf(
                Locale.ROOT,
                "%nProcessed: %,d groups resolved, latest first%n",
                report.processed().size());
        TextTable processed = new TextTable()
                .column(lang.column(ReportColumn.CLIENT), Align.LEFT, 16)
                .column(lang.column(ReportColumn.FIRST_MISSED_AT), Align.LEFT, 20)
                .column(lang.column(ReportColumn.MISSED), Align.RIGHT, 18)
                .column(lang.column(ReportColumn.ATTEMPTS), Align.RIGHT, 20)
                .column(lang.column(ReportColumn.RESOLUTION), Align.LEFT, 20)
                .column(lang.column(ReportColumn.RESOLVED_AT), Align.LEFT, 16)
                .column(lang.column(ReportColumn.RESOLVED_BY), Align.LEFT, 12)
                .column(lang.column(ReportColumn.TIME_TO_RESOLUTION_S), Align.RIGHT, 18);
        for (ProcessedRow row :
                report.processed().subList(0, Math.min(rows, report.processed().size()))) {
            String by = row.resolution().resolvedBy();
            processed.row(
                    row.client(),
                    local(row.firstMissedAt()),
                    String.valueOf(row.missed()),
                    String.valueOf(row.attempts()),
                    lang.resolution(row.resolution().kind()),
                    local(row.resolution().resolvedAt()),
                    by == null ? "" : by,
                    duration(row.timeToResolution()));
        }
        processed.print(text, "  ");
        more(text, report.processed().size());
    }

    private void more(PrintWriter text, int size) {
        if (size > rows) {
            text.printf(Locale.ROOT, "  ... and %,d more in the exports%n", size - rows);
        }
    }

    private void printSummary(PrintWriter text, Report report) {
        DemoSummary summary = DemoSummary.of(report);
        text.printf(Locale.ROOT, "%nSummary from %s to %s (%s)%n", local(report.from()), local(report.to()), ZONE);
        text.printf(Locale.ROOT, "  unprocessed clients   %,d%n", summary.unprocessedClients());
        text.printf(
                Locale.ROOT,
                "  missed calls          %,d in %,d groups, and %,d from withheld numbers%n",
                summary.missedCalls(),
                summary.groups(),
                summary.anonymousMissed());
        long calledBack = summary.resolutions().getOrDefault(ResolutionKind.CALLED_BACK, 0L);
        text.printf(
                Locale.ROOT,
                "  callback rate         %.1f%% of all %,d groups, open ones included, were called back (%,d)%n",
                100 * summary.callbackRate(),
                summary.groups(),
                calledBack);
        Duration median = summary.medianTimeToCallback();
        Duration p90 = summary.p90TimeToCallback();
        text.printf(
                Locale.ROOT,
                "  time to callback      median %s, 90th percentile %s%n",
                median == null ? "-" : duration(median),
                p90 == null ? "-" : duration(p90));
        StringBuilder kinds = new StringBuilder();
        for (ResolutionKind kind : ResolutionKind.values()) {
            kinds.append(kinds.length() == 0 ? "" : ", ")
                    .append(String.format(
                            Locale.ROOT,
                            "%s %.1f%%",
                            lang.resolution(kind).toLowerCase(lang.locale()),
                            100 * summary.share(kind)));
        }
        text.printf(
                Locale.ROOT,
                "  resolutions           of the %,d processed groups: %s%n",
                summary.processedGroups(),
                kinds);
    }

    /**
     * The team's figures per employee (R18): who resolved how many and how fast, their attempts,
     * and the open groups they own; the total last.
     */
    private void printTeam(PrintWriter text, TeamFigures team) {
        text.printf(Locale.ROOT, "%nTeam: how each manager did (R18)%n");
        TextTable table = new TextTable()
                .column("Employee", Align.LEFT, 12)
                .column("Resolved", Align.RIGHT, 8)
                .column("On time", Align.RIGHT, 7)
                .column("Attempts", Align.RIGHT, 8)
                .column("Reached", Align.RIGHT, 7)
                .column("Median to resolution", Align.RIGHT, 20)
                .column("Open", Align.RIGHT, 5)
                .column("Overdue", Align.RIGHT, 7);
        team.byEmployee().forEach((name, figures) -> table.row(teamRow(name, figures)));
        table.row(teamRow("all", team.total()));
        table.print(text, "  ");
        text.printf(
                Locale.ROOT,
                "  (a client who got through is credited to nobody; open and overdue groups go to their owner)%n");
    }

    private static String[] teamRow(String name, TeamFigures.Figures figures) {
        Duration median = figures.medianToResolution();
        return new String[] {
            name,
            String.format(Locale.ROOT, "%,d", figures.resolved()),
            share(figures.onTimeShare()),
            String.format(Locale.ROOT, "%,d", figures.attempts()),
            share(figures.reachedShare()),
            median == null ? "" : duration(median),
            String.format(Locale.ROOT, "%,d", figures.open()),
            String.format(Locale.ROOT, "%,d", figures.overdue())
        };
    }

    private static String share(OptionalDouble share) {
        return share.isPresent() ? String.format(Locale.ROOT, "%.0f%%", 100 * share.getAsDouble()) : "";
    }

    /** Writes both tabs as CSV and JSON with the codes' words and the workflow's columns, a workbook with both, and the team's figures. */
    static void writeExports(Report report, TeamFigures team, Path folder, Labels lang) {
        try {
            for (Tab tab : Tab.values()) {
                try (Writer csv =
                        Files.newBufferedWriter(folder.resolve(tab.token() + ".csv"), StandardCharsets.UTF_8)) {
                    ReportCsv.write(report, tab, csv, lang, true);
                }
                try (OutputStream json =
                        new BufferedOutputStream(Files.newOutputStream(folder.resolve(tab.token() + ".json")))) {
                    JsonExport.write(report, tab, json, lang, true);
                }
            }
            try (Writer csv = Files.newBufferedWriter(folder.resolve("team.csv"), StandardCharsets.UTF_8)) {
                TeamCsv.write(team, csv);
            }
            try (OutputStream json = new BufferedOutputStream(Files.newOutputStream(folder.resolve("team.json")))) {
                JsonExport.writeTeam(team, json);
            }
            try (OutputStream xlsx = new BufferedOutputStream(Files.newOutputStream(folder.resolve("report.xlsx")))) {
                XlsxExport.write(report, List.of(Tab.UNPROCESSED, Tab.PROCESSED), xlsx, lang, true);
            }
        } catch (IOException | UncheckedIOException e) {
            throw new UsageException(
                    "cannot write the exports into " + folder + ": " + MissedCallsCli.oneLine(e.getMessage()));
        }
    }

    private static String local(Instant instant) {
        return LOCAL.format(instant.atZone(ZONE));
    }

    /** A duration as a person reads it: {@code 45s}, {@code 27m}, {@code 3h 10m}, {@code 2d 03h}. */
    static String duration(Duration duration) {
        long seconds = Math.max(0, duration.getSeconds());
        if (seconds < 60) {
            return seconds + "s";
        }
        if (seconds < 3600) {
            return seconds / 60 + "m";
        }
        if (seconds < 86_400) {
            return String.format(Locale.ROOT, "%dh %02dm", seconds / 3600, seconds % 3600 / 60);
        }
        return String.format(Locale.ROOT, "%dd %02dh", seconds / 86_400, seconds % 86_400 / 3600);
    }

    private static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }
}
