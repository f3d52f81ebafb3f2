package io.github.missedcalls.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every {@code java -jar} command of README.md and docs/*.md, run as written from the top of a
 * checkout, so that the docs cannot drift from the jar. A command is taken from a fenced block,
 * its {@code \} continuations joined and what follows a {@code &&} (the build) taken apart. Two
 * things are changed, both of size only: a month of more than a few thousand calls is made
 * small ({@code --calls}, {@code --demo-calls}), and {@code serve} gets a free port and is
 * stopped once its page answers. The files a command reads ({@code calls.csv}, ...) are a small
 * generated month made beforehand, unless an earlier command of the same file writes them.
 */
@DisplayName("Every java -jar command in README.md and docs/*.md runs as written")
class DocumentedCommandsIT {

    private static final Path ROOT = Path.of(System.getProperty("missedCalls.root", "../.."));
    private static final Path JAR = Path.of(System.getProperty("missedCalls.jar", "../target/missed-calls.jar"));
    private static final String JAR_AS_WRITTEN = "missed-calls-examples/target/missed-calls.jar";
    /**
     * Jars of other modules, not run here: the Kafka artifact's needs a broker (docs/kafka.md),
     * the JMH benchmarks' runs for minutes a command (docs/benchmarks.md).
     */
    private static final List<String> OTHER_JARS =
            List.of("missed-calls-kafka.jar", "missed-calls-examples/missed-calls-benchmarks/target/benchmarks.jar");

    private static final int SMALL_MONTH = 3000;
    private static final Pattern SIZE = Pattern.compile("(--(?:demo-)?calls) (\\d+)");
    private static final Pattern JDBC_HOST = Pattern.compile("jdbc:(?:postgresql|mariadb)://([\\w.]+):(\\d+)/");

    private static final Pattern ADDRESS = Pattern.compile("http://[\\w.:]+/");

    record Command(String file, int line, String text) {
        @Override
        public String toString() {
            return file + ":" + line + ": " + text;
        }
    }

    /** The commands of one Markdown file, each with the line its block starts it on. */
    static List<Command> commands(Path markdown) {
        List<String> lines;
        try {
            lines = Files.readAllLines(markdown, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Command> commands = new ArrayList<>();
        boolean inBlock = false;
        boolean synopsis = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith("```")) {
                inBlock = !inBlock;
                // A ```text block shows a synopsis (FILE, [options]), not a command to run.
                synopsis = inBlock && line.equals("```text");
                continue;
            }
            if (!inBlock || synopsis) {
                continue;
            }
            int first = i;
            StringBuilder joined = new StringBuilder(line.strip());
            while (joined.toString().endsWith("\\") && i + 1 < lines.size()) {
                joined.setLength(joined.length() - 1);
                joined.append(' ').append(lines.get(++i).strip());
            }
            for (String part : joined.toString().split("&&")) {
                String command = part.strip().replaceAll(" +", " ");
                if (command.startsWith("java -jar ")) {
                    commands.add(new Command(ROOT.relativize(markdown).toString(), first + 1, command));
                }
            }
        }
        return commands;
    }

    static List<Command> documented() {
        List<Path> files = new ArrayList<>(List.of(ROOT.resolve("README.md")));
        try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
            docs.filter(file -> file.toString().endsWith(".md")).sorted().forEach(files::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files.stream().flatMap(file -> commands(file).stream()).toList();
    }

    @Test
    @DisplayName("the docs show the CLI's commands, all with the jar's path from the top of a checkout")
    void commandsNameTheJarWhereTheBuildWritesIt() {
        List<Command> commands = documented();

        assertThat(commands)
                .filteredOn(command -> command.text().startsWith("java -jar " + JAR_AS_WRITTEN + " "))
                .hasSizeGreaterThan(10);
        assertThat(commands)
                .filteredOn(command ->
                        OTHER_JARS.stream().noneMatch(jar -> command.text().startsWith("java -jar " + jar + " ")))
                .allSatisfy(command -> assertThat(command.text()).startsWith("java -jar " + JAR_AS_WRITTEN + " "));
    }

    @TestFactory
    @DisplayName("each command exits 0 with something written and no stack trace")
    Stream<DynamicTest> eachCommandRuns(@TempDir Path checkout) throws Exception {
        Path jarInCheckout = checkout.resolve(JAR_AS_WRITTEN);
        Files.createDirectories(jarInCheckout.getParent());
        Files.createSymbolicLink(jarInCheckout, JAR.toAbsolutePath());
        return documented().stream()
                .filter(command -> command.text().startsWith("java -jar " + JAR_AS_WRITTEN))
                .map(command -> DynamicTest.dynamicTest(command.toString(), () -> run(checkout, command)));
    }

    private static void run(Path checkout, Command command) throws Exception {
        Matcher host = JDBC_HOST.matcher(command.text());
        if (host.find()) {
            Assumptions.assumeTrue(
                    reachable(host.group(1), Integer.parseInt(host.group(2))),
                    "no database at " + host.group(1) + ":" + host.group(2) + "; start one to run " + command);
        }
        givenTheFilesItReads(checkout, command.text());
        String shell = SIZE.matcher(command.text())
                .replaceAll(size -> Integer.parseInt(size.group(2)) > SMALL_MONTH
                        ? size.group(1) + " " + SMALL_MONTH
                        : size.group(0));
        if (shell.contains(".jar demo") && !shell.contains("--calls")) {
            shell += " --calls " + SMALL_MONTH;
        }
        shell = shell.replaceFirst("^java ", java() + " ");
        if (shell.contains(".jar serve")) {
            serves(
                    checkout,
                    shell + (shell.contains("--demo-calls") ? "" : " --demo-calls " + SMALL_MONTH) + " --port 0");
        } else {
            runs(checkout, shell);
        }
    }

    private static void runs(Path checkout, String shell) throws Exception {
        Path out = Files.createTempFile(checkout, "out", ".txt");
        Process process = new ProcessBuilder("sh", "-c", shell)
                .directory(checkout.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .redirectErrorStream(true)
                .redirectOutput(out.toFile())
                .start();
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("finished in time").isTrue();
        String output = Files.readString(out, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).doesNotContain("Exception");
        Matcher written = Pattern.compile("--out (\\S+)").matcher(shell);
        if (written.find()) {
            assertThat(checkout.resolve(written.group(1))).exists();
        } else {
            assertThat(output).isNotBlank();
        }
    }

    private static void serves(Path checkout, String shell) throws Exception {
        Process process = new ProcessBuilder("sh", "-c", "exec " + shell)
                .directory(checkout.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .redirectErrorStream(true)
                .start();
        try (BufferedReader output =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            List<String> seen = new ArrayList<>();
            String line;
            String address = null;
            while (address == null && (line = output.readLine()) != null) {
                seen.add(line);
                Matcher printed = ADDRESS.matcher(line);
                if (printed.find()) {
                    address = printed.group();
                }
            }
            if (address == null) {
                throw new AssertionError("no address on standard output, only: " + seen);
            }
            URI page = URI.create(address);
            HttpResponse<String> projects = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(page.resolve("/api/projects"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(projects.statusCode()).isEqualTo(200);
            assertThat(projects.body()).contains("\"projects\"");
        } finally {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
        assertThat(process.exitValue())
                .as("stopped by its shutdown hook, as by Ctrl+C")
                .isIn(0, 143);
    }

    /**
     * Copies the shipped samples a command names; writes a small month as each other call log and
     * handles file it names, if absent.
     */
    private static void givenTheFilesItReads(Path checkout, String command) throws Exception {
        Matcher samples = Pattern.compile("(docs/samples/\\S+)").matcher(command);
        while (samples.find()) {
            Path copy = checkout.resolve(samples.group(1));
            Files.createDirectories(copy.getParent());
            if (!Files.exists(copy)) {
                Files.copy(ROOT.resolve(samples.group(1)), copy);
            }
        }
        Matcher calls = Pattern.compile("--calls (\\S+\\.csv)").matcher(command);
        if (!calls.find() || command.contains(" generate ") || Files.exists(checkout.resolve(calls.group(1)))) {
            return;
        }
        Matcher handles = Pattern.compile("--handles (\\S+\\.csv)").matcher(command);
        runs(
                checkout,
                java() + " -jar " + JAR_AS_WRITTEN + " generate --calls " + SMALL_MONTH + " --out " + calls.group(1)
                        + (handles.find() ? " --handles " + handles.group(1) : ""));
    }

    private static boolean reachable(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
