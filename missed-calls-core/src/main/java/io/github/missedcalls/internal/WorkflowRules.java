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

    private final WorkflowSettings workflow;
    private final boolean active;
    private final @Nullable OpenTimeClock openTime;
    /** R16's chain as an array: every row walks it. */
    private final OwnerRule[] ownerChain;

    public WorkflowRules(ProjectSettings settings) {
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
        return active ? dueOf(calls.get(0)) : null;
    }

    private @Nullable Instant dueOf(MissedCall first) {
        Duration deadline = workflow.deadlineFor(first.line());
        if (deadline == null) {
            return null;
        }
        OpenTimeClock clock = openTime;
        return clock == null ? first.startedAt().plus(deadline) : clock.after(first.startedAt(), deadline);
    }

    /**
     * Works out what a group's first call decides, its due and its line's owner, while the call
     * is in the processor's caches: the report calls it as a group opens, and the group's row,
     * made when it is resolved or at the end, is then spared reading the call again.
     */
    void prime(GroupDraft group) {
        if (!active) {
            return;
        }
        MissedCall first = group.calls.get(0);
        group.primedFor = first;
        group.primedDue = dueOf(first);
        group.primedLineOwner = lineOwner(first.line());
    }

    /** {@link #due(List)} of a group, from what {@link #prime} worked out when its first call is still the same. */
    @Nullable
    Instant due(GroupDraft group) {
        if (!active) {
            return null;
        }
        MissedCall first = group.calls.get(0);
        return first == group.primedFor ? group.primedDue : dueOf(first);
    }

    /**
     * The group's owner (R16): an assignment by hand, else the first rule of the chain that
     * names someone; {@code attempts} are its row's.
     */
    @Nullable
    String owner(GroupDraft group, List<CallbackAttempt> attempts) {
        if (group.assigned != null) {
            return group.assigned;
        }
        for (OwnerRule rule : ownerChain) {
            String owner = switch (rule) {
                case LAST_REACHED -> lastReachedBy(group);
                case LAST_ATTEMPT -> lastAttemptBy(attempts);
                case LINE_OWNER -> {
                    MissedCall first = group.calls.get(0);
                    yield first == group.primedFor ? group.primedLineOwner : lineOwner(first.line());
                }
            };
            if (owner != null) {
                return owner;
            }
        }
        return null;
    }

    /** Who last reached the client, if within the look-back from the group's first missed call as it is now. */
    private @Nullable String lastReachedBy(GroupDraft group) {
        Instant reachedAt = group.reachedAt;
        return reachedAt == null || reachedInLookBack(reachedAt, group.firstMissedAt()) ? group.reachedBy : null;
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
