-- The one answer to "who references this blob": every table that names a
-- CAS hash adds its rows here (a later migration drops and recreates the
-- view with one more UNION ALL arm). GC reads only this view.
CREATE VIEW blob_references (hash, referrer) AS
  SELECT sha256, 'attachment' FROM part_attachments WHERE sha256 IS NOT NULL;
