/**
 * In-memory implementations of the SPI, for tests, demos and small deployments: what they hold
 * is lost when the process ends.
 */
@NullMarked
package io.github.missedcalls.inmemory;

import org.jspecify.annotations.NullMarked;
