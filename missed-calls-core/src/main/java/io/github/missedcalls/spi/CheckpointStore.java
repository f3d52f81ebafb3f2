package io.github.missedcalls.spi;

import io.github.missedcalls.ProjectSettings;
import io.github.missedcalls.ReportCheckpoint;
import java.util.Optional;

/**
 * Keeps the latest {@link ReportCheckpoint} of a refresh under a key (a page's user, a screen, a
 * job), so that a refresh in another process, or after a restart, reads only what is new
 * ({@link io.github.missedcalls.MissedCalls#refresh(io.github.missedcalls.ReportQuery,
 * CheckpointStore, String)}). Implementations are safe for use by several threads.
 *
 * <p>A checkpoint is kept as {@link ReportCheckpoint#toBytes()}; the settings are not stored but
 * fingerprinted, so a checkpoint read with other settings is not returned.
 */
public interface CheckpointStore {

    /**
     * Saves a checkpoint under {@code key}, replacing the one there.
     *
     * @throws io.github.missedcalls.StorageException if the storage fails; the one there stays
     */
    void save(String project, String key, ReportCheckpoint checkpoint);

    /**
     * The checkpoint saved under {@code key}, with {@code settings}; empty when none is, or it was
     * made with other settings or cannot be read (then the refresh reads the whole window).
     *
     * @throws io.github.missedcalls.StorageException if the storage fails
     */
    Optional<ReportCheckpoint> load(String project, String key, ProjectSettings settings);
}
