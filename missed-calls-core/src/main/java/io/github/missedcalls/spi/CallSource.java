package io.github.missedcalls.spi;

import io.github.missedcalls.CallRecord;
import io.github.missedcalls.Rejection;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Where a project's call records come from: a database table, a file, a PBX's API.
 *
 * <p>The report asks for the calls that started in a range; a source may deliver calls outside
 * it (a file delivers all of its rows), which the report validates (R2) and then ignores. The
 * two capability flags let the report stream instead of holding the whole range in memory:
 * with both set, memory grows with the clients that have open groups, not with the calls.
 */
public interface CallSource {

    /**
     * The calls of {@code project} that started in [{@code startedFrom}, {@code startedUntil}].
     *
     * <p>The returned stream may own resources (a result set, a connection, a file): the caller
     * closes it, and it must be closed even when it is not read to the end. A failure while
     * reading is thrown from the stream's terminal operation as an
     * {@link io.github.missedcalls.StorageException}, never swallowed: a report must never look
     * complete when it is not.
     *
     * @param project the project; nothing of another project may be delivered
     * @param startedFrom the first start wanted, inclusive
     * @param startedUntil the last start wanted, inclusive
     * @param rejections receives the rows the source could not turn into a {@link CallRecord}
     *     (a missing column value, an unknown direction word), with the reason and, where known,
     *     the id and line: nothing is dropped silently
     * @return the calls; the caller closes it
     */
    Stream<CallRecord> calls(String project, Instant startedFrom, Instant startedUntil, Consumer<Rejection> rejections);

    /**
     * Whether {@link #calls} delivers records ordered by start (any order among equal starts).
     * When true, the report does not sort, and a record out of order is an error.
     */
    default boolean deliversInStartOrder() {
        return false;
    }

    /**
     * Whether no two records of a project share an id (a primary key guarantees it). When false,
     * the report checks for duplicate ids itself (R2), which means holding every id of the range.
     */
    default boolean idsAreUnique() {
        return false;
    }

    /**
     * The start of the project's latest call before an instant, where the source can tell
     * cheaply (an index on the start, a list in memory). The report asks only when its window
     * holds no call, so that a historical data set reported as of now says where its calls are
     * ({@link io.github.missedcalls.Report#emptyWindowHint()}) instead of showing two empty tabs
     * and nothing else.
     *
     * @param project the project
     * @param before the window's start; a call that started at it is not before it
     * @return the latest start, or empty if there is none or the source cannot tell (the default)
     */
    default Optional<Instant> latestStartBefore(String project, Instant before) {
        return Optional.empty();
    }

    /**
     * How many rows the source holds for a project that started in [{@code startedFrom},
     * {@code startedBefore}): every row {@link #calls} would deliver as a call or hand to its
     * rejections, where the source can count them (a {@code COUNT} over an index, a list in
     * memory). A refresh from a {@link io.github.missedcalls.ReportCheckpoint} compares it with
     * what the checkpoint's read saw before its watermark: a row added or removed there since (a
     * late call record) makes the report read the whole window again.
     *
     * @return the count, or empty if the source cannot tell (the default); a refresh then always
     *     reads the whole window
     */
    default OptionalLong countCalls(String project, Instant startedFrom, Instant startedBefore) {
        return OptionalLong.empty();
    }
}
