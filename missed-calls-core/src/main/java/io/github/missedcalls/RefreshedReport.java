package io.github.missedcalls;

import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A report made by {@link MissedCalls#refresh}, with the checkpoint for the next refresh.
 *
 * @param report the report, the same as {@link MissedCalls#report(ReportQuery)} gives
 * @param checkpoint the state at this report's watermark, for the next refresh; {@code null}
 *     where the source cannot take part (it does not deliver in start order with unique ids) or
 *     the read gave no clear watermark
 * @param incremental whether only what came from the previous checkpoint's watermark on was read
 * @param reading how the calls were read, and why the whole window was read where it was
 */
public record RefreshedReport(
        Report report, @Nullable ReportCheckpoint checkpoint, boolean incremental, String reading) {

    /** @throws NullPointerException if {@code report} or {@code reading} is {@code null} */
    public RefreshedReport {
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(reading, "reading");
    }

    /** The checkpoint for the next refresh, if there is one. */
    public Optional<ReportCheckpoint> nextCheckpoint() {
        return Optional.ofNullable(checkpoint);
    }
}
