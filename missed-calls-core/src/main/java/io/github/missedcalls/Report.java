package io.github.missedcalls;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Both tabs of one project's report for a window and an as-of instant (R8).
 *
 * <p>The unprocessed tab is ordered longest-waiting first (first missed call ascending, then
 * client); the processed tab latest resolution first (resolution descending, then client, then
 * first missed call).
 *
 * @param project the project
 * @param zone the project's zone, for display
 * @param from the window's start, inclusive
 * @param to the window's end, exclusive
 * @param asOf nothing after this instant was used
 * @param unprocessed groups not resolved as of {@code asOf}
 * @param processed groups resolved as of {@code asOf}
 * @param rejections every record and handle not used, and why (R2)
 * @param anonymousMissed missed calls inside the window without a client number (R4)
 * @param callsInWindow valid call records that started in the window (before its end and not after as-of)
 * @param latestCallBeforeWindow when the window holds no call, the start of the project's latest
 *     call before it, if the source delivered one or can tell ({@link
 *     io.github.missedcalls.spi.CallSource#latestStartBefore}); otherwise null
 */
public record Report(
        String project,
        ZoneId zone,
        Instant from,
        Instant to,
        Instant asOf,
        List<UnprocessedRow> unprocessed,
        List<ProcessedRow> processed,
        List<Rejection> rejections,
        long anonymousMissed,
        long callsInWindow,
        @Nullable Instant latestCallBeforeWindow) {

    /** With groups per line (R17): a client's groups by their first call's line, a group without one first. */
    public static final Comparator<ReportRow> LINE_ORDER =
            Comparator.comparing(row -> row.calls().get(0).line(), Comparator.nullsFirst(Comparator.naturalOrder()));

    /**
     * The unprocessed tab's order: longest waiting first (first missed call ascending), then
     * client, then (with groups per line) line.
     */
    public static final Comparator<UnprocessedRow> UNPROCESSED_ORDER = Comparator.comparing(
                    UnprocessedRow::firstMissedAt)
            .thenComparing(UnprocessedRow::client)
            .thenComparing(LINE_ORDER);

    /** Highest {@linkplain UnprocessedRow#priority() priority} first (R15), then the tab's order. */
    public static final Comparator<UnprocessedRow> PRIORITY_ORDER = Comparator.<UnprocessedRow>comparingInt(
                    row -> -row.priority().score())
            .thenComparing(UNPROCESSED_ORDER);

    /** The processed tab's order: latest resolution first, then client, then first missed call. */
    // Written out rather than chained: a month's processed tab is sorted at every report.
    public static final Comparator<ProcessedRow> PROCESSED_ORDER = (a, b) -> {
        int byResolution = b.resolution().resolvedAt().compareTo(a.resolution().resolvedAt());
        if (byResolution != 0) {
            return byResolution;
        }
        int byClient = a.client().compareTo(b.client());
        if (byClient != 0) {
            return byClient;
        }
        int byFirst = a.firstMissedAt().compareTo(b.firstMissedAt());
        return byFirst != 0 ? byFirst : LINE_ORDER.compare(a, b);
    };

    public Report {
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(asOf, "asOf");
        unprocessed = List.copyOf(unprocessed);
        processed = List.copyOf(processed);
        rejections = List.copyOf(rejections);
    }

    /** A report without the window's call figures, as before they existed. */
    public Report(
            String project,
            ZoneId zone,
            Instant from,
            Instant to,
            Instant asOf,
            List<UnprocessedRow> unprocessed,
            List<ProcessedRow> processed,
            List<Rejection> rejections,
            long anonymousMissed) {
        this(project, zone, from, to, asOf, unprocessed, processed, rejections, anonymousMissed, 0, null);
    }

    /**
     * One line for a person when the window holds no call but the project has earlier ones (a
     * historical file reported as of now, both tabs empty): where the calls are, and the as-of
     * that shows them.
     *
     * <pre>{@code
     * report.emptyWindowHint().ifPresent(System.err::println);
     * }</pre>
     */
    public Optional<String> emptyWindowHint() {
        return EmptyWindow.hint(project, zone, from, to, callsInWindow, latestCallBeforeWindow);
    }

    /** The rows of one tab, in the order shown. */
    public List<? extends ReportRow> rows(Tab tab) {
        return tab == Tab.UNPROCESSED ? unprocessed : processed;
    }

    /** The same report with other rows in its tabs: a tab sorted otherwise, rows stripped of a field. */
    public Report withTabs(List<UnprocessedRow> newUnprocessed, List<ProcessedRow> newProcessed) {
        return new Report(
                project,
                zone,
                from,
                to,
                asOf,
                newUnprocessed,
                newProcessed,
                rejections,
                anonymousMissed,
                callsInWindow,
                latestCallBeforeWindow);
    }

    /**
     * The unprocessed tab sorted by {@linkplain UnprocessedRow#priority() priority} (R15), highest
     * first, ties in the tab's order (R6).
     */
    public List<UnprocessedRow> unprocessedByPriority() {
        List<UnprocessedRow> rows = new ArrayList<>(unprocessed);
        rows.sort(PRIORITY_ORDER);
        return rows;
    }

    /** How the team did over the window (R18), from the rows of both tabs. */
    public TeamFigures team() {
        return TeamFigures.of(this);
    }

    /** Missed calls in all rows of both tabs. */
    public long missedInRows() {
        long total = 0;
        for (ReportRow row : unprocessed) {
            total += row.missed();
        }
        for (ReportRow row : processed) {
            total += row.missed();
        }
        return total;
    }
}
