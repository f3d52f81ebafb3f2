package io.github.missedcalls.examples.web;

import io.github.missedcalls.MissedCall;
import io.github.missedcalls.MissedReason;
import io.github.missedcalls.Report;
import io.github.missedcalls.ReportRow;
import io.github.missedcalls.examples.demo.DemoSummary;
import java.time.ZoneId;
import java.util.List;

/**
 * The summary strip and the chart of one report, over the rows of both tabs: what a head of
 * sales reads before the table.
 *
 * <ol>
 *   <li>the summary: the figures the {@code demo} command prints ({@link DemoSummary}), so that
 *       the page and the command line agree: unprocessed clients, missed calls in the rows and
 *       from withheld numbers apart, the callback rate, the median time to callback;
 *   <li>the chart: missed calls with a number, by hour of day in the project's zone, split by
 *       reason (R9), {@code [hour][reason ordinal]}.
 * </ol>
 *
 * @param summary the figures of the strip
 * @param missedByHour missed calls with a number by hour of day and reason
 */
record ReportStats(DemoSummary summary, long[][] missedByHour) {

    static ReportStats of(Report report) {
        ZoneId zone = report.zone();
        long[][] byHour = new long[24][MissedReason.values().length];
        for (List<? extends ReportRow> rows : List.of(report.unprocessed(), report.processed())) {
            for (ReportRow row : rows) {
                for (MissedCall call : row.calls()) {
                    byHour[call.startedAt().atZone(zone).getHour()][
                            call.reason().ordinal()]++;
                }
            }
        }
        return new ReportStats(DemoSummary.of(report), byHour);
    }
}
