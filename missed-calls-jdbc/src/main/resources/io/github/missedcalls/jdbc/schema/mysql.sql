-- missed-calls: the library's tables on MySQL (8.0 or later).
-- JdbcSchema.create(dataSource) runs this file, creating what is absent; you may run it
-- yourself instead. With other table names, JdbcSchema renames every missed_calls_ name.
-- Instants are DATETIME(6) holding UTC, written and read without the session's time_zone.
-- Text compares byte for byte (utf8mb4_0900_bin): project "Acme" is not project "acme", and a
-- trailing space makes another key, as on the other databases.

-- Optional: the calls, for users without a calls table of their own (JdbcCallWriter).
CREATE TABLE IF NOT EXISTS missed_calls_calls (
  project       VARCHAR(100) NOT NULL,
  id            VARCHAR(200) NOT NULL,
  direction     VARCHAR(16)  NOT NULL,
  client        VARCHAR(100),
  line          VARCHAR(100),
  employee      VARCHAR(200),
  started_at    DATETIME(6)  NOT NULL,
  answered_at   DATETIME(6),
  ended_at      DATETIME(6)  NOT NULL,
  stage         VARCHAR(16),
  managers      VARCHAR(16),
  stated_reason VARCHAR(40),
  CONSTRAINT missed_calls_calls_pk PRIMARY KEY (project, id),
  -- A report reads one project's calls in (started_at, id) order.
  INDEX missed_calls_calls_start (project, started_at, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_bin;

-- Calls per hour of their start (UTC), kept by JdbcCallWriter in the transaction that writes the
-- calls, so that a refresh from a checkpoint checks the rows before its watermark by summing hours
-- instead of counting a month of calls. Rows written without JdbcCallWriter are not counted:
-- JdbcSchema.recountCalls after such a write.
CREATE TABLE IF NOT EXISTS missed_calls_calls_hours (
  project    VARCHAR(100) NOT NULL,
  hour_start DATETIME(6)  NOT NULL,
  calls      BIGINT       NOT NULL,
  CONSTRAINT missed_calls_calls_hours_pk PRIMARY KEY (project, hour_start)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_bin;

-- Manual handles (JdbcHandleStore). The key makes saving the same handle twice store it once.
CREATE TABLE IF NOT EXISTS missed_calls_handles (
  project      VARCHAR(100) NOT NULL,
  client       VARCHAR(100) NOT NULL,
  handled_at   DATETIME(6)  NOT NULL,
  actor        VARCHAR(200) NOT NULL,
  covers_until DATETIME(6)  NOT NULL,
  reason       VARCHAR(40)  NOT NULL,
  note         TEXT,
  CONSTRAINT missed_calls_handles_pk PRIMARY KEY (project, client, handled_at, actor),
  INDEX missed_calls_handles_time (project, handled_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_bin;

-- Assignments (R16, JdbcHandleStore.assign): who is to call a client back. A table of its own, so
-- that adding it changes no table an existing installation has. The key makes saving the same
-- assignment twice store it once.
CREATE TABLE IF NOT EXISTS missed_calls_handles_assignments (
  project     VARCHAR(100) NOT NULL,
  client      VARCHAR(100) NOT NULL,
  assigned_at DATETIME(6)  NOT NULL,
  actor       VARCHAR(200) NOT NULL,
  assignee    VARCHAR(200) NOT NULL,
  note        TEXT,
  CONSTRAINT missed_calls_handles_assignments_pk PRIMARY KEY (project, client, assigned_at, actor),
  INDEX missed_calls_handles_assignments_time (project, assigned_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_bin;

-- Refreshes' checkpoints (JdbcCheckpointStore): the latest one per project and key, as the bytes
-- ReportCheckpoint.toBytes() writes. A table of its own; no other table changes.
CREATE TABLE IF NOT EXISTS missed_calls_handles_checkpoints (
  project        VARCHAR(100) NOT NULL,
  checkpoint_key VARCHAR(200) NOT NULL,
  saved_at       DATETIME(6)  NOT NULL,
  body           LONGBLOB     NOT NULL,
  CONSTRAINT missed_calls_handles_checkpoints_pk PRIMARY KEY (project, checkpoint_key)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_bin;
