package io.github.missedcalls;

/**
 * Receives a report as it is made, for reports too large to hold: an export that writes rows
 * as they come, a month of ten million calls in a small heap.
 *
 * <ol>
 *   <li>{@link #rejected} as records and handles are rejected (R2);
 *   <li>{@link #processed} as groups are resolved, in order of resolution (not the processed
 *       tab's display order, which is the reverse);
 *   <li>{@link #unprocessed} at the end, in the unprocessed tab's order.
 * </ol>
 *
 * <p>Memory then grows with the clients that have an open group, not with the calls or the
 * processed rows. Called on the thread that makes the report.
 */
public interface ReportListener {

    /** A record or handle was not used, and why. */
    default void rejected(Rejection rejection) {}

    /** A group was resolved. */
    default void processed(ProcessedRow row) {}

    /** A group still open as of as-of; called after every {@link #processed} call. */
    default void unprocessed(UnprocessedRow row) {}
}
