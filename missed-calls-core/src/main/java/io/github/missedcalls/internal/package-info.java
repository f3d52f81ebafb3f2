/** Implementation details; not exported, may change in any release. */
@NullMarked
package io.github.missedcalls.internal;

import org.jspecify.annotations.NullMarked;
