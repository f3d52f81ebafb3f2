package io.github.missedcalls.pbx.asterisk;

import org.jspecify.annotations.Nullable;

/**
 * A line of a file that could not be read.
 *
 * @param line where it is
 * @param callKey the call it belongs to, where that could be read: the whole call is then rejected
 * @param reason why, as a rejection says it
 */
record CdrRowProblem(long line, @Nullable String callKey, String reason) {}
