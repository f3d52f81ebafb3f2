package io.github.missedcalls.examples.bench;

import com.sun.management.OperatingSystemMXBean;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.github.missedcalls.CallRecord;
import io.github.missedcalls.Handle;
import io.github.missedcalls.MissedCalls;
import io.github.missedcalls.ProcessedRow;
import io.github.missedcalls.ProjectSettings;
import io.github.missedcalls.RefreshedReport;
import io.github.missedcalls.Rejection;
import io.github.missedcalls.Report;
import io.github.missedcalls.ReportCheckpoint;
import io.github.missedcalls.ReportListener;
import io.github.missedcalls.ReportQuery;
import io.github.missedcalls.ReportSummary;
import io.github.missedcalls.UnprocessedRow;
import io.github.missedcalls.generator.MonthGenerator;
import io.github.missedcalls.jdbc.JdbcCallSource;
import io.github.missedcalls.jdbc.JdbcCallWriter;
import io.github.missedcalls.jdbc.JdbcHandleStore;
import io.github.missedcalls.jdbc.JdbcSchema;
import io.github.missedcalls.jdbc.TableNames;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.postgresql.PGStatement;

/**
 * The library's report over PostgreSQL against the same report written by hand as one SQL query
 * (window functions: {@code sql-report-anchor.sql}), on the same rows, in one run.
 *
 * <ol>
 *   <li>Loads a generated month ({@link MonthGenerator}, seeded) into the library's own calls
 *       and handles tables through {@link JdbcCallWriter} and {@link JdbcHandleStore}, unless
 *       {@code --reuse} finds it loaded; creates the index the anchor needs; analyzes.
 *   <li>Runs, round after round, the anchor query (every row fetched) and the library's report
 *       ({@link JdbcCallSource} streaming into a {@link ReportListener} that only counts, so no
 *       row is held), and prints each time, the medians and their ratio.
 *   <li>With {@code --breakdown}, also times the fetch alone: the same rows read with plain JDBC,
 *       and through {@link JdbcCallSource} into an empty consumer; the rest of the report's time
 *       is resolution.
 * </ol>
 *
 * <pre>
 * java -Xmx256m -cp ... io.github.missedcalls.examples.bench.JdbcReportBenchmark \
 *     [--calls 1000000] [--warmup 1] [--rounds 5] [--url jdbc:postgresql://127.0.0.1:5432/test?user=postgres]
 *     [--fetch-size 5000] [--reuse] [--breakdown]
 * </pre>
 */
public final class JdbcReportBenchmark {

    private static final String PROJECT = "bench";
    private static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";
    private static final ZoneId ZONE = ZoneId.of("Europe/Kyiv");
    private static final LocalDate FIRST_DAY = LocalDate.of(2026, 10, 27);
    private static final Instant AS_OF = Instant.parse("2026-11-27T00:00:00Z");
    // Linux's unit for the CPU times in /proc/<pid>/stat (getconf CLK_TCK).
    private static final int CLOCK_TICKS_PER_SECOND = 100;
    private static final int REFRESH_WARMUPS = Integer.getInteger("refreshWarmups", 20);
    private static final Pattern NAMED_PARAMETER = Pattern.compile("(?<!:):([a-z]+)\\b");

    private final Options options;
    private final TableNames tables;

    private JdbcReportBenchmark(Options options) {
        this.options = options;
        this.tables = TableNames.withPrefix("bench_" + options.calls + "_");
    }

    /** Command-line options, each {@code --name value} or a flag. */
    private record Options(
            long calls, int warmups, int rounds, String url, int fetchSize, boolean reuse, boolean breakdown) {
        static Options parse(String[] args) {
            long calls = 1_000_000;
            int warmups = 1;
            int rounds = 5;
            String url = DEFAULT_URL;
            int fetchSize = JdbcCallSource.DEFAULT_FETCH_SIZE;
            boolean reuse = false;
            boolean breakdown = false;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--calls" -> calls = Long.parseLong(value(args, ++i).replace("_", ""));
                    case "--warmup" -> warmups = Integer.parseInt(value(args, ++i));
                    case "--rounds" -> rounds = Integer.parseInt(value(args, ++i));
                    case "--url" -> url = value(args, ++i);
                    case "--fetch-size" -> fetchSize = Integer.parseInt(value(args, ++i));
                    case "--reuse" -> reuse = true;
                    case "--breakdown" -> breakdown = true;
                    default ->
                        throw new IllegalArgumentException(
                                (args[i].equals("--help") ? "" : "unknown option " + args[i] + "; ")
                                        + "options: --calls N (default 1000000) --warmup N (1) --rounds N (5) --url JDBC_URL"
                                        + " (" + DEFAULT_URL + ") --fetch-size N (" + JdbcCallSource.DEFAULT_FETCH_SIZE
                                        + ") --reuse"
                                        + " (keep calls loaded by an earlier run) --breakdown (also time the fetch alone)");
                }
            }
            return new Options(calls, warmups, rounds, url, fetchSize, reuse, breakdown);
        }

        private static String value(String[] args, int i) {
            if (i >= args.length) {
                throw new IllegalArgumentException(args[i - 1] + " needs a value");
            }
            return args[i];
        }
    }

    /** Counts rows without holding them, as an export that writes as it goes would. */
    private static final class Counting implements ReportListener {
        long rows;
        long missed;
        long rejected;

        @Override
        public void rejected(Rejection rejection) {
            rejected++;
        }

        @Override
        public void processed(ProcessedRow row) {
            rows++;
            missed += row.missed();
        }

        @Override
        public void unprocessed(UnprocessedRow row) {
            rows++;
            missed += row.missed();
        }
    }

    public static void main(String[] args) throws SQLException {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            boolean asked = Arrays.asList(args).contains("--help");
            (asked ? System.out : System.err).println(e.getMessage());
            System.exit(asked ? 0 : 2);
            return;
        }
        new JdbcReportBenchmark(options).run();
    }

    private MonthGenerator generator() {
        return MonthGenerator.builder()
                .seed(42)
                .zone(ZONE)
                .firstDay(FIRST_DAY)
                .days(31)
                .until(AS_OF)
                .clients((int) Math.min(9_999_999, Math.max(1_000, options.calls / 10)))
                .approximateCalls(options.calls)
                .build();
    }

    private void run() throws SQLException {
        System.out.printf(
                Locale.ROOT,
                "JdbcReportBenchmark: about %,d calls, %d warm-up and %d measured rounds, fetch size %,d; %s;"
                        + " Java %s, %d cores, max heap %,d MB%n",
                options.calls,
                options.warmups,
                options.rounds,
                options.fetchSize,
                options.url.replaceAll("password=[^&]*", "password=..."),
                Runtime.version(),
                Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20);
        // One connection: the report reads through one, and the backend's CPU time is that connection's.
        try (HikariDataSource pool = pool(options.url, 1)) {
            prepare(pool);
            MonthGenerator generator = generator();
            ProjectSettings settings = ProjectSettings.builder()
                    .zone(generator.zone())
                    .businessHours(generator.businessHours())
                    .countryCode(generator.countryCode())
                    .build();
            MissedCalls missedCalls = MissedCalls.builder()
                    .callSource(
                            JdbcCallSource.builder(pool, io.github.missedcalls.jdbc.CallTableMapping.ownTable(tables))
                                    .fetchSize(options.fetchSize)
                                    .build())
                    .handleStore(JdbcHandleStore.builder(pool).tables(tables).build())
                    .settings(settings)
                    .build();
            ReportQuery query = ReportQuery.of(PROJECT).asOf(AS_OF);
            Instant from = query.resolveFrom(AS_OF, settings.zone());
            Instant to = query.resolveTo(AS_OF, settings.zone());
            String anchor = anchorSql();

            List<Measured> anchorSeconds = new ArrayList<>();
            List<Measured> librarySeconds = new ArrayList<>();
            List<Measured> fetchSeconds = new ArrayList<>();
            List<Measured> sourceSeconds = new ArrayList<>();
            List<Measured> resultSetSeconds = new ArrayList<>();
            List<Measured> resultSetReportSeconds = new ArrayList<>();
            List<Measured> directSeconds = new ArrayList<>();
            MissedCalls onOneThread = MissedCalls.builder()
                    .callSource(
                            JdbcCallSource.builder(pool, io.github.missedcalls.jdbc.CallTableMapping.ownTable(tables))
                                    .fetchSize(options.fetchSize)
                                    .readAhead(false)
                                    .build())
                    .handleStore(JdbcHandleStore.builder(pool).tables(tables).build())
                    .settings(settings)
                    .build();
            for (int round = 1 - options.warmups; round <= options.rounds; round++) {
                // Warm-up rounds let the JIT compile both sides' paths; they are printed, not counted.
                String label = round <= 0 ? "warm-up" : "round " + round;
                long[] anchorRows = new long[1];
                anchorSeconds.add(time(pool, () -> anchorRows[0] = anchor(pool, anchor, from, to)));
                System.out.printf(
                        Locale.ROOT, "%s  anchor SQL: %s, %,d rows%n", label, last(anchorSeconds), anchorRows[0]);

                Counting counting = new Counting();
                ReportSummary[] summary = new ReportSummary[1];
                librarySeconds.add(time(pool, () -> {
                    summary[0] = missedCalls.report(query, counting);
                }));
                System.out.printf(
                        Locale.ROOT,
                        "%s  library:    %s, %,d rows (%,d unprocessed, %,d processed),"
                                + " %,d missed calls in rows, %,d rejections%n",
                        label,
                        last(librarySeconds),
                        counting.rows,
                        summary[0].unprocessedRows(),
                        summary[0].processedRows(),
                        counting.missed,
                        counting.rejected);

                if (options.breakdown) {
                    long[] rows = new long[1];
                    fetchSeconds.add(time(pool, () -> rows[0] = plainFetch(pool, from)));
                    System.out.printf(
                            Locale.ROOT,
                            "%s  plain JDBC fetch of the same rows:        %s, %,d rows%n",
                            label,
                            last(fetchSeconds),
                            rows[0]);
                    JdbcCallSource source = JdbcCallSource.builder(
                                    pool, io.github.missedcalls.jdbc.CallTableMapping.ownTable(tables))
                            .fetchSize(options.fetchSize)
                            .readAhead(false)
                            .build();
                    sourceSeconds.add(time(pool, () -> {
                        try (Stream<CallRecord> calls = source.calls(PROJECT, from, AS_OF, r -> {})) {
                            rows[0] = calls.count();
                        }
                    }));
                    System.out.printf(
                            Locale.ROOT,
                            "%s  JdbcCallSource to an empty consumer:       %s, %,d calls%n",
                            label,
                            last(sourceSeconds),
                            rows[0]);
                    JdbcCallSource resultSet = JdbcCallSource.builder(
                                    pool, io.github.missedcalls.jdbc.CallTableMapping.ownTable(tables))
                            .fetchSize(options.fetchSize)
                            .readAhead(false)
                            .postgresCopy(false)
                            .build();
                    resultSetSeconds.add(time(pool, () -> {
                        try (Stream<CallRecord> calls = resultSet.calls(PROJECT, from, AS_OF, r -> {})) {
                            rows[0] = calls.count();
                        }
                    }));
                    System.out.printf(
                            Locale.ROOT,
                            "%s  JdbcCallSource through a result set, no COPY: %s, %,d calls%n",
                            label,
                            last(resultSetSeconds),
                            rows[0]);
                    MissedCalls throughResultSet = MissedCalls.builder()
                            .callSource(resultSet)
                            .handleStore(
                                    JdbcHandleStore.builder(pool).tables(tables).build())
                            .settings(settings)
                            .build();
                    resultSetReportSeconds.add(time(pool, () -> throughResultSet.report(query, new Counting())));
                    System.out.printf(
                            Locale.ROOT,
                            "%s  library through a result set, no COPY (one thread): %s%n",
                            label,
                            last(resultSetReportSeconds));
                    directSeconds.add(time(pool, () -> onOneThread.report(query, new Counting())));
                    System.out.printf(
                            Locale.ROOT,
                            "%s  library without read-ahead (one thread): %s%n",
                            label,
                            last(directSeconds));
                }
                if (round <= 0) {
                    Stream.of(
                                    anchorSeconds,
                                    librarySeconds,
                                    fetchSeconds,
                                    sourceSeconds,
                                    resultSetSeconds,
                                    resultSetReportSeconds,
                                    directSeconds)
                            .forEach(List::clear);
                }
            }
            double anchorMedian = median(anchorSeconds, Measured::wall);
            double libraryMedian = median(librarySeconds, Measured::wall);
            double anchorCpu = median(anchorSeconds, Measured::cpu);
            double libraryCpu = median(librarySeconds, Measured::cpu);
            System.out.printf(
                    Locale.ROOT,
                    "median of %d rounds: anchor SQL %.3f s, library %.3f s: the library is %.2fx"
                            + " as fast (best rounds: %.3f s and %.3f s, %.2fx); CPU time (JVM + PostgreSQL) %.3f s and %.3f s:"
                            + " %.2fx%n",
                    options.rounds,
                    anchorMedian,
                    libraryMedian,
                    anchorMedian / libraryMedian,
                    best(anchorSeconds),
                    best(librarySeconds),
                    best(anchorSeconds) / best(librarySeconds),
                    anchorCpu,
                    libraryCpu,
                    anchorCpu / libraryCpu);
            if (options.breakdown) {
                double fetch = median(fetchSeconds, Measured::wall);
                double source = median(sourceSeconds, Measured::wall);
                double direct = median(directSeconds, Measured::wall);
                System.out.printf(
                        Locale.ROOT,
                        "COPY against a result set (medians, one thread): reading the calls %.3f s and %.3f s"
                                + " (JVM CPU %.3f s and %.3f s), the report %.3f s and %.3f s%n",
                        source,
                        median(resultSetSeconds, Measured::wall),
                        median(sourceSeconds, Measured::jvmCpu),
                        median(resultSetSeconds, Measured::jvmCpu),
                        direct,
                        median(resultSetReportSeconds, Measured::wall));
                System.out.printf(
                        Locale.ROOT,
                        "breakdown on one thread (medians): plain JDBC fetch %.3f s (%.0f%%);"
                                + " + making records %.3f s (%.0f%%); + resolution %.3f s (%.0f%%) = %.3f s; with read-ahead"
                                + " the two threads overlap to %.3f s%n",
                        fetch,
                        100 * fetch / direct,
                        source - fetch,
                        100 * (source - fetch) / direct,
                        direct - source,
                        100 * (direct - source) / direct,
                        direct,
                        libraryMedian);
                System.out.printf(
                        Locale.ROOT,
                        "breakdown of CPU time (medians, JVM): plain fetch %.3f s, JdbcCallSource"
                                + " %.3f s, library on one thread %.3f s, library with read-ahead %.3f s; PostgreSQL: %.3f s,"
                                + " %.3f s, %.3f s, %.3f s%n",
                        median(fetchSeconds, Measured::jvmCpu),
                        median(sourceSeconds, Measured::jvmCpu),
                        median(directSeconds, Measured::jvmCpu),
                        median(librarySeconds, Measured::jvmCpu),
                        median(fetchSeconds, Measured::postgresCpu),
                        median(sourceSeconds, Measured::postgresCpu),
                        median(directSeconds, Measured::postgresCpu),
                        median(librarySeconds, Measured::postgresCpu));
            }
            measureRefresh(pool, missedCalls, from, libraryMedian);
        }
    }

    /**
     * A refresh after about 1% more calls against a full report of the same rows: the
     * checkpoint of a report as of {@link #AS_OF}, then 1% of the month's calls, from the
     * afternoon before it, copied fourteen hours on (new ids, after the checkpoint's watermark),
     * with one {@code INSERT ... SELECT} (after the watermark, so not in the hour counts a refresh
     * checks: those are for the rows before it), then, round after
     * round, a refresh from that checkpoint and a full report as of eight hours after
     * {@link #AS_OF}, whose rows must be identical. The copies are deleted
     * at the end, so that {@code --reuse} finds the month as it was loaded.
     */
    private void measureRefresh(HikariDataSource pool, MissedCalls missedCalls, Instant from, double fullMedian)
            throws SQLException {
        Duration later = Duration.ofHours(8);
        Instant nextAsOf = AS_OF.plus(later);
        ReportQuery fixedStart = ReportQuery.of(PROJECT).window(from, null);
        execute(pool, "DELETE FROM " + tables.calls() + " WHERE project = '" + PROJECT + "' AND id LIKE '%-next'");
        Measured[] checkpointing = new Measured[1];
        RefreshedReport[] first = new RefreshedReport[1];
        checkpointing[0] = time(pool, () -> first[0] = missedCalls.refresh(fixedStart.asOf(AS_OF), null));
        ReportCheckpoint checkpoint =
                Objects.requireNonNull(first[0].checkpoint(), "the first read gave no checkpoint");
        System.out.printf(
                Locale.ROOT,
                "refresh: a report with a checkpoint as of %s: %s; watermark %s, %,d open groups, %,d processed rows%n",
                AS_OF,
                checkpointing[0],
                checkpoint.watermark(),
                checkpoint.open().size(),
                checkpoint.processed().size());
        long onePercent =
                count(pool, "SELECT COUNT(*) FROM " + tables.calls() + " WHERE project = '" + PROJECT + "'") / 100;
        long added;
        try (Connection connection = pool.getConnection();
                PreparedStatement copy = connection.prepareStatement(
                        "INSERT INTO " + tables.calls()
                                + " (project, id, direction, client, line, employee, started_at, answered_at, ended_at, stage,"
                                + " managers, stated_reason) SELECT project, id || '-next', direction, client, line, employee,"
                                + " started_at + ?::interval, answered_at + ?::interval, ended_at + ?::interval, stage, managers,"
                                + " stated_reason FROM " + tables.calls()
                                + " WHERE project = ? AND started_at >= ? AND started_at < ? ORDER BY started_at, id LIMIT ?")) {
            // From 12:00 in Kyiv the day before AS_OF, a busy afternoon: 1% of the month's calls.
            Duration shift = Duration.ofHours(14);
            for (int i = 1; i <= 3; i++) {
                copy.setString(i, shift.toSeconds() + " seconds");
            }
            copy.setString(4, PROJECT);
            copy.setObject(5, utc(AS_OF.minus(shift)));
            copy.setObject(6, utc(AS_OF.minus(shift).plus(later)));
            copy.setLong(7, onePercent);
            added = copy.executeUpdate();
        }
        execute(pool, "ANALYZE " + tables.calls());
        JdbcCallSource counting = JdbcCallSource.ownTable(pool, tables);
        for (int i = 0; i < 3; i++) {
            long[] rows = new long[1];
            Measured count = time(
                    pool,
                    () -> rows[0] = counting.countCalls(PROJECT, from, checkpoint.watermark())
                            .orElse(-1));
            System.out.printf(
                    Locale.ROOT,
                    "refresh: the check of the rows before the watermark, COUNT(*) of %,d rows: %s%n",
                    rows[0],
                    count);
        }
        try {
            // A page refreshes all day: the refresh's own path (the checkpoint's replay) gets the JIT's
            // attention that the full report's got in the rounds above.
            long warming = System.nanoTime();
            for (int i = 0; i < REFRESH_WARMUPS; i++) {
                missedCalls.refresh(fixedStart.asOf(nextAsOf), checkpoint);
            }
            System.out.printf(
                    Locale.ROOT,
                    "refresh: %d refreshes to warm up in %.1f s%n",
                    REFRESH_WARMUPS,
                    (System.nanoTime() - warming) / 1e9);
            List<Measured> refreshSeconds = new ArrayList<>();
            List<Measured> fullSeconds = new ArrayList<>();
            for (int round = 1 - options.warmups; round <= options.rounds; round++) {
                String label = round <= 0 ? "warm-up" : "round " + round;
                RefreshedReport[] refreshed = new RefreshedReport[1];
                Measured refresh =
                        time(pool, () -> refreshed[0] = missedCalls.refresh(fixedStart.asOf(nextAsOf), checkpoint));
                Report[] full = new Report[1];
                Measured whole = time(pool, () -> full[0] = missedCalls.report(fixedStart.asOf(nextAsOf)));
                boolean identical = refreshed[0].report().unprocessed().equals(full[0].unprocessed())
                        && refreshed[0].report().processed().equals(full[0].processed())
                        && refreshed[0].report().rejections().size()
                                == full[0].rejections().size();
                System.out.printf(
                        Locale.ROOT,
                        "%s  refresh after %,d more calls: %s (%s); full report: %s; rows identical: %s (%,d and %,d)%n",
                        label,
                        added,
                        refresh,
                        refreshed[0].reading(),
                        whole,
                        identical,
                        refreshed[0].report().unprocessed().size()
                                + refreshed[0].report().processed().size(),
                        full[0].unprocessed().size() + full[0].processed().size());
                if (!identical || !refreshed[0].incremental()) {
                    throw new IllegalStateException(
                            "the refresh did not give the full report's rows from its checkpoint: "
                                    + refreshed[0].reading());
                }
                if (round > 0) {
                    refreshSeconds.add(refresh);
                    fullSeconds.add(whole);
                }
            }
            double refreshMedian = median(refreshSeconds, Measured::wall);
            double wholeMedian = median(fullSeconds, Measured::wall);
            System.out.printf(
                    Locale.ROOT,
                    "median of %d rounds: refresh %.3f s, full report of the same rows, collected %.3f s: the refresh is"
                            + " %.1fx as fast; against the streamed full report above (%.3f s): %.1fx%n",
                    options.rounds,
                    refreshMedian,
                    wholeMedian,
                    wholeMedian / refreshMedian,
                    fullMedian,
                    fullMedian / refreshMedian);
        } finally {
            execute(pool, "DELETE FROM " + tables.calls() + " WHERE project = '" + PROJECT + "' AND id LIKE '%-next'");
        }
    }

    private static HikariDataSource pool(String url, int connections) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setMaximumPoolSize(connections);
        config.setPoolName("bench");
        return new HikariDataSource(config);
    }

    /** Creates and fills the tables, or finds them filled with {@code --reuse}. */
    private void prepare(HikariDataSource pool) throws SQLException {
        JdbcSchema.create(pool, tables);
        long stored = count(pool, "SELECT COUNT(*) FROM " + tables.calls() + " WHERE project = '" + PROJECT + "'");
        if (options.reuse && stored > 0) {
            System.out.printf(Locale.ROOT, "reusing %,d calls in %s%n", stored, tables.calls());
            return;
        }
        execute(pool, "TRUNCATE " + tables.calls() + ", " + tables.handles());
        long started = System.nanoTime();
        long[] handles = new long[1];
        // Loading is not measured: rewritten batches make it a few times quicker.
        // Two connections: the calls' batch holds one while the generator's handles are saved through the other.
        try (HikariDataSource loading =
                pool(options.url + (options.url.contains("?") ? "&" : "?") + "reWriteBatchedInserts=true", 2)) {
            JdbcHandleStore store =
                    JdbcHandleStore.builder(loading).tables(tables).build();
            JdbcCallWriter writer = JdbcCallWriter.builder(loading)
                    .tables(tables)
                    .batchSize(5_000)
                    .build();
            try (JdbcCallWriter.Batch batch = writer.open(PROJECT)) {
                generator().generate(new MonthGenerator.Sink() {
                    @Override
                    public void call(CallRecord call) {
                        batch.add(call);
                    }

                    @Override
                    public void handle(Handle handle) {
                        store.save(PROJECT, handle);
                        handles[0]++;
                    }
                });
                System.out.printf(
                        Locale.ROOT,
                        "loaded %,d calls and %,d handles into %s in %.1f s%n",
                        batch.count(),
                        handles[0],
                        tables.calls(),
                        (System.nanoTime() - started) / 1e9);
            }
        }
        // What the anchor needs: one project's calls per client in start order, without the heap where possible.
        execute(
                pool,
                "CREATE INDEX IF NOT EXISTS " + tables.calls() + "_anchor ON " + tables.calls()
                        + " (project, client, started_at) INCLUDE (direction, answered_at)");
        execute(pool, "VACUUM ANALYZE " + tables.calls());
        execute(pool, "VACUUM ANALYZE " + tables.handles());
    }

    private String anchorSql() {
        try (InputStream in = getClass().getResourceAsStream("sql-report-anchor.sql")) {
            if (in == null) {
                throw new IllegalStateException("sql-report-anchor.sql is missing from the class path");
            }
            String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            StringBuilder body = new StringBuilder();
            for (String line : sql.split("\n")) {
                if (!line.startsWith("--")) {
                    body.append(line).append('\n');
                }
            }
            // The anchor's columns are the library's own; only the table has another name.
            return body.toString()
                    .replace("FROM calls", "FROM " + tables.calls())
                    .replaceAll(";\\s*$", "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs the anchor with its named parameters bound, fetching every row; returns how many. */
    private long anchor(HikariDataSource pool, String sql, Instant from, Instant to) {
        Map<String, Object> values = Map.of("project", PROJECT, "from", utc(from), "to", utc(to), "asof", utc(AS_OF));
        List<Object> bound = new ArrayList<>();
        Matcher names = NAMED_PARAMETER.matcher(sql);
        StringBuilder positional = new StringBuilder();
        while (names.find()) {
            Object value = values.get(names.group(1));
            if (value == null) {
                throw new IllegalStateException("the anchor names an unknown parameter :" + names.group(1));
            }
            bound.add(value);
            names.appendReplacement(positional, "?");
        }
        names.appendTail(positional);
        return countRows(
                pool,
                positional.toString(),
                statement -> {
                    for (int i = 0; i < bound.size(); i++) {
                        statement.setObject(i + 1, bound.get(i));
                    }
                },
                result -> {
                    for (int c = 1; c <= result.getMetaData().getColumnCount(); c++) {
                        result.getObject(c);
                    }
                });
    }

    /** The library's query, read with plain JDBC: what transfer and the driver cost without records. */
    private long plainFetch(HikariDataSource pool, Instant from) {
        String sql = "SELECT id, direction, client, started_at, answered_at, ended_at, line, employee, stage, managers,"
                + " stated_reason FROM " + tables.calls() + " WHERE project = ? AND started_at >= ? AND started_at <= ?"
                + " ORDER BY started_at, id";
        return countRows(
                pool,
                sql,
                statement -> {
                    statement.setString(1, PROJECT);
                    statement.setObject(2, utc(from));
                    statement.setObject(3, utc(AS_OF));
                },
                result -> {
                    result.getString(1);
                    result.getString(2);
                    result.getString(3);
                    // As JdbcCallSource reads a zoned time.
                    result.getTimestamp(4);
                    result.getTimestamp(5);
                    result.getTimestamp(6);
                    for (int c = 7; c <= 11; c++) {
                        result.getString(c);
                    }
                });
    }

    /** A step that may fail with a {@link SQLException}. */
    private interface SqlStep<T> {
        void accept(T value) throws SQLException;
    }

    /**
     * Runs a query in a transaction (where PostgreSQL streams with the fetch size, so a large
     * result is not held), reads every row with {@code read}, and counts them.
     */
    private long countRows(
            HikariDataSource pool, String sql, SqlStep<PreparedStatement> bind, SqlStep<ResultSet> read) {
        try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setFetchSize(options.fetchSize);
                binaryRows(statement);
                bind.accept(statement);
                long rows = 0;
                try (ResultSet result = statement.executeQuery()) {
                    while (result.next()) {
                        read.accept(result);
                        rows++;
                    }
                }
                return rows;
            } finally {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Binary rows from the first execution, as JdbcCallSource asks for: the same terms for every query. */
    private static void binaryRows(PreparedStatement statement) throws SQLException {
        statement.unwrap(PGStatement.class).setPrepareThreshold(-1);
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static void execute(HikariDataSource pool, String sql) throws SQLException {
        try (Connection connection = pool.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static long count(HikariDataSource pool, String sql) throws SQLException {
        try (Connection connection = pool.getConnection();
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

    /**
     * One timed run: wall time, and the CPU time of this JVM and of the PostgreSQL backend that
     * served it (read from {@code /proc} when the server runs on this machine; else not known).
     * CPU time tells the work apart from waiting for a machine that others are using too.
     */
    private record Measured(double wall, double jvmCpu, double postgresCpu) {
        double cpu() {
            return jvmCpu + Math.max(0, postgresCpu);
        }

        @Override
        public String toString() {
            return String.format(
                    Locale.ROOT,
                    "%7.3f s wall, CPU %.3f s JVM + %s PostgreSQL",
                    wall,
                    jvmCpu,
                    postgresCpu < 0 ? "unknown" : String.format(Locale.ROOT, "%.3f s", postgresCpu));
        }
    }

    /** Runs a task after a garbage collection, so that one round's garbage is not charged to the next. */
    private static Measured time(HikariDataSource pool, Runnable task) {
        System.gc();
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long backend = backendPid(pool);
        double postgresBefore = backendCpuSeconds(backend);
        long cpuBefore = os.getProcessCpuTime();
        long started = System.nanoTime();
        task.run();
        double wall = (System.nanoTime() - started) / 1e9;
        double jvm = (os.getProcessCpuTime() - cpuBefore) / 1e9;
        double postgresAfter = backendCpuSeconds(backend);
        return new Measured(wall, jvm, postgresBefore < 0 || postgresAfter < 0 ? -1 : postgresAfter - postgresBefore);
    }

    private static long backendPid(HikariDataSource pool) {
        try {
            return count(pool, "SELECT pg_backend_pid()");
        } catch (SQLException e) {
            return -1;
        }
    }

    /** User and system time of a process on this machine, from {@code /proc/<pid>/stat}; -1 when unknown. */
    private static double backendCpuSeconds(long pid) {
        Path stat = Path.of("/proc", Long.toString(pid), "stat");
        if (pid < 0 || !Files.isReadable(stat)) {
            return -1;
        }
        try {
            String line = Files.readString(stat);
            // The fields after the command name, which is in brackets and may hold spaces.
            String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / (double) CLOCK_TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static <T> T last(List<T> values) {
        return values.get(values.size() - 1);
    }

    private static double median(List<Measured> values, ToDoubleFunction<Measured> part) {
        double[] sorted = values.stream().mapToDouble(part).sorted().toArray();
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static double best(List<Measured> values) {
        return values.stream().mapToDouble(Measured::wall).min().orElse(Double.NaN);
    }

    @Override
    public String toString() {
        return "JdbcReportBenchmark" + Arrays.asList(options, tables);
    }
}
