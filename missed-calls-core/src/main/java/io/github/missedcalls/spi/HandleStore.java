package io.github.missedcalls.spi;

import io.github.missedcalls.Assignment;
import io.github.missedcalls.Handle;
import io.github.missedcalls.HandleConflictException;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;

/**
 * Keeps manual handles (R11). Implementations are safe for use by several threads, and by
 * several application instances where the storage is shared.
 *
 * <p>A handle's key is its project, client, instant and actor: saving a handle whose key is
 * stored with the same values is harmless and stores nothing; with other values it is refused.
 */
public interface HandleStore {

    /**
     * Saves a handle once.
     *
     * @return {@link SaveOutcome#STORED} if it was new, {@link SaveOutcome#ALREADY_STORED} if an
     *     equal handle was there
     * @throws HandleConflictException if a handle with the same key and other values is stored
     * @throws io.github.missedcalls.StorageException if the storage fails; nothing is half-written
     */
    SaveOutcome save(String project, Handle handle);

    /**
     * The handles of {@code project} handled in [{@code handledFrom}, {@code handledUntil}],
     * ordered by their instant.
     *
     * @throws io.github.missedcalls.StorageException if the storage fails
     */
    List<Handle> handles(String project, Instant handledFrom, Instant handledUntil);

    /**
     * How many handles of {@code project} were handled in [{@code handledFrom},
     * {@code handledBefore}), where the store can count them cheaply. A refresh from a
     * {@link io.github.missedcalls.ReportCheckpoint} compares it with the handles its read listed
     * before the watermark: a handle saved since with an earlier instant makes the report read
     * the whole window again.
     *
     * @return the count, or empty if the store cannot tell (the default); a refresh then reads
     *     every handle of the window and compares
     * @throws io.github.missedcalls.StorageException if the storage fails
     */
    default OptionalLong countHandles(String project, Instant handledFrom, Instant handledBefore) {
        return OptionalLong.empty();
    }

    /**
     * Saves an assignment once (R16), with the rules of {@link #save}: the same assignment again
     * stores nothing, one with the same key and other values is refused.
     *
     * @return {@link SaveOutcome#STORED} if it was new, {@link SaveOutcome#ALREADY_STORED} if an equal one was there
     * @throws UnsupportedOperationException if this store keeps no assignments (the default)
     * @throws io.github.missedcalls.AssignmentConflictException if an assignment with the same key
     *     and other values is stored
     * @throws io.github.missedcalls.StorageException if the storage fails; nothing is half-written
     */
    default SaveOutcome assign(String project, Assignment assignment) {
        throw new UnsupportedOperationException(getClass().getName() + " keeps no assignments");
    }

    /**
     * The assignments of {@code project} made in [{@code assignedFrom}, {@code assignedUntil}],
     * ordered by their instant; empty for a store that keeps none (the default).
     *
     * @throws io.github.missedcalls.StorageException if the storage fails
     */
    default List<Assignment> assignments(String project, Instant assignedFrom, Instant assignedUntil) {
        return List.of();
    }
}
