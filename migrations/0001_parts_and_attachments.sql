-- Parts and their attachments. Blobs live in R2 at cas/<sha256>; rows only name them.
CREATE TABLE parts (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  key TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  description TEXT,
  cover_attachment_id INTEGER,
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

CREATE TABLE part_attachments (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  part_key TEXT NOT NULL REFERENCES parts(key) ON DELETE CASCADE,
  attachment_type TEXT NOT NULL CHECK (attachment_type IN ('image', 'pdf', 'file', 'url')),
  title TEXT NOT NULL,
  filename TEXT,
  content_type TEXT,
  size INTEGER,
  -- Null for URL attachments and for legacy rows not yet moved to CAS.
  sha256 TEXT CHECK (sha256 IS NULL OR (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*')),
  -- parts/{part_id}/attachments/{uuid}.{ext} for rows made before CAS; never leaves the server.
  legacy_key TEXT,
  url TEXT,
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

-- Listing a part's attachments in order.
CREATE INDEX part_attachments_by_part ON part_attachments (part_key, id);
-- Does any row still use this blob? (cleanup and GC)
CREATE INDEX part_attachments_by_sha256 ON part_attachments (sha256) WHERE sha256 IS NOT NULL;
-- The migration's queue of legacy rows still to move.
CREATE INDEX part_attachments_pending ON part_attachments (id) WHERE sha256 IS NULL AND legacy_key IS NOT NULL;
