/**
 * The API an application touches: call records, the report and its rows, the settings of a
 * project and {@link io.github.missedcalls.MissedCalls}, the entry point that ties a
 * {@link io.github.missedcalls.spi.CallSource} and a {@link io.github.missedcalls.spi.HandleStore}
 * together.
 *
 * <p>The rules every class here follows are numbered R1 to R13 in the project's
 * {@code docs/semantics.md}; Javadoc names the rule it implements.
 */
@NullMarked
package io.github.missedcalls;

import org.jspecify.annotations.NullMarked;
