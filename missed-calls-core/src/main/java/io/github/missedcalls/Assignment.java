package io.github.missedcalls;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A manager's decision that someone else calls a client back (R16): the client's group open at
 * {@link #assignedAt()} gets {@link #owner()} as its owner, before any rule of the owner chain,
 * and stays unprocessed. Like a {@link Handle}, its key is its client, instant and actor: a
 * store keeps one of two with the same key, and refuses a second with other values.
 *
 * @param client the client's number; normalized when the report reads it
 * @param assignedAt when the manager assigned it
 * @param owner the employee who is to call back
 * @param actor who assigned it
 * @param note free text, may be {@code null}
 */
public record Assignment(
        String client,
        Instant assignedAt,
        String owner,
        String actor,
        @Nullable String note) {

    /**
     * @throws NullPointerException if a required value is {@code null}
     * @throws IllegalArgumentException if the client, owner or actor is blank
     */
    public Assignment {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(assignedAt, "assignedAt");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(actor, "actor");
        if (client.isBlank()) {
            throw new IllegalArgumentException("no client number");
        }
        if (owner.isBlank()) {
            throw new IllegalArgumentException("no owner");
        }
        if (actor.isBlank()) {
            throw new IllegalArgumentException("no actor");
        }
    }

    /** The same assignment for another spelling of the client's number. */
    public Assignment withClient(String newClient) {
        return new Assignment(newClient, assignedAt, owner, actor, note);
    }

    /** Whether {@code other} is the same assignment by identity: same client, instant and actor. */
    public boolean sameKey(Assignment other) {
        return client.equals(other.client) && assignedAt.equals(other.assignedAt) && actor.equals(other.actor);
    }
}
