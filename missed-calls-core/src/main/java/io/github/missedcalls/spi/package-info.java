/**
 * What an adapter author implements: {@link io.github.missedcalls.spi.CallSource} delivers
 * call records, {@link io.github.missedcalls.spi.HandleStore} keeps manual handles. The
 * in-memory implementations here serve tests and small embeddings; the compatibility kits
 * {@code CallSourceContract} and {@code HandleStoreContract} in the core test-jar check an
 * implementation against the same expectations.
 */
@NullMarked
package io.github.missedcalls.spi;

import org.jspecify.annotations.NullMarked;
