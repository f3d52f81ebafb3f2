package io.github.missedcalls.examples.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;

/** Runs the command line in this process with captured streams and a fixed clock. */
final class CliRunner {

    /** "Now" for every run: a Friday, after every fixture's calls. */
    static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");

    /** What a run left behind. */
    record Result(int exit, byte[] outBytes, String err) {
        String out() {
            return new String(outBytes, StandardCharsets.UTF_8);
        }

        List<String> errLines() {
            return err.lines().toList();
        }
    }

    private CliRunner() {}

    static Result run(String... args) {
        return runWithInput("", args);
    }

    static Result runWithInput(String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StringWriter err = new StringWriter();
        Io io = new Io(
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                out,
                new PrintWriter(err, true),
                false,
                Clock.fixed(NOW, ZoneOffset.UTC));
        int exit = MissedCallsCli.run(io, args);
        return new Result(exit, out.toByteArray(), err.toString());
    }

    /** The path of a file in the test resources' {@code cli} folder. */
    static String fixture(String name) {
        URL url = Objects.requireNonNull(CliRunner.class.getResource("/cli/" + name), () -> "no fixture " + name);
        try {
            return Path.of(url.toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
