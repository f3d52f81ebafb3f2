package io.github.missedcalls.examples.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * A one-line progress bar on standard error: what is being done, the share done when the total
 * is known, the rows so far, rows per second and the time elapsed, redrawn four times a second
 * in place:
 *
 * <pre>
 * reading calls.csv [##########..........]  51%    512,004 rows  248,113 rows/s  00:02
 * </pre>
 *
 * <p>Drawn only when standard error is a terminal ({@link #start} returns {@link #NONE}
 * otherwise), and only once the work has lasted half a second, so that quick runs stay quiet.
 * {@link #close()} erases the line. Rows and the share done are read from suppliers on the
 * drawing thread, so they must be safe to read from another thread.
 */
final class ProgressBar implements AutoCloseable {

    /** Draws nothing. */
    static final ProgressBar NONE = new ProgressBar();

    private static final long FIRST_DRAW_MILLIS = 500;
    private static final long REDRAW_MILLIS = 250;
    private static final int BAR_WIDTH = 20;

    private final PrintWriter err;
    private final String label;
    private final LongSupplier rows;
    private final LongSupplier done;
    private final long total;
    private final long startedNanos;
    private final @Nullable ScheduledExecutorService drawer;
    private int drawnWidth;

    private ProgressBar() {
        this.err = new PrintWriter(PrintWriter.nullWriter());
        this.label = "";
        this.rows = () -> 0;
        this.done = () -> 0;
        this.total = 0;
        this.startedNanos = 0;
        this.drawer = null;
    }

    private ProgressBar(PrintWriter err, String label, LongSupplier rows, LongSupplier done, long total) {
        this.err = err;
        this.label = label;
        this.rows = rows;
        this.done = done;
        this.total = total;
        this.startedNanos = System.nanoTime();
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(work -> {
            Thread thread = new Thread(work, "progress-bar");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleAtFixedRate(this::draw, FIRST_DRAW_MILLIS, REDRAW_MILLIS, TimeUnit.MILLISECONDS);
        this.drawer = scheduler;
    }

    /**
     * Starts drawing, if {@code terminal}.
     *
     * @param rows rows handled so far
     * @param done units of work done so far (bytes read, say), out of {@code total}
     * @param total the units of the whole work; 0 or less when unknown, and then only the
     *     counts are drawn
     */
    static ProgressBar start(
            boolean terminal, PrintWriter err, String label, LongSupplier rows, LongSupplier done, long total) {
        return terminal ? new ProgressBar(err, label, rows, done, total) : NONE;
    }

    synchronized void draw() {
        String line = line(label, rows.getAsLong(), done.getAsLong(), total, System.nanoTime() - startedNanos);
        StringBuilder out = new StringBuilder(line.length() + 2).append('\r').append(line);
        for (int i = line.length(); i < drawnWidth; i++) {
            out.append(' ');
        }
        drawnWidth = line.length();
        err.print(out);
        err.flush();
    }

    /** The text of the bar. */
    static String line(String label, long rows, long done, long total, long elapsedNanos) {
        StringBuilder line = new StringBuilder(label);
        if (total > 0) {
            double share = Math.min(1.0, Math.max(0.0, (double) done / total));
            int filled = (int) Math.round(share * BAR_WIDTH);
            line.append(" [")
                    .append("#".repeat(filled))
                    .append(".".repeat(BAR_WIDTH - filled))
                    .append(']')
                    .append(String.format(Locale.ROOT, " %3d%%", (int) Math.floor(share * 100)));
        }
        double seconds = elapsedNanos / 1e9;
        long perSecond = seconds > 0 ? Math.round(rows / seconds) : 0;
        long wholeSeconds = (long) seconds;
        line.append(String.format(
                Locale.ROOT,
                "  %,10d rows  %,9d rows/s  %02d:%02d",
                rows,
                perSecond,
                wholeSeconds / 60,
                wholeSeconds % 60));
        return line.toString();
    }

    /** Stops drawing and erases the bar. */
    @Override
    public void close() {
        ScheduledExecutorService scheduler = drawer;
        if (scheduler == null) {
            return;
        }
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            if (drawnWidth > 0) {
                err.print("\r" + " ".repeat(drawnWidth) + "\r");
                err.flush();
            }
        }
    }
}
