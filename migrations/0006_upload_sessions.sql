-- Resumable uploads (src/uploads): one row per session. Bytes go straight into an R2 multipart
-- upload at cas/<sha256>; the row carries what R2 cannot tell us: which parts were accepted, their
-- ETags, and the SHA-256 state after the last accepted part, so the digest is checked before
-- complete() makes the object visible.
CREATE TABLE upload_sessions (
  id TEXT PRIMARY KEY,
  sha256 TEXT NOT NULL,
  size INTEGER NOT NULL,
  content_type TEXT,
  part_size INTEGER NOT NULL,
  part_count INTEGER NOT NULL,
  r2_upload_id TEXT NOT NULL,
  -- Parts 1..parts_received are in R2 and hashed; parts are accepted in order only.
  parts_received INTEGER NOT NULL DEFAULT 0,
  -- JSON array of the R2 ETags of parts 1..parts_received.
  part_etags TEXT NOT NULL DEFAULT '[]',
  -- Base64 of the saved SHA-256 state after parts 1..parts_received.
  hash_state TEXT NOT NULL,
  -- 'open', 'completed' or 'failed' (digest mismatch; the R2 upload was aborted).
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'completed', 'failed')),
  failure TEXT,
  -- The request currently writing the next part (or completing), and until when that claim holds.
  claim TEXT,
  claim_until TEXT,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  expires_at TEXT NOT NULL
);

-- The cron sweep takes the oldest expired sessions first.
CREATE INDEX upload_sessions_by_expiry ON upload_sessions (expires_at);
