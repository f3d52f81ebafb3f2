package io.github.missedcalls.pbx.csv;

import static io.github.missedcalls.pbx.csv.CallLogColumns.ACTOR;
import static io.github.missedcalls.pbx.csv.CallLogColumns.CLIENT;
import static io.github.missedcalls.pbx.csv.CallLogColumns.COVERS_UNTIL;
import static io.github.missedcalls.pbx.csv.CallLogColumns.HANDLED_AT;
import static io.github.missedcalls.pbx.csv.CallLogColumns.NOTE;
import static io.github.missedcalls.pbx.csv.CallLogColumns.REASON;

import io.github.missedcalls.Handle;
import io.github.missedcalls.HandleReason;
import io.github.missedcalls.NumberNormalizer;
import io.github.missedcalls.Rejection;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Reads a handles file ({@code docs/call-log-csv.md}): manual handles (R11) to save into a
 * {@link io.github.missedcalls.spi.HandleStore}.
 *
 * <ol>
 *   <li>A file without a header, or without one of the columns {@code client},
 *       {@code covers_until}, {@code reason}, {@code actor}, {@code handled_at}, is unusable.
 *   <li>A row is rejected with its line when a required value is missing, a date-time has no
 *       offset, the reason is not one of the tokens, the note is blank for {@code other}, or the
 *       client number is withheld or cannot be normalized with the project's normalizer.
 *   <li>Handles are compared by their key (normalized client, {@code handled_at}, actor): equal
 *       copies count once; copies with other values are all rejected, so that the result does
 *       not depend on the order of the rows (R2).
 * </ol>
 *
 * <pre>{@code
 * HandlesCsv.Result read = HandlesCsv.read(Path.of("handles.csv"), settings.normalizer());
 * read.handles().forEach(handle -> store.save("acme", handle));
 * read.rejections().forEach(System.err::println);
 * }</pre>
 */
public final class HandlesCsv {

    /**
     * What a handles file held.
     *
     * @param handles the valid handles, client numbers normalized, in file order, each key once
     * @param rejections the rejected rows, by line
     */
    public record Result(List<Handle> handles, List<Rejection> rejections) {
        public Result {
            handles = List.copyOf(handles);
            rejections = List.copyOf(rejections);
        }
    }

    private record Key(String client, Instant handledAt, String actor) {
        static Key of(Handle handle) {
            return new Key(handle.client(), handle.handledAt(), handle.actor());
        }
    }

    private record Read(long line, Handle handle) {}

    private HandlesCsv() {}

    /**
     * Reads a handles file.
     *
     * @throws UnusableCsvException if the file has no header or lacks a required column
     * @throws UncheckedIOException if the file cannot be read
     */
    public static Result read(Path file, NumberNormalizer normalizer) {
        Objects.requireNonNull(file, "file");
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(reader, file.toString(), normalizer);
        } catch (IOException e) {
            throw new UncheckedIOException("the handles file " + file + " cannot be read: " + CsvRows.describe(e), e);
        }
    }

    /**
     * Reads handles from a reader, which the caller closes.
     *
     * @param name the file as messages name it
     * @throws UnusableCsvException if the file has no header or lacks a required column
     * @throws UncheckedIOException if reading fails
     */
    public static Result read(Reader reader, String name, NumberNormalizer normalizer) {
        Objects.requireNonNull(reader, "reader");
        Objects.requireNonNull(normalizer, "normalizer");
        String what = "the handles file " + name;
        List<Rejection> rejections = new ArrayList<>();
        Map<Key, List<Read>> byKey = new LinkedHashMap<>();
        CsvRows rows = CsvRows.open(reader, what, CallLogColumns.HANDLES_REQUIRED);
        while (rows.hasNext()) {
            CsvRows.Row row = rows.next();
            try {
                Handle handle = parse(row, normalizer);
                byKey.computeIfAbsent(Key.of(handle), k -> new ArrayList<>(1)).add(new Read(row.line(), handle));
            } catch (IllegalArgumentException e) {
                rejections.add(Rejection.ofHandle(row.line(), Objects.requireNonNullElse(e.getMessage(), "bad row")));
            }
        }
        List<Handle> handles = new ArrayList<>(byKey.size());
        for (List<Read> copies : byKey.values()) {
            Handle first = copies.get(0).handle();
            if (copies.stream().allMatch(copy -> copy.handle().equals(first))) {
                handles.add(first);
            } else {
                for (Read copy : copies) {
                    rejections.add(Rejection.ofHandle(
                            copy.line(),
                            "conflicting duplicate handle (same client, handled_at and actor, other values)"));
                }
            }
        }
        rejections.sort(Comparator.comparing(rejection -> Objects.requireNonNull(rejection.line())));
        return new Result(handles, rejections);
    }

    private static Handle parse(CsvRows.Row row, NumberNormalizer normalizer) {
        for (String column : CallLogColumns.HANDLES_REQUIRED) {
            row.getOneLine(column);
        }
        String raw = required(row, CLIENT);
        String client = normalizer.normalize(raw);
        if (client == null) {
            throw new IllegalArgumentException("withheld client number: '" + raw + "'");
        }
        Instant coversUntil = CallLogColumns.parseDateTime(COVERS_UNTIL, required(row, COVERS_UNTIL));
        String reasonToken = required(row, REASON);
        HandleReason reason = HandleReason.fromToken(reasonToken)
                .orElseThrow(() -> new IllegalArgumentException("unknown reason '" + reasonToken + "'"));
        String actor = required(row, ACTOR);
        Instant handledAt = CallLogColumns.parseDateTime(HANDLED_AT, required(row, HANDLED_AT));
        @Nullable String note = row.get(NOTE);
        return new Handle(client, handledAt, coversUntil, reason, note, actor);
    }

    private static String required(CsvRows.Row row, String column) {
        String value = row.get(column);
        if (value == null) {
            throw new IllegalArgumentException("no " + column);
        }
        return value;
    }
}
