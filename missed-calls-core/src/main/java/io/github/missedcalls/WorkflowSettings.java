package io.github.missedcalls;

import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How a project works its report (R14 to R17): the callback deadline, who owns a group, and
 * whether groups are kept per line. {@link #none()} changes nothing in R1 to R13's rows: no
 * deadline, no owners, groups per client.
 *
 * @param deadline the callback deadline from a group's first missed call; {@code null} for none
 * @param clock how the deadline runs
 * @param ownerChain the rules that name a group's owner, first match wins; empty for no owners
 * @param ownerLookBack how far before a group {@link OwnerRule#LAST_REACHED} looks
 * @param groupsPerLine whether a client who called two lines has a group per line (R17)
 * @param lines per-line deadlines and owners, by the line's number as the call records carry it
 */
public record WorkflowSettings(
        @Nullable Duration deadline,
        DeadlineClock clock,
        List<OwnerRule> ownerChain,
        Duration ownerLookBack,
        boolean groupsPerLine,
        Map<String, LineRules> lines) {

    /** R16's default look-back. */
    public static final Duration DEFAULT_OWNER_LOOK_BACK = Duration.ofDays(90);

    /** R16's order, for a project that wants owners without choosing. */
    public static final List<OwnerRule> DEFAULT_OWNER_CHAIN =
            List.of(OwnerRule.LAST_REACHED, OwnerRule.LAST_ATTEMPT, OwnerRule.LINE_OWNER);

    private static final WorkflowSettings NONE = builder().build();

    /**
     * @throws NullPointerException if a value but the deadline is {@code null}
     * @throws IllegalArgumentException if a duration is negative or the chain names a rule twice
     */
    public WorkflowSettings {
        Objects.requireNonNull(clock, "clock");
        ownerChain = List.copyOf(ownerChain);
        Objects.requireNonNull(ownerLookBack, "ownerLookBack");
        lines = Map.copyOf(lines);
        if (deadline != null && deadline.isNegative()) {
            throw new IllegalArgumentException("a deadline must not be negative: " + deadline);
        }
        if (ownerLookBack.isNegative()) {
            throw new IllegalArgumentException("ownerLookBack must not be negative: " + ownerLookBack);
        }
        if (new HashSet<>(ownerChain).size() != ownerChain.size()) {
            throw new IllegalArgumentException("the owner chain names a rule twice: " + ownerChain);
        }
    }

    /** No deadline, no owners, groups per client: R1 to R13 as they are. */
    public static WorkflowSettings none() {
        return NONE;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The deadline of a group whose first missed call came on {@code line}: the line's, else the project's. */
    public @Nullable Duration deadlineFor(@Nullable String line) {
        LineRules rules = line == null ? null : lines.get(line);
        if (rules != null && rules.deadline() != null) {
            return rules.deadline();
        }
        return deadline;
    }

    /** Whether any setting here changes a row: a deadline, an owner rule, or groups per line. */
    public boolean changesRows() {
        return !equals(NONE);
    }

    /** Collects workflow settings; every value has a default that changes nothing. */
    public static final class Builder {
        private @Nullable Duration deadline;
        private DeadlineClock clock = DeadlineClock.BUSINESS_HOURS;
        private List<OwnerRule> ownerChain = List.of();
        private Duration ownerLookBack = DEFAULT_OWNER_LOOK_BACK;
        private boolean groupsPerLine;
        private final Map<String, LineRules> lines = new LinkedHashMap<>();

        private Builder() {}

        /** The callback deadline; default none. */
        public Builder deadline(@Nullable Duration value) {
            this.deadline = value;
            return this;
        }

        /** Default {@link DeadlineClock#BUSINESS_HOURS}. */
        public Builder clock(DeadlineClock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /** Default empty: no owners. {@link #DEFAULT_OWNER_CHAIN} is R16's order. */
        public Builder ownerChain(List<OwnerRule> value) {
            this.ownerChain = List.copyOf(value);
            return this;
        }

        /** Default {@link #DEFAULT_OWNER_LOOK_BACK}. */
        public Builder ownerLookBack(Duration value) {
            this.ownerLookBack = Objects.requireNonNull(value, "ownerLookBack");
            return this;
        }

        /** Default {@code false}: one group per client. */
        public Builder groupsPerLine(boolean value) {
            this.groupsPerLine = value;
            return this;
        }

        /** A line's own deadline and owner. */
        public Builder line(String line, LineRules rules) {
            lines.put(Objects.requireNonNull(line, "line"), Objects.requireNonNull(rules, "rules"));
            return this;
        }

        /** @throws IllegalArgumentException as {@link WorkflowSettings#WorkflowSettings} does */
        public WorkflowSettings build() {
            return new WorkflowSettings(deadline, clock, ownerChain, ownerLookBack, groupsPerLine, lines);
        }
    }
}
