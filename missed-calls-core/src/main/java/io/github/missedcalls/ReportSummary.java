package io.github.missedcalls;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What a report streamed to a {@link ReportListener} covered, and its counts.
 *
 * @param project the project
 * @param zone the project's zone
 * @param from the window's start, inclusive
 * @param to the window's end, exclusive
 * @param asOf nothing after this instant was used
 * @param unprocessedRows rows of the unprocessed tab
 * @param processedRows rows of the processed tab
 * @param rejections records and handles rejected
 * @param anonymousMissed missed calls inside the window without a client number (R4)
 * @param callsInWindow valid call records that started in the window (before its end and not after as-of)
 * @param latestCallBeforeWindow when the window holds no call, the start of the project's latest
 *     call before it, if the source delivered one or can tell ({@link
 *     io.github.missedcalls.spi.CallSource#latestStartBefore}); otherwise null
 */
public record ReportSummary(
        String project,
        ZoneId zone,
        Instant from,
        Instant to,
        Instant asOf,
        long unprocessedRows,
        long processedRows,
        long rejections,
        long anonymousMissed,
        long callsInWindow,
        @Nullable Instant latestCallBeforeWindow) {

    public ReportSummary {
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(asOf, "asOf");
    }

    /** A summary without the window's call figures, as before they existed. */
    public ReportSummary(
            String project,
            ZoneId zone,
            Instant from,
            Instant to,
            Instant asOf,
            long unprocessedRows,
            long processedRows,
            long rejections,
            long anonymousMissed) {
        this(project, zone, from, to, asOf, unprocessedRows, processedRows, rejections, anonymousMissed, 0, null);
    }

    /**
     * One line for a person when the window holds no call but the project has earlier ones (a
     * historical file reported as of now): where the calls are, and the as-of that shows them.
     */
    public Optional<String> emptyWindowHint() {
        return EmptyWindow.hint(project, zone, from, to, callsInWindow, latestCallBeforeWindow);
    }
}
