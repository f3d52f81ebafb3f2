package io.github.missedcalls.jdbc;

import io.github.missedcalls.Direction;
import io.github.missedcalls.Managers;
import io.github.missedcalls.MissedReason;
import io.github.missedcalls.Stage;
import io.github.missedcalls.jdbc.internal.Identifiers;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * How a table of calls maps onto {@link io.github.missedcalls.CallRecord}: the table, its
 * columns, the words its rows use for directions, stages, managers and reasons, and which rows
 * belong to which project.
 *
 * <pre>{@code
 * CallTableMapping mapping = CallTableMapping.builder("crm.phone_calls")
 *     .projectColumn("account_id")
 *     .idColumn("call_id")
 *     .directionColumn("kind").direction("incoming", Direction.IN).direction("outgoing", Direction.OUT)
 *     .clientColumn("phone")
 *     .startedAtColumn("started").answeredAtColumn("answered").endedAtColumn("finished")
 *     .build();
 * }</pre>
 *
 * <p>Names are checked when set: only plain names pass (a letter or {@code _}, then letters,
 * digits or {@code _}; a table may be {@code schema.table}), and they are quoted in SQL, so a
 * name can never carry SQL. Values always travel as bind parameters.
 *
 * <p>Words are read in any letter case, surrounding spaces ignored. The library's own words
 * ({@code in}, {@code callback}, {@code out}, {@code internal}; {@code greeting}, ...; the names
 * of {@link MissedReason}) are always understood; words added here are understood as well. A
 * row with a word that is neither is rejected with its id (R2), never dropped.
 *
 * <p>Time columns may be zoned ({@code timestamptz}, {@code TIMESTAMP WITH TIME ZONE}) or not
 * ({@code timestamp}, {@code DATETIME}); zone-less values are read in
 * {@link Builder#localTimeZone}, UTC unless set. A MariaDB or MySQL {@code TIMESTAMP} column is
 * read in UTC, whatever the session's {@code time_zone}.
 */
public final class CallTableMapping {

    private final String table;
    private final @Nullable String projectColumn;
    private final Function<String, ?> projectValue;
    private final @Nullable String singleProject;
    private final String idColumn;
    private final String directionColumn;
    private final String clientColumn;
    private final @Nullable String lineColumn;
    private final @Nullable String employeeColumn;
    private final String startedAtColumn;
    private final String answeredAtColumn;
    private final String endedAtColumn;
    private final @Nullable String stageColumn;
    private final @Nullable String managersColumn;
    private final @Nullable String reasonColumn;
    private final Map<String, Direction> directions;
    private final Map<String, Stage> stages;
    private final Map<String, Managers> managers;
    private final Map<String, MissedReason> reasons;
    private final ZoneId localTimeZone;
    private final boolean idsAreUnique;
    private final @Nullable String hoursTable;

    private CallTableMapping(Builder builder, @Nullable String projectColumn, @Nullable String singleProject) {
        this.table = builder.table;
        this.projectColumn = projectColumn;
        this.projectValue = builder.projectValue;
        this.singleProject = singleProject;
        this.idColumn = builder.idColumn;
        this.directionColumn = builder.directionColumn;
        this.clientColumn = builder.clientColumn;
        this.lineColumn = builder.lineColumn;
        this.employeeColumn = builder.employeeColumn;
        this.startedAtColumn = builder.startedAtColumn;
        this.answeredAtColumn = builder.answeredAtColumn;
        this.endedAtColumn = builder.endedAtColumn;
        this.stageColumn = builder.stageColumn;
        this.managersColumn = builder.managersColumn;
        this.reasonColumn = builder.reasonColumn;
        this.directions = Map.copyOf(builder.directions);
        this.stages = Map.copyOf(builder.stages);
        this.managers = Map.copyOf(builder.managers);
        this.reasons = Map.copyOf(builder.reasons);
        this.localTimeZone = builder.localTimeZone;
        this.idsAreUnique = builder.idsAreUnique;
        this.hoursTable = builder.hoursTable;
    }

    /**
     * Starts a mapping of a table whose columns default to the call log's names ({@code id},
     * {@code direction}, {@code client}, {@code started_at}, {@code answered_at},
     * {@code ended_at}); the optional columns ({@code line}, {@code employee}, {@code stage},
     * {@code managers}, {@code reason}) are absent until named.
     *
     * @throws IllegalArgumentException if the table's name is not plain
     */
    public static Builder builder(String table) {
        return new Builder(table);
    }

    /** The mapping of the library's own calls table (see {@link JdbcSchema}). */
    public static CallTableMapping ownTable(TableNames tables) {
        return builder(tables.calls())
                .projectColumn("project")
                .lineColumn("line")
                .employeeColumn("employee")
                .stageColumn("stage")
                .managersColumn("managers")
                .reasonColumn("stated_reason")
                .idsAreUnique(true)
                .hoursTable(tables.callHours())
                .build();
    }

    /**
     * The table of calls per hour that {@link JdbcCallWriter} keeps beside the library's own
     * table ({@link TableNames#callHours()}); empty for a user's table.
     */
    public Optional<String> hoursTable() {
        return Optional.ofNullable(hoursTable);
    }

    public String table() {
        return table;
    }

    /** The column holding the project; empty when the table holds {@link #singleProject()}'s calls only. */
    public Optional<String> projectColumn() {
        return Optional.ofNullable(projectColumn);
    }

    /** The value bound for the project column, made from the project's name. */
    public Object projectValue(String project) {
        return Objects.requireNonNull(projectValue.apply(project), "the project value of " + project);
    }

    /** The only project whose calls the table holds; empty when a column says. */
    public Optional<String> singleProject() {
        return Optional.ofNullable(singleProject);
    }

    public String idColumn() {
        return idColumn;
    }

    public String directionColumn() {
        return directionColumn;
    }

    public String clientColumn() {
        return clientColumn;
    }

    public Optional<String> lineColumn() {
        return Optional.ofNullable(lineColumn);
    }

    public Optional<String> employeeColumn() {
        return Optional.ofNullable(employeeColumn);
    }

    public String startedAtColumn() {
        return startedAtColumn;
    }

    public String answeredAtColumn() {
        return answeredAtColumn;
    }

    public String endedAtColumn() {
        return endedAtColumn;
    }

    public Optional<String> stageColumn() {
        return Optional.ofNullable(stageColumn);
    }

    public Optional<String> managersColumn() {
        return Optional.ofNullable(managersColumn);
    }

    public Optional<String> reasonColumn() {
        return Optional.ofNullable(reasonColumn);
    }

    /** The zone in which zone-less time columns are written. */
    public ZoneId localTimeZone() {
        return localTimeZone;
    }

    /** Whether the table guarantees one row per id and project (a primary or unique key). */
    public boolean idsAreUnique() {
        return idsAreUnique;
    }

    /** The direction a word names, in this table's words or the library's; empty when none. */
    public Optional<Direction> direction(String word) {
        return word(directions, word).or(() -> Direction.fromToken(word));
    }

    /** The stage a word names; empty when none. */
    public Optional<Stage> stage(String word) {
        return word(stages, word).or(() -> Stage.fromToken(word));
    }

    /** The managers value a word names; empty when none. */
    public Optional<Managers> managers(String word) {
        return word(managers, word).or(() -> Managers.fromToken(word));
    }

    /** The stated reason a word names; empty when none. */
    public Optional<MissedReason> reason(String word) {
        return word(reasons, word).or(() -> MissedReason.fromName(word));
    }

    private static <E> Optional<E> word(Map<String, E> words, String word) {
        return words.isEmpty() ? Optional.empty() : Optional.ofNullable(words.get(key(word)));
    }

    private static String key(String word) {
        return word.strip().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return "CallTableMapping[" + table + "]";
    }

    /** Collects a mapping; see {@link CallTableMapping#builder}. */
    public static final class Builder {
        private final String table;
        private @Nullable String projectColumn;
        private Function<String, ?> projectValue = Function.identity();
        private @Nullable String singleProject;
        private String idColumn = "id";
        private String directionColumn = "direction";
        private String clientColumn = "client";
        private @Nullable String lineColumn;
        private @Nullable String employeeColumn;
        private String startedAtColumn = "started_at";
        private String answeredAtColumn = "answered_at";
        private String endedAtColumn = "ended_at";
        private @Nullable String stageColumn;
        private @Nullable String managersColumn;
        private @Nullable String reasonColumn;
        private final Map<String, Direction> directions = new HashMap<>();
        private final Map<String, Stage> stages = new HashMap<>();
        private final Map<String, Managers> managers = new HashMap<>();
        private final Map<String, MissedReason> reasons = new HashMap<>();
        private ZoneId localTimeZone = ZoneOffset.UTC;
        private boolean idsAreUnique;
        private @Nullable String hoursTable;

        private Builder(String table) {
            this.table = Identifiers.checkQualified("the table's name", table);
        }

        /**
         * The column that holds each row's project; its value is the project's name.
         *
         * @throws IllegalArgumentException if the name is not plain
         */
        public Builder projectColumn(String column) {
            return projectColumn(column, Function.identity());
        }

        /**
         * The column that holds each row's project, with the value a project's name stands for
         * there ({@code Long::valueOf} for a numeric account id).
         *
         * @throws IllegalArgumentException if the name is not plain
         */
        public Builder projectColumn(String column, Function<String, ?> toValue) {
            this.projectColumn = Identifiers.checkPlain("the project column", column);
            this.projectValue = Objects.requireNonNull(toValue, "toValue");
            this.singleProject = null;
            return this;
        }

        /**
         * The table holds one project's calls only: reports of any other project read nothing.
         *
         * @throws IllegalArgumentException if the project is blank
         */
        public Builder singleProject(String project) {
            Objects.requireNonNull(project, "project");
            if (project.isBlank()) {
                throw new IllegalArgumentException("the single project's name must not be blank");
            }
            this.singleProject = project;
            this.projectColumn = null;
            return this;
        }

        /**
         * Default {@code id}.
         *
         * @throws IllegalArgumentException if the name is not plain
         */
        public Builder idColumn(String column) {
            this.idColumn = Identifiers.checkPlain("the id column", column);
            return this;
        }

        /**
         * Default {@code direction}.
         *
         * @throws IllegalArgumentException if the name is not plain
         */
        public Builder directionColumn(String column) {
            this.directionColumn = Identifiers.checkPlain("the direction column", column);
            return this;
        }

        /**
         * Default {@code client}.
         *
         * @throws IllegalArgumentException if the name is not plain
         */
        public Builder clientColumn(String column) {
            this.clientColumn = Identifiers.checkPlain("the client column", column);
            return this;
        }

        /**
         * Absent unless named.
         *
         * @throws IllegalArgumentException if the name is not plain
         */
        public Builder lineColumn(String column) {
            this.lineColumn = Identifiers.checkPlain("the line column", column);
            return this;
        }

        /**
         * Absent unless named.
         *
         * @throws IllegalArgumentException if the name is not plain
         */
        public Builder employeeColumn(String column) {
            this.employeeColumn = Identifiers.checkPlain("the employee column", column);
            return this;
        }

        /**
         * Default {@code started_at}.
         *
         * @throws IllegalArgumentException if the name is not plain
         */
        public Builder startedAtColumn(String column) {
            this.startedAtColumn = Identifiers.checkPlain("the started-at column", column);
            return this;
        }

        /**
         * Default {@code answered_at}; {@code NULL} means not answered.
         *
         * @throws IllegalArgumentException if the name is not plain
         */
        public Builder answeredAtColumn(String column) {
            this.answeredAtColumn = Identifiers.checkPlain("the answered-at column", column);
            return this;
        }

        /**
         * Default {@code ended_at}.
         *
         * @throws IllegalArgumentException if the name is not plain
         */
        public Builder endedAtColumn(String column) {
            this.endedAtColumn = Identifiers.checkPlain("the ended-at column", column);
            return this;
        }

        /**
         * Absent unless named.
         *
         * @throws IllegalArgumentException if the name is not plain
         */
        public Builder stageColumn(String column) {
            this.stageColumn = Identifiers.checkPlain("the stage column", column);
            return this;
        }

        /**
         * Absent unless named.
         *
         * @throws IllegalArgumentException if the name is not plain
         */
        public Builder managersColumn(String column) {
            this.managersColumn = Identifiers.checkPlain("the managers column", column);
            return this;
        }

        /**
         * A reason the source states (R9); absent unless named.
         *
         * @throws IllegalArgumentException if the name is not plain
         */
        public Builder reasonColumn(String column) {
            this.reasonColumn = Identifiers.checkPlain("the reason column", column);
            return this;
        }

        /** A word of this table that means a direction ({@code "incoming"} for {@link Direction#IN}). */
        public Builder direction(String word, Direction direction) {
            directions.put(wordKey(word), Objects.requireNonNull(direction, "direction"));
            return this;
        }

        /** A word of this table that means a stage. */
        public Builder stage(String word, Stage stage) {
            stages.put(wordKey(word), Objects.requireNonNull(stage, "stage"));
            return this;
        }

        /** A word of this table that means a managers value. */
        public Builder managers(String word, Managers value) {
            managers.put(wordKey(word), Objects.requireNonNull(value, "value"));
            return this;
        }

        /** A word of this table that states a reason. */
        public Builder reason(String word, MissedReason reason) {
            reasons.put(wordKey(word), Objects.requireNonNull(reason, "reason"));
            return this;
        }

        /** The zone in which zone-less time columns are written; default UTC. */
        public Builder localTimeZone(ZoneId zone) {
            this.localTimeZone = Objects.requireNonNull(zone, "zone");
            return this;
        }

        /**
         * Whether the table guarantees one row per project and id, by a primary or unique key;
         * default false. When true, the report need not hold every id to find duplicates (R2).
         */
        public Builder idsAreUnique(boolean value) {
            this.idsAreUnique = value;
            return this;
        }

        /**
         * @throws IllegalStateException if neither a project column nor a single project was given
         */
        /** The library's own table only: its writer keeps counts per hour there. */
        Builder hoursTable(String value) {
            this.hoursTable = value;
            return this;
        }

        public CallTableMapping build() {
            if (projectColumn == null && singleProject == null) {
                throw new IllegalStateException("say which column holds the project (projectColumn), or that " + table
                        + " holds one project's calls (singleProject)");
            }
            return new CallTableMapping(this, projectColumn, singleProject);
        }

        private static String wordKey(String word) {
            Objects.requireNonNull(word, "word");
            if (word.isBlank()) {
                throw new IllegalArgumentException("a word must not be blank");
            }
            return key(word);
        }
    }
}
