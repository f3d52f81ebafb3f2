/** Benchmark mains: how fast the library makes a report, measured, never asserted in a test. */
@NullMarked
package io.github.missedcalls.examples.bench;

import org.jspecify.annotations.NullMarked;
