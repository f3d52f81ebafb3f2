package io.github.missedcalls.inmemory;

import io.github.missedcalls.ProjectSettings;
import io.github.missedcalls.ReportCheckpoint;
import io.github.missedcalls.spi.CheckpointStore;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checkpoints held in memory as bytes, the form a store of your own keeps
 * ({@link ReportCheckpoint#toBytes()}). Thread-safe; nothing survives the process.
 */
public final class InMemoryCheckpointStore implements CheckpointStore {

    private record Key(String project, String key) {}

    private final Map<Key, byte[]> checkpoints = new ConcurrentHashMap<>();

    @Override
    public void save(String project, String key, ReportCheckpoint checkpoint) {
        Objects.requireNonNull(checkpoint, "checkpoint");
        checkpoints.put(new Key(project, key), checkpoint.toBytes());
    }

    @Override
    public Optional<ReportCheckpoint> load(String project, String key, ProjectSettings settings) {
        byte[] bytes = checkpoints.get(new Key(project, key));
        return bytes == null ? Optional.empty() : ReportCheckpoint.fromBytes(bytes, settings);
    }
}
