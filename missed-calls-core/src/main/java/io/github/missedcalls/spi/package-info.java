/**
 * What an adapter author implements: {@link io.github.missedcalls.spi.CallSource} delivers
 * call records, {@link io.github.missedcalls.spi.HandleStore} keeps manual handles. The
 * compatibility kits {@code CallSourceContract} and {@code HandleStoreContract} of the
 * {@code missed-calls-tck} artifact check an implementation against the expectations the report
 * puts on it.
 */
@NullMarked
package io.github.missedcalls.spi;

import org.jspecify.annotations.NullMarked;
