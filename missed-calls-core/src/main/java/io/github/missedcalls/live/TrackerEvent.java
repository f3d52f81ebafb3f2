package io.github.missedcalls.live;

import io.github.missedcalls.ProcessedRow;
import io.github.missedcalls.ReportRow;
import io.github.missedcalls.UnprocessedRow;
import java.util.Objects;

/**
 * What changed for a client in the live tracker, with the row the report would show for it.
 *
 * @param type what happened
 * @param row an {@link UnprocessedRow} for {@link Type#OPENED}, {@link Type#GREW},
 *     {@link Type#ATTEMPTED}, {@link Type#OVERDUE} and a revised open group; a {@link ProcessedRow} for
 *     {@link Type#RESOLVED}, {@link Type#RETRACTED} and a revised resolved group
 */
public record TrackerEvent(Type type, ReportRow row) {

    /** The kinds of change. */
    public enum Type {
        /** The client had no open group and now has one: a missed call nobody has dealt with. */
        OPENED,
        /** Another missed call joined the open group. */
        GREW,
        /** A callback attempt that did not reach the client counted for the open group. */
        ATTEMPTED,
        /** A group was resolved; the row is its processed row. */
        RESOLVED,
        /**
         * A late record changed a group already reported: an open group other than by growing
         * (part of it handled, say), or a resolved group (keyed by client and resolution instant).
         * The row replaces the one reported before.
         */
        REVISED,
        /** A late record showed that a resolution reported before did not happen as reported; forget the row. */
        RETRACTED,
        /**
         * The watermark reached the open group's due (R14): it is overdue. Told once per group,
         * with the row as of the watermark; only {@link MissedCallTracker} tells it, since only it
         * keeps a watermark for every client.
         */
        OVERDUE,
        /** An assignment gave the open group another owner (R16); nothing else of it changed. */
        ASSIGNED
    }

    public TrackerEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(row, "row");
    }

    /** The client the event is about. */
    public String client() {
        return row.client();
    }
}
