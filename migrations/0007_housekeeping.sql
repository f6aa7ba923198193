-- Where each housekeeping task stands in its walk over R2, so one pass spans
-- many short invocations (cron or admin API), and who is running it now.
CREATE TABLE housekeeping_passes (
  task TEXT PRIMARY KEY CHECK (task IN ('cleanup', 'gc')),
  -- The last R2 key decided in this pass; NULL before the first page of a pass.
  cursor TEXT,
  -- Epoch ms when this pass began (its mark) and, for GC, mark minus the grace
  -- period: blobs uploaded or claimed after the cutoff are kept.
  mark_at INTEGER NOT NULL,
  cutoff_at INTEGER NOT NULL,
  grace_hours REAL NOT NULL DEFAULT 0,
  scanned INTEGER NOT NULL DEFAULT 0,
  deleted INTEGER NOT NULL DEFAULT 0,
  kept INTEGER NOT NULL DEFAULT 0,
  -- Set when the walk reached the end of the prefix; the next pass starts later.
  finished_at INTEGER,
  -- A lease in the row: one invocation per task at a time; progress writes check it.
  held_by TEXT,
  held_until INTEGER
);

-- The last time an upload named each blob (new or deduplicated). Written on
-- writes only, never on reads. GC deletes a blob only when no row references it
-- and its claim is older than the pass's cutoff; condemned_at is set by GC in the
-- same statement that makes that decision, right before it deletes the blob, so an
-- upload that claims a condemned blob waits for the delete instead of trusting it.
CREATE TABLE blob_claims (
  hash TEXT PRIMARY KEY NOT NULL,
  claimed_at INTEGER NOT NULL,
  condemned_at INTEGER
) WITHOUT ROWID;

-- The size of cas/<sha256> when the migration pointed this row at it, so cleanup
-- compares sizes from its listing instead of one R2 head per legacy object.
ALTER TABLE part_attachments ADD COLUMN cas_size INTEGER;
