package io.github.missedcalls.examples.csv;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** The column names of the call log and the handles file, and their date-time form. */
public final class CallLogColumns {

  public static final String ID = "id";
  public static final String DIRECTION = "direction";
  public static final String CLIENT = "client";
  public static final String LINE = "line";
  public static final String EMPLOYEE = "employee";
  public static final String STARTED_AT = "started_at";
  public static final String ANSWERED_AT = "answered_at";
  public static final String ENDED_AT = "ended_at";
  public static final String STAGE = "stage";
  public static final String MANAGERS = "managers";
  public static final String REASON = "reason";

  /** Every column of the call log, in the order {@code CallLogCsvWriter} writes them. */
  public static final List<String> CALL_LOG = List.of(ID, DIRECTION, CLIENT, LINE, EMPLOYEE, STARTED_AT,
      ANSWERED_AT, ENDED_AT, STAGE, MANAGERS, REASON);
  /** The columns a call log cannot do without. */
  public static final List<String> CALL_LOG_REQUIRED = List.of(ID, DIRECTION, STARTED_AT, ENDED_AT);

  public static final String COVERS_UNTIL = "covers_until";
  public static final String NOTE = "note";
  public static final String ACTOR = "actor";
  public static final String HANDLED_AT = "handled_at";

  /** Every column of the handles file, in the order {@code CallLogCsvWriter} writes them. */
  public static final List<String> HANDLES = List.of(CLIENT, COVERS_UNTIL, REASON, NOTE, ACTOR, HANDLED_AT);
  /** The columns a handles file cannot do without. */
  public static final List<String> HANDLES_REQUIRED = List.of(CLIENT, COVERS_UNTIL, REASON, ACTOR, HANDLED_AT);

  private CallLogColumns() {}

  /**
   * Reads a date-time as both files write it: ISO-8601 with an offset or {@code Z}, seconds and
   * fractions optional ({@code 2026-11-02T09:15+02:00}).
   *
   * @throws IllegalArgumentException naming the column and the value when it is of another form
   */
  public static Instant parseDateTime(String column, String value) {
    try {
      return OffsetDateTime.parse(value, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    } catch (DateTimeException e) {
      throw new IllegalArgumentException(
          column + " is not a date-time with an offset (2026-11-02T09:15:03+02:00): '" + value + "'", e);
    }
  }
}
