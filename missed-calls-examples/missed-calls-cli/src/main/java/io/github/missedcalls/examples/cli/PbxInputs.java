package io.github.missedcalls.examples.cli;

import io.github.missedcalls.CallRecord;
import io.github.missedcalls.Rejection;
import io.github.missedcalls.pbx.ExtensionPlan;
import io.github.missedcalls.pbx.asterisk.AsteriskCdrSource;
import io.github.missedcalls.pbx.csv.CsvCallSource;
import io.github.missedcalls.pbx.freeswitch.FreeSwitchCdrSource;
import io.github.missedcalls.spi.CallSource;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** The inputs {@code report} and {@code convert} read: the call log, or a PBX's own files (docs/cli.md). */
final class PbxInputs {

    /** Three- and four-digit extensions, the most common numbering of small PBXs. */
    static final String DEFAULT_EXTENSIONS = "[0-9]{3,4}";

    private PbxInputs() {}

    /** What {@code --calls} holds. */
    enum Kind {
        CALLS("calls"),
        ASTERISK_CSV("asterisk-csv"),
        ASTERISK_DB("asterisk-db"),
        QUEUE_LOG("queue-log"),
        FREESWITCH("freeswitch");

        private final String token;

        Kind(String token) {
            this.token = token;
        }

        String token() {
            return token;
        }
    }

    static final class KindConverter implements ITypeConverter<Kind> {
        @Override
        public Kind convert(String value) {
            String wanted = value.strip().toLowerCase(Locale.ROOT);
            for (Kind kind : Kind.values()) {
                if (kind.token.equals(wanted)) {
                    return kind;
                }
            }
            throw new TypeConversionException(
                    "'" + value + "' is not an input: calls, asterisk-csv, asterisk-db, queue-log or freeswitch");
        }
    }

    /** A source of calls and what the command tells about what it read. */
    static final class Input {
        private final CallSource source;
        private final @Nullable CsvCallSource callLog;
        private final @Nullable LongSupplier legsRead;
        private final AtomicLong delivered = new AtomicLong();
        private final AtomicReference<@Nullable Instant> latestStart = new AtomicReference<>();

        private Input(CallSource delegate, @Nullable CsvCallSource callLog, @Nullable LongSupplier legsRead) {
            this.callLog = callLog;
            this.legsRead = legsRead;
            this.source = new CallSource() {
                @Override
                public Stream<CallRecord> calls(
                        String project, Instant startedFrom, Instant startedUntil, Consumer<Rejection> rejections) {
                    return delegate.calls(project, startedFrom, startedUntil, rejections)
                            .peek(Input.this::saw);
                }

                @Override
                public boolean deliversInStartOrder() {
                    return delegate.deliversInStartOrder();
                }

                @Override
                public boolean idsAreUnique() {
                    return delegate.idsAreUnique();
                }
            };
        }

        private void saw(CallRecord call) {
            delivered.incrementAndGet();
            latestStart.accumulateAndGet(call.startedAt(), (a, b) -> a == null || b != null && b.isAfter(a) ? b : a);
        }

        CallSource source() {
            return source;
        }

        /** Rows read so far, for the progress bar: the call log's rows, or the calls a PBX file gave. */
        long rowsRead() {
            return callLog != null ? callLog.rowsRead() : delivered.get();
        }

        /** Calls the source delivered, whatever the window. */
        long callsDelivered() {
            return delivered.get();
        }

        /**
         * What a PBX's files gave, for a person checking that nothing was skipped: {@code read 13
         * CDR legs into 8 calls}; empty for the call log, whose contract says what standard error
         * holds.
         */
        Optional<String> readFigures() {
            if (callLog != null) {
                return Optional.empty();
            }
            long calls = delivered.get();
            String into = String.format(Locale.ROOT, "%,d call%s", calls, calls == 1 ? "" : "s");
            long legs = legsRead == null ? 0 : legsRead.getAsLong();
            return Optional.of(
                    legs == 0
                            ? "read " + into
                            : String.format(
                                    Locale.ROOT, "read %,d CDR leg%s into %s", legs, legs == 1 ? "" : "s", into));
        }

        /** The start of the latest call delivered, or {@code null} when none was. */
        @Nullable
        Instant latestStart() {
            return latestStart.get();
        }

        /** A rejection with the line numbers of its rows, where the source knows them only by id. */
        List<Rejection> withLines(Rejection rejection) {
            return callLog != null ? callLog.withLines(rejection) : List.of(rejection);
        }
    }

    static Input callLog(String name, CsvCallSource.Opener opener) {
        CsvCallSource source = CsvCallSource.of("-".equals(name) ? "on standard input" : name, opener);
        return new Input(source, source, null);
    }

    /**
     * A PBX's file as a source of the project {@code project}.
     *
     * @throws UsageException if the kind needs a file that was not given, or cannot take one given
     */
    static Input pbx(
            Kind kind,
            String project,
            String file,
            @Nullable String queueLog,
            ZoneId pbxZone,
            ExtensionPlan plan,
            Consumer<String> warnings) {
        if ("-".equals(file)) {
            throw new UsageException("--calls - reads the call log only; give the " + kind.token() + " file by name");
        }
        if (queueLog != null && kind != Kind.ASTERISK_CSV && kind != Kind.ASTERISK_DB) {
            throw new UsageException(
                    "--queue-log goes beside --input asterisk-csv or asterisk-db, not " + kind.token());
        }
        Path path = Path.of(file);
        return switch (kind) {
            case ASTERISK_CSV, ASTERISK_DB, QUEUE_LOG -> {
                AsteriskCdrSource.Builder builder =
                        AsteriskCdrSource.builder(project, pbxZone, plan).warnings(warnings);
                if (kind == Kind.ASTERISK_CSV) {
                    builder.masterCsv(path);
                } else if (kind == Kind.ASTERISK_DB) {
                    builder.databaseExport(path);
                } else {
                    builder.queueLog(path);
                }
                if (queueLog != null) {
                    builder.queueLog(Path.of(queueLog));
                }
                AsteriskCdrSource asterisk = builder.build();
                yield new Input(asterisk, null, asterisk::legsRead);
            }
            case FREESWITCH -> {
                FreeSwitchCdrSource freeSwitch =
                        FreeSwitchCdrSource.builder(project, pbxZone, plan).build(path);
                yield new Input(freeSwitch, null, freeSwitch::legsRead);
            }
            case CALLS -> throw new IllegalArgumentException("the call log is read by callLog");
        };
    }
}
