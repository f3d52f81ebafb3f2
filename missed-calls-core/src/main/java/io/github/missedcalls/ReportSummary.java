package io.github.missedcalls;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

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
        long anonymousMissed) {

    public ReportSummary {
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(asOf, "asOf");
    }
}
