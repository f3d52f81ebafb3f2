package io.github.missedcalls;

import io.github.missedcalls.internal.CheckpointCodec;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A report's state at an instant, its watermark, from which a later report of the same project,
 * settings and window start reads only the calls and handles from the watermark on
 * ({@link MissedCalls#refresh}). A value: keep it in memory between refreshes, or store it.
 *
 * <p>Everything before the watermark is here as the report made it: the groups open at the
 * watermark, the rows resolved before it, the rejections of what came before it, and the
 * counts a refresh checks against the source and the store to find a record that arrived after
 * the read (a late call record, a handle with an earlier instant).
 *
 * @param project the project
 * @param settings the settings the report was made with; a refresh with others reads everything
 * @param from the window's start
 * @param strict whether the report was strict
 * @param watermark every call and handle before this instant is in the checkpoint, none from it on
 * @param open the groups open at the watermark, waiting measured to it, in no particular order
 * @param processed the rows resolved before the watermark, in the processed tab's order
 *     ({@link Report#PROCESSED_ORDER}: latest first)
 * @param rejections the rejections of the records and handles before the watermark
 * @param anonymousMissed missed calls without a client number before the watermark
 * @param callsInWindow valid call records of the window that started before the watermark
 * @param latestCallBeforeWindow what the report knew of the latest call before the window
 * @param sourceRows the rows the call source gave (calls and rejections) that started in
 *     [{@code from}, {@code watermark})
 * @param storedHandles the handles the store listed that were handled in [{@code from}, {@code watermark})
 */
public record ReportCheckpoint(
        String project,
        ProjectSettings settings,
        Instant from,
        boolean strict,
        Instant watermark,
        List<UnprocessedRow> open,
        List<ProcessedRow> processed,
        List<Rejection> rejections,
        long anonymousMissed,
        long callsInWindow,
        @Nullable Instant latestCallBeforeWindow,
        long sourceRows,
        long storedHandles) {

    /**
     * @throws NullPointerException if a value other than {@code latestCallBeforeWindow} is {@code null}
     * @throws IllegalArgumentException if the watermark is before {@code from} or a count is negative
     */
    public ReportCheckpoint {
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(watermark, "watermark");
        open = List.copyOf(open);
        processed = List.copyOf(processed);
        rejections = List.copyOf(rejections);
        if (watermark.isBefore(from)) {
            throw new IllegalArgumentException("the watermark " + watermark + " is before the window's start " + from);
        }
        if (anonymousMissed < 0 || callsInWindow < 0 || sourceRows < 0 || storedHandles < 0) {
            throw new IllegalArgumentException("a checkpoint's counts are not negative");
        }
    }

    /**
     * This checkpoint as bytes, for a {@link io.github.missedcalls.spi.CheckpointStore}: every
     * value but the settings, which are fingerprinted instead (see {@link #fromBytes}).
     */
    public byte[] toBytes() {
        return CheckpointCodec.encode(this);
    }

    /**
     * The checkpoint {@link #toBytes()} wrote, with {@code settings}: empty when it was made with
     * settings of another description (another zone, hours, normalizer, workflow...), by another
     * version of the library's form, or with a normalizer that does not describe itself in its
     * {@code toString} (a record does; the default {@code Object.toString} does not).
     *
     * @throws IllegalArgumentException if the bytes are not a checkpoint
     */
    public static Optional<ReportCheckpoint> fromBytes(byte[] bytes, ProjectSettings settings) {
        return CheckpointCodec.decode(bytes, settings);
    }
}
