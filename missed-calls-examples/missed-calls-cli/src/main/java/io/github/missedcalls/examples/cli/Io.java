package io.github.missedcalls.examples.cli;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Objects;

/**
 * What a command reads and writes: standard input, output and error, whether standard error is a
 * terminal, and the clock that says what "now" is. Tests pass their own.
 *
 * @param in standard input, for {@code --calls -}
 * @param out standard output: reports, help
 * @param err standard error: errors, rejections, summaries and progress
 * @param errIsTerminal whether progress may be drawn on {@code err}
 * @param clock what "now" is for a default as-of
 */
public record Io(InputStream in, OutputStream out, PrintWriter err, boolean errIsTerminal, Clock clock) {

    public Io {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(err, "err");
        Objects.requireNonNull(clock, "clock");
    }

    /** The process's own streams, UTF-8, and the system clock. */
    public static Io system() {
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        return new Io(System.in, System.out, err, Terminal.standardErrorIsTerminal(), Clock.systemUTC());
    }

    /** Standard output for text: help and tables. Flush it; do not close it. */
    PrintWriter outWriter() {
        return new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true);
    }
}
