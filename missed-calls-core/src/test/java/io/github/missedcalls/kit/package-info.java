/**
 * The compatibility kits for adapter authors, shipped in the core's test-jar:
 * {@link io.github.missedcalls.kit.HandleStoreContract} and
 * {@link io.github.missedcalls.kit.CallSourceContract} check an implementation of the SPI by
 * being extended in a few lines; {@link io.github.missedcalls.kit.Generators} makes random call
 * records and handles (QuickTheories) for property tests of your own.
 */
@NullMarked
package io.github.missedcalls.kit;

import org.jspecify.annotations.NullMarked;
