package io.github.missedcalls;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;
import org.jspecify.annotations.Nullable;

/**
 * The columns a tab is exported with (R7, R13), in order, so that every export format (CSV here,
 * XLSX and JSON in the examples) writes the same values under the same names.
 */
public enum ReportColumn {
    CLIENT(Type.TEXT),
    FIRST_MISSED_AT(Type.INSTANT),
    LAST_MISSED_AT(Type.INSTANT),
    LOST_FOR_S(Type.SECONDS),
    MISSED(Type.COUNT),
    ATTEMPTS(Type.COUNT),
    REASON(Type.TEXT),
    REASONS(Type.TEXT),
    WAITING_S(Type.SECONDS),
    RESOLUTION(Type.TEXT),
    RESOLVED_AT(Type.INSTANT),
    RESOLVED_BY(Type.TEXT),
    HANDLE_REASON(Type.TEXT),
    NOTE(Type.TEXT),
    TIME_TO_RESOLUTION_S(Type.SECONDS),
    /** R14: when the group is due; empty without a deadline. */
    DUE(Type.INSTANT),
    /** R14, unprocessed: {@code yes} or {@code no}; empty without a deadline. */
    OVERDUE(Type.TEXT),
    /** R14, unprocessed: how long past due; empty unless overdue. */
    OVERDUE_S(Type.SECONDS),
    /** R14, processed: {@code on_time} or {@code late}; empty without a deadline. */
    TIMELINESS(Type.TEXT),
    /** R16: who is to call back, or was when the group was resolved; empty for nobody. */
    OWNER(Type.TEXT),
    /** R15, unprocessed: the priority score. */
    PRIORITY(Type.COUNT);

    /** What a column's values are; {@link #value} returns a {@link String}, {@link Long} or {@link Instant}. */
    public enum Type {
        /** A {@link String}. */
        TEXT,
        /** An {@link Instant}, written in the project's zone. */
        INSTANT,
        /** A {@link Long}: whole seconds, truncated toward zero. */
        SECONDS,
        /** A {@link Long}. */
        COUNT
    }

    private static final List<ReportColumn> UNPROCESSED =
            List.of(CLIENT, FIRST_MISSED_AT, LAST_MISSED_AT, LOST_FOR_S, MISSED, ATTEMPTS, REASON, REASONS, WAITING_S);
    private static final List<ReportColumn> PROCESSED = List.of(
            CLIENT,
            FIRST_MISSED_AT,
            LAST_MISSED_AT,
            LOST_FOR_S,
            MISSED,
            ATTEMPTS,
            REASON,
            REASONS,
            RESOLUTION,
            RESOLVED_AT,
            RESOLVED_BY,
            HANDLE_REASON,
            NOTE,
            TIME_TO_RESOLUTION_S);

    private static final List<ReportColumn> UNPROCESSED_WORKFLOW =
            append(UNPROCESSED, DUE, OVERDUE, OVERDUE_S, OWNER, PRIORITY);
    private static final List<ReportColumn> PROCESSED_WORKFLOW = append(PROCESSED, DUE, TIMELINESS, OWNER);

    private static List<ReportColumn> append(List<ReportColumn> first, ReportColumn... more) {
        List<ReportColumn> all = new java.util.ArrayList<>(first);
        all.addAll(List.of(more));
        return List.copyOf(all);
    }

    private final Type type;

    ReportColumn(Type type) {
        this.type = type;
    }

    /** The columns of a tab, in the order they are written (the CLI's contract). */
    public static List<ReportColumn> of(Tab tab) {
        return tab == Tab.UNPROCESSED ? UNPROCESSED : PROCESSED;
    }

    /**
     * The columns of a tab, and with {@code workflow} R14 to R16's after them: unprocessed
     * {@code due, overdue, overdue_s, owner, priority}, processed {@code due, timeliness, owner}.
     * A parser that reads the contract's columns by position keeps working.
     */
    public static List<ReportColumn> of(Tab tab, boolean workflow) {
        if (!workflow) {
            return of(tab);
        }
        return tab == Tab.UNPROCESSED ? UNPROCESSED_WORKFLOW : PROCESSED_WORKFLOW;
    }

    public Type type() {
        return type;
    }

    /** The CSV header: {@code first_missed_at}. */
    public String header() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The JSON key: {@code firstMissedAt}. */
    public String jsonKey() {
        return camelCase(header());
    }

    /** {@code first_missed_at} as {@code firstMissedAt}. */
    static String camelCase(String snake) {
        StringBuilder key = new StringBuilder();
        boolean upper = false;
        for (char c : snake.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                key.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return key.toString();
    }

    /**
     * This column's value in a row: a {@link String}, {@link Long} or {@link Instant} as
     * {@link #type()} says, or {@code null} when absent (a resolution column of a contact, say).
     *
     * @throws IllegalArgumentException if the column is not one of the row's tab
     */
    public @Nullable Object value(ReportRow row) {
        switch (this) {
            case CLIENT:
                return row.client();
            case FIRST_MISSED_AT:
                return row.firstMissedAt();
            case LAST_MISSED_AT:
                return row.lastMissedAt();
            case LOST_FOR_S:
                return seconds(row.lostFor());
            case MISSED:
                return (long) row.missed();
            case ATTEMPTS:
                return (long) row.attempts();
            case REASON:
                return row.reason().name();
            case REASONS:
                StringJoiner reasons = new StringJoiner("|");
                for (MissedCall call : row.calls()) {
                    reasons.add(call.reason().name());
                }
                return reasons.toString();
            default:
                break;
        }
        if (row instanceof UnprocessedRow unprocessed) {
            switch (this) {
                case WAITING_S:
                    return seconds(unprocessed.waiting());
                case DUE:
                    return unprocessed.due();
                case OVERDUE:
                    return unprocessed.due() == null ? null : unprocessed.overdue() ? "yes" : "no";
                case OVERDUE_S:
                    return unprocessed.overdue() ? seconds(unprocessed.overdueBy()) : null;
                case OWNER:
                    return unprocessed.owner();
                case PRIORITY:
                    return (long) unprocessed.priority().score();
                default:
                    break;
            }
        }
        if (row instanceof ProcessedRow processed) {
            Resolution resolution = processed.resolution();
            HandleReason handleReason = resolution.handleReason();
            switch (this) {
                case RESOLUTION:
                    return resolution.kind().token();
                case RESOLVED_AT:
                    return resolution.resolvedAt();
                case RESOLVED_BY:
                    return resolution.resolvedBy();
                case HANDLE_REASON:
                    return handleReason == null ? null : handleReason.token();
                case NOTE:
                    return resolution.note();
                case TIME_TO_RESOLUTION_S:
                    return seconds(processed.timeToResolution());
                case DUE:
                    return processed.due();
                case TIMELINESS:
                    return processed.timeliness() == Timeliness.NO_DEADLINE
                            ? null
                            : processed.timeliness().name().toLowerCase(Locale.ROOT);
                case OWNER:
                    return processed.owner();
                default:
                    break;
            }
        }
        throw new IllegalArgumentException(
                this + " is not a column of " + row.getClass().getSimpleName());
    }

    /** Whole seconds, truncated toward zero. */
    static long seconds(Duration duration) {
        long seconds = duration.getSeconds();
        return seconds < 0 && duration.getNano() > 0 ? seconds + 1 : seconds;
    }
}
