-- Custom attributes on attachments: one JSON object per row, at most 4096
-- bytes serialized (src/attachments/attributes.ts checks first and answers
-- 422; the CHECK is the backstop). attributes_schema_version names the
-- layout the object follows, so a later change can migrate rows by version.
ALTER TABLE part_attachments ADD COLUMN attributes TEXT NOT NULL DEFAULT '{}'
  CHECK (json_valid(attributes) AND json_type(attributes) = 'object' AND length(CAST(attributes AS BLOB)) <= 4096);
ALTER TABLE part_attachments ADD COLUMN attributes_schema_version INTEGER NOT NULL DEFAULT 1;

-- GET /api/attachments?type=image/* is a range on content_type; paging is by id.
-- (?part= uses part_attachments_by_part.) Filters on attr.<key> are evaluated
-- row by row: an expression index covers one known key, not arbitrary ones, so
-- none is made until a key is known to be queried often.
CREATE INDEX part_attachments_by_content_type ON part_attachments (content_type, id);
