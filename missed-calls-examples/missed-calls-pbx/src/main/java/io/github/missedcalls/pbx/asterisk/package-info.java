/**
 * Asterisk as a call source: {@link io.github.missedcalls.pbx.asterisk.AsteriskCdrSource}
 * reads {@code cdr_csv}'s {@code Master.csv} (or a CDR table exported with a header row),
 * collapses each call's legs by {@code linkedid}, and takes the queue's side of a call from
 * {@code queue_log}. See {@code docs/adapters.md}.
 */
@NullMarked
package io.github.missedcalls.pbx.asterisk;

import org.jspecify.annotations.NullMarked;
