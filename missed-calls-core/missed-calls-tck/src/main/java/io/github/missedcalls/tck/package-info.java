/**
 * The compatibility kits for adapter authors (the {@code missed-calls-tck} artifact):
 * {@link io.github.missedcalls.tck.HandleStoreContract} and
 * {@link io.github.missedcalls.tck.CallSourceContract} check an implementation of the SPI by
 * being extended in a few lines; {@link io.github.missedcalls.tck.Generators} makes random call
 * records and handles (QuickTheories) for property tests of your own;
 * {@link io.github.missedcalls.tck.SettableClock} is a clock a test moves by hand.
 */
@NullMarked
package io.github.missedcalls.tck;

import org.jspecify.annotations.NullMarked;
