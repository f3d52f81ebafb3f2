package io.github.missedcalls.pbx.csv;

import io.github.missedcalls.CallRecord;
import io.github.missedcalls.Direction;
import io.github.missedcalls.Handle;
import io.github.missedcalls.Managers;
import io.github.missedcalls.MissedReason;
import io.github.missedcalls.Stage;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jspecify.annotations.Nullable;

/**
 * Writes calls and handles in the call-log CSV format ({@code docs/call-log-csv.md}), which
 * {@link io.github.missedcalls.pbx.csv.CsvCallSource} and
 * {@link io.github.missedcalls.pbx.csv.HandlesCsv} read back: every column, a header,
 * CRLF line ends, times in the project's zone with their offset.
 *
 * <pre>{@code
 * MonthGenerator month = MonthGenerator.builder().seed(7).approximateCalls(1_000_000).build();
 * try (CallLogCsvWriter out = CallLogCsvWriter.create(Path.of("calls.csv"), Path.of("handles.csv"), month.zone())) {
 *   month.generate(MonthGenerator.Sink.of(out::call, out::handle));
 * }
 * }</pre>
 *
 * <p>Not thread-safe. Owns the writers it was given: close it.
 */
public final class CallLogCsvWriter implements Closeable {

    private final CSVPrinter calls;
    private final @Nullable CSVPrinter handles;
    private final DateTimeFormatter times;
    private long callsWritten;
    private long handlesWritten;

    /**
     * @param calls where the call log goes
     * @param handles where handles go; {@code null} to drop them
     * @param zone the zone times are written in
     * @throws UncheckedIOException if the headers cannot be written
     */
    public CallLogCsvWriter(Writer calls, @Nullable Writer handles, ZoneId zone) {
        Objects.requireNonNull(calls, "calls");
        this.times = DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(Objects.requireNonNull(zone, "zone"));
        try {
            this.calls = printer(calls, CallLogColumns.CALL_LOG);
            this.handles = handles == null ? null : printer(handles, CallLogColumns.HANDLES);
        } catch (IOException e) {
            throw new UncheckedIOException("writing a CSV header failed", e);
        }
    }

    /**
     * Writes to files, replacing them.
     *
     * @param handlesFile where handles go; {@code null} to drop them
     * @throws UncheckedIOException if a file cannot be created
     */
    public static CallLogCsvWriter create(Path callsFile, @Nullable Path handlesFile, ZoneId zone) {
        Writer calls = null;
        try {
            calls = Files.newBufferedWriter(callsFile, StandardCharsets.UTF_8);
            Writer handles = handlesFile == null ? null : Files.newBufferedWriter(handlesFile, StandardCharsets.UTF_8);
            return new CallLogCsvWriter(calls, handles, zone);
        } catch (IOException e) {
            UncheckedIOException failure = new UncheckedIOException("cannot create " + e.getMessage(), e);
            if (calls != null) {
                try {
                    calls.close();
                } catch (IOException suppressed) {
                    failure.addSuppressed(suppressed);
                }
            }
            throw failure;
        }
    }

    private static CSVPrinter printer(Writer out, java.util.List<String> header) throws IOException {
        return new CSVPrinter(
                out,
                CSVFormat.RFC4180
                        .builder()
                        .setHeader(header.toArray(String[]::new))
                        .get());
    }

    /**
     * Writes one call as a row.
     *
     * @throws UncheckedIOException if writing fails
     */
    public void call(CallRecord call) {
        try {
            calls.printRecord(
                    call.id(),
                    token(call.direction()),
                    call.client(),
                    call.line(),
                    call.employee(),
                    time(call.startedAt()),
                    time(call.answeredAt()),
                    time(call.endedAt()),
                    token(call.stage()),
                    token(call.managers()),
                    token(call.statedReason()));
        } catch (IOException e) {
            throw new UncheckedIOException("writing call " + call.id() + " failed", e);
        }
        callsWritten++;
    }

    /**
     * Writes one handle as a row of the handles file; nothing when there is none.
     *
     * @throws UncheckedIOException if writing fails
     */
    public void handle(Handle handle) {
        CSVPrinter out = handles;
        if (out == null) {
            return;
        }
        try {
            out.printRecord(
                    handle.client(),
                    time(handle.coversUntil()),
                    handle.reason().token(),
                    handle.note(),
                    handle.actor(),
                    time(handle.handledAt()));
        } catch (IOException e) {
            throw new UncheckedIOException("writing a handle failed", e);
        }
        handlesWritten++;
    }

    /** Calls written so far. */
    public long callsWritten() {
        return callsWritten;
    }

    /** Handles written so far. */
    public long handlesWritten() {
        return handlesWritten;
    }

    @Override
    public void close() throws IOException {
        try {
            calls.close();
        } finally {
            if (handles != null) {
                handles.close();
            }
        }
    }

    private @Nullable String time(@Nullable Instant instant) {
        return instant == null ? null : times.format(instant);
    }

    private static @Nullable String token(@Nullable Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Direction direction) {
            return direction.token();
        }
        if (value instanceof Stage stage) {
            return stage.token();
        }
        if (value instanceof Managers managers) {
            return managers.token();
        }
        return ((MissedReason) value).name();
    }
}
