package io.github.missedcalls.pbx.internal;

import io.github.missedcalls.CallRecord;
import java.util.List;
import java.util.Spliterator;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/** The stream a file-based {@link io.github.missedcalls.spi.CallSource} returns. */
public final class ReadOnDemand {

    private ReadOnDemand() {}

    /**
     * The calls {@code load} reads, for the source's own project only. Nothing is read until the
     * stream's terminal operation runs, so that a failure is thrown from there, as the
     * {@code CallSource} contract asks, and rejections reach the report that consumes it.
     *
     * @param ownProject the project the files belong to
     * @param requested the project a report asks for; another project gets no calls
     * @param load reads the files; called once per consumed stream, on the consuming thread
     */
    public static Stream<CallRecord> calls(String ownProject, String requested, Supplier<List<CallRecord>> load) {
        if (!ownProject.equals(requested)) {
            return Stream.empty();
        }
        // The characteristics of an ArrayList's spliterator, which load returns.
        return StreamSupport.stream(
                () -> load.get().spliterator(), Spliterator.ORDERED | Spliterator.SIZED | Spliterator.SUBSIZED, false);
    }
}
