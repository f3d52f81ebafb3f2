/**
 * What the PBX adapters share and a user configures: {@link
 * io.github.missedcalls.pbx.ExtensionPlan} tells the company's extensions from
 * external numbers, which decides a call's direction and its client.
 */
@NullMarked
package io.github.missedcalls.pbx;

import org.jspecify.annotations.NullMarked;
