/** Reading of PBX files shared by the adapters; not exported. */
@NullMarked
package io.github.missedcalls.pbx.internal;

import org.jspecify.annotations.NullMarked;
