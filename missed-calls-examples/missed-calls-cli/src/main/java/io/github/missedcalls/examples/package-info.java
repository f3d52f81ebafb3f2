/** The entry point of the runnable jar, {@link io.github.missedcalls.examples.Main}. */
@NullMarked
package io.github.missedcalls.examples;

import org.jspecify.annotations.NullMarked;
