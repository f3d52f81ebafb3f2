package io.github.missedcalls.jdbc;

import io.github.missedcalls.CallRecord;
import io.github.missedcalls.Direction;
import io.github.missedcalls.Managers;
import io.github.missedcalls.MissedReason;
import io.github.missedcalls.Rejection;
import io.github.missedcalls.Stage;
import io.github.missedcalls.StorageException;
import io.github.missedcalls.jdbc.dialect.Dialect;
import io.github.missedcalls.jdbc.internal.ConnectionLease;
import io.github.missedcalls.jdbc.internal.PostgresCopy;
import io.github.missedcalls.jdbc.internal.PostgresRows;
import io.github.missedcalls.jdbc.internal.ReadAhead;
import io.github.missedcalls.jdbc.internal.RowSource;
import io.github.missedcalls.jdbc.internal.SqlDialect;
import io.github.missedcalls.jdbc.internal.TimeColumn;
import io.github.missedcalls.spi.CallSource;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a project's calls from a database table: the library's own
 * ({@link #ownTable(DataSource)}) or the user's, through a {@link CallTableMapping}.
 *
 * <ol>
 *   <li>Each report runs one query, {@code WHERE project = ? AND start BETWEEN ? AND ?
 *       ORDER BY start, id}, every value a bind parameter, and streams its rows with a fetch
 *       size: a month of calls is never held in memory.
 *   <li>A row that cannot be a {@link CallRecord} (no id, an unknown direction word, an end
 *       before its start, ...) goes to the report's rejections with its id (R2).
 *   <li>A failure of the database while rows are read ends the report with a
 *       {@link StorageException} whose cause is the {@link SQLException}; the report is never
 *       returned half-made.
 * </ol>
 *
 * <p>The stream {@link #calls} returns owns a connection until it is closed or read to its end.
 * Thread-safe: each call borrows its own connection.
 */
public final class JdbcCallSource implements CallSource {

    /** Rows fetched per round trip: large enough that latency does not dominate, small enough to stream. */
    public static final int DEFAULT_FETCH_SIZE = 5_000;

    private static final Logger log = LoggerFactory.getLogger(JdbcCallSource.class);

    // Longer words are cut in rejection messages: a hostile value must not flood a report.
    private static final int SHOWN_WORD_LENGTH = 40;
    // Distinct words remembered per read: enough for any real table, bounded for a hostile one.
    private static final int WORD_CACHE_LIMIT = 1_000;

    // Calls decoded ahead of the report, in batches: a few thousand records at most.
    private static final int READ_AHEAD_BATCH = 512;
    private static final int READ_AHEAD_BATCHES = 4;

    private static final DateTimeFormatter COPY_TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS", Locale.ROOT);

    private final DataSource dataSource;
    private final CallTableMapping mapping;
    private final @Nullable Dialect chosenDialect;
    private final int fetchSize;
    private final boolean readAhead;
    private final boolean postgresCopy;
    private volatile @Nullable Plan plan;
    private volatile boolean copyRefused;

    private JdbcCallSource(Builder builder) {
        this.dataSource = builder.dataSource;
        this.mapping = builder.mapping;
        this.chosenDialect = builder.dialect;
        this.fetchSize = builder.fetchSize;
        this.readAhead = builder.readAhead;
        this.postgresCopy = builder.postgresCopy;
    }

    /** The library's own calls table with its default name ({@link TableNames#DEFAULT}). */
    public static JdbcCallSource ownTable(DataSource dataSource) {
        return ownTable(dataSource, TableNames.DEFAULT);
    }

    /** The library's own calls table, {@link TableNames#calls()}. */
    public static JdbcCallSource ownTable(DataSource dataSource, TableNames tables) {
        return builder(dataSource, CallTableMapping.ownTable(tables)).build();
    }

    /** Starts a source over the table a mapping describes. */
    public static Builder builder(DataSource dataSource, CallTableMapping mapping) {
        return new Builder(dataSource, mapping);
    }

    /** The mapping this source reads through. */
    public CallTableMapping mapping() {
        return mapping;
    }

    /**
     * {@inheritDoc}
     *
     * @throws StorageException if the table cannot be read; also thrown from the stream's
     *     terminal operation when a read fails midway
     * @throws IllegalStateException if a time column of the table is not a timestamp
     */
    @Override
    public Stream<CallRecord> calls(
            String project, Instant startedFrom, Instant startedUntil, Consumer<Rejection> rejections) {
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(startedFrom, "startedFrom");
        Objects.requireNonNull(startedUntil, "startedUntil");
        Objects.requireNonNull(rejections, "rejections");
        Optional<String> only = mapping.singleProject();
        if (only.isPresent() && !only.get().equals(project)) {
            return Stream.empty();
        }
        ConnectionLease lease = null;
        try {
            Plan current = plan;
            // Only PostgreSQL needs a transaction to stream; it is known once the first lease found the dialect.
            lease = ConnectionLease.open(dataSource, current == null || current.sql.streamsOnlyInTransaction());
            if (current == null) {
                current = plan(lease.connection());
            }
            RowSource rows = new RowReader(current, lease, project, startedFrom, startedUntil);
            if (readAhead) {
                RowSource read = rows;
                try {
                    rows = new ReadAhead(read, READ_AHEAD_BATCH, READ_AHEAD_BATCHES, JdbcCallSource::readerThread);
                } catch (RuntimeException | Error e) {
                    read.close();
                    throw e;
                }
            }
            return StreamSupport.stream(new Calls(rows, project, rejections), false)
                    .onClose(rows::close);
        } catch (SQLException e) {
            StorageException failure = new StorageException(
                    "cannot read the calls of project " + project + " from " + mapping.table() + ": " + e.getMessage(),
                    e);
            if (lease != null) {
                lease.closeAfter(failure);
            }
            throw failure;
        } catch (RuntimeException e) {
            if (lease != null) {
                lease.closeAfter(e);
            }
            throw e;
        }
    }

    /**
     * True: rows come in start order, except from zone-less time columns read in a zone with
     * daylight-saving changes, whose wall times repeat once a year; the report then sorts them.
     */
    @Override
    public boolean deliversInStartOrder() {
        return mapping.localTimeZone().getRules().isFixedOffset();
    }

    /** True for the library's own table (its primary key); for a user's table, as the mapping says. */
    @Override
    public boolean idsAreUnique() {
        return mapping.idsAreUnique();
    }

    /**
     * {@inheritDoc}
     *
     * <p>One {@code MAX} over the start column, which the index on (project, start) answers.
     *
     * @throws StorageException if the table cannot be read
     */
    @Override
    public Optional<Instant> latestStartBefore(String project, Instant before) {
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(before, "before");
        Optional<String> only = mapping.singleProject();
        if (only.isPresent() && !only.get().equals(project)) {
            return Optional.empty();
        }
        try (ConnectionLease lease = ConnectionLease.open(dataSource, false)) {
            Connection connection = lease.connection();
            Plan current = plan;
            if (current == null) {
                current = plan(connection);
            }
            String zoneToRestore = current.started == TimeColumn.SESSION_UTC ? switchSessionToUtc(connection) : null;
            try (PreparedStatement query = connection.prepareStatement(current.latestStartBefore)) {
                int index = 1;
                if (mapping.projectColumn().isPresent()) {
                    query.setObject(index++, mapping.projectValue(project));
                }
                ZoneId columnZone = current.started == TimeColumn.LOCAL ? mapping.localTimeZone() : ZoneOffset.UTC;
                current.started.bind(query, index, LocalDateTime.ofInstant(before, columnZone), before);
                try (ResultSet latest = query.executeQuery()) {
                    Instant start = latest.next() ? current.started.read(latest, 1, mapping.localTimeZone()) : null;
                    // A wall time that occurs twice can read back as the later instant: never say "before" wrongly.
                    return start == null || !start.isBefore(before) ? Optional.empty() : Optional.of(start);
                }
            } finally {
                restoreSessionZone(connection, zoneToRestore);
            }
        } catch (SQLException e) {
            throw new StorageException(
                    "cannot read the latest call of project " + project + " from " + mapping.table() + ": "
                            + e.getMessage(),
                    e);
        }
    }

    /**
     * {@inheritDoc}
     *
     * <p>On the library's own table, the sum of the hour counts {@link JdbcCallWriter} keeps
     * ({@link TableNames#callHours()}) for the whole hours of the range, and a {@code COUNT(*)}
     * of the partial hours at its ends: a few milliseconds for a month. On a user's table, one
     * {@code COUNT(*)} over the start column, which the index on (project, start) answers: about
     * a quarter of a second for a million calls on PostgreSQL. Empty where a zone-less start
     * column is read in a zone with daylight-saving changes, whose wall times do not bound a
     * range of instants exactly.
     *
     * @throws StorageException if the table cannot be read
     */
    @Override
    public OptionalLong countCalls(String project, Instant startedFrom, Instant startedBefore) {
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(startedFrom, "startedFrom");
        Objects.requireNonNull(startedBefore, "startedBefore");
        Optional<String> only = mapping.singleProject();
        if (only.isPresent() && !only.get().equals(project)) {
            return OptionalLong.of(0);
        }
        try (ConnectionLease lease = ConnectionLease.open(dataSource, false)) {
            Connection connection = lease.connection();
            Plan current = plan;
            if (current == null) {
                current = plan(connection);
            }
            if (current.started == TimeColumn.LOCAL && !deliversInStartOrder()) {
                return OptionalLong.empty();
            }
            String zoneToRestore = current.started == TimeColumn.SESSION_UTC ? switchSessionToUtc(connection) : null;
            try {
                Optional<String> hours = mapping.hoursTable();
                Instant firstWholeHour = startedFrom.truncatedTo(ChronoUnit.HOURS);
                if (firstWholeHour.isBefore(startedFrom)) {
                    firstWholeHour = firstWholeHour.plus(1, ChronoUnit.HOURS);
                }
                Instant lastWholeHour = startedBefore.truncatedTo(ChronoUnit.HOURS);
                if (hours.isEmpty() || !firstWholeHour.isBefore(lastWholeHour)) {
                    return OptionalLong.of(countRows(connection, current, project, startedFrom, startedBefore));
                }
                return OptionalLong.of(countRows(connection, current, project, startedFrom, firstWholeHour)
                        + sumHours(connection, current.sql, hours.get(), project, firstWholeHour, lastWholeHour)
                        + countRows(connection, current, project, lastWholeHour, startedBefore));
            } finally {
                restoreSessionZone(connection, zoneToRestore);
            }
        } catch (SQLException e) {
            throw new StorageException(
                    "cannot count the calls of project " + project + " in " + mapping.table() + ": " + e.getMessage(),
                    e);
        }
    }

    private long countRows(Connection connection, Plan current, String project, Instant from, Instant before)
            throws SQLException {
        if (!from.isBefore(before)) {
            return 0;
        }
        try (PreparedStatement query = connection.prepareStatement(current.countBetween)) {
            int index = 1;
            if (mapping.projectColumn().isPresent()) {
                query.setObject(index++, mapping.projectValue(project));
            }
            ZoneId columnZone = current.started == TimeColumn.LOCAL ? mapping.localTimeZone() : ZoneOffset.UTC;
            current.started.bind(query, index++, LocalDateTime.ofInstant(from, columnZone), from);
            current.started.bind(query, index, LocalDateTime.ofInstant(before, columnZone), before);
            try (ResultSet count = query.executeQuery()) {
                count.next();
                return count.getLong(1);
            }
        }
    }

    private static long sumHours(
            Connection connection, SqlDialect sql, String hoursTable, String project, Instant from, Instant before)
            throws SQLException {
        String hour = sql.name("hour_start");
        try (PreparedStatement query = connection.prepareStatement("SELECT COALESCE(SUM(" + sql.name("calls")
                + "), 0) FROM " + sql.name(hoursTable) + " WHERE " + sql.name("project") + " = ? AND " + hour
                + " >= ? AND " + hour + " < ?")) {
            query.setString(1, project);
            sql.bindInstant(query, 2, from);
            sql.bindInstant(query, 3, before);
            try (ResultSet sum = query.executeQuery()) {
                sum.next();
                return sum.getLong(1);
            }
        }
    }

    private synchronized Plan plan(Connection connection) throws SQLException {
        Plan current = plan;
        if (current == null) {
            current = Plan.make(connection, chosenDialect, mapping);
            plan = current;
            log.debug("reading calls with {}", current.select);
        }
        return current;
    }

    /** The query for one mapping on one database, and how its time columns hold instants. */
    private static final class Plan {
        final SqlDialect sql;
        final String select;
        final TimeColumn started;
        final TimeColumn answered;
        final TimeColumn ended;
        final int lineIndex;
        final int employeeIndex;
        final int stageIndex;
        final int managersIndex;
        final int reasonIndex;

        /** The latest start before a bound: {@code SELECT MAX(start) ... WHERE [project = ? AND] start < ?}. */
        final String latestStartBefore;

        /** The rows in a range of starts: {@code SELECT COUNT(*) ... WHERE [project = ? AND] start >= ? AND start < ?}. */
        final String countBetween;

        /**
         * PostgreSQL's COPY of the same rows, up to its filter's values: {@code COPY (SELECT ... FROM table AS c
         * WHERE }, then the values as literals, then {@link #copyOrder}. Text columns are cast to {@code text}.
         */
        final String copyHead;

        final String copyProjectColumn;
        final String copyStartColumn;
        final String copyOrder;

        /** Per selected column, whether its values repeat from row to row (a direction, a line). */
        final boolean[] repeating;

        private Plan(
                SqlDialect sql,
                String select,
                String latestStartBefore,
                String countBetween,
                TimeColumn[] kinds,
                int[] optionalIndexes,
                String[] copy,
                boolean[] repeating) {
            this.sql = sql;
            this.select = select;
            this.latestStartBefore = latestStartBefore;
            this.countBetween = countBetween;
            this.copyHead = copy[0];
            this.copyProjectColumn = copy[1];
            this.copyStartColumn = copy[2];
            this.copyOrder = copy[3];
            this.repeating = repeating;
            this.started = kinds[0];
            this.answered = kinds[1];
            this.ended = kinds[2];
            this.lineIndex = optionalIndexes[0];
            this.employeeIndex = optionalIndexes[1];
            this.stageIndex = optionalIndexes[2];
            this.managersIndex = optionalIndexes[3];
            this.reasonIndex = optionalIndexes[4];
        }

        static Plan make(Connection connection, @Nullable Dialect chosen, CallTableMapping mapping)
                throws SQLException {
            SqlDialect sql = SqlDialect.of(connection, chosen);
            Function<String, String> q = sql::name;
            StringBuilder columns = new StringBuilder()
                    .append(q.apply(mapping.idColumn()))
                    .append(", ")
                    .append(q.apply(mapping.directionColumn()))
                    .append(", ")
                    .append(q.apply(mapping.clientColumn()))
                    .append(", ")
                    .append(q.apply(mapping.startedAtColumn()))
                    .append(", ")
                    .append(q.apply(mapping.answeredAtColumn()))
                    .append(", ")
                    .append(q.apply(mapping.endedAtColumn()));
            Function<String, String> text = column -> "c." + q.apply(column) + "::text";
            Function<String, String> time = column -> "c." + q.apply(column);
            StringBuilder copyColumns = new StringBuilder()
                    .append(text.apply(mapping.idColumn()))
                    .append(", ")
                    .append(text.apply(mapping.directionColumn()))
                    .append(", ")
                    .append(text.apply(mapping.clientColumn()))
                    .append(", ")
                    .append(time.apply(mapping.startedAtColumn()))
                    .append(", ")
                    .append(time.apply(mapping.answeredAtColumn()))
                    .append(", ")
                    .append(time.apply(mapping.endedAtColumn()));
            boolean[] repeating = new boolean[11];
            repeating[1] = true;
            int[] optionalIndexes = new int[5];
            int next = 7;
            int slot = 0;
            for (Optional<String> column : new Optional[] {
                mapping.lineColumn(),
                mapping.employeeColumn(),
                mapping.stageColumn(),
                mapping.managersColumn(),
                mapping.reasonColumn()
            }) {
                if (column.isPresent()) {
                    columns.append(", ").append(q.apply(column.get()));
                    copyColumns.append(", ").append(text.apply(column.get()));
                    // Lines, employees and the words of a stage, managers and reason come from short lists.
                    repeating[next - 1] = true;
                    optionalIndexes[slot] = next++;
                }
                slot++;
            }
            String table = sql.name(mapping.table());
            String started = q.apply(mapping.startedAtColumn());
            TimeColumn[] kinds = new TimeColumn[3];
            String probe = "SELECT " + started + ", " + q.apply(mapping.answeredAtColumn()) + ", "
                    + q.apply(mapping.endedAtColumn()) + " FROM " + table + " WHERE 1 = 0";
            try (Statement statement = connection.createStatement();
                    ResultSet empty = statement.executeQuery(probe)) {
                ResultSetMetaData metaData = empty.getMetaData();
                for (int i = 0; i < 3; i++) {
                    kinds[i] = TimeColumn.of(metaData, i + 1, sql.dialect(), mapping.table());
                }
            }
            // The project's rows whose start is compared next: the same filter for the read and the MAX.
            String projectStart = mapping.projectColumn()
                            .map(column -> q.apply(column) + " = ? AND ")
                            .orElse("")
                    + started;
            String select = "SELECT " + columns + " FROM " + table + " WHERE " + projectStart + " >= ? AND " + started
                    + " <= ? ORDER BY " + started + ", " + q.apply(mapping.idColumn());
            String latest = "SELECT MAX(" + started + ") FROM " + table + " WHERE " + projectStart + " < ?";
            String[] copy = {
                "COPY (SELECT " + copyColumns + " FROM " + table + " AS c WHERE ",
                mapping.projectColumn().map(time).orElse(""),
                time.apply(mapping.startedAtColumn()),
                " ORDER BY " + time.apply(mapping.startedAtColumn()) + ", c." + q.apply(mapping.idColumn())
                        + ") TO STDOUT (FORMAT binary)"
            };
            String count = "SELECT COUNT(*) FROM " + table + " WHERE " + projectStart + " >= ? AND " + started + " < ?";
            return new Plan(
                    sql, select, latest, count, kinds, optionalIndexes, copy, Arrays.copyOf(repeating, next - 1));
        }

        boolean needsUtcSession() {
            return started == TimeColumn.SESSION_UTC
                    || answered == TimeColumn.SESSION_UTC
                    || ended == TimeColumn.SESSION_UTC;
        }
    }

    /** One query's rows, each turned into a record or a rejection. Used by one thread at a time. */
    private final class RowReader implements RowSource {
        private final Plan plan;
        private final ConnectionLease lease;
        private final String project;
        private final Instant from;
        private final Instant until;
        private final ZoneId zone;
        private final Map<String, Optional<?>> words = new HashMap<>();
        private @Nullable String sessionZoneToRestore;
        private @Nullable PreparedStatement statement;
        private @Nullable ResultSet rows;
        private @Nullable PostgresCopy copy;
        private @Nullable Fields fields;
        private boolean closed;

        RowReader(Plan plan, ConnectionLease lease, String project, Instant from, Instant until) throws SQLException {
            this.plan = plan;
            this.lease = lease;
            this.project = project;
            this.from = from;
            this.until = until;
            this.zone = mapping.localTimeZone();
            try {
                open();
            } catch (SQLException | RuntimeException e) {
                // Restores the session's zone where it was changed, and gives the connection back.
                close();
                throw e;
            }
        }

        private void open() throws SQLException {
            Connection connection = lease.connection();
            if (plan.sql.dialect() == Dialect.POSTGRESQL && postgresCopy && !copyRefused && startCopy(connection)) {
                return;
            }
            if (plan.needsUtcSession()) {
                sessionZoneToRestore = switchSessionToUtc(connection);
            }
            PreparedStatement prepared =
                    connection.prepareStatement(plan.select, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
            statement = prepared;
            prepared.setFetchSize(fetchSize);
            if (plan.sql.dialect() == Dialect.POSTGRESQL) {
                PostgresRows.preferBinary(prepared);
            }
            int index = 1;
            if (mapping.projectColumn().isPresent()) {
                prepared.setObject(index++, mapping.projectValue(project));
            }
            LocalDateTime[] localRange = localRange();
            plan.started.bind(prepared, index++, localRange[0], from);
            plan.started.bind(prepared, index, localRange[1], until);
            ResultSet result = prepared.executeQuery();
            rows = result;
            fields = new Fields() {
                @Override
                public @Nullable String text(int column) throws SQLException {
                    return result.getString(column);
                }

                @Override
                public @Nullable Instant time(int column, TimeColumn kind) throws SQLException {
                    return kind.read(result, column, zone);
                }
            };
        }

        /**
         * Starts the read as a binary COPY; false, with nothing started, where the driver is not
         * PostgreSQL's, a filter value cannot be written as a literal, or the server refuses COPY
         * (the read then takes the result set's path, and a refusal for good is not tried again).
         */
        private boolean startCopy(Connection connection) throws SQLException {
            String sql = copySql();
            if (sql == null) {
                return false;
            }
            try {
                if (!PostgresCopy.isAvailable(connection)) {
                    return false;
                }
            } catch (LinkageError e) {
                return false; // the dialect was chosen by hand for another driver
            }
            // COPY failing inside a transaction aborts it: a savepoint lets the result set's path go on in it.
            Savepoint savepoint = connection.getAutoCommit() ? null : connection.setSavepoint();
            PostgresCopy started;
            try {
                started = PostgresCopy.start(connection, sql, plan.repeating);
            } catch (SQLException e) {
                if (savepoint != null) {
                    connection.rollback(savepoint);
                }
                String state = Objects.requireNonNullElse(e.getSQLState(), "");
                // Not supported (0A) or not allowed (42): this server will refuse every COPY of this table.
                if (state.startsWith("0A") || state.startsWith("42")) {
                    copyRefused = true;
                    log.info(
                            "PostgreSQL refused COPY of {} ({}); reading it through a result set from now on",
                            mapping.table(),
                            e.getMessage());
                } else {
                    log.debug("COPY of {} failed; reading this time through a result set", mapping.table(), e);
                }
                return false;
            }
            copy = started;
            fields = new Fields() {
                @Override
                public @Nullable String text(int column) {
                    return started.text(column);
                }

                @Override
                public @Nullable Instant time(int column, TimeColumn kind) throws SQLException {
                    if (kind == TimeColumn.ZONED) {
                        return started.instant(column);
                    }
                    LocalDateTime local = started.localDateTime(column);
                    return local == null ? null : kind.atZone(local, zone);
                }
            };
            return true;
        }

        /**
         * The COPY statement of this read; {@code null} where a filter value has no safe literal.
         * COPY takes no bind parameters, so the values are literals: the project as an escaped
         * string (which the server casts to the column's type), the range's instants or wall times
         * at microseconds, widened to whole microseconds and narrowed again per row.
         */
        private @Nullable String copySql() {
            StringBuilder sql = new StringBuilder(plan.copyHead);
            if (mapping.projectColumn().isPresent()) {
                Object value = mapping.projectValue(project);
                if (!(value instanceof String
                        || value instanceof Integer
                        || value instanceof Long
                        || value instanceof Short
                        || value instanceof BigInteger
                        || value instanceof UUID)) {
                    return null;
                }
                String literal = value.toString();
                if (literal.indexOf('\0') >= 0) {
                    return null;
                }
                sql.append(plan.copyProjectColumn)
                        .append(" = E'")
                        .append(literal.replace("\\", "\\\\").replace("'", "''"))
                        .append("' AND ");
            }
            LocalDateTime[] range = localRange();
            LocalDateTime first = range[0].truncatedTo(ChronoUnit.MICROS);
            LocalDateTime last = range[1].truncatedTo(ChronoUnit.MICROS);
            if (last.isBefore(range[1])) {
                last = last.plus(1, ChronoUnit.MICROS);
            }
            if (first.getYear() < 1 || last.getYear() > 9999) {
                return null;
            }
            // A zoned column compares with an instant: the wall time in UTC, said so.
            String zoneSuffix = plan.started == TimeColumn.ZONED ? "+00'" : "'";
            sql.append(plan.copyStartColumn)
                    .append(" >= '")
                    .append(COPY_TIME.format(first))
                    .append(zoneSuffix)
                    .append(" AND ")
                    .append(plan.copyStartColumn)
                    .append(" <= '")
                    .append(COPY_TIME.format(last))
                    .append(zoneSuffix)
                    .append(plan.copyOrder);
            return sql.toString();
        }

        /**
         * The range of wall times that holds every instant of [from, until] in the column's zone:
         * wide enough for a daylight-saving change inside it, narrowed again per row.
         */
        private LocalDateTime[] localRange() {
            if (plan.started == TimeColumn.SESSION_UTC || plan.started == TimeColumn.ZONED) {
                return new LocalDateTime[] {
                    LocalDateTime.ofInstant(from, ZoneOffset.UTC), LocalDateTime.ofInstant(until, ZoneOffset.UTC)
                };
            }
            ZoneRules rules = zone.getRules();
            int least = rules.getOffset(from).getTotalSeconds();
            int most = least;
            Instant at = from;
            for (ZoneOffsetTransition t = rules.nextTransition(at);
                    t != null && !t.getInstant().isAfter(until);
                    t = rules.nextTransition(at)) {
                least = Math.min(least, t.getOffsetAfter().getTotalSeconds());
                most = Math.max(most, t.getOffsetAfter().getTotalSeconds());
                at = t.getInstant();
            }
            return new LocalDateTime[] {
                LocalDateTime.ofInstant(from.plus(Duration.ofSeconds(least)), ZoneOffset.UTC),
                LocalDateTime.ofInstant(until.plus(Duration.ofSeconds(most)), ZoneOffset.UTC)
            };
        }

        @Override
        public @Nullable Object next() throws SQLException {
            Fields row = fields;
            if (closed || row == null) {
                return null;
            }
            PostgresCopy copied = copy;
            if (copied != null) {
                while (copied.next()) {
                    Object item = toItem(row);
                    if (item != null) {
                        return item;
                    }
                }
            } else {
                ResultSet current = Objects.requireNonNull(rows);
                while (current.next()) {
                    Object item = toItem(row);
                    if (item != null) {
                        return item;
                    }
                }
            }
            close();
            return null;
        }

        private @Nullable Object toItem(Fields row) throws SQLException {
            String id = row.text(1);
            if (id == null || id.isBlank()) {
                return reject(null, "no id");
            }
            Instant startedAt = row.time(4, plan.started);
            if (startedAt == null) {
                return reject(id, "no start");
            }
            if (startedAt.isBefore(from) || startedAt.isAfter(until)) {
                return null; // a wall time the widened range let in, outside the instants asked for
            }
            Instant endedAt = row.time(6, plan.ended);
            if (endedAt == null) {
                return reject(id, "no end");
            }
            String directionWord = row.text(2);
            if (directionWord == null) {
                return reject(id, "no direction");
            }
            Direction direction = word(directionWord, mapping::direction);
            if (direction == null) {
                return reject(id, "unknown direction " + shown(directionWord));
            }
            Stage stage = null;
            Managers managers = null;
            MissedReason reason = null;
            String stageWord = optional(row, plan.stageIndex);
            if (stageWord != null && (stage = word(stageWord, mapping::stage)) == null) {
                return reject(id, "unknown stage " + shown(stageWord));
            }
            String managersWord = optional(row, plan.managersIndex);
            if (managersWord != null && (managers = word(managersWord, mapping::managers)) == null) {
                return reject(id, "unknown managers value " + shown(managersWord));
            }
            String reasonWord = optional(row, plan.reasonIndex);
            if (reasonWord != null && (reason = word(reasonWord, mapping::reason)) == null) {
                return reject(id, "unknown reason " + shown(reasonWord));
            }
            try {
                return new CallRecord(
                        id,
                        direction,
                        row.text(3),
                        optional(row, plan.lineIndex),
                        optional(row, plan.employeeIndex),
                        startedAt,
                        row.time(5, plan.answered),
                        endedAt,
                        stage,
                        managers,
                        reason);
            } catch (IllegalArgumentException e) {
                return reject(id, Objects.requireNonNullElse(e.getMessage(), "not a valid call"));
            }
        }

        private @Nullable String optional(Fields row, int index) throws SQLException {
            if (index == 0) {
                return null;
            }
            String value = row.text(index);
            return value == null || value.isBlank() ? null : value;
        }

        @SuppressWarnings("unchecked")
        private <E> @Nullable E word(String word, Function<String, Optional<E>> meaning) {
            Optional<?> known = words.get(word);
            if (known == null) {
                known = meaning.apply(word);
                if (words.size() < WORD_CACHE_LIMIT) {
                    words.put(word, known);
                }
            }
            return ((Optional<E>) known).orElse(null);
        }

        private Rejection reject(@Nullable String id, String reason) {
            return Rejection.ofCall(id, null, reason);
        }

        /** Gives the connection back; safe to call more than once, and after a failure. */
        @Override
        public void close() {
            if (closed) {
                return;
            }
            closed = true;
            try (ConnectionLease owned = lease;
                    Statement s = statement;
                    ResultSet r = rows;
                    PostgresCopy c = copy) {
                restoreSessionZone();
            } catch (SQLException e) {
                // Every row was read or the read already failed: a failure to give back is no reason to fail the
                // report.
                log.warn("closing the read of {} failed: {}", mapping.table(), e.toString());
            }
        }

        private void restoreSessionZone() throws SQLException {
            JdbcCallSource.restoreSessionZone(lease.connection(), sessionZoneToRestore);
        }
    }

    /** One row's values, from a result set or from PostgreSQL's COPY; columns are 1-based, as selected. */
    private interface Fields {
        @Nullable
        String text(int column) throws SQLException;

        @Nullable
        Instant time(int column, TimeColumn kind) throws SQLException;
    }

    /** Hands a read's calls to the stream and its rejections to the report, on the stream's thread. */
    private final class Calls extends Spliterators.AbstractSpliterator<CallRecord> {
        private final RowSource rows;
        private final String project;
        private final Consumer<Rejection> rejections;

        Calls(RowSource rows, String project, Consumer<Rejection> rejections) {
            super(Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL);
            this.rows = rows;
            this.project = project;
            this.rejections = rejections;
        }

        @Override
        public boolean tryAdvance(Consumer<? super CallRecord> action) {
            try {
                Object item;
                while ((item = rows.next()) != null) {
                    if (item instanceof CallRecord call) {
                        action.accept(call);
                        return true;
                    }
                    rejections.accept((Rejection) item);
                }
            } catch (SQLException e) {
                StorageException failure = new StorageException(
                        "reading the calls of project " + project + " from " + mapping.table()
                                + " failed midway; the report is incomplete and was abandoned: " + e.getMessage(),
                        e);
                try {
                    rows.close();
                } catch (RuntimeException suppressed) {
                    failure.addSuppressed(suppressed);
                }
                throw failure;
            }
            rows.close();
            return false;
        }
    }

    private static Thread readerThread(Runnable read) {
        Thread thread = new Thread(read, "missed-calls-read-ahead");
        thread.setDaemon(true);
        return thread;
    }

    /** Sets a MariaDB or MySQL session's {@code time_zone} to UTC; returns the one to restore. */
    private static @Nullable String switchSessionToUtc(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            String previous;
            try (ResultSet zone = statement.executeQuery("SELECT @@session.time_zone")) {
                previous = zone.next() ? zone.getString(1) : null;
            }
            statement.execute("SET time_zone = '+00:00'");
            return previous;
        }
    }

    private static void restoreSessionZone(Connection connection, @Nullable String previous) throws SQLException {
        if (previous != null) {
            try (PreparedStatement set = connection.prepareStatement("SET time_zone = ?")) {
                set.setString(1, previous);
                set.execute();
            }
        }
    }

    private static String shown(String word) {
        String cut = word.length() > SHOWN_WORD_LENGTH ? word.substring(0, SHOWN_WORD_LENGTH) + "..." : word;
        return "'" + cut + "'";
    }

    /** Collects a source's settings. */
    public static final class Builder {
        private final DataSource dataSource;
        private final CallTableMapping mapping;
        private @Nullable Dialect dialect;
        private int fetchSize = DEFAULT_FETCH_SIZE;
        private boolean readAhead = true;
        private boolean postgresCopy = true;

        private Builder(DataSource dataSource, CallTableMapping mapping) {
            this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
            this.mapping = Objects.requireNonNull(mapping, "mapping");
        }

        /** The database's dialect; detected from the connection's metadata unless set. */
        public Builder dialect(Dialect value) {
            this.dialect = Objects.requireNonNull(value, "dialect");
            return this;
        }

        /**
         * Rows fetched per round trip; default {@link #DEFAULT_FETCH_SIZE}.
         *
         * @throws IllegalArgumentException if not positive
         */
        public Builder fetchSize(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("the fetch size must be positive: " + value);
            }
            this.fetchSize = value;
            return this;
        }

        /**
         * Whether rows are fetched and decoded on a thread of the source's own, a few thousand calls
         * ahead of the report, so that the database's time and the report's overlap; default true.
         * False reads on the thread that consumes the stream.
         */
        public Builder readAhead(boolean value) {
            this.readAhead = value;
            return this;
        }

        /**
         * Whether PostgreSQL's rows are read with {@code COPY (SELECT ...) TO STDOUT (FORMAT binary)}
         * instead of a result set; default true. COPY sends the rows without a cursor's round trips
         * and is decoded in place: a month of calls comes about twice as fast. Where the driver is not
         * PostgreSQL's or the server refuses COPY (a PostgreSQL-compatible database, a proxy), the
         * source reads through a result set by itself; false always does. Other databases ignore it.
         */
        public Builder postgresCopy(boolean value) {
            this.postgresCopy = value;
            return this;
        }

        public JdbcCallSource build() {
            return new JdbcCallSource(this);
        }
    }
}
