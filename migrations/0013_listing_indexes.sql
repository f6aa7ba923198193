-- Listings at a million rows: every listing walks one index in id order and stops when its
-- page is full, so a page costs the same at 10 000 rows as at 1 000 000. (An index entry
-- ends with the rowid, so equal keys come in id order and ORDER BY id needs no sort.)
-- The expressions are the ones src/db/schema.ts builds the queries from, character for
-- character: SQLite uses an expression index only for the same expression.

-- GET /api/attachments?type=image/* was a range over content_type, whose rows then had to be
-- sorted by id (image/jpeg, image/png, … each in its own id order): every image read for
-- one page. The top-level type ("image/") and the essence ("image/png", without the
-- "; charset=…" parse.ts may keep) each get an index of their own instead.
DROP INDEX part_attachments_by_content_type;
CREATE INDEX part_attachments_by_media_type ON part_attachments (substr(content_type, 1, instr(content_type, '/')));
CREATE INDEX part_attachments_by_essence ON part_attachments (substr(content_type, 1, instr(content_type || ';', ';') - 1));

-- Indexed attribute keys: attr.<key>=<value> is an index search for a key with an index
-- over its JSON text here, and a walk in id order (reading rows until the page fills) for
-- any other key. An operator declares one with a migration like this one, plus the key in
-- indexedAttributeKeys (src/db/schema.ts); README "Attributes at scale" has the steps.
CREATE INDEX part_attachments_by_attr_batch ON part_attachments ((attributes -> '$."batch"'));
