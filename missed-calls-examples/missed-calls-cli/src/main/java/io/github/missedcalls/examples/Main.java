package io.github.missedcalls.examples;

import io.github.missedcalls.examples.cli.Io;
import io.github.missedcalls.examples.cli.MissedCallsCli;

/** The runnable jar's entry point: {@code java -jar missed-calls.jar report|demo|generate|--help}. */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        System.exit(MissedCallsCli.run(Io.system(), args));
    }
}
