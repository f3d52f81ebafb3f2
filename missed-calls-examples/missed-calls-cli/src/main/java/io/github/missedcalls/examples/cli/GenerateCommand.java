package io.github.missedcalls.examples.cli;

import io.github.missedcalls.generator.MonthGenerator;
import io.github.missedcalls.pbx.csv.CallLogCsvWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code missed-calls generate}: writes a generated month as a call log (and a handles file),
 * for trying {@code report} on volume and for benchmarks. The same options give the same file.
 */
@Command(
        name = "generate",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = "Writes a realistic generated month of one project's calls as call-log CSV.")
final class GenerateCommand implements Callable<Integer> {

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where the call log goes.")
    private String out = "";

    @Option(names = "--handles", paramLabel = "FILE", description = "Where the manual handles go. Default: none.")
    private @Nullable String handles;

    @Option(names = "--calls", paramLabel = "N", description = "About how many calls. Default: 60000.")
    private long calls = 60_000;

    @Option(names = "--days", paramLabel = "N", description = "How many days. Default: 31.")
    private int days = 31;

    @Option(
            names = "--first-day",
            paramLabel = "DATE",
            converter = ReportCommand.DateConverter.class,
            description = "The first day. Default: 2026-10-01.")
    private LocalDate firstDay = LocalDate.of(2026, 10, 1);

    @Option(names = "--clients", paramLabel = "N", description = "How many different clients call. Default: 20000.")
    private int clients = 20_000;

    @Option(names = "--seed", paramLabel = "N", description = "The same seed gives the same month. Default: 20261127.")
    private long seed = 20_261_127L;

    @Option(
            names = "--zone",
            paramLabel = "ZONE",
            converter = ReportCommand.ZoneConverter.class,
            description = "The project's zone. Default: Europe/Kyiv.")
    private ZoneId zone = ZoneId.of("Europe/Kyiv");

    private final Io io;

    GenerateCommand(Io io) {
        this.io = io;
    }

    @Override
    public Integer call() {
        if (calls < 1) {
            throw new UsageException("--calls must be at least 1: " + calls);
        }
        MonthGenerator month;
        try {
            month = MonthGenerator.builder()
                    .seed(seed)
                    .zone(zone)
                    .firstDay(firstDay)
                    .days(days)
                    .clients(clients)
                    .approximateCalls(calls)
                    .build();
        } catch (IllegalArgumentException e) {
            throw new UsageException(MissedCallsCli.oneLine(e.getMessage()));
        }
        AtomicLong written = new AtomicLong();
        long started = System.nanoTime();
        try (CallLogCsvWriter writer =
                        CallLogCsvWriter.create(Path.of(out), handles == null ? null : Path.of(handles), month.zone());
                ProgressBar bar = ProgressBar.start(
                        io.errIsTerminal(),
                        io.err(),
                        "generating " + Path.of(out).getFileName(),
                        written::get,
                        written::get,
                        calls)) {
            month.generate(new MonthGenerator.Sink() {
                @Override
                public void call(io.github.missedcalls.CallRecord call) {
                    writer.call(call);
                    written.incrementAndGet();
                }

                @Override
                public void handle(io.github.missedcalls.Handle handle) {
                    writer.handle(handle);
                }
            });
            bar.close();
            io.err()
                    .printf(
                            Locale.ROOT,
                            "wrote %,d calls to %s%s in %.1f s%n",
                            writer.callsWritten(),
                            out,
                            handles == null
                                    ? ""
                                    : String.format(
                                            Locale.ROOT, " and %,d handles to %s", writer.handlesWritten(), handles),
                            (System.nanoTime() - started) / 1e9);
        } catch (IOException | UncheckedIOException e) {
            throw new UsageException("cannot write " + out + ": " + MissedCallsCli.oneLine(e.getMessage()));
        } catch (DateTimeException e) {
            throw new UsageException(MissedCallsCli.oneLine(e.getMessage()));
        }
        LocalDate lastDay = firstDay.plusDays(days);
        io.err()
                .printf(
                        Locale.ROOT,
                        "report it with: %s report --calls %s%s --zone %s --country-code %s"
                                + " --hours '%s' --as-of %sT00:00%n",
                        runnableJar(),
                        out,
                        handles == null ? "" : " --handles " + handles,
                        month.zone().getId(),
                        month.countryCode(),
                        MonthGenerator.DEFAULT_HOURS,
                        lastDay);
        return MissedCallsCli.OK;
    }

    /**
     * How to start this very jar from anywhere, so the hint runs as written: {@code missed-calls}
     * is no command on a user's path. Outside a jar (an IDE, a test) the path the README builds.
     */
    static String runnableJar() {
        CodeSource source = GenerateCommand.class.getProtectionDomain().getCodeSource();
        if (source != null) {
            try {
                Path jar = Path.of(source.getLocation().toURI());
                if (Files.isRegularFile(jar)) {
                    String path = jar.toAbsolutePath().toString();
                    return "java -jar " + (path.matches("[\\w./+-]+") ? path : "'" + path + "'");
                }
            } catch (URISyntaxException | IllegalArgumentException e) {
                // A location that is no file path: fall back to the README's.
            }
        }
        return "java -jar missed-calls-examples/target/missed-calls.jar";
    }
}
