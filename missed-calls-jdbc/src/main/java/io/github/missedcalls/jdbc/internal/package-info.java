/** Implementation of the JDBC module; not exported, no compatibility promise. */
@NullMarked
package io.github.missedcalls.jdbc.internal;

import org.jspecify.annotations.NullMarked;
