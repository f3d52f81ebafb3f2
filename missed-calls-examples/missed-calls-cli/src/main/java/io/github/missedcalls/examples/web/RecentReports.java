package io.github.missedcalls.examples.web;

import io.github.missedcalls.Report;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The reports made in the last few seconds, by project and range, so that switching tabs, paging
 * and exporting what is on screen do not read a month of calls again:
 *
 * <ol>
 *   <li>a report is reused for {@link #MAX_AGE} at most; the page shows its as-of time;
 *   <li>a handle stored through this server forgets its project's reports at once, so the next
 *       answer shows it;
 *   <li>at most {@link #CAPACITY} reports are kept, the least recently used go first.
 * </ol>
 *
 * <p>Handles always check a fresh report ({@link HandleDesk}); calls that other programs write
 * show up at the latest {@link #MAX_AGE} later.
 */
final class RecentReports {

    /** Long enough for a person to switch tabs and export, short enough that "as of" stays recent. */
    static final Duration MAX_AGE = Duration.ofSeconds(30);
    /** A few people looking at a few projects and ranges; each report holds its rows. */
    static final int CAPACITY = 16;

    /** A report and what was made from it. */
    record Made(Report report, ReportStats stats, Instant madeAt, double millis) {}

    private record Key(String project, LocalDate from, LocalDate to) {}

    private final Map<Key, Made> reports = new LinkedHashMap<>(CAPACITY, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Made> eldest) {
            return size() > CAPACITY;
        }
    };

    /** The recent report of a project and range, or a new one from {@code make}, made as of {@code now}. */
    Made get(String project, ReportWindow window, Instant now, Supplier<Report> make) {
        Key key = new Key(project, window.from(), window.to());
        synchronized (reports) {
            Made recent = reports.get(key);
            if (recent != null && !recent.madeAt().plus(MAX_AGE).isBefore(now)) {
                return recent;
            }
        }
        // Made outside the lock: another project's report need not wait for this one.
        long started = System.nanoTime();
        Report report = make.get();
        Made made = new Made(report, ReportStats.of(report), now, (System.nanoTime() - started) / 1e6);
        synchronized (reports) {
            reports.put(key, made);
        }
        return made;
    }

    /** Forgets every report of a project: a handle changed it. */
    void forget(String project) {
        synchronized (reports) {
            reports.keySet().removeIf(key -> key.project().equals(project));
        }
    }
}
