package io.github.missedcalls.examples.cli;

import io.github.missedcalls.CallRecord;
import io.github.missedcalls.MissedCallsException;
import io.github.missedcalls.Rejection;
import io.github.missedcalls.pbx.csv.CallLogCsvWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code missed-calls convert}: writes what an adapter understood of a PBX's files as the call
 * log (docs/call-log-csv.md), for a person to look at, fix, and feed to anything that reads the
 * call log. Rejections are one line each on standard error, as {@code report} writes them.
 */
@Command(
        name = "convert",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = "Writes a PBX's files (--input) as a call log CSV (docs/call-log-csv.md).",
        footer = {"", "Exit: 0 done, 2 bad usage or unusable input."})
final class ConvertCommand implements Callable<Integer> {

    @Option(names = "--calls", required = true, paramLabel = "FILE", description = "The PBX file --input names.")
    private String calls = "";

    @Mixin
    private PbxOptions pbx = new PbxOptions();

    @Option(
            names = "--zone",
            paramLabel = "ZONE",
            converter = ReportCommand.ZoneConverter.class,
            description =
                    "The zone the call log's times are written in, and the PBX's unless --pbx-zone. Default: UTC.")
    private ZoneId zone = ZoneOffset.UTC;

    @Option(
            names = "--out",
            paramLabel = "FILE",
            description = "Where to write the call log. Default: standard output.")
    private @Nullable String out;

    private final Io io;

    ConvertCommand(Io io) {
        this.io = io;
    }

    @Override
    public Integer call() {
        if (pbx.input == PbxInputs.Kind.CALLS) {
            throw new UsageException("convert reads a PBX's files: give --input asterisk-csv, asterisk-db,"
                    + " queue-log or freeswitch");
        }
        PbxInputs.Input source = pbx.input(
                ReportCommand.PROJECT, calls, zone, warning -> io.err().println("warning: " + warning));
        List<Rejection> rejections = new ArrayList<>();
        long written;
        String file = out;
        boolean toStandardOutput = file == null || "-".equals(file);
        try (Writer target = toStandardOutput
                        ? new OutputStreamWriter(io.out(), StandardCharsets.UTF_8)
                        : Files.newBufferedWriter(Path.of(file), StandardCharsets.UTF_8);
                CallLogCsvWriter writer = new CallLogCsvWriter(target, null, zone);
                Stream<CallRecord> records =
                        source.source().calls(ReportCommand.PROJECT, Instant.MIN, Instant.MAX, rejections::add)) {
            records.forEach(writer::call);
            written = writer.callsWritten();
        } catch (IOException | UncheckedIOException e) {
            throw new UsageException("cannot write " + (toStandardOutput ? "standard output" : file) + ": "
                    + MissedCallsCli.oneLine(e.getMessage()));
        } catch (MissedCallsException e) {
            throw new UsageException(MissedCallsCli.oneLine(e.getMessage()));
        }
        for (Rejection rejection : rejections) {
            io.err().println(ReportCommand.rejectionLine(rejection));
        }
        source.readFigures().ifPresent(io.err()::println);
        io.err()
                .println(String.format(
                        Locale.ROOT,
                        "%,d call%s written, %,d record%s rejected",
                        written,
                        written == 1 ? "" : "s",
                        rejections.size(),
                        rejections.size() == 1 ? "" : "s"));
        return MissedCallsCli.OK;
    }
}
