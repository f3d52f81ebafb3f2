/**
 * Exports of a report beside core's {@link io.github.missedcalls.ReportCsv}: {@link
 * io.github.missedcalls.examples.export.XlsxExport} for spreadsheets and {@link
 * io.github.missedcalls.examples.export.JsonExport} for programs. Both take their columns, names
 * and values from {@link io.github.missedcalls.ReportColumn}, so every format says the same.
 */
@NullMarked
package io.github.missedcalls.examples.export;

import org.jspecify.annotations.NullMarked;
