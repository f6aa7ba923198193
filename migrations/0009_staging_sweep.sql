-- The staging sweep (src/housekeeping/staging.ts) walks staging/ (and the uploads/ prefix earlier
-- versions staged under) with the same cursor, lease and counters as cleanup and GC. SQLite cannot
-- change a CHECK constraint in place, so the table is rebuilt with 'staging' allowed.
CREATE TABLE housekeeping_passes_next (
  task TEXT PRIMARY KEY CHECK (task IN ('cleanup', 'gc', 'staging')),
  cursor TEXT,
  mark_at INTEGER NOT NULL,
  cutoff_at INTEGER NOT NULL,
  grace_hours REAL NOT NULL DEFAULT 0,
  scanned INTEGER NOT NULL DEFAULT 0,
  deleted INTEGER NOT NULL DEFAULT 0,
  kept INTEGER NOT NULL DEFAULT 0,
  finished_at INTEGER,
  held_by TEXT,
  held_until INTEGER
);
INSERT INTO housekeeping_passes_next (task, cursor, mark_at, cutoff_at, grace_hours, scanned, deleted, kept, finished_at, held_by, held_until)
  SELECT task, cursor, mark_at, cutoff_at, grace_hours, scanned, deleted, kept, finished_at, held_by, held_until FROM housekeeping_passes;
DROP TABLE housekeeping_passes;
ALTER TABLE housekeeping_passes_next RENAME TO housekeeping_passes;
