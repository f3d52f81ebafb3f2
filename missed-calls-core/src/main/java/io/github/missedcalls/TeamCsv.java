package io.github.missedcalls;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import org.jspecify.annotations.Nullable;

/**
 * Writes a report's team figures (R18) as CSV, the way {@link ReportCsv} writes a tab: RFC 4180,
 * CRLF line ends, cells quoted only when they must be, R13's neutralization. One line for the
 * total, then one per employee and one per line, in name order:
 *
 * <pre>
 * scope,name,missed_calls,missed_&lt;reason&gt;...,groups_opened,called_back,client_got_through,handled,
 * resolved_with_deadline,resolved_on_time,on_time_share,attempts,attempts_reached,reached_share,
 * median_to_first_attempt_s,p90_to_first_attempt_s,median_to_resolution_s,p90_to_resolution_s,open,overdue
 * </pre>
 *
 * <p>{@code scope} is {@code total}, {@code employee} or {@code line}; the total's name is empty.
 * A reason's column is {@code missed_} and its name in lower case, one for every reason (R9).
 * Shares are fractions with three decimals; a share or time without a value is empty.
 */
public final class TeamCsv {

    private static final String LINE_END = "\r\n";

    private TeamCsv() {}

    /** The header's cells, in order. */
    public static List<String> header() {
        List<String> header = new ArrayList<>(List.of("scope", "name", "missed_calls"));
        for (MissedReason reason : MissedReason.values()) {
            header.add("missed_" + reason.name().toLowerCase(Locale.ROOT));
        }
        header.addAll(List.of(
                "groups_opened",
                "called_back",
                "client_got_through",
                "handled",
                "resolved_with_deadline",
                "resolved_on_time",
                "on_time_share",
                "attempts",
                "attempts_reached",
                "reached_share",
                "median_to_first_attempt_s",
                "p90_to_first_attempt_s",
                "median_to_resolution_s",
                "p90_to_resolution_s",
                "open",
                "overdue"));
        return List.copyOf(header);
    }

    /** {@link #header()}'s columns as JSON keys: {@code missedCalls}, ... */
    public static List<String> jsonKeys() {
        List<String> keys = new ArrayList<>();
        for (String column : header()) {
            keys.add(ReportColumn.camelCase(column));
        }
        return List.copyOf(keys);
    }

    /**
     * The cells of one part's line, in {@link #header()}'s order: numbers as {@link Long} or
     * {@link Double}, absent values {@code null}.
     */
    public static List<@Nullable Object> values(String scope, String name, TeamFigures.Figures figures) {
        List<@Nullable Object> values = new ArrayList<>();
        values.add(scope);
        values.add(name);
        values.add(figures.missedCalls());
        for (MissedReason reason : MissedReason.values()) {
            values.add(figures.missedByReason().get(reason));
        }
        values.add(figures.groupsOpened());
        values.add(figures.calledBack());
        values.add(figures.gotThrough());
        values.add(figures.handled());
        values.add(figures.resolvedWithDeadline());
        values.add(figures.resolvedOnTime());
        values.add(share(figures.onTimeShare()));
        values.add(figures.attempts());
        values.add(figures.attemptsReached());
        values.add(share(figures.reachedShare()));
        values.add(seconds(figures.medianToFirstAttempt()));
        values.add(seconds(figures.p90ToFirstAttempt()));
        values.add(seconds(figures.medianToResolution()));
        values.add(seconds(figures.p90ToResolution()));
        values.add(figures.open());
        values.add(figures.overdue());
        return values;
    }

    /**
     * Writes the figures.
     *
     * @throws UncheckedIOException if the output fails
     */
    public static void write(TeamFigures team, Appendable out) {
        try {
            out.append(String.join(",", header())).append(LINE_END);
            line(out, values("total", "", team.total()));
            for (Map.Entry<String, TeamFigures.Figures> employee :
                    team.byEmployee().entrySet()) {
                line(out, values("employee", employee.getKey(), employee.getValue()));
            }
            for (Map.Entry<String, TeamFigures.Figures> line : team.byLine().entrySet()) {
                line(out, values("line", line.getKey(), line.getValue()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing the team's figures failed", e);
        }
    }

    private static void line(Appendable out, List<@Nullable Object> values) throws IOException {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            Object value = values.get(i);
            out.append(
                    value instanceof Double share
                            ? String.format(Locale.ROOT, "%.3f", share)
                            : ReportCsv.cell(value, java.time.ZoneOffset.UTC));
        }
        out.append(LINE_END);
    }

    private static @Nullable Double share(OptionalDouble share) {
        return share.isPresent() ? share.getAsDouble() : null;
    }

    private static @Nullable Long seconds(@Nullable Duration duration) {
        return duration == null ? null : ReportColumn.seconds(duration);
    }
}
