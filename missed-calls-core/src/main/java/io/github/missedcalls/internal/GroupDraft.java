package io.github.missedcalls.internal;

import io.github.missedcalls.CallbackAttempt;
import io.github.missedcalls.MissedCall;
import io.github.missedcalls.ProcessedRow;
import io.github.missedcalls.Resolution;
import io.github.missedcalls.UnprocessedRow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A group while it is being built: mutable, owned by one {@link ClientLedger}. */
final class GroupDraft {
    final String client;
    final List<MissedCall> calls;
    final List<CallbackAttempt> attempts;

    @Nullable
    Resolution resolution;

    /** The employee on the client's last successful call before this group (R16), when the chain asks. */
    @Nullable
    String reachedBy;

    /**
     * When that call started, to be held against the owner look-back from the group's first
     * missed call; {@code null} when every call the report holds is within it.
     */
    @Nullable
    Instant reachedAt;

    /** The owner a manager assigned this group to (R16). */
    @Nullable
    String assigned;

    /**
     * The first call {@link #primedDue} and {@link #primedLineOwner} were worked out for, while
     * it was at hand ({@link WorkflowRules#prime}); a row made much later then reads neither the
     * call nor its line again. {@code null} when nothing was worked out.
     */
    @Nullable
    MissedCall primedFor;

    @Nullable
    Instant primedDue;

    @Nullable
    String primedLineOwner;

    GroupDraft(String client) {
        // Most groups are one or two calls and as many attempts.
        this.client = client;
        this.calls = new ArrayList<>(2);
        this.attempts = new ArrayList<>(2);
    }

    GroupDraft(String client, List<MissedCall> calls, List<CallbackAttempt> attempts) {
        this.client = client;
        this.calls = new ArrayList<>(calls);
        this.attempts = new ArrayList<>(attempts);
    }

    Instant firstMissedAt() {
        return calls.get(0).startedAt();
    }

    /**
     * Splits off the calls that started at or before {@code coversUntil} (R11). The rest stays
     * in this draft; an attempt goes with the part that was the client's most recent group when
     * it was made (R7).
     *
     * @return the covered part, or {@code null} when no call is covered
     */
    @Nullable
    GroupDraft splitCoveredUntil(Instant coversUntil) {
        int covered = 0;
        while (covered < calls.size() && !calls.get(covered).startedAt().isAfter(coversUntil)) {
            covered++;
        }
        if (covered == 0) {
            return null;
        }
        if (covered == calls.size()) {
            GroupDraft all = new GroupDraft(client, calls, attempts);
            all.ownedAs(this);
            calls.clear();
            attempts.clear();
            return all;
        }
        List<MissedCall> coveredCalls = new ArrayList<>(calls.subList(0, covered));
        calls.subList(0, covered).clear();
        // A loop, not removeIf with a capturing lambda, which kept this method from compiling well.
        // Attempts restored from a saved ClientState carry no order guarantee, so every one is looked at.
        Instant restStartsAt = firstMissedAt();
        List<CallbackAttempt> coveredAttempts = new ArrayList<>();
        List<CallbackAttempt> laterAttempts = new ArrayList<>(attempts.size());
        for (CallbackAttempt attempt : attempts) {
            if (attempt.startedAt().isBefore(restStartsAt)) {
                coveredAttempts.add(attempt);
            } else {
                laterAttempts.add(attempt);
            }
        }
        attempts.clear();
        attempts.addAll(laterAttempts);
        GroupDraft part = new GroupDraft(client, coveredCalls, coveredAttempts);
        part.ownedAs(this);
        return part;
    }

    /** Takes what names {@code other}'s owner and due: the covered part of a group keeps its first call. */
    private void ownedAs(GroupDraft other) {
        reachedBy = other.reachedBy;
        reachedAt = other.reachedAt;
        assigned = other.assigned;
        primedFor = other.primedFor;
        primedDue = other.primedDue;
        primedLineOwner = other.primedLineOwner;
    }

    UnprocessedRow toUnprocessed(Instant asOf, WorkflowRules workflow) {
        List<MissedCall> rowCalls = immutable(calls);
        List<CallbackAttempt> rowAttempts = immutable(attempts);
        return new UnprocessedRow(
                client,
                rowCalls,
                rowAttempts,
                Duration.between(firstMissedAt(), asOf),
                workflow.due(this),
                workflow.owner(this, rowAttempts));
    }

    ProcessedRow toProcessed(WorkflowRules workflow) {
        Resolution done = resolution;
        if (done == null) {
            throw new IllegalStateException("group of " + client + " is not resolved");
        }
        List<MissedCall> rowCalls = immutable(calls);
        List<CallbackAttempt> rowAttempts = immutable(attempts);
        return new ProcessedRow(
                client, rowCalls, rowAttempts, done, workflow.due(this), workflow.owner(this, rowAttempts));
    }

    /**
     * The same list, immutable, which a row keeps as it is. Most groups hold one or two items, and
     * {@link List#of} takes them without the array that {@link List#copyOf} would make first.
     */
    static <T> List<T> immutable(List<T> items) {
        return switch (items.size()) {
            case 0 -> List.of();
            case 1 -> List.of(items.get(0));
            case 2 -> List.of(items.get(0), items.get(1));
            default -> List.copyOf(items);
        };
    }
}
