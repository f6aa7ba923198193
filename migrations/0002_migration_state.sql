-- State of the legacy-to-CAS migration.
CREATE TABLE migration_runs (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  started_at TEXT NOT NULL,
  finished_at TEXT NOT NULL,
  fencing_token INTEGER NOT NULL,
  migrated INTEGER NOT NULL,
  failed INTEGER NOT NULL,
  -- 'done', 'batch_size', 'time_budget', 'error' or 'fenced'
  stopped_by TEXT NOT NULL,
  error TEXT
);

-- One row per attachment whose migration failed. A missing legacy object is final;
-- other errors are retried by later batches up to three attempts.
CREATE TABLE migration_failures (
  attachment_id INTEGER PRIMARY KEY REFERENCES part_attachments(id) ON DELETE CASCADE,
  error TEXT NOT NULL,
  retryable INTEGER NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 1,
  last_attempt_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

-- The fencing token of the current migration lease, written by the MigrationLock
-- Durable Object. Row updates check it, so a holder whose lease expired writes nothing.
CREATE TABLE migration_fence (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  token INTEGER NOT NULL
);

-- Cleanup finds the row of each legacy object by its key.
CREATE INDEX part_attachments_by_legacy_key ON part_attachments (legacy_key) WHERE legacy_key IS NOT NULL;
