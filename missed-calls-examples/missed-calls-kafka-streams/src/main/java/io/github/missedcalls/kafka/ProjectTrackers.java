package io.github.missedcalls.kafka;

import io.github.missedcalls.ProjectSettings;
import io.github.missedcalls.live.ClientTracker;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The tracker's rules per project, made once per project and instance. A project's settings are
 * read the first time the instance meets the project: a change takes effect on restart.
 */
final class ProjectTrackers {

    private final Function<String, ProjectSettings> settings;
    private final Instant trackFrom;
    private final Map<String, ClientTracker> trackers = new ConcurrentHashMap<>();

    ProjectTrackers(Function<String, ProjectSettings> settings, Instant trackFrom) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.trackFrom = Objects.requireNonNull(trackFrom, "trackFrom");
    }

    ClientTracker of(String project) {
        return trackers.computeIfAbsent(
                project,
                p -> new ClientTracker(
                        Objects.requireNonNull(settings.apply(p), () -> "no settings for project " + p), trackFrom));
    }

    Instant trackFrom() {
        return trackFrom;
    }
}
