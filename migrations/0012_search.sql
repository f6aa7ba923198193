-- Full-text search (src/search): two FTS5 indexes, one over parts (name, key, description) and one
-- over attachments (title, filename, the values in their attributes).
--
-- Tokenizer: trigram, so any substring of 3+ characters is found ("LM35" finds "LM358", "消費電"
-- finds "低消費電力"), ignoring case (Unicode case folding) and, with remove_diacritics, accents
-- ("resistance" finds "Résistance"). SQLite has had it since 3.34; the Workers runtime and D1 have
-- it (D1's SQL reference lists FTS5 among its extensions). A substring of 1 or 2 characters has no
-- trigram and matches nothing: the API refuses such a query with a 400 (src/search/fts-query.ts).
--
-- Parts: an external-content index. The text already lives in parts, and at a million parts a
-- second copy of every name and description would cost as much again; FTS5 reads a row's text
-- back only for highlight() and snippet(), that is for the rows of one page. The content is a view
-- that turns char(1) and char(2) into spaces: highlight() marks matches with those two characters
-- (src/search/segments.ts), so a marker in its answer is always one FTS5 put there.
--
-- Attachments: an index that keeps its own copy of the text. Their indexed text includes the
-- values inside the attributes JSON, taken out with json_tree(), and FTS5 cannot read an external
-- content view that calls json_tree() (D1 answers "no such table: main.json_tree" when it
-- tries), so the text is computed by the triggers and stored beside the index: a title, a filename
-- and at most 4096 bytes of attribute values a row.
--
-- The triggers read the same views, so for parts the text indexed on insert and the text removed on
-- update or delete come from one expression and cannot disagree (an external-content index that is told to
-- remove text it never indexed is corrupt). Old text is removed in BEFORE triggers, while the view
-- still shows it; new text is added in AFTER triggers. Updates that touch no indexed column (covers,
-- private flags, blob moves, the migration's sha256) do not touch the index.
--
-- `wrangler d1 export` refuses a database with virtual tables: export the tables without these two
-- (or drop them and rebuild them with the backfill statements at the end after an import).

CREATE VIEW part_search_text (id, name, key, description) AS
  SELECT id,
         replace(replace(name, char(1), ' '), char(2), ' '),
         key,
         replace(replace(coalesce(description, ''), char(1), ' '), char(2), ' ')
  FROM parts;

CREATE VIEW attachment_search_text (id, title, filename, attributes) AS
  SELECT id,
         replace(replace(title, char(1), ' '), char(2), ' '),
         replace(replace(coalesce(filename, ''), char(1), ' '), char(2), ' '),
         replace(replace(coalesce(
           (SELECT group_concat(value, ' ') FROM json_tree(part_attachments.attributes) WHERE type IN ('text', 'integer', 'real')),
           ''), char(1), ' '), char(2), ' ')
  FROM part_attachments;

CREATE VIRTUAL TABLE part_search USING fts5(
  name, key, description,
  content = 'part_search_text', content_rowid = 'id',
  tokenize = 'trigram remove_diacritics 1'
);

CREATE VIRTUAL TABLE attachment_search USING fts5(
  title, filename, attributes,
  tokenize = 'trigram remove_diacritics 1'
);

CREATE TRIGGER part_search_insert AFTER INSERT ON parts BEGIN
  INSERT INTO part_search (rowid, name, key, description)
    SELECT id, name, key, description FROM part_search_text WHERE id = new.id;
END;
CREATE TRIGGER part_search_update_old BEFORE UPDATE OF name, key, description ON parts BEGIN
  INSERT INTO part_search (part_search, rowid, name, key, description)
    SELECT 'delete', id, name, key, description FROM part_search_text WHERE id = old.id;
END;
CREATE TRIGGER part_search_update_new AFTER UPDATE OF name, key, description ON parts BEGIN
  INSERT INTO part_search (rowid, name, key, description)
    SELECT id, name, key, description FROM part_search_text WHERE id = new.id;
END;
CREATE TRIGGER part_search_delete BEFORE DELETE ON parts BEGIN
  INSERT INTO part_search (part_search, rowid, name, key, description)
    SELECT 'delete', id, name, key, description FROM part_search_text WHERE id = old.id;
END;

CREATE TRIGGER attachment_search_insert AFTER INSERT ON part_attachments BEGIN
  INSERT INTO attachment_search (rowid, title, filename, attributes)
    SELECT id, title, filename, attributes FROM attachment_search_text WHERE id = new.id;
END;
CREATE TRIGGER attachment_search_update AFTER UPDATE OF title, filename, attributes ON part_attachments BEGIN
  DELETE FROM attachment_search WHERE rowid = old.id;
  INSERT INTO attachment_search (rowid, title, filename, attributes)
    SELECT id, title, filename, attributes FROM attachment_search_text WHERE id = new.id;
END;
CREATE TRIGGER attachment_search_delete AFTER DELETE ON part_attachments BEGIN
  DELETE FROM attachment_search WHERE rowid = old.id;
END;

-- The rows that exist already.
INSERT INTO part_search (part_search) VALUES ('rebuild');
INSERT INTO attachment_search (rowid, title, filename, attributes) SELECT id, title, filename, attributes FROM attachment_search_text;
