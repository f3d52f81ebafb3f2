package io.github.missedcalls.jdbc.internal;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Reads another {@link RowSource} on a thread of its own, a few batches ahead of the reader, so
 * that fetching and decoding rows overlaps with what the reader does with them (a report's
 * resolution). Order is kept: one thread reads, one consumes.
 *
 * <ol>
 *   <li>At most {@code batches} batches of {@code batchSize} items wait at any time: memory is
 *       bounded whatever the size of the read.
 *   <li>A failure of the read reaches the reader after the items read before it, as the same
 *       exception.
 *   <li>{@link #close()} stops the reading thread, waits for it, and only then closes the source
 *       on the caller's thread, so the source is never used by two threads at once.
 * </ol>
 */
public final class ReadAhead implements RowSource {

    private static final Object END = new Object();
    private static final Object[] NOTHING = {};
    // How often a reading thread blocked on a full queue looks whether it was told to stop.
    private static final long STOP_CHECK_MILLIS = 20;

    private record Failure(Throwable cause) {}

    private final RowSource source;
    private final int batchSize;
    private final BlockingQueue<Object[]> queue;
    private final Thread thread;
    private volatile boolean stopping;
    private Object[] batch = NOTHING;
    private int position;
    private boolean finished;
    private boolean closed;

    /** Starts reading {@code source} on a thread from {@code threads}. */
    public ReadAhead(RowSource source, int batchSize, int batches, ThreadFactory threads) {
        this.source = source;
        this.batchSize = batchSize;
        this.queue = new ArrayBlockingQueue<>(batches);
        this.thread = threads.newThread(this::read);
        thread.start();
    }

    private void read() {
        List<Object> items = new ArrayList<>(batchSize + 1);
        try {
            Object item;
            while (!stopping && (item = source.next()) != null) {
                items.add(item);
                if (items.size() == batchSize) {
                    if (!hand(items)) {
                        return;
                    }
                    items = new ArrayList<>(batchSize + 1);
                }
            }
            items.add(END);
        } catch (SQLException | RuntimeException | Error e) {
            items.add(new Failure(e));
        }
        hand(items);
    }

    /** Queues a batch; false when told to stop first. */
    private boolean hand(List<Object> items) {
        Object[] handed = items.toArray();
        try {
            while (!stopping) {
                if (queue.offer(handed, STOP_CHECK_MILLIS, TimeUnit.MILLISECONDS)) {
                    return true;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

    @Override
    public @Nullable Object next() throws SQLException {
        while (!finished) {
            if (position == batch.length) {
                batch = take();
                position = 0;
                continue;
            }
            Object item = batch[position++];
            if (item == END) {
                finished = true;
            } else if (item instanceof Failure failure) {
                finished = true;
                throw rethrown(failure.cause());
            } else {
                return item;
            }
        }
        return null;
    }

    private Object[] take() throws SQLException {
        try {
            return queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            finished = true;
            throw new SQLException("interrupted while waiting for rows", e);
        }
    }

    private static SQLException rethrown(Throwable cause) {
        if (cause instanceof SQLException sql) {
            return sql;
        }
        if (cause instanceof RuntimeException runtime) {
            throw runtime;
        }
        throw (Error) cause;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        finished = true;
        stopping = true;
        queue.clear();
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        source.close();
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
