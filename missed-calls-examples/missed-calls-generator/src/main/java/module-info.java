/** A seeded, realistic month of calls and handles, for demos, tests and benchmarks. */
module io.github.missedcalls.generator {
    requires static transitive org.jspecify;
    requires transitive io.github.missedcalls.core;

    exports io.github.missedcalls.generator;
}
