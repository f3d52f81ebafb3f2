package io.github.missedcalls.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged jar, run as a separate process the way docs/cli.md shows, its streams in files. */
@DisplayName("java -jar missed-calls.jar (docs/cli.md)")
class MissedCallsJarIT {

    private static final Path JAR = Path.of(System.getProperty("missedCalls.jar", "target/missed-calls.jar"));
    private static final Path JAVA_25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64/bin/java");

    record Run(int exit, String out, String err) {}

    static Run run(Path dir, Path java, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(java.toString(), "-jar", JAR.toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        Process process = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("finished in time").isTrue();
        return new Run(
                process.exitValue(),
                Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    static Path java() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    @Test
    @DisplayName("--help exits 0 with the commands on standard output")
    void help(@TempDir Path dir) throws Exception {
        Run run = run(dir, java(), "--help");

        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("report", "demo", "generate");
        assertThat(run.err()).isEmpty();
    }

    @Test
    @DisplayName("report writes the tab byte for byte as in process; a bad flag is exit 2 with one line")
    void report(@TempDir Path dir) throws Exception {
        String[] week = ReportCommandTest.week("--tab", "processed");
        Run jar = run(dir, java(), week);

        assertThat(jar.exit()).isZero();
        assertThat(jar.out()).isEqualTo(CliRunner.run(week).out());

        Run bad = run(dir, java(), "report", "--calls", "x.csv", "--zone", "Nowhere");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err().lines().toList())
                .singleElement()
                .asString()
                .startsWith("error: ")
                .doesNotContain("Exception");
    }

    @Test
    @DisplayName(
            "demo runs with no server and no file: exit 0, both tabs, the summary, the exports; no progress when redirected")
    void demo(@TempDir Path dir) throws Exception {
        Run demo = run(dir, java(), "demo", "--out", "exports");

        assertThat(demo.exit()).as(demo.err()).isZero();
        assertThat(demo.err()).isEmpty();
        assertThat(demo.out()).contains("Unprocessed: ", "Processed: ", "callback rate", "Exports in exports");
        assertThat(dir.resolve("exports/report.xlsx")).isNotEmptyFile();
    }

    @Test
    @DisplayName(
            "with standard error redirected to a file, a long report draws no progress, on this Java and on Java 25")
    void noProgressWhenRedirected(@TempDir Path dir) throws Exception {
        Run generate = run(dir, java(), "generate", "--out", "calls.csv", "--calls", "150000");
        assertThat(generate.exit()).isZero();
        assertThat(generate.err()).doesNotContain("\r").doesNotContain("rows/s");

        List<Path> javas = new ArrayList<>(List.of(java()));
        if (Files.isExecutable(JAVA_25)) {
            javas.add(JAVA_25);
        }
        for (Path java : javas) {
            Run report = run(
                    dir,
                    java,
                    "report",
                    "--calls",
                    "calls.csv",
                    "--zone",
                    "Europe/Kyiv",
                    "--country-code",
                    "380",
                    "--as-of",
                    "2026-11-01",
                    "--tab",
                    "processed",
                    "--out",
                    "processed.csv");

            assertThat(report.exit()).as(java.toString()).isZero();
            assertThat(report.err())
                    .as(java.toString())
                    .doesNotContain("\r")
                    .doesNotContain("rows/s")
                    .isEmpty();
            assertThat(Files.size(dir.resolve("processed.csv"))).isGreaterThan(50_000);
        }
    }

    @Test
    @DisplayName("generate's hint is a command that runs as written, from the folder it was given in")
    void generateHintRunsAsWritten(@TempDir Path dir) throws Exception {
        Run generate = run(dir, java(), "generate", "--out", "calls.csv", "--calls", "2000");
        assertThat(generate.exit()).as(generate.err()).isZero();
        String hint = generate.err()
                .lines()
                .filter(line -> line.startsWith("report it with: "))
                .findFirst()
                .orElseThrow()
                .substring("report it with: ".length());
        assertThat(hint).startsWith("java -jar ");

        Path out = dir.resolve("hint-out.txt");
        Process process = new ProcessBuilder("sh", "-c", hint.replaceFirst("^java ", java() + " "))
                .directory(dir.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .redirectErrorStream(true)
                .redirectOutput(out.toFile())
                .start();
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("finished in time").isTrue();
        assertThat(process.exitValue())
                .as(Files.readString(out, StandardCharsets.UTF_8))
                .isZero();
        assertThat(Files.readString(out, StandardCharsets.UTF_8)).isNotBlank();
    }
}
