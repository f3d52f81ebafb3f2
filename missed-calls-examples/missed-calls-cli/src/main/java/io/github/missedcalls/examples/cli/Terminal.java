package io.github.missedcalls.examples.cli;

import java.io.Console;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Whether standard error is a terminal, so that progress is drawn only for a person watching.
 *
 * <p>Java has no direct answer. {@link System#console()} looks at standard input and output, not
 * at standard error, and its meaning changed in JDK 22: before, it was {@code null} unless both
 * were terminals; since, it is there even when they are redirected, and
 * {@code Console.isTerminal()} (JDK 22+) answers the old question. So:
 *
 * <ol>
 *   <li>{@code TERM=dumb}, or the environment variable {@code MISSED_CALLS_PROGRESS=off}: no.
 *   <li>On Linux, file descriptor 2 itself is looked at: a terminal device ({@code /dev/pts/N},
 *       {@code /dev/ttyN}) is a terminal; a file, a pipe or {@code /dev/null} is not.
 *   <li>Elsewhere, standard input and output stand in for it: a console, and on JDK 22+ one whose
 *       {@code isTerminal()} says yes.
 * </ol>
 */
final class Terminal {

    private static final Path STDERR_LINK = Path.of("/proc/self/fd/2");

    private Terminal() {}

    /** Whether the standard error of this process is a terminal. */
    static boolean standardErrorIsTerminal() {
        return standardErrorIsTerminal(System.getenv());
    }

    static boolean standardErrorIsTerminal(Map<String, String> environment) {
        if ("dumb".equals(environment.get("TERM"))
                || "off".equalsIgnoreCase(environment.get("MISSED_CALLS_PROGRESS"))) {
            return false;
        }
        if (Files.isSymbolicLink(STDERR_LINK)) {
            try {
                return isTerminalDevice(Files.readSymbolicLink(STDERR_LINK).toString());
            } catch (IOException | UnsupportedOperationException | SecurityException e) {
                return consoleIsTerminal();
            }
        }
        return consoleIsTerminal();
    }

    static boolean isTerminalDevice(String target) {
        return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
    }

    private static boolean consoleIsTerminal() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            Method isTerminal = Console.class.getMethod("isTerminal");
            return Boolean.TRUE.equals(isTerminal.invoke(console));
        } catch (NoSuchMethodException e) {
            // Before JDK 22 a console exists only when standard input and output are terminals.
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }
}
