package io.github.missedcalls.internal;

import io.github.missedcalls.CallbackAttempt;
import io.github.missedcalls.DeadlineClock;
import io.github.missedcalls.LineRules;
import io.github.missedcalls.MissedCall;
import io.github.missedcalls.OwnerRule;
import io.github.missedcalls.ProjectSettings;
import io.github.missedcalls.WorkflowSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A group's due instant and owner (R14, R16) under a project's workflow, shared by the report and
 * the live tracker. Without a workflow both are {@code null} and nothing is computed.
 */
public final class WorkflowRules {

    private final ProjectSettings settings;
    private final WorkflowSettings workflow;
    private final boolean active;
    private final @Nullable OpenTimeClock openTime;
    /** R16's chain as an array: every row walks it. */
    private final OwnerRule[] ownerChain;

    public WorkflowRules(ProjectSettings settings) {
        this.settings = settings;
        this.workflow = settings.workflow();
        this.active = workflow.changesRows();
        this.openTime = workflow.clock() == DeadlineClock.BUSINESS_HOURS
                ? new OpenTimeClock(settings.businessHours(), settings.zone())
                : null;
        this.ownerChain = workflow.ownerChain().toArray(new OwnerRule[0]);
    }

    /** Whether the report must remember each client's last successful call (R16's first rule). */
    public boolean tracksLastReached() {
        return workflow.ownerChain().contains(OwnerRule.LAST_REACHED);
    }

    /** How far before a group's first missed call a successful call still names its owner. */
    boolean reachedInLookBack(Instant reachedAt, Instant firstMissed) {
        return reachedAt.isBefore(firstMissed) && !reachedAt.isBefore(firstMissed.minus(workflow.ownerLookBack()));
    }

    /** The group's due (R14): its first missed call plus the deadline of that call's line. */
    public @Nullable Instant due(List<MissedCall> calls) {
        if (!active) {
            return null;
        }
        MissedCall first = calls.get(0);
        Duration deadline = workflow.deadlineFor(first.line());
        if (deadline == null) {
            return null;
        }
        OpenTimeClock clock = openTime;
        return clock == null ? first.startedAt().plus(deadline) : clock.after(first.startedAt(), deadline);
    }

    /**
     * The group's owner (R16): an assignment by hand, else the first rule of the chain that
     * names someone.
     *
     * @param reachedBy the employee on the client's last successful call before the group, within the look-back
     * @param assigned the owner a manager assigned the group to
     */
    public @Nullable String owner(
            List<MissedCall> calls,
            List<CallbackAttempt> attempts,
            @Nullable String reachedBy,
            @Nullable String assigned) {
        if (assigned != null) {
            return assigned;
        }
        for (OwnerRule rule : ownerChain) {
            String owner = switch (rule) {
                case LAST_REACHED -> reachedBy;
                case LAST_ATTEMPT -> lastAttemptBy(attempts);
                case LINE_OWNER -> lineOwner(calls.get(0).line());
            };
            if (owner != null) {
                return owner;
            }
        }
        return null;
    }

    private static @Nullable String lastAttemptBy(List<CallbackAttempt> attempts) {
        // Attempts restored from a saved state carry no order guarantee.
        CallbackAttempt last = null;
        for (CallbackAttempt attempt : attempts) {
            if (attempt.employee() != null
                    && (last == null || !attempt.startedAt().isBefore(last.startedAt()))) {
                last = attempt;
            }
        }
        return last == null ? null : last.employee();
    }

    private @Nullable String lineOwner(@Nullable String line) {
        LineRules rules = line == null || workflow.lines().isEmpty()
                ? null
                : workflow.lines().get(line);
        return rules == null ? null : rules.owner();
    }
}
