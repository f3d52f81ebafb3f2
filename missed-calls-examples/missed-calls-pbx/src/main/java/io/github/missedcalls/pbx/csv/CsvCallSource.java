package io.github.missedcalls.pbx.csv;

import static io.github.missedcalls.pbx.csv.CallLogColumns.ANSWERED_AT;
import static io.github.missedcalls.pbx.csv.CallLogColumns.CLIENT;
import static io.github.missedcalls.pbx.csv.CallLogColumns.DIRECTION;
import static io.github.missedcalls.pbx.csv.CallLogColumns.EMPLOYEE;
import static io.github.missedcalls.pbx.csv.CallLogColumns.ENDED_AT;
import static io.github.missedcalls.pbx.csv.CallLogColumns.ID;
import static io.github.missedcalls.pbx.csv.CallLogColumns.LINE;
import static io.github.missedcalls.pbx.csv.CallLogColumns.MANAGERS;
import static io.github.missedcalls.pbx.csv.CallLogColumns.REASON;
import static io.github.missedcalls.pbx.csv.CallLogColumns.STAGE;
import static io.github.missedcalls.pbx.csv.CallLogColumns.STARTED_AT;

import io.github.missedcalls.CallRecord;
import io.github.missedcalls.Direction;
import io.github.missedcalls.Managers;
import io.github.missedcalls.MissedReason;
import io.github.missedcalls.Rejection;
import io.github.missedcalls.Stage;
import io.github.missedcalls.spi.CallSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.jspecify.annotations.Nullable;

/**
 * A {@link CallSource} over a call-log CSV file ({@code docs/call-log-csv.md}).
 *
 * <ol>
 *   <li>The file holds one project's calls: every project asked for gets all of its rows, and
 *       every row is delivered whatever its start, so that the report validates each (R2).
 *   <li>A row that cannot become a {@link CallRecord} (no id, start or end; a value that is not
 *       a date-time with an offset; an unknown direction, stage, managers or reason word; an end
 *       before the start) is rejected with its line and id, and the rest of the file is read.
 *   <li>A file without a header, or without one of the columns {@code id}, {@code direction},
 *       {@code started_at}, {@code ended_at}, is unusable: {@link #calls} throws
 *       {@link UnusableCsvException}. So does a syntax error the parser cannot get past, from
 *       the stream's terminal operation.
 *   <li>The report rejects some records itself (a client number that cannot be normalized, a
 *       conflicting duplicate id) and knows their ids but not their lines: {@link #withLines}
 *       gives each such rejection the lines of its rows.
 * </ol>
 *
 * <p>Records are delivered in file order, with no promise of start order or unique ids. Not
 * thread-safe: one report at a time.
 *
 * <pre>{@code
 * CsvCallSource calls = CsvCallSource.of(Path.of("calls.csv"));
 * MissedCalls missedCalls = MissedCalls.builder().callSource(calls).handleStore(new InMemoryHandleStore()).build();
 * List<Rejection> rejections = new ArrayList<>();
 * missedCalls.report(ReportQuery.of("acme"), new ReportListener() {
 *   public void rejected(Rejection rejection) {
 *     rejections.addAll(calls.withLines(rejection));
 *   }
 *   // processed(...) and unprocessed(...) receive the rows
 * });
 * }</pre>
 */
public final class CsvCallSource implements CallSource {

    /** Opens the file's bytes, once per report. */
    @FunctionalInterface
    public interface Opener {
        InputStream open() throws IOException;
    }

    private final String what;
    private final Opener opener;
    private final AtomicLong rowsRead = new AtomicLong();
    // Where each delivered id was read; an id seen twice keeps its other lines apart, since
    // duplicates are rare and a million single lines should cost one boxed number each.
    private final Map<String, Long> firstLine = new HashMap<>();
    private final Map<String, List<Long>> laterLines = new HashMap<>();
    private final Set<Long> linesRejected = new HashSet<>();
    private @Nullable String deliveringId;
    private long deliveringLine;

    private CsvCallSource(String what, Opener opener) {
        this.what = what;
        this.opener = opener;
    }

    /** A source that reads a file afresh for every report. */
    public static CsvCallSource of(Path file) {
        Objects.requireNonNull(file, "file");
        return new CsvCallSource("the call log " + file, () -> Files.newInputStream(file));
    }

    /**
     * A source over bytes that an opener provides; for standard input or a counting stream.
     *
     * @param name the file as messages name it ({@code standard input})
     */
    public static CsvCallSource of(String name, Opener opener) {
        Objects.requireNonNull(name, "name");
        return new CsvCallSource("the call log " + name, Objects.requireNonNull(opener, "opener"));
    }

    /**
     * Every row of the file; see the class comment.
     *
     * @throws UncheckedIOException if the file cannot be opened
     */
    @Override
    public Stream<CallRecord> calls(
            String project, Instant startedFrom, Instant startedUntil, Consumer<Rejection> rejections) {
        Objects.requireNonNull(rejections, "rejections");
        firstLine.clear();
        laterLines.clear();
        linesRejected.clear();
        rowsRead.set(0);
        InputStream input;
        try {
            input = opener.open();
        } catch (IOException e) {
            throw new UncheckedIOException(what + " cannot be read: " + CsvRows.describe(e), e);
        }
        CsvRows rows;
        try {
            rows = CsvRows.open(
                    new InputStreamReader(input, StandardCharsets.UTF_8), what, CallLogColumns.CALL_LOG_REQUIRED);
        } catch (RuntimeException e) {
            try {
                input.close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
        Iterator<CallRecord> records = new Iterator<>() {
            private @Nullable CallRecord next;

            @Override
            public boolean hasNext() {
                while (next == null) {
                    if (!rows.hasNext()) {
                        deliveringId = null;
                        return false;
                    }
                    CsvRows.Row row = rows.next();
                    rowsRead.incrementAndGet();
                    next = toRecord(row, rejections);
                }
                return true;
            }

            @Override
            public CallRecord next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                CallRecord record = Objects.requireNonNull(next);
                next = null;
                return record;
            }
        };
        return StreamSupport.stream(
                        Spliterators.spliteratorUnknownSize(records, Spliterator.ORDERED | Spliterator.NONNULL), false)
                .onClose(() -> {
                    try {
                        rows.close();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
    }

    /** Rows read so far by the current report, rejected ones included; for a progress bar. */
    public long rowsRead() {
        return rowsRead.get();
    }

    /**
     * Gives a rejection the report made (it knows the id, not the line) the line of each row it
     * concerns:
     *
     * <ol>
     *   <li>while the file is being read, the report rejects the record just delivered (a client
     *       number that cannot be normalized): its line;
     *   <li>after the file was read, it rejects ids (a conflicting duplicate id, R2): one rejection
     *       for each line of that id not rejected yet, so that every copy is reported once;
     *       repeats for the same id then give nothing.
     * </ol>
     *
     * <p>Call it from a {@link io.github.missedcalls.ReportListener} as rejections arrive: then the
     * lines are exact. Called on a finished {@link io.github.missedcalls.Report}, an id that is on
     * one line still gets it, but a rejected copy of a duplicated id cannot be told from the others.
     * A rejection that already has a line, or names no id of this file, is returned as it is.
     *
     * @return the rejection at each of its lines; empty when they were all reported already
     */
    public List<Rejection> withLines(Rejection rejection) {
        String id = rejection.id();
        if (rejection.line() != null || rejection.kind() != Rejection.Kind.CALL || id == null) {
            return List.of(rejection);
        }
        if (id.equals(deliveringId) && linesRejected.add(deliveringLine)) {
            return List.of(rejection.atLine(deliveringLine));
        }
        List<Long> lines = linesOf(id);
        if (lines.isEmpty()) {
            return List.of(rejection);
        }
        List<Rejection> placed = new ArrayList<>(lines.size());
        for (long line : lines) {
            if (linesRejected.add(line)) {
                placed.add(rejection.atLine(line));
            }
        }
        return placed;
    }

    /** The lines of the delivered records with this id, in file order; empty if none. */
    public List<Long> linesOf(String id) {
        Long first = firstLine.get(id);
        if (first == null) {
            return List.of();
        }
        List<Long> more = laterLines.get(id);
        if (more == null) {
            return List.of(first);
        }
        List<Long> all = new ArrayList<>(more.size() + 1);
        all.add(first);
        all.addAll(more);
        return all;
    }

    private @Nullable CallRecord toRecord(CsvRows.Row row, Consumer<Rejection> rejections) {
        String id = row.get(ID);
        CallRecord record;
        try {
            for (String column : CallLogColumns.CALL_LOG) {
                row.getOneLine(column);
            }
            record = parse(row, id);
        } catch (IllegalArgumentException e) {
            rejections.accept(Rejection.ofCall(id, row.line(), Objects.requireNonNullElse(e.getMessage(), "bad row")));
            return null;
        }
        Long first = firstLine.putIfAbsent(record.id(), row.line());
        if (first != null) {
            laterLines.computeIfAbsent(record.id(), k -> new ArrayList<>(1)).add(row.line());
        }
        deliveringId = record.id();
        deliveringLine = row.line();
        return record;
    }

    private static CallRecord parse(CsvRows.Row row, @Nullable String id) {
        if (id == null) {
            throw new IllegalArgumentException("no id");
        }
        Direction direction = word(row, DIRECTION, Direction::fromToken);
        if (direction == null) {
            throw new IllegalArgumentException("no direction");
        }
        Instant started = dateTime(row, STARTED_AT);
        if (started == null) {
            throw new IllegalArgumentException("no start");
        }
        Instant ended = dateTime(row, ENDED_AT);
        if (ended == null) {
            throw new IllegalArgumentException("no end");
        }
        return CallRecord.builder(id, direction, started, ended)
                .client(row.get(CLIENT))
                .line(row.get(LINE))
                .employee(row.get(EMPLOYEE))
                .answeredAt(dateTime(row, ANSWERED_AT))
                .stage(word(row, STAGE, Stage::fromToken))
                .managers(word(row, MANAGERS, Managers::fromToken))
                .statedReason(word(row, REASON, MissedReason::fromName))
                .build();
    }

    private static <T> @Nullable T word(CsvRows.Row row, String column, Function<String, Optional<T>> parser) {
        String value = row.get(column);
        if (value == null) {
            return null;
        }
        return parser.apply(value)
                .orElseThrow(() -> new IllegalArgumentException("unknown " + column + " '" + value + "'"));
    }

    private static @Nullable Instant dateTime(CsvRows.Row row, String column) {
        String value = row.get(column);
        return value == null ? null : CallLogColumns.parseDateTime(column, value);
    }
}
