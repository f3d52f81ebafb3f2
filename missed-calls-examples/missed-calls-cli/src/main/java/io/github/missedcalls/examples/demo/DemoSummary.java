package io.github.missedcalls.examples.demo;

import io.github.missedcalls.ProcessedRow;
import io.github.missedcalls.Report;
import io.github.missedcalls.ResolutionKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The figures a head of sales asks for first, from one report:
 *
 * <ol>
 *   <li>unprocessed clients: rows of the unprocessed tab (a client has at most one);
 *   <li>missed calls: the missed calls in the rows of both tabs, and apart from them those from
 *       withheld numbers, which can be called back by nobody (R4);
 *   <li>callback rate: the share of groups (rows of both tabs) resolved by a callback;
 *   <li>time to callback: the median and the 90th percentile of the time to resolution of the
 *       groups resolved by a callback, each the nearest-rank value (an actual group's time);
 *   <li>resolutions: the share of each resolution kind among the processed rows.
 * </ol>
 *
 * @param unprocessedClients rows of the unprocessed tab
 * @param processedGroups rows of the processed tab
 * @param missedCalls missed calls in the rows of both tabs
 * @param anonymousMissed missed calls from withheld numbers
 * @param resolutions processed rows by resolution kind, every kind present
 * @param medianTimeToCallback {@code null} when no group was called back
 * @param p90TimeToCallback {@code null} when no group was called back
 */
public record DemoSummary(
        long unprocessedClients,
        long processedGroups,
        long missedCalls,
        long anonymousMissed,
        Map<ResolutionKind, Long> resolutions,
        @Nullable Duration medianTimeToCallback,
        @Nullable Duration p90TimeToCallback) {

    public DemoSummary {
        resolutions = Map.copyOf(resolutions);
    }

    /** The figures of a report. */
    public static DemoSummary of(Report report) {
        Objects.requireNonNull(report, "report");
        Map<ResolutionKind, Long> kinds = new EnumMap<>(ResolutionKind.class);
        for (ResolutionKind kind : ResolutionKind.values()) {
            kinds.put(kind, 0L);
        }
        List<Duration> toCallback = new ArrayList<>();
        for (ProcessedRow row : report.processed()) {
            ResolutionKind kind = row.resolution().kind();
            kinds.merge(kind, 1L, Long::sum);
            if (kind == ResolutionKind.CALLED_BACK) {
                toCallback.add(row.timeToResolution());
            }
        }
        toCallback.sort(null);
        return new DemoSummary(
                report.unprocessed().size(),
                report.processed().size(),
                report.missedInRows(),
                report.anonymousMissed(),
                kinds,
                percentile(toCallback, 50),
                percentile(toCallback, 90));
    }

    /** Groups in both tabs. */
    public long groups() {
        return unprocessedClients + processedGroups;
    }

    /** Groups resolved by a callback over all groups; 0 when there are none. */
    public double callbackRate() {
        return groups() == 0 ? 0 : (double) resolutions.getOrDefault(ResolutionKind.CALLED_BACK, 0L) / groups();
    }

    /** The share of a resolution kind among the processed rows; 0 when there are none. */
    public double share(ResolutionKind kind) {
        return processedGroups == 0 ? 0 : (double) resolutions.getOrDefault(kind, 0L) / processedGroups;
    }

    /** The nearest-rank percentile of sorted values: the smallest value at or above p percent of them. */
    static @Nullable Duration percentile(List<Duration> sorted, int percent) {
        if (sorted.isEmpty()) {
            return null;
        }
        int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
        return sorted.get(Math.max(rank, 1) - 1);
    }
}
