/**
 * FreeSWITCH as a call source: {@link io.github.missedcalls.pbx.freeswitch.FreeSwitchCdrSource}
 * reads {@code mod_cdr_csv} files, by default in the shipped {@code example} template. See
 * {@code docs/adapters.md}.
 */
@NullMarked
package io.github.missedcalls.pbx.freeswitch;

import org.jspecify.annotations.NullMarked;
