-- Private blobs (src/blobs/keys.ts): a part may be private, and every row that names
-- a blob says which copy it reads, the public cas/<hash> or the private
-- private/cas/<hash>. Rows start public; the visibility pass
-- (src/housekeeping/visibility.ts) moves coredumps, firmware artifacts and a
-- private part's attachments to the private space and updates this column.
ALTER TABLE parts ADD COLUMN private INTEGER NOT NULL DEFAULT 0;
ALTER TABLE part_attachments ADD COLUMN blob_visibility TEXT NOT NULL DEFAULT 'public' CHECK (blob_visibility IN ('public', 'private'));
ALTER TABLE firmware_artifacts ADD COLUMN blob_visibility TEXT NOT NULL DEFAULT 'public' CHECK (blob_visibility IN ('public', 'private'));
ALTER TABLE coredumps ADD COLUMN blob_visibility TEXT NOT NULL DEFAULT 'public' CHECK (blob_visibility IN ('public', 'private'));

-- GC keeps a blob of a space while a row references it in that space.
DROP VIEW blob_references;
CREATE VIEW blob_references (hash, referrer, visibility) AS
  SELECT sha256, 'attachment', blob_visibility FROM part_attachments WHERE sha256 IS NOT NULL
  UNION ALL
  SELECT sha256, 'firmware_artifact', blob_visibility FROM firmware_artifacts
  UNION ALL
  SELECT sha256, 'coredump', blob_visibility FROM coredumps;

-- The visibility pass keeps its cursor, lease and counters with the other housekeeping tasks;
-- SQLite cannot change a CHECK constraint in place, so the table is rebuilt with 'visibility' allowed.
CREATE TABLE housekeeping_passes_next (
  task TEXT PRIMARY KEY CHECK (task IN ('cleanup', 'gc', 'staging', 'visibility')),
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
