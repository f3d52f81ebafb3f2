package io.github.missedcalls;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.NullMarked;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The README's five-minute example, taken from README.md as it stands, compiled against the core
 * alone (and its two dependencies) and run in a JVM of its own, so that the README cannot show
 * code that does not compile or prints two empty tabs.
 */
@DisplayName("The README's five-minute example")
class ReadmeExampleTest {

    private static final Path README = Path.of("../README.md");
    private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);

    static String fiveMinutes() throws IOException {
        Matcher block = JAVA_BLOCK.matcher(Files.readString(README, StandardCharsets.UTF_8));
        while (block.find()) {
            if (block.group(1).contains("public class FiveMinutes {")) {
                return block.group(1).stripIndent();
            }
        }
        throw new AssertionError("README.md has no ```java block with class FiveMinutes");
    }

    private static String classPath(Class<?>... of) {
        return Stream.of(of)
                .map(type -> {
                    try {
                        return Path.of(type.getProtectionDomain()
                                        .getCodeSource()
                                        .getLocation()
                                        .toURI())
                                .toString();
                    } catch (URISyntaxException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .collect(Collectors.joining(File.pathSeparator));
    }

    private static String tool(String name) {
        return Path.of(System.getProperty("java.home"), "bin", name).toString();
    }

    /** Compiles a version of the example and runs it: its standard output and error. */
    private static List<List<String>> compileAndRun(Path dir, String example) throws Exception {
        Path source = dir.resolve("FiveMinutes.java");
        Files.writeString(source, example, StandardCharsets.UTF_8);
        String classPath = classPath(MissedCalls.class, LoggerFactory.class, NullMarked.class);
        // javac as a person runs it: the test's own module does not read java.compiler.
        Path diagnostics = dir.resolve("javac.txt");
        Process javac = new ProcessBuilder(
                        tool("javac"),
                        "--release",
                        "17",
                        "-classpath",
                        classPath,
                        "-d",
                        dir.toString(),
                        source.toString())
                .redirectErrorStream(true)
                .redirectOutput(diagnostics.toFile())
                .start();
        assertThat(javac.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(javac.exitValue()).as(Files.readString(diagnostics)).isZero();

        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        Process run = new ProcessBuilder(tool("java"), "-cp", dir + File.pathSeparator + classPath, "FiveMinutes")
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        assertThat(run.waitFor(1, TimeUnit.MINUTES)).isTrue();
        assertThat(run.exitValue()).as(Files.readString(err)).isZero();
        return List.of(
                Files.readAllLines(out, StandardCharsets.UTF_8), Files.readAllLines(err, StandardCharsets.UTF_8));
    }

    @Test
    @DisplayName("compiles against the core and prints both tabs with their rows, then what each handle did")
    void compilesAndPrintsRows(@TempDir Path dir) throws Exception {
        List<String> lines = compileAndRun(dir, fiveMinutes()).get(0);
        assertThat(lines).hasSize(6);
        assertThat(lines.get(0)).startsWith("client,first_missed_at,");
        assertThat(lines.get(1))
                .startsWith("+380672220002,2026-11-02T13:02:00+02:00,")
                .contains("ABANDONED_IN_IVR");
        assertThat(lines.get(2)).startsWith("client,first_missed_at,");
        assertThat(lines.get(3)).startsWith("+380501110001,").contains(",called_back,", ",anna,");
        assertThat(lines.get(4)).startsWith("NothingOpen[client=+380501110001,");
        assertThat(lines.get(5)).startsWith("Handled[handle=").contains("+380672220002", "WRONG_NUMBER");
    }

    @Test
    @DisplayName(
            "asked as of now, which is after its calls' month, says where the calls are instead of two bare empty tabs")
    void asOfNowSaysWhereTheCallsAre(@TempDir Path dir) throws Exception {
        String example = fiveMinutes();
        String dated = "ReportQuery.of(\"acme\").asOf(Instant.parse(\"2026-11-02T16:00:00Z\"))";
        assertThat(example).contains(dated);

        List<List<String>> printed = compileAndRun(dir, example.replace(dated, "ReportQuery.of(\"acme\")"));

        assertThat(printed.get(0)).filteredOn(line -> line.startsWith("+380")).isEmpty();
        assertThat(printed.get(1))
                .anySatisfy(line -> assertThat(line)
                        .startsWith("no call of acme started in the window ")
                        .contains("the latest started at 2026-11-02T13:02:00+02:00")
                        .endsWith("ask ReportQuery.of(\"acme\").asOf(Instant.parse(\"2026-11-02T11:02:01Z\"))"));
    }
}
