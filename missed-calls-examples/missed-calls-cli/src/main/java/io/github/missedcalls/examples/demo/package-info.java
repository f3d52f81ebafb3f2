/**
 * The pieces of the command line's {@code demo}: the database it runs on ({@link
 * io.github.missedcalls.examples.demo.DemoDatabase}), the figures a head of sales asks for first
 * ({@link io.github.missedcalls.examples.demo.DemoSummary}) and tables for a terminal ({@link
 * io.github.missedcalls.examples.demo.TextTable}).
 */
@NullMarked
package io.github.missedcalls.examples.demo;

import org.jspecify.annotations.NullMarked;
