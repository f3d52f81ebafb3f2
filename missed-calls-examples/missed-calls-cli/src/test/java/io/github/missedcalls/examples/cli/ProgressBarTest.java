package io.github.missedcalls.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("the progress bar")
class ProgressBarTest {

    @Test
    @DisplayName("shows the share done, rows, rows per second and the time elapsed")
    void line() {
        String line = ProgressBar.line("reading calls.csv", 500_000, 512, 1024, 2_500_000_000L);

        assertThat(line)
                .isEqualTo("reading calls.csv [##########..........]  50%     500,000 rows    200,000 rows/s  00:02");
    }

    @Test
    @DisplayName("without a known total, shows the counts only")
    void withoutTotal() {
        assertThat(ProgressBar.line("reading standard input", 1_000, 0, 0, 61_000_000_000L))
                .isEqualTo("reading standard input       1,000 rows         16 rows/s  01:01");
    }

    @Test
    @DisplayName("draws in place with a carriage return and erases itself when closed")
    void drawsAndErases() {
        StringWriter err = new StringWriter();
        AtomicLong rows = new AtomicLong(10);
        try (ProgressBar bar = ProgressBar.start(true, new PrintWriter(err), "loading", rows::get, rows::get, 100)) {
            bar.draw();
            rows.set(100);
            bar.draw();
        }

        String drawn = err.toString();
        assertThat(drawn)
                .startsWith("\rloading [##..................]  10%")
                .contains("\rloading [####################] 100%");
        assertThat(drawn).endsWith("\r");
        assertThat(drawn.substring(drawn.lastIndexOf('%') + 1)).contains("\r" + " ".repeat(20));
    }

    @Test
    @DisplayName("draws nothing when standard error is not a terminal")
    void notATerminal() {
        StringWriter err = new StringWriter();
        try (ProgressBar bar = ProgressBar.start(false, new PrintWriter(err), "loading", () -> 1, () -> 1, 100)) {
            bar.draw();
        }

        assertThat(err.toString()).isEmpty();
    }

    @Test
    @DisplayName("a terminal is a tty or pts device; a file, a pipe or /dev/null is not")
    void terminalDevices() {
        assertThat(Terminal.isTerminalDevice("/dev/pts/3")).isTrue();
        assertThat(Terminal.isTerminalDevice("/dev/tty1")).isTrue();
        assertThat(Terminal.isTerminalDevice("/dev/null")).isFalse();
        assertThat(Terminal.isTerminalDevice("pipe:[123456]")).isFalse();
        assertThat(Terminal.isTerminalDevice("/tmp/err.log")).isFalse();
    }

    @Test
    @DisplayName("TERM=dumb or MISSED_CALLS_PROGRESS=off turns progress off")
    void switchedOff() {
        assertThat(Terminal.standardErrorIsTerminal(Map.of("TERM", "dumb"))).isFalse();
        assertThat(Terminal.standardErrorIsTerminal(Map.of("MISSED_CALLS_PROGRESS", "off")))
                .isFalse();
    }
}
