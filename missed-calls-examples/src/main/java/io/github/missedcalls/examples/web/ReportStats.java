package io.github.missedcalls.examples.web;

import io.github.missedcalls.MissedCall;
import io.github.missedcalls.MissedReason;
import io.github.missedcalls.ProcessedRow;
import io.github.missedcalls.Report;
import io.github.missedcalls.ReportRow;
import io.github.missedcalls.ResolutionKind;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The summary strip and the chart of one report, over the rows of both tabs: what a head of
 * sales reads before the table.
 *
 * <ol>
 *   <li>unprocessed clients: rows of the unprocessed tab (a client has at most one, R5);
 *   <li>missed calls: every missed call inside the window, withheld ones included (R4);
 *   <li>callback rate: groups resolved by a manager's call (called back) among all groups of
 *       the window; a client who got through by calling again, or a handled group, is not a
 *       callback; absent when there are no groups;
 *   <li>median time to callback: the median time to resolution of the called-back groups
 *       (the mean of the two middle ones for an even count); absent when none was called back;
 *   <li>the chart: missed calls with a number, by hour of day in the project's zone, split by
 *       reason (R9).
 * </ol>
 *
 * @param unprocessedClients rows of the unprocessed tab
 * @param processedGroups rows of the processed tab
 * @param missedCalls missed calls inside the window, withheld ones included
 * @param anonymousMissed missed calls inside the window without a number (R4)
 * @param calledBack groups resolved by a manager's call
 * @param callbackRate {@code calledBack} over all groups, or {@code null} without groups
 * @param medianTimeToCallback or {@code null} when no group was called back
 * @param missedByHour {@code [hour][reason ordinal]}: missed calls with a number
 */
record ReportStats(
    long unprocessedClients,
    long processedGroups,
    long missedCalls,
    long anonymousMissed,
    long calledBack,
    @Nullable Double callbackRate,
    @Nullable Duration medianTimeToCallback,
    long[][] missedByHour) {

  static ReportStats of(Report report) {
    ZoneId zone = report.zone();
    long[][] byHour = new long[24][MissedReason.values().length];
    List<Duration> callbackTimes = new ArrayList<>();
    for (ReportRow row : report.unprocessed()) {
      count(row, zone, byHour);
    }
    for (ProcessedRow row : report.processed()) {
      count(row, zone, byHour);
      if (row.resolution().kind() == ResolutionKind.CALLED_BACK) {
        callbackTimes.add(row.timeToResolution());
      }
    }
    long groups = (long) report.unprocessed().size() + report.processed().size();
    callbackTimes.sort(null);
    return new ReportStats(
        report.unprocessed().size(),
        report.processed().size(),
        report.missedInRows() + report.anonymousMissed(),
        report.anonymousMissed(),
        callbackTimes.size(),
        groups == 0 ? null : (double) callbackTimes.size() / groups,
        median(callbackTimes),
        byHour);
  }

  private static @Nullable Duration median(List<Duration> sorted) {
    int size = sorted.size();
    if (size == 0) {
      return null;
    }
    Duration upper = sorted.get(size / 2);
    return size % 2 == 1 ? upper : sorted.get(size / 2 - 1).plus(upper).dividedBy(2);
  }

  private static void count(ReportRow row, ZoneId zone, long[][] byHour) {
    for (MissedCall call : row.calls()) {
      byHour[call.startedAt().atZone(zone).getHour()][call.reason().ordinal()]++;
    }
  }
}
