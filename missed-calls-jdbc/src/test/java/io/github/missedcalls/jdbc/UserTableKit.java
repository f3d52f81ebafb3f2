package io.github.missedcalls.jdbc;

import io.github.missedcalls.CallRecord;
import io.github.missedcalls.Direction;
import io.github.missedcalls.Managers;
import io.github.missedcalls.MissedReason;
import io.github.missedcalls.Stage;
import io.github.missedcalls.spi.CallSource;
import io.github.missedcalls.tck.CallSourceContract;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;

/**
 * Core's CallSource kit on a table shaped as a CRM's own: other column names, mixed-case names
 * written without quotes, its own words for every value, a numeric account column for the
 * project, and times either zoned or zone-less (wall times of a zone with daylight saving).
 */
abstract class UserTableKit extends CallSourceContract {

    static final ZoneId WALL_ZONE = ZoneId.of("Europe/Kyiv");
    static final Map<Direction, String> DIRECTION_WORDS = Map.of(
            Direction.IN,
            "Incoming",
            Direction.CALLBACK,
            "widget",
            Direction.OUT,
            "OUTGOING",
            Direction.INTERNAL,
            "ext2ext");
    static final Map<Stage, String> STAGE_WORDS = Map.of(
            Stage.GREETING,
            "welcome",
            Stage.IVR,
            "menu",
            Stage.RINGING,
            "queue",
            Stage.NO_ROUTE,
            "no-scheme",
            Stage.FORBIDDEN,
            "blocked");
    static final Map<Managers, String> MANAGERS_WORDS = Map.of(Managers.RANG, "rung", Managers.UNAVAILABLE, "dnd");

    private final TestDatabase database;
    private final boolean zoned;
    private final String table =
            "Crm_Calls_" + Integer.toString(ThreadLocalRandom.current().nextInt(1 << 30), 36);
    private final DatabaseFixture fixture;
    private @Nullable JdbcCallSource source;

    UserTableKit(TestDatabase database, boolean zoned) {
        this.database = database;
        this.zoned = zoned;
        this.fixture = closeAfterAll(new DatabaseFixture(database, "ukit", 4));
    }

    /** The CRM's table, made at the first use, and the source that maps it. */
    private JdbcCallSource mappedSource() {
        JdbcCallSource made = source;
        if (made != null) {
            return made;
        }
        fixture.dropAtClose(table);
        TestDatabase.execute(fixture.pool(), createTableSql(database, table, zoned));
        CallTableMapping.Builder mapping = CallTableMapping.builder(table)
                .projectColumn("Account", Long::valueOf)
                .idColumn("Call_Ref")
                .directionColumn("Kind")
                .clientColumn("Phone")
                .lineColumn("Did")
                .employeeColumn("Agent")
                .startedAtColumn("Began")
                .answeredAtColumn("Picked_Up")
                .endedAtColumn("Hung_Up")
                .stageColumn("Where_Ended")
                .managersColumn("Mgr")
                .reasonColumn("Why")
                .idsAreUnique(true);
        DIRECTION_WORDS.forEach((direction, word) -> mapping.direction(word, direction));
        STAGE_WORDS.forEach((stage, word) -> mapping.stage(word, stage));
        MANAGERS_WORDS.forEach((managers, word) -> mapping.managers(word, managers));
        for (MissedReason reason : MissedReason.values()) {
            mapping.reason("r" + reason.ordinal(), reason);
        }
        if (!zoned) {
            mapping.localTimeZone(WALL_ZONE);
        }
        made = JdbcCallSource.builder(fixture.pool(), mapping.build())
                .fetchSize(16)
                .build();
        source = made;
        return made;
    }

    static String createTableSql(TestDatabase database, String table, boolean zoned) {
        String time = switch (database) {
            case POSTGRESQL -> "TIMESTAMPTZ";
            case H2 -> "TIMESTAMP(6) WITH TIME ZONE";
            // NULL: without it MariaDB gives a TIMESTAMP column an automatic default and on-update value.
            case MARIADB -> "TIMESTAMP(6) NULL";
        };
        if (!zoned) {
            time = database.wallTimeType();
        }
        String key = database == TestDatabase.MARIADB
                ? "Call_Ref VARCHAR(200) COLLATE utf8mb4_nopad_bin NOT NULL"
                : "Call_Ref VARCHAR(200) NOT NULL";
        return "CREATE TABLE " + table + " (Account BIGINT NOT NULL, " + key + ", Kind VARCHAR(30),"
                + " Phone VARCHAR(100), Did VARCHAR(100), Agent VARCHAR(200), Began " + time + ", Picked_Up " + time
                + ","
                + " Hung_Up " + time + ", Where_Ended VARCHAR(30), Mgr VARCHAR(30), Why VARCHAR(40),"
                + " PRIMARY KEY (Account, Call_Ref))"
                + (database == TestDatabase.MARIADB ? " DEFAULT CHARSET=utf8mb4" : "");
    }

    @Override
    protected String newProject() {
        return Long.toString(ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE));
    }

    @Override
    protected void store(String project, List<CallRecord> calls) {
        mappedSource();
        try (Connection connection = fixture.pool().getConnection()) {
            if (zoned && database == TestDatabase.MARIADB) {
                try (Statement utc = connection.createStatement()) {
                    utc.execute("SET time_zone = '+00:00'");
                }
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + table + " (Account, Call_Ref,"
                    + " Kind, Phone, Did, Agent, Began, Picked_Up, Hung_Up, Where_Ended, Mgr, Why)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (CallRecord call : calls) {
                    insert.setLong(1, Long.parseLong(project));
                    insert.setString(2, call.id());
                    insert.setString(3, DIRECTION_WORDS.get(call.direction()));
                    insert.setString(4, call.client());
                    insert.setString(5, call.line());
                    insert.setString(6, call.employee());
                    insert.setObject(7, time(call.startedAt()));
                    insert.setObject(8, call.answeredAt() == null ? null : time(call.answeredAt()));
                    insert.setObject(9, time(call.endedAt()));
                    insert.setString(10, call.stage() == null ? null : STAGE_WORDS.get(call.stage()));
                    insert.setString(11, call.managers() == null ? null : MANAGERS_WORDS.get(call.managers()));
                    insert.setString(
                            12,
                            call.statedReason() == null
                                    ? null
                                    : "r" + call.statedReason().ordinal());
                    insert.executeUpdate();
                }
            }
            if (zoned && database == TestDatabase.MARIADB) {
                try (Statement back = connection.createStatement()) {
                    back.execute(database.nonUtcSessionSql());
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private Object time(Instant instant) {
        if (!zoned) {
            return LocalDateTime.ofInstant(instant, WALL_ZONE);
        }
        return database == TestDatabase.MARIADB
                ? LocalDateTime.ofInstant(instant, ZoneOffset.UTC)
                : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    @Override
    protected CallSource source() {
        return mappedSource();
    }

    @Override
    protected void assertResourcesReleased() {
        TestDatabase.assertNothingBorrowed(fixture.pool());
    }
}
