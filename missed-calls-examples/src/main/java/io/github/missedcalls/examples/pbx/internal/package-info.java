/** Reading of PBX files shared by the adapters; not exported. */
@NullMarked
package io.github.missedcalls.examples.pbx.internal;

import org.jspecify.annotations.NullMarked;
