/**
 * JMH benchmarks of the resolver (the batch report) and the live tracker over generated months,
 * and a main that shows a streamed report's heap. Built by the {@code jmh} profile only; see
 * {@code docs/benchmarks.md}.
 */
@NullMarked
package io.github.missedcalls.examples.jmh;

import org.jspecify.annotations.NullMarked;
