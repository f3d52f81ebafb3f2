-- missed-calls: the library's tables on H2 (2.x).
-- JdbcSchema.create(dataSource) runs this file, creating what is absent; you may run it
-- yourself instead. With other table names, JdbcSchema renames every missed_calls_ name.
-- Instants are TIMESTAMP WITH TIME ZONE, written in UTC.

-- Optional: the calls, for users without a calls table of their own (JdbcCallWriter).
CREATE TABLE IF NOT EXISTS missed_calls_calls (
  project       VARCHAR(100) NOT NULL,
  id            VARCHAR(200) NOT NULL,
  direction     VARCHAR(16)  NOT NULL,
  client        VARCHAR(100),
  line          VARCHAR(100),
  employee      VARCHAR(200),
  started_at    TIMESTAMP(6) WITH TIME ZONE NOT NULL,
  answered_at   TIMESTAMP(6) WITH TIME ZONE,
  ended_at      TIMESTAMP(6) WITH TIME ZONE NOT NULL,
  stage         VARCHAR(16),
  managers      VARCHAR(16),
  stated_reason VARCHAR(40),
  CONSTRAINT missed_calls_calls_pk PRIMARY KEY (project, id)
);
-- A report reads one project's calls in (started_at, id) order.
CREATE INDEX IF NOT EXISTS missed_calls_calls_start ON missed_calls_calls (project, started_at, id);

-- Calls per hour of their start (UTC), kept by JdbcCallWriter in the transaction that writes the
-- calls, so that a refresh from a checkpoint checks the rows before its watermark by summing hours
-- instead of counting a month of calls. Rows written without JdbcCallWriter are not counted:
-- JdbcSchema.recountCalls after such a write.
CREATE TABLE IF NOT EXISTS missed_calls_calls_hours (
  project    VARCHAR(100) NOT NULL,
  hour_start TIMESTAMP(6) WITH TIME ZONE NOT NULL,
  calls      BIGINT       NOT NULL,
  CONSTRAINT missed_calls_calls_hours_pk PRIMARY KEY (project, hour_start)
);

-- Manual handles (JdbcHandleStore). The key makes saving the same handle twice store it once.
CREATE TABLE IF NOT EXISTS missed_calls_handles (
  project      VARCHAR(100) NOT NULL,
  client       VARCHAR(100) NOT NULL,
  handled_at   TIMESTAMP(6) WITH TIME ZONE NOT NULL,
  actor        VARCHAR(200) NOT NULL,
  covers_until TIMESTAMP(6) WITH TIME ZONE NOT NULL,
  reason       VARCHAR(40)  NOT NULL,
  note         VARCHAR(100000),
  CONSTRAINT missed_calls_handles_pk PRIMARY KEY (project, client, handled_at, actor)
);
CREATE INDEX IF NOT EXISTS missed_calls_handles_time ON missed_calls_handles (project, handled_at);

-- Assignments (R16, JdbcHandleStore.assign): who is to call a client back. A table of its own, so
-- that adding it changes no table an existing installation has. The key makes saving the same
-- assignment twice store it once.
CREATE TABLE IF NOT EXISTS missed_calls_handles_assignments (
  project     VARCHAR(100) NOT NULL,
  client      VARCHAR(100) NOT NULL,
  assigned_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
  actor       VARCHAR(200) NOT NULL,
  assignee    VARCHAR(200) NOT NULL,
  note        VARCHAR(100000),
  CONSTRAINT missed_calls_handles_assignments_pk PRIMARY KEY (project, client, assigned_at, actor)
);
CREATE INDEX IF NOT EXISTS missed_calls_handles_assignments_time
  ON missed_calls_handles_assignments (project, assigned_at);

-- Refreshes' checkpoints (JdbcCheckpointStore): the latest one per project and key, as the bytes
-- ReportCheckpoint.toBytes() writes. A table of its own; no other table changes.
CREATE TABLE IF NOT EXISTS missed_calls_handles_checkpoints (
  project        VARCHAR(100) NOT NULL,
  checkpoint_key VARCHAR(200) NOT NULL,
  saved_at       TIMESTAMP(6) WITH TIME ZONE NOT NULL,
  body           BLOB         NOT NULL,
  CONSTRAINT missed_calls_handles_checkpoints_pk PRIMARY KEY (project, checkpoint_key)
);
