package io.github.missedcalls.examples.jmh;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Counts the calls a benchmark's operations took, so that JMH reports calls per second beside
 * operations (whole months) per second.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.OPERATIONS)
public class CallCounter {
    public long calls;
}
