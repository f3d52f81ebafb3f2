package io.github.missedcalls;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** The hint of {@link Report#emptyWindowHint()} and {@link ReportSummary#emptyWindowHint()}. */
final class EmptyWindow {

    private EmptyWindow() {}

    static Optional<String> hint(
            String project,
            ZoneId zone,
            Instant from,
            Instant to,
            long callsInWindow,
            @Nullable Instant latestCallBeforeWindow) {
        if (callsInWindow > 0 || latestCallBeforeWindow == null) {
            return Optional.empty();
        }
        // One second after the latest start, so that the call itself is inside the window asked for.
        return Optional.of("no call of " + project + " started in the window " + ReportCsv.formatTime(from, zone)
                + " to " + ReportCsv.formatTime(to, zone) + " (" + zone.getId() + "); the latest started at "
                + ReportCsv.formatTime(latestCallBeforeWindow, zone)
                + ". For the report as it stood then, ask ReportQuery.of(\"" + project + "\").asOf(Instant.parse(\""
                + latestCallBeforeWindow.plusSeconds(1) + "\"))");
    }
}
