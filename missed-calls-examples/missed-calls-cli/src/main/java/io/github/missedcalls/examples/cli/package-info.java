/**
 * The command line of {@code docs/cli.md}: {@code report}, {@code demo} and {@code generate} on
 * picocli, with exit statuses, one-line errors and a progress bar for a terminal.
 */
@NullMarked
package io.github.missedcalls.examples.cli;

import org.jspecify.annotations.NullMarked;
