/**
 * The call-log CSV format of {@code docs/call-log-csv.md}: {@link
 * io.github.missedcalls.pbx.csv.CsvCallSource} reads calls and {@link
 * io.github.missedcalls.pbx.csv.HandlesCsv} reads manual handles, so that any PBX export can
 * be fed to the library without code. The generator's {@code CallLogCsvWriter} writes both.
 */
@NullMarked
package io.github.missedcalls.pbx.csv;

import org.jspecify.annotations.NullMarked;
