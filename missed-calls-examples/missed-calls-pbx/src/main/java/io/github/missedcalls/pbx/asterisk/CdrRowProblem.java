package io.github.missedcalls.pbx.asterisk;

import org.jspecify.annotations.Nullable;

/**
 * A line of a file that could not be read.
 *
 * @param line where it is
 * @param callKey the call it belongs to, where that could be read: the whole call is then rejected
 * @param reason why, as a rejection says it
 * @param text the line as written, where the call's ids may still be found
 * @param inCdr whether the line is the CDR's (whose neighbouring lines are legs of calls), not
 *     {@code queue_log}'s
 */
record CdrRowProblem(long line, @Nullable String callKey, String reason, String text, boolean inCdr) {}
