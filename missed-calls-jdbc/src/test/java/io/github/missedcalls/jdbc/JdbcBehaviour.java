package io.github.missedcalls.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import com.zaxxer.hikari.HikariDataSource;
import io.github.missedcalls.Assignment;
import io.github.missedcalls.BusinessHours;
import io.github.missedcalls.CallRecord;
import io.github.missedcalls.Direction;
import io.github.missedcalls.Handle;
import io.github.missedcalls.HandleConflictException;
import io.github.missedcalls.HandleReason;
import io.github.missedcalls.MissedCalls;
import io.github.missedcalls.ProjectSettings;
import io.github.missedcalls.RefreshedReport;
import io.github.missedcalls.Rejection;
import io.github.missedcalls.Report;
import io.github.missedcalls.ReportListener;
import io.github.missedcalls.ReportQuery;
import io.github.missedcalls.Stage;
import io.github.missedcalls.StorageException;
import io.github.missedcalls.UnprocessedRow;
import io.github.missedcalls.inmemory.InMemoryCallSource;
import io.github.missedcalls.inmemory.InMemoryHandleStore;
import io.github.missedcalls.jdbc.internal.Identifiers;
import io.github.missedcalls.spi.CallSource;
import io.github.missedcalls.spi.HandleStore;
import io.github.missedcalls.spi.SaveOutcome;
import io.github.missedcalls.tck.Generators;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.TimeZone;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.quicktheories.core.Gen;

/**
 * What the JDBC module promises beyond the compatibility kits, on one database: rows it cannot
 * use, time zones, failures, transactions it does not own, tenants, and its own tables.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class JdbcBehaviour {

    static final Instant BASE = Instant.parse("2026-03-02T08:00:00Z");
    static final ProjectSettings SETTINGS = ProjectSettings.builder()
            .zone(ZoneId.of("Europe/Kyiv"))
            .businessHours(BusinessHours.parse("Mon-Fri 09:00-18:00"))
            .countryCode("380")
            .build();

    private final TestDatabase database;
    private final DatabaseFixture fixture;
    private final TableNames tables;

    JdbcBehaviour(TestDatabase database) {
        this.database = database;
        this.fixture = new DatabaseFixture(database, "beh", 4);
        this.tables = fixture.tables();
    }

    @BeforeAll
    void createTables() {
        fixture.open();
    }

    @BeforeEach
    void requireDatabase() {
        database.assumeAvailable();
    }

    @AfterAll
    void dropTables() {
        fixture.close();
    }

    HikariDataSource pool() {
        return fixture.pool();
    }

    TestDatabase database() {
        return database;
    }

    TableNames tables() {
        return tables;
    }

    static String newProject() {
        return "p-" + Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36);
    }

    JdbcCallWriter writer(DataSource dataSource) {
        return JdbcCallWriter.builder(dataSource).tables(tables).build();
    }

    JdbcCallSource source(DataSource dataSource, int fetchSize) {
        return JdbcCallSource.builder(dataSource, CallTableMapping.ownTable(tables))
                .fetchSize(fetchSize)
                .build();
    }

    JdbcHandleStore store(DataSource dataSource) {
        return JdbcHandleStore.builder(dataSource).tables(tables).build();
    }

    static MissedCalls missedCalls(CallSource source, HandleStore store) {
        return MissedCalls.builder()
                .callSource(source)
                .handleStore(store)
                .settings(SETTINGS)
                .build();
    }

    static ReportQuery query(String project) {
        return ReportQuery.of(project)
                .window(BASE.minus(Duration.ofDays(2)), BASE.plus(Duration.ofDays(2)))
                .asOf(BASE.plus(Duration.ofDays(3)));
    }

    /** A day of one client's calls and a few others': enough for both tabs and several round trips. */
    static List<CallRecord> calls(int count) {
        List<CallRecord> calls = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Instant start = BASE.plusSeconds(97L * i);
            String client = "+38050" + (1_000_000 + i % 37);
            Direction direction = i % 5 == 4 ? Direction.OUT : Direction.IN;
            CallRecord.Builder call = CallRecord.builder("c" + i, direction, start, start.plusSeconds(40))
                    .client(client)
                    .employee("anna");
            if (i % 7 == 0) {
                call.answeredAt(start.plusSeconds(5));
            } else if (direction == Direction.IN) {
                call.stage(Stage.RINGING);
            }
            calls.add(call.build());
        }
        return calls;
    }

    long rowsOf(String table, String project) {
        try (Connection connection = pool().getConnection();
                PreparedStatement count = connection.prepareStatement("SELECT COUNT(*) FROM "
                        + io.github.missedcalls.jdbc.internal.SqlDialect.of(connection, null)
                                .name(table) + " WHERE project = ?")) {
            count.setString(1, project);
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Nested
    @DisplayName("against the in-memory source")
    class Differential {

        // A database round trip per example: fewer examples than the in-memory properties run.
        private final int examples = Math.min(Generators.examples(), 40);

        @Test
        @DisplayName(
                "R12: a generated month gives the same report through the database as through the in-memory source")
        void sameReportAsInMemory() {
            Duration step = Duration.ofMinutes(15);
            Gen<Instant> month = Generators.instants(Generators.GRID_START, Duration.ofDays(31), step);
            ProjectSettings settings = ProjectSettings.builder()
                    .zone(ZoneId.of("Europe/Kyiv"))
                    .businessHours(BusinessHours.parse("Mon-Fri 09:00-18:00; Sat 10:00-14:00"))
                    .countryCode(Generators.COUNTRY_CODE)
                    .build();
            JdbcCallWriter writer = writer(pool());
            JdbcHandleStore store = store(pool());
            MissedCalls throughDatabase = MissedCalls.builder()
                    .callSource(source(pool(), 64))
                    .handleStore(store)
                    .settings(settings)
                    .build();

            long[] rows = new long[1];
            Generators.theory()
                    .withExamples(examples)
                    .forAll(
                            Generators.callLogsWithUniqueIds(month, 400),
                            lists().of(Generators.handles(month, step)).ofSizeBetween(0, 12),
                            integers().between(1, 30),
                            integers().between(0, 30))
                    .checkAssert((calls, handles, fromDay, daysLong) -> {
                        String project = newProject();
                        writer.write(project, calls);
                        InMemoryHandleStore memory = new InMemoryHandleStore();
                        for (Handle handle : handles) {
                            saveToBoth(project, handle, store, memory);
                        }
                        MissedCalls inMemory = MissedCalls.builder()
                                .callSource(new InMemoryCallSource().add(project, calls))
                                .handleStore(memory)
                                .settings(settings)
                                .build();
                        Instant from = Generators.GRID_START
                                .plus(Duration.ofDays(fromDay))
                                .minus(Duration.ofHours(5));
                        ReportQuery query = ReportQuery.of(project)
                                .window(from, from.plus(Duration.ofDays(daysLong)))
                                .asOf(from.plus(Duration.ofDays(daysLong)).plus(Duration.ofHours(30)));

                        Report expected = inMemory.report(query);
                        Report actual = throughDatabase.report(query);

                        assertThat(actual.unprocessed()).isEqualTo(expected.unprocessed());
                        assertThat(actual.processed()).isEqualTo(expected.processed());
                        assertThat(actual.rejections()).containsExactlyInAnyOrderElementsOf(expected.rejections());
                        assertThat(actual.anonymousMissed()).isEqualTo(expected.anonymousMissed());
                        rows[0] += expected.unprocessed().size()
                                + expected.processed().size();
                    });
            assertThat(rows[0]).as("rows compared over all examples").isPositive();
        }

        private void saveToBoth(String project, Handle handle, HandleStore database, HandleStore memory) {
            boolean refusedByMemory = false;
            try {
                memory.save(project, handle);
            } catch (HandleConflictException e) {
                refusedByMemory = true;
            }
            try {
                database.save(project, handle);
                assertThat(refusedByMemory)
                        .as("the database stored what memory refused: %s", handle)
                        .isFalse();
            } catch (HandleConflictException e) {
                assertThat(refusedByMemory)
                        .as("the database refused what memory stored: %s", handle)
                        .isTrue();
            }
        }
    }

    @Nested
    @DisplayName("rows of a user's table that are not calls")
    class UnusableRows {

        @Test
        @DisplayName("R2: each is rejected with its id and reason, and the valid rows are delivered")
        void rejectedWithIdAndReason() {
            String table =
                    "mct_rows_" + Integer.toString(ThreadLocalRandom.current().nextInt(1 << 30), 36);
            String time = database.wallTimeType();
            TestDatabase.execute(
                    pool(),
                    "CREATE TABLE " + table + " (project VARCHAR(20), id VARCHAR(20), direction VARCHAR(20),"
                            + " client VARCHAR(40), started_at " + time + ", answered_at " + time + ", ended_at " + time
                            + ","
                            + " stage VARCHAR(20), managers VARCHAR(20), reason VARCHAR(40))");
            try {
                String t = "2026-03-02 08:00:00";
                String later = "2026-03-02 08:01:00";
                TestDatabase.execute(
                        pool(),
                        row(table, "'ok-1'", "'in'", "'+380501110001'", t, null, later, "'ringing'", null, null),
                        row(table, "'ok-2'", "' OUT '", "'0501110001'", later, later, later, null, null, "'unknown'"),
                        row(table, "NULL", "'in'", "'+380501110001'", t, null, later, null, null, null),
                        row(
                                table,
                                "'bad-direction'",
                                "'sideways'",
                                "'+380501110001'",
                                t,
                                null,
                                later,
                                null,
                                null,
                                null),
                        row(table, "'no-direction'", "NULL", "'+380501110001'", t, null, later, null, null, null),
                        row(table, "'ends-early'", "'in'", "'+380501110001'", later, null, t, null, null, null),
                        row(table, "'no-end'", "'in'", "'+380501110001'", t, null, null, null, null, null),
                        row(
                                table,
                                "'answered-late'",
                                "'in'",
                                "'+380501110001'",
                                t,
                                "2026-03-02 09:00:00",
                                later,
                                null,
                                null,
                                null),
                        row(table, "'bad-stage'", "'in'", "'+380501110001'", t, null, later, "'limbo'", null, null),
                        row(
                                table,
                                "'bad-managers'",
                                "'in'",
                                "'+380501110001'",
                                t,
                                null,
                                later,
                                "'ringing'",
                                "'maybe'",
                                null),
                        row(table, "'bad-reason'", "'in'", "'+380501110001'", t, null, later, null, null, "'bored'"),
                        "INSERT INTO " + table + " (project, id, direction, client, started_at, ended_at) VALUES"
                                + " ('acme', 'no-start', 'in', '1', NULL, '" + later + "')");
                CallTableMapping mapping = CallTableMapping.builder(table)
                        .projectColumn("project")
                        .stageColumn("stage")
                        .managersColumn("managers")
                        .reasonColumn("reason")
                        .build();
                List<Rejection> rejections = new ArrayList<>();
                List<CallRecord> delivered;
                try (Stream<CallRecord> calls = JdbcCallSource.builder(pool(), mapping)
                        .build()
                        .calls("acme", BASE.minusSeconds(3600), BASE.plusSeconds(3600), rejections::add)) {
                    delivered = calls.toList();
                }

                assertThat(delivered).extracting(CallRecord::id).containsExactly("ok-1", "ok-2");
                assertThat(rejections)
                        .extracting(Rejection::id, Rejection::reason)
                        .containsExactlyInAnyOrder(
                                org.assertj.core.groups.Tuple.tuple(null, "no id"),
                                org.assertj.core.groups.Tuple.tuple("bad-direction", "unknown direction 'sideways'"),
                                org.assertj.core.groups.Tuple.tuple("no-direction", "no direction"),
                                org.assertj.core.groups.Tuple.tuple("ends-early", "ends before it starts"),
                                org.assertj.core.groups.Tuple.tuple("no-end", "no end"),
                                org.assertj.core.groups.Tuple.tuple("answered-late", "answered outside [start, end]"),
                                org.assertj.core.groups.Tuple.tuple("bad-stage", "unknown stage 'limbo'"),
                                org.assertj.core.groups.Tuple.tuple("bad-managers", "unknown managers value 'maybe'"),
                                org.assertj.core.groups.Tuple.tuple("bad-reason", "unknown reason 'bored'"));
                assertThat(rejections).allSatisfy(r -> assertThat(r.kind()).isEqualTo(Rejection.Kind.CALL));
                // A row without a start cannot be placed in a range of starts: the query never selects it.
                assertThat(rejections).extracting(Rejection::id).doesNotContain("no-start");
            } finally {
                TestDatabase.dropTables(pool(), table);
            }
        }

        private String row(
                String table,
                String id,
                String direction,
                String client,
                String started,
                @Nullable String answered,
                @Nullable String ended,
                @Nullable String stage,
                @Nullable String managers,
                @Nullable String reason) {
            return "INSERT INTO " + table
                    + " (project, id, direction, client, started_at, answered_at, ended_at, stage,"
                    + " managers, reason) VALUES ('acme', " + id + ", " + direction + ", " + client + ", '" + started
                    + "', "
                    + literal(answered) + ", " + literal(ended) + ", " + Objects.requireNonNullElse(stage, "NULL")
                    + ", "
                    + Objects.requireNonNullElse(managers, "NULL") + ", " + Objects.requireNonNullElse(reason, "NULL")
                    + ")";
        }

        private String literal(@Nullable String time) {
            return time == null ? "NULL" : "'" + time + "'";
        }

        @Test
        @DisplayName("a table that holds one project's calls delivers nothing to any other project")
        void singleProjectTable() {
            String table =
                    "mct_single_" + Integer.toString(ThreadLocalRandom.current().nextInt(1 << 30), 36);
            String time = database.wallTimeType();
            TestDatabase.execute(
                    pool(),
                    "CREATE TABLE " + table + " (id VARCHAR(20), direction VARCHAR(20),"
                            + " client VARCHAR(40), started_at " + time + ", answered_at " + time + ", ended_at " + time
                            + ")",
                    "INSERT INTO " + table + " VALUES ('1', 'in', '+380501110001', '2026-03-02 08:00:00', NULL,"
                            + " '2026-03-02 08:01:00')");
            try {
                JdbcCallSource source = JdbcCallSource.builder(
                                pool(),
                                CallTableMapping.builder(table)
                                        .singleProject("acme")
                                        .build())
                        .build();

                assertThat(read(source, "acme")).extracting(CallRecord::id).containsExactly("1");
                assertThat(read(source, "globex")).isEmpty();
                TestDatabase.assertNothingBorrowed(pool());
            } finally {
                TestDatabase.dropTables(pool(), table);
            }
        }

        private List<CallRecord> read(CallSource source, String project) {
            try (Stream<CallRecord> calls =
                    source.calls(project, Instant.EPOCH, BASE.plus(Duration.ofDays(1)), r -> {})) {
                return calls.toList();
            }
        }
    }

    @Nested
    @DisplayName("time zones")
    class TimeZones {

        @Test
        @DisplayName(
                "R1: a JVM and database sessions far from UTC give the report that UTC gives, and the in-memory one")
        void zonesDoNotMoveInstants() {
            String project = newProject();
            List<CallRecord> calls = calls(400);
            Handle handle = new Handle(
                    "+380501000003", BASE.plusSeconds(3600), BASE.plusSeconds(3000), HandleReason.SPAM, null, "olena");
            TimeZone jvmZone = TimeZone.getDefault();
            Report inUtc;
            Report farFromUtc;
            try {
                TimeZone.setDefault(TimeZone.getTimeZone("Asia/Kolkata"));
                try (HikariDataSource writing = database.newPool(database.nonUtcSessionSql(), 2)) {
                    writer(writing).write(project, calls);
                    store(writing).save(project, handle);
                }
                TimeZone.setDefault(TimeZone.getTimeZone(ZoneOffset.UTC));
                try (HikariDataSource utc = database.newPool(utcSessionSql(), 2)) {
                    inUtc = missedCalls(source(utc, 50), store(utc)).report(query(project));
                }
                TimeZone.setDefault(TimeZone.getTimeZone("America/Los_Angeles"));
                try (HikariDataSource far = database.newPool(database.nonUtcSessionSql(), 2)) {
                    farFromUtc = missedCalls(source(far, 50), store(far)).report(query(project));
                }
            } finally {
                TimeZone.setDefault(jvmZone);
            }
            InMemoryHandleStore handles = new InMemoryHandleStore();
            handles.save(project, handle);
            Report inMemory = missedCalls(new InMemoryCallSource().add(project, calls), handles)
                    .report(query(project));

            assertThat(inUtc.unprocessed()).isNotEmpty();
            assertThat(inUtc.processed()).isNotEmpty();
            assertThat(farFromUtc).isEqualTo(inUtc);
            assertThat(inUtc).isEqualTo(inMemory);
        }

        private String utcSessionSql() {
            return database == TestDatabase.MARIADB ? "SET time_zone = '+00:00'" : "SET TIME ZONE 'UTC'";
        }

        @Test
        @DisplayName("R1: the own table stores the UTC instant, readable by hand whatever the session's zone")
        void ownTableHoldsUtc() throws SQLException {
            String project = newProject();
            writer(pool())
                    .write(
                            project,
                            List.of(CallRecord.builder("utc", Direction.IN, BASE, BASE.plusSeconds(30))
                                    .client("+380501110001")
                                    .build()));
            try (Connection connection = pool().getConnection();
                    Statement statement = connection.createStatement()) {
                if (database == TestDatabase.MARIADB) {
                    // DATETIME holds the UTC wall time, whatever the session's time_zone.
                    try (ResultSet row =
                            statement.executeQuery("SELECT started_at FROM " + tables.calls() + " WHERE id = 'utc'")) {
                        row.next();
                        assertThat(row.getObject(1, LocalDateTime.class))
                                .isEqualTo(LocalDateTime.ofInstant(BASE, ZoneOffset.UTC));
                    }
                } else {
                    try (ResultSet row =
                            statement.executeQuery("SELECT started_at FROM " + tables.calls() + " WHERE id = 'utc'")) {
                        row.next();
                        assertThat(row.getObject(1, java.time.OffsetDateTime.class)
                                        .toInstant())
                                .isEqualTo(BASE);
                    }
                }
            }
        }
    }

    @Nested
    @DisplayName("the hour counts a refresh checks")
    class HourCounts {

        /** The same table read as a user's table: counted with COUNT(*), no hour counts. */
        private JdbcCallSource counted() {
            return JdbcCallSource.builder(
                            pool(),
                            CallTableMapping.builder(tables.calls())
                                    .projectColumn("project")
                                    .idsAreUnique(true)
                                    .build())
                    .build();
        }

        private void assertCountsAgree(String project) {
            JdbcCallSource summed = source(pool(), 100);
            Instant[][] ranges = {
                {BASE, BASE.plus(Duration.ofHours(20))},
                {BASE.plusSeconds(7 * 60 + 13), BASE.plusSeconds(9 * 3600 + 13 * 60)},
                {BASE.plusSeconds(3600), BASE.plusSeconds(7200)},
                {BASE.plusSeconds(100), BASE.plusSeconds(200)},
                {BASE.minus(Duration.ofDays(1)), BASE.plus(Duration.ofDays(1))}
            };
            for (Instant[] range : ranges) {
                assertThat(summed.countCalls(project, range[0], range[1]))
                        .as("[%s, %s)", range[0], range[1])
                        .isEqualTo(counted().countCalls(project, range[0], range[1]));
            }
        }

        @Test
        @DisplayName("the writer keeps the calls per hour in step with the table, so the summed count is the COUNT(*)")
        void writerKeepsHourCounts() {
            String project = newProject();
            writer(pool()).write(project, calls(600));
            writer(pool())
                    .write(
                            project,
                            List.of(CallRecord.builder(
                                            "late", Direction.IN, BASE.plusSeconds(3_000), BASE.plusSeconds(3_030))
                                    .client("+380501234567")
                                    .build()));

            assertThat(source(pool(), 100).countCalls(project, BASE, BASE.plus(Duration.ofDays(1))))
                    .hasValue(601);
            assertCountsAgree(project);
        }

        @Test
        @DisplayName("a batch that fails adds nothing to the hour counts")
        void failedBatchAddsNothing() {
            String project = newProject();
            writer(pool()).write(project, calls(50));
            List<CallRecord> again = new ArrayList<>(calls(60));
            assertThatThrownBy(() -> writer(pool()).write(project, again)).isInstanceOf(StorageException.class);

            assertThat(source(pool(), 100).countCalls(project, BASE, BASE.plus(Duration.ofDays(1))))
                    .hasValue(50);
            assertCountsAgree(project);
        }

        @Test
        @DisplayName(
                "rows written with SQL of one's own are counted after JdbcSchema.recountCalls, and by create for an older table")
        void recountAfterOwnSql() {
            String project = newProject();
            writer(pool()).write(project, calls(30));
            TestDatabase.execute(
                    pool(),
                    "INSERT INTO " + tables.calls() + " (project, id, direction, client, started_at, ended_at)"
                            + " SELECT project, CONCAT(id, '-copy'), direction, client, started_at, ended_at FROM "
                            + tables.calls() + " WHERE project = '" + project + "'");
            assertThat(source(pool(), 100).countCalls(project, BASE, BASE.plus(Duration.ofDays(1))))
                    .as("before the recount")
                    .hasValue(30);

            JdbcSchema.recountCalls(pool(), tables);
            assertThat(source(pool(), 100).countCalls(project, BASE, BASE.plus(Duration.ofDays(1))))
                    .hasValue(60);
            assertCountsAgree(project);

            TestDatabase.dropTables(pool(), tables.callHours());
            JdbcSchema.create(pool(), tables, null);
            assertThat(source(pool(), 100).countCalls(project, BASE, BASE.plus(Duration.ofDays(1))))
                    .as("counted by create")
                    .hasValue(60);
        }

        @Test
        @DisplayName(
                "a refresh over the library's tables reads from the watermark, and reads everything after a late call")
        void refreshOverTheLibrarysTables() {
            String project = newProject();
            writer(pool()).write(project, calls(400));
            MissedCalls missedCalls = MissedCalls.builder()
                    .callSource(source(pool(), 100))
                    .handleStore(store(pool()))
                    .settings(SETTINGS)
                    .lateness(Duration.ofHours(1))
                    .build();
            ReportQuery fixedStart = ReportQuery.of(project).window(BASE.minus(Duration.ofDays(1)), null);
            Instant first = BASE.plus(Duration.ofHours(6));
            Instant second = BASE.plus(Duration.ofHours(12));

            RefreshedReport morning = missedCalls.refresh(fixedStart.asOf(first), null);
            RefreshedReport noon = missedCalls.refresh(fixedStart.asOf(second), morning.checkpoint());
            assertThat(noon.incremental()).as(noon.reading()).isTrue();
            Report full = missedCalls.report(fixedStart.asOf(second));
            assertThat(noon.report().unprocessed()).isNotEmpty().isEqualTo(full.unprocessed());
            assertThat(noon.report().processed()).isNotEmpty().isEqualTo(full.processed());

            writer(pool())
                    .write(
                            project,
                            List.of(CallRecord.builder(
                                            "late", Direction.IN, BASE.plusSeconds(600), BASE.plusSeconds(630))
                                    .client("+380501234567")
                                    .build()));
            RefreshedReport later = missedCalls.refresh(fixedStart.asOf(second), noon.checkpoint());
            assertThat(later.incremental()).isFalse();
            assertThat(later.reading()).contains("late call record");
            assertThat(later.report().unprocessed())
                    .isEqualTo(missedCalls.report(fixedStart.asOf(second)).unprocessed());
        }
    }

    @Nested
    @DisplayName("PostgreSQL's COPY")
    class PostgresCopyRead {

        @BeforeEach
        void onlyPostgres() {
            org.junit.jupiter.api.Assumptions.assumeTrue(
                    database == TestDatabase.POSTGRESQL, "COPY is PostgreSQL's; other databases read a result set");
        }

        @Test
        @DisplayName("PostgreSQL's rows come through COPY, not a result set, and give the same report")
        void rowsComeThroughCopy() {
            String project = newProject();
            writer(pool()).write(project, calls(300));
            FaultyDataSource noResultSets = new FaultyDataSource(pool()).resultSetsDieAfter(0);
            Report throughCopy =
                    missedCalls(source(noResultSets, 40), store(pool())).report(query(project));
            Report throughResultSet = missedCalls(
                            JdbcCallSource.builder(pool(), CallTableMapping.ownTable(tables))
                                    .fetchSize(40)
                                    .postgresCopy(false)
                                    .build(),
                            store(pool()))
                    .report(query(project));

            assertThat(noResultSets.injected()).as("result sets read").isZero();
            assertThat(throughCopy.unprocessed()).isNotEmpty().isEqualTo(throughResultSet.unprocessed());
            assertThat(throughCopy.processed()).isNotEmpty().isEqualTo(throughResultSet.processed());
            assertThat(throughCopy.rejections()).isEqualTo(throughResultSet.rejections());
        }

        @Test
        @DisplayName("a connection whose proxy hides PostgreSQL's driver is read through a result set")
        void hiddenDriverFallsBack() {
            String project = newProject();
            writer(pool()).write(project, calls(50));
            FaultyDataSource hidden = new FaultyDataSource(pool()).hidesDriver();

            try (Stream<CallRecord> read =
                    source(hidden, 40).calls(project, Instant.EPOCH, BASE.plus(Duration.ofDays(9)), r -> {})) {
                assertThat(read.map(CallRecord::id)).hasSize(50);
            }
            TestDatabase.assertNothingBorrowed(pool());
        }

        @Test
        @DisplayName("a COPY closed early, short or long, leaves its connection ready for the next read")
        void closedEarlyLeavesConnectionUsable() {
            String project = newProject();
            // Longer than what a close reads and drops, so that the long case is cancelled.
            writer(pool()).write(project, calls(25_000));
            try (HikariDataSource one = database.newPool(database.nonUtcSessionSql(), 1)) {
                JdbcCallSource source = source(one, 100);
                for (Instant until : new Instant[] {BASE.plusSeconds(97L * 50), BASE.plus(Duration.ofDays(400))}) {
                    for (int round = 0; round < 3; round++) {
                        try (Stream<CallRecord> read = source.calls(project, Instant.EPOCH, until, r -> {})) {
                            assertThat(read.limit(5).count()).isEqualTo(5);
                        }
                        TestDatabase.assertNothingBorrowed(one);
                    }
                }
                try (Stream<CallRecord> read =
                        source.calls(project, Instant.EPOCH, BASE.plus(Duration.ofDays(400)), r -> {})) {
                    assertThat(read.count()).as("the next read, whole").isEqualTo(25_000);
                }
            }
        }

        @Test
        @DisplayName("a project's name with quotes and backslashes selects its own calls only")
        void projectNameIsALiteral() {
            String project = "o'brien\\' OR ''=''";
            String other = newProject();
            writer(pool()).write(project, calls(20));
            writer(pool()).write(other, calls(30));
            FaultyDataSource noResultSets = new FaultyDataSource(pool()).resultSetsDieAfter(0);

            try (Stream<CallRecord> read =
                    source(noResultSets, 40).calls(project, Instant.EPOCH, BASE.plus(Duration.ofDays(9)), r -> {})) {
                assertThat(read.count()).isEqualTo(20);
            }
            assertThat(noResultSets.injected()).isZero();
        }
    }

    @Nested
    @DisplayName("failures")
    class Failures {

        @Test
        @DisplayName(
                "a connection that dies midway through a report ends it with a StorageException and leaks no connection")
        void readDyingMidway() {
            String project = newProject();
            writer(pool()).write(project, calls(600));
            for (boolean readAhead : new boolean[] {true, false}) {
                try (HikariDataSource dedicated = database.newPool(database.nonUtcSessionSql(), 2)) {
                    FaultyDataSource faulty = new FaultyDataSource(dedicated).resultSetsDieAfter(250);
                    MissedCalls missedCalls = missedCalls(
                            JdbcCallSource.builder(faulty, CallTableMapping.ownTable(tables))
                                    .fetchSize(40)
                                    .readAhead(readAhead)
                                    // The fault is in the result set; PostgreSQL's COPY dies in sessionKilledMidway.
                                    .postgresCopy(false)
                                    .build(),
                            store(dedicated));

                    assertThatThrownBy(() -> missedCalls.report(query(project)))
                            .as("read-ahead " + readAhead)
                            .isInstanceOf(StorageException.class)
                            .hasMessageContaining("failed midway")
                            .hasMessageContaining("report is incomplete")
                            .hasCauseInstanceOf(SQLException.class);
                    assertThatThrownBy(() -> missedCalls.report(query(project), new ReportListener() {}))
                            .isInstanceOf(StorageException.class);
                    assertThat(faulty.injected()).isEqualTo(2);
                    TestDatabase.assertNothingBorrowed(dedicated);
                }
            }
        }

        @Test
        @DisplayName(
                "a session killed by the server midway through a read ends it with a StorageException and leaks no connection")
        void sessionKilledMidway() throws SQLException {
            org.junit.jupiter.api.Assumptions.assumeTrue(
                    database != TestDatabase.H2,
                    "an embedded H2 has no server session to kill; the injected failure covers it");
            String project = newProject();
            // More rows than read-ahead may hold, and where the server streams into a socket (MariaDB,
            // PostgreSQL's COPY), more than the loopback's send and receive buffers may grow to (36 MB
            // between them on this machine kind): the read cannot have ended before the kill.
            int count = database == TestDatabase.H2 ? 20_000 : 400_000;
            writer(pool()).write(project, calls(count));
            for (boolean readAhead : new boolean[] {true, false}) {
                try (HikariDataSource dedicated = database.newPool(database.nonUtcSessionSql(), 2)) {
                    JdbcCallSource source = JdbcCallSource.builder(dedicated, CallTableMapping.ownTable(tables))
                            .fetchSize(100)
                            .readAhead(readAhead)
                            .build();
                    Stream<CallRecord> calls =
                            source.calls(project, Instant.EPOCH, BASE.plus(Duration.ofDays(400)), r -> {});
                    Iterator<CallRecord> iterator = calls.iterator();
                    for (int i = 0; i < 10; i++) {
                        iterator.next();
                    }
                    killSessionsReading(tables.calls());

                    assertThatThrownBy(() -> {
                                while (iterator.hasNext()) {
                                    iterator.next();
                                }
                            })
                            .as("read-ahead " + readAhead)
                            .isInstanceOf(StorageException.class)
                            .hasMessageContaining("failed midway")
                            .hasCauseInstanceOf(SQLException.class);
                    calls.close();
                    TestDatabase.assertNothingBorrowed(dedicated);
                    assertThat(source.calls(project, BASE, BASE, r -> {}).count())
                            .as("the source still works")
                            .isEqualTo(1);
                    TestDatabase.assertNothingBorrowed(dedicated);
                }
            }
        }

        private void killSessionsReading(String table) throws SQLException {
            try (Connection connection = pool().getConnection();
                    Statement statement = connection.createStatement()) {
                if (database == TestDatabase.POSTGRESQL) {
                    statement.execute(
                            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query LIKE '%" + table
                                    + "%' AND query NOT LIKE '%pg_stat_activity%' AND state <> 'idle' AND pid <> pg_backend_pid()");
                } else {
                    List<Long> ids = new ArrayList<>();
                    try (ResultSet sessions = statement.executeQuery(
                            "SELECT id FROM information_schema.processlist" + " WHERE info LIKE '%" + table
                                    + "%' AND info NOT LIKE '%processlist%' AND id <> CONNECTION_ID()")) {
                        while (sessions.next()) {
                            ids.add(sessions.getLong(1));
                        }
                    }
                    assertThat(ids).as("sessions reading " + table).isNotEmpty();
                    for (long id : ids) {
                        statement.execute("KILL CONNECTION " + id);
                    }
                }
            }
        }

        @Test
        @DisplayName("R11: a handle save that never reached the server leaves nothing, and saving again stores it once")
        void saveFailingBeforeTheServer() {
            String project = newProject();
            FaultyDataSource faulty = new FaultyDataSource(pool());
            JdbcHandleStore store = store(faulty);
            Handle handle = new Handle("+380501110001", BASE, BASE, HandleReason.NOT_SALES, null, "olena");

            faulty.nextUpdateFailsBeforeRunning();
            assertThatThrownBy(() -> store.save(project, handle))
                    .isInstanceOf(StorageException.class)
                    .hasCauseInstanceOf(SQLException.class);
            assertThat(store.handles(project, Instant.EPOCH, BASE)).isEmpty();

            assertThat(store.save(project, handle)).isEqualTo(SaveOutcome.STORED);
            assertThat(store.handles(project, Instant.EPOCH, BASE)).containsExactly(handle);
            TestDatabase.assertNothingBorrowed(pool());
        }

        @Test
        @DisplayName("R11: a handle saved whose reply was lost is saved again as already stored, once")
        void saveWhoseReplyWasLost() {
            String project = newProject();
            FaultyDataSource faulty = new FaultyDataSource(pool());
            JdbcHandleStore store = store(faulty);
            Handle handle = new Handle("+380501110001", BASE, BASE, HandleReason.OTHER, "asked for e-mail", "olena");

            faulty.nextUpdateLosesItsReply();
            assertThatThrownBy(() -> store.save(project, handle)).isInstanceOf(StorageException.class);

            assertThat(store.save(project, handle)).isEqualTo(SaveOutcome.ALREADY_STORED);
            assertThat(store.handles(project, Instant.EPOCH, BASE)).containsExactly(handle);
            assertThat(rowsOf(tables.handles(), project)).isEqualTo(1);
        }

        @Test
        @DisplayName("a batch of calls that fails midway writes none of them")
        void failedBatchWritesNothing() {
            String project = newProject();
            List<CallRecord> calls = new ArrayList<>(calls(2_500));
            calls.add(calls.get(10));

            assertThatThrownBy(() -> writer(pool()).write(project, calls))
                    .isInstanceOf(StorageException.class)
                    .hasMessageContaining("already stored")
                    .hasMessageContaining("rolled back");
            assertThat(rowsOf(tables.calls(), project)).isZero();
            TestDatabase.assertNothingBorrowed(pool());
        }
    }

    @Nested
    @DisplayName("several application instances")
    class Instances {

        @Test
        @DisplayName(
                "R11: eight instances, each with its own pool, saving overlapping handles lose none and double none")
        void concurrentInstances() throws Exception {
            int instances = 8;
            String project = newProject();
            List<Handle> distinct = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                distinct.add(new Handle(
                        "+38067000000" + i % 4,
                        BASE.plusSeconds(60L * (i / 2)),
                        BASE,
                        HandleReason.SPAM,
                        null,
                        i % 2 == 0 ? "anna" : "bohdan"));
            }
            List<HikariDataSource> pools = new ArrayList<>();
            ExecutorService threads = Executors.newFixedThreadPool(instances);
            try {
                CyclicBarrier start = new CyclicBarrier(instances);
                List<Future<List<SaveOutcome>>> results = new ArrayList<>();
                for (int t = 0; t < instances; t++) {
                    HikariDataSource own = database.newPool(database.nonUtcSessionSql(), 1);
                    pools.add(own);
                    JdbcHandleStore store = store(own);
                    List<Handle> order = new ArrayList<>(distinct);
                    java.util.Collections.shuffle(order, new java.util.Random(t));
                    results.add(threads.submit(() -> {
                        start.await();
                        List<SaveOutcome> outcomes = new ArrayList<>();
                        for (Handle handle : order) {
                            outcomes.add(store.save(project, handle));
                        }
                        return outcomes;
                    }));
                }
                List<SaveOutcome> outcomes = new ArrayList<>();
                for (Future<List<SaveOutcome>> result : results) {
                    outcomes.addAll(result.get());
                }

                assertThat(outcomes).filteredOn(SaveOutcome.STORED::equals).hasSize(distinct.size());
                assertThat(store(pool()).handles(project, Instant.EPOCH, BASE.plusSeconds(3600)))
                        .containsExactlyInAnyOrderElementsOf(distinct);
                assertThat(rowsOf(tables.handles(), project)).isEqualTo(distinct.size());
            } finally {
                threads.shutdownNow();
                pools.forEach(HikariDataSource::close);
            }
        }
    }

    @Nested
    @DisplayName("a transaction the caller manages")
    class CallersTransaction {

        @Test
        @DisplayName("writes join it, reads see it, and nothing is committed or rolled back by the library")
        void neverCommitted() throws SQLException {
            String project = newProject();
            Handle handle = new Handle(
                    "+380501000002", BASE.plusSeconds(7200), BASE.plusSeconds(7200), HandleReason.SPAM, null, "olena");
            try (Connection connection = pool().getConnection()) {
                connection.setAutoCommit(false);
                DataSource transactional = new SingleConnectionDataSource(connection);

                writer(transactional).write(project, calls(50));
                assertThat(store(transactional).save(project, handle)).isEqualTo(SaveOutcome.STORED);
                Report report = missedCalls(source(transactional, 10), store(transactional))
                        .report(query(project));
                assertThat(report.unprocessed().size() + report.processed().size())
                        .isPositive();
                assertThat(connection.getAutoCommit()).isFalse();
                assertThat(rowsOf(tables.calls(), project))
                        .as("seen from another connection")
                        .isZero();

                connection.rollback();
                connection.setAutoCommit(true);
            }
            assertThat(rowsOf(tables.calls(), project)).isZero();
            assertThat(rowsOf(tables.handles(), project)).isZero();
        }
    }

    /** Runs a test with a schema of its own, made for it and dropped after, by the name it is given. */
    private void inNewSchema(Consumer<String> test) {
        String schema =
                "mct_schema_" + Integer.toString(ThreadLocalRandom.current().nextInt(1 << 30), 36);
        TestDatabase.execute(pool(), "CREATE SCHEMA " + schema);
        try {
            test.accept(schema);
        } finally {
            TestDatabase.execute(
                    pool(),
                    database == TestDatabase.MARIADB
                            ? "DROP DATABASE " + schema
                            : "DROP SCHEMA " + schema + " CASCADE");
        }
    }

    @Nested
    @DisplayName("the library's tables")
    class Tables {

        @Test
        @DisplayName("creating them again, or with other names in another schema, is harmless and they work")
        void createAgainAndElsewhere() {
            JdbcSchema.create(pool(), tables);
            inNewSchema(schema -> {
                TableNames elsewhere = TableNames.withPrefix(schema + ".crm_");
                JdbcSchema.create(pool(), elsewhere);
                JdbcSchema.create(pool(), elsewhere);
                String project = newProject();
                JdbcCallWriter.builder(pool()).tables(elsewhere).build().write(project, calls(30));
                JdbcHandleStore store =
                        JdbcHandleStore.builder(pool()).tables(elsewhere).build();
                Handle handle = new Handle(
                        "+380501000001",
                        BASE.plusSeconds(3600),
                        BASE.plusSeconds(3600),
                        HandleReason.DUPLICATE,
                        null,
                        "anna");
                store.save(project, handle);

                Report report = missedCalls(JdbcCallSource.ownTable(pool(), elsewhere), store)
                        .report(query(project));

                assertThat(report.processed()).isNotEmpty();
                assertThat(rowsOf(tables.calls(), project))
                        .as("nothing went to the default schema's tables")
                        .isZero();
            });
        }

        @Test
        @DisplayName("R16: an assignment stored in the assignments table names the owner of the client's open group")
        void assignmentNamesTheOwner() {
            String project = newProject();
            writer(pool()).write(project, calls(30));
            JdbcHandleStore store = store(pool());
            MissedCalls plain = missedCalls(source(pool(), 25), store);
            UnprocessedRow open = plain.report(query(project)).unprocessed().get(0);

            store.assign(project, new Assignment(open.client(), open.lastMissedAt(), "yana", "anna", "VIP"));
            Report report = plain.report(query(project));

            assertThat(report.unprocessed())
                    .filteredOn(row -> row.client().equals(open.client()))
                    .singleElement()
                    .satisfies(row -> assertThat(row.owner()).isEqualTo("yana"));
        }

        @Test
        @DisplayName("tables made before assignments existed: the store lists none, and reports go on")
        void assignmentsTableMissing() {
            inNewSchema(schema -> {
                TableNames older = TableNames.withPrefix(schema + ".old_");
                JdbcSchema.create(pool(), older);
                TestDatabase.dropTables(pool(), older.assignments());
                String project = newProject();
                JdbcCallWriter.builder(pool()).tables(older).build().write(project, calls(30));
                JdbcHandleStore store =
                        JdbcHandleStore.builder(pool()).tables(older).build();

                assertThat(store.assignments(project, Instant.EPOCH, BASE.plus(Duration.ofDays(400))))
                        .isEmpty();
                assertThat(missedCalls(JdbcCallSource.ownTable(pool(), older), store)
                                .report(query(project))
                                .unprocessed())
                        .isNotEmpty();
                assertThatThrownBy(() ->
                                store.assign(project, new Assignment("+380501000001", BASE, "yana", "anna", null)))
                        .isInstanceOf(StorageException.class)
                        .hasMessageContaining(Identifiers.unqualified(older.assignments()));
            });
        }

        @Test
        @DisplayName(
                "a refresh through the checkpoints table reads from the stored checkpoint and equals the full report")
        void refreshThroughCheckpointsTable() {
            String project = newProject();
            writer(pool()).write(project, calls(200));
            JdbcCheckpointStore checkpoints = new JdbcCheckpointStore(pool(), tables, null, Clock.systemUTC());
            MissedCalls missedCalls = missedCalls(JdbcCallSource.ownTable(pool(), tables), store(pool()));
            ReportQuery query = query(project);

            RefreshedReport first = missedCalls.refresh(query, checkpoints, "page");
            RefreshedReport second = missedCalls.refresh(query, checkpoints, "page");
            Report before = missedCalls.report(query);
            writer(pool()).write(project, calls(250).subList(200, 250));
            RefreshedReport third = missedCalls.refresh(query, checkpoints, "page");
            Report after = missedCalls.report(query);

            assertThat(first.incremental()).isFalse();
            assertThat(second.incremental()).as(second.reading()).isTrue();
            assertThat(second.report().unprocessed()).isEqualTo(before.unprocessed());
            assertThat(second.report().processed()).isEqualTo(before.processed());
            assertThat(third.report().unprocessed()).isEqualTo(after.unprocessed());
            assertThat(third.report().processed()).isEqualTo(after.processed());
            assertThat(rowsOf(tables.checkpoints(), project))
                    .as("one row per key, replaced")
                    .isEqualTo(1);
        }

        @Test
        @DisplayName(
                "a row of the checkpoints table that is not a checkpoint is passed over, and the next save replaces it")
        void unreadableCheckpointRow() {
            String project = newProject();
            writer(pool()).write(project, calls(50));
            JdbcCheckpointStore checkpoints = new JdbcCheckpointStore(pool(), tables, null, Clock.systemUTC());
            MissedCalls missedCalls = missedCalls(JdbcCallSource.ownTable(pool(), tables), store(pool()));
            missedCalls.refresh(query(project), checkpoints, "page");
            TestDatabase.execute(
                    pool(),
                    "UPDATE " + tables.checkpoints() + " SET body = "
                            + (database == TestDatabase.POSTGRESQL
                                    ? "'\\x0102'::bytea"
                                    : database == TestDatabase.H2 ? "X'0102'" : "x'0102'")
                            + " WHERE project = '" + project + "'");

            assertThat(checkpoints.load(project, "page", missedCalls.settings(project)))
                    .isEmpty();
            RefreshedReport refreshed = missedCalls.refresh(query(project), checkpoints, "page");
            assertThat(refreshed.incremental()).isFalse();
            assertThat(checkpoints.load(project, "page", missedCalls.settings(project)))
                    .isPresent();
            assertThat(checkpoints.load(project, "another key", missedCalls.settings(project)))
                    .isEmpty();
        }

        @Test
        @DisplayName("reports of two projects in one table see only their own calls and handles")
        void tenantsAreIsolated() {
            String acme = newProject();
            String globex = newProject();
            writer(pool()).write(acme, calls(200));
            JdbcHandleStore store = store(pool());
            store.save(
                    globex,
                    new Handle(
                            "+380501000001",
                            BASE.plusSeconds(3600),
                            BASE.plusSeconds(3600),
                            HandleReason.SPAM,
                            null,
                            "anna"));
            MissedCalls missedCalls = missedCalls(source(pool(), 25), store);

            Report ofAcme = missedCalls.report(query(acme));
            Report ofGlobex = missedCalls.report(query(globex));

            assertThat(ofAcme.unprocessed()).isNotEmpty();
            assertThat(ofAcme.processed())
                    .noneMatch(row -> row.resolution().kind() == io.github.missedcalls.ResolutionKind.HANDLED);
            assertThat(ofGlobex.unprocessed()).isEmpty();
            assertThat(ofGlobex.processed()).isEmpty();
        }
    }
}
