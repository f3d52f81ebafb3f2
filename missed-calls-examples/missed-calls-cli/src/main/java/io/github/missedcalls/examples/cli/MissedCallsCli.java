package io.github.missedcalls.examples.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code missed-calls}: the command line of {@code docs/cli.md}.
 *
 * <ol>
 *   <li>Exit status 0 when done; 2 for bad usage or unusable input, with one line on standard
 *       error; 3 when {@code --strict} meets a rejection; 1 for a failure that is not the user's
 *       (a bug or a broken database), also with one line.
 *   <li>Standard error never shows a stack trace or an exception's class name; set the
 *       environment variable {@code MISSED_CALLS_DEBUG=1} to see the stack trace of an
 *       unexpected failure.
 * </ol>
 */
@Command(
        name = "missed-calls",
        mixinStandardHelpOptions = true,
        versionProvider = MissedCallsCli.Version.class,
        description = "Which clients called, did not get through, and have still not been called back.",
        synopsisSubcommandLabel = "(report | demo | generate | serve)",
        footer = {"", "Run 'missed-calls COMMAND --help' for a command's options."})
public final class MissedCallsCli implements Callable<Integer> {

    /** Done. */
    public static final int OK = 0;
    /** A failure that is not the user's. */
    public static final int FAILED = 1;
    /** Bad usage or unusable input. */
    public static final int USAGE = 2;
    /** A rejection under {@code --strict}. */
    public static final int REJECTED = 3;

    private final Io io;

    @Spec
    @SuppressWarnings("NullAway.Init") // picocli injects it before call()
    private CommandSpec spec;

    private MissedCallsCli(Io io) {
        this.io = io;
    }

    /** Runs a command line and returns its exit status. */
    public static int run(Io io, String... args) {
        PrintWriter out = io.outWriter();
        CommandLine cli = new CommandLine(new MissedCallsCli(io))
                .addSubcommand("report", new ReportCommand(io))
                .addSubcommand("convert", new ConvertCommand(io))
                .addSubcommand("demo", new DemoCommand(io))
                .addSubcommand("generate", new GenerateCommand(io))
                .addSubcommand("serve", new ServeCommand(io))
                .setOverwrittenOptionsAllowed(true)
                .setOut(out)
                .setErr(io.err())
                .setParameterExceptionHandler((e, arguments) -> usageError(
                        io, e.getMessage(), e.getCommandLine().getCommandSpec().qualifiedName()))
                .setExecutionExceptionHandler((e, commandLine, parsed) ->
                        failure(io, e, commandLine.getCommandSpec().qualifiedName()));
        try {
            return cli.execute(args);
        } catch (OutOfMemoryError e) {
            // The heap the work held is free again once the stack has unwound, so one line fits.
            io.err()
                    .println(
                            "error: out of memory: give Java a larger heap, e.g. java -Xmx2g -jar missed-calls.jar ...");
            return FAILED;
        } finally {
            out.flush();
            io.err().flush();
        }
    }

    /** Without a command: bad usage. */
    @Override
    public Integer call() {
        return usageError(io, "no command given: report, demo or generate", spec.qualifiedName());
    }

    private static int usageError(Io io, @Nullable String message, String command) {
        io.err().println("error: " + oneLine(message) + " (see '" + command + " --help')");
        return USAGE;
    }

    private static int failure(Io io, Exception e, String command) {
        if (e instanceof UsageException) {
            io.err().println("error: " + oneLine(e.getMessage()));
            return USAGE;
        }
        io.err().println("error: " + command + " failed: " + oneLine(e.getMessage()));
        if ("1".equals(System.getenv("MISSED_CALLS_DEBUG"))) {
            e.printStackTrace(io.err());
        }
        return FAILED;
    }

    /** A message as one line; a failure without one still says something. */
    static String oneLine(@Nullable String message) {
        if (message == null || message.isBlank()) {
            return "unexpected failure";
        }
        return message.strip().replaceAll("\\s*[\\r\\n]+\\s*", "; ");
    }

    /** The version in the jar's manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = MissedCallsCli.class.getPackage().getImplementationVersion();
            return new String[] {
                "missed-calls " + (version == null ? "(development build)" : version),
                "Java " + System.getProperty("java.version") + " on "
                        + System.getProperty("os.name", "?").toLowerCase(Locale.ROOT)
            };
        }
    }
}
