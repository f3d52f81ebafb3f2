/**
 * The databases missed-calls speaks to: {@link io.github.missedcalls.jdbc.dialect.Dialect} is
 * detected from a connection's metadata and can be set explicitly where detection is not wanted.
 */
@NullMarked
package io.github.missedcalls.jdbc.dialect;

import org.jspecify.annotations.NullMarked;
