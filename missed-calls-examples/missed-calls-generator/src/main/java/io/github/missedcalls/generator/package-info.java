/**
 * A seeded generator of realistic months of calls, shared by the demo, the benchmarks and the
 * tests that need volume.
 */
@NullMarked
package io.github.missedcalls.generator;

import org.jspecify.annotations.NullMarked;
