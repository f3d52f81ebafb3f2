/**
 * Live tracking: records and handles taken one at a time, as a PBX delivers them, with events
 * when a group opens, grows, gets an attempt or is resolved; the same rules as the report.
 */
@NullMarked
package io.github.missedcalls.live;

import org.jspecify.annotations.NullMarked;
