package io.github.missedcalls.internal;

import io.github.missedcalls.Assignment;
import io.github.missedcalls.CallRecord;
import io.github.missedcalls.Direction;
import io.github.missedcalls.Handle;
import io.github.missedcalls.NumberNormalizer;
import io.github.missedcalls.ProjectSettings;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The first step for every record, written once for the batch report and the live tracker: the
 * client number normalized (R3), the reasons a record is rejected (R2), and what two copies of a
 * record are compared as ({@link DuplicatePolicy}).
 */
public final class Intake {

    /** Why a copy of a call is rejected. */
    public static final String CONFLICTING_ID = "conflicting duplicate id";

    private final NumberNormalizer normalizer;
    private final @Nullable NormalizedNumbers cache;

    private Intake(NumberNormalizer normalizer, @Nullable NormalizedNumbers cache) {
        this.normalizer = normalizer;
        this.cache = cache;
    }

    /** For one report: remembers the spellings it normalized; not thread-safe. */
    public static Intake forOneReport(ProjectSettings settings) {
        return new Intake(settings.normalizer(), new NormalizedNumbers(settings.normalizer()));
    }

    /** For a tracker that lives as long as the application: remembers nothing, and is thread-safe. */
    public static Intake shared(ProjectSettings settings) {
        return new Intake(settings.normalizer(), null);
    }

    /**
     * The call's client number normalized (R3).
     *
     * @return {@code null} for an internal call, which has no client, or a withheld number
     * @throws IllegalArgumentException with the reason, for a number that cannot be normalized
     */
    public @Nullable String clientOf(CallRecord call) {
        String raw = call.client();
        if (call.direction() == Direction.INTERNAL || raw == null) {
            return null;
        }
        try {
            return cache == null ? normalizer.normalize(raw) : cache.normalize(raw);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    Objects.requireNonNullElse(e.getMessage(), "client number cannot be normalized"), e);
        }
    }

    /**
     * The handle's client number normalized (R3, R11).
     *
     * @throws IllegalArgumentException with the reason, for a withheld number or one that cannot be normalized
     */
    public String clientOf(Handle handle) {
        return clientHandled(handle.client());
    }

    /**
     * The normalized number of a client a manager acted on by hand (a handle, an assignment).
     *
     * @throws IllegalArgumentException with the reason, for a withheld number or one that cannot be normalized
     */
    public String clientHandled(String raw) {
        String client;
        try {
            client = normalizer.normalize(raw);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    Objects.requireNonNullElse(e.getMessage(), "client number cannot be normalized"), e);
        }
        if (client == null) {
            throw new IllegalArgumentException("withheld client number");
        }
        return client;
    }

    /**
     * A call as R2 compares its copies: with its client normalized; an internal call as written,
     * since its number is never normalized.
     */
    public static CallRecord asCompared(CallRecord call, @Nullable String client) {
        if (call.direction() == Direction.INTERNAL || Objects.equals(client, call.client())) {
            return call;
        }
        return call.withClient(client);
    }

    /** Why a copy of an assignment is rejected. */
    public static String conflictingAssignment(Assignment assignment) {
        return "conflicting duplicate assignment by " + assignment.actor() + " at " + assignment.assignedAt();
    }

    /** Why a copy of a handle is rejected. */
    public static String conflictingHandle(Handle handle) {
        return "conflicting duplicate handle by " + handle.actor() + " at " + handle.handledAt();
    }
}
