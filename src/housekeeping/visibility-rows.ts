import type { ContentHash, Visibility } from "../blobs/keys";

/**
 * The rows the visibility pass walks, and how it changes one. Each table that
 * names a blob is walked by rowid, a page at a time; the pass's cursor is
 * `<table>:<rowid>` (D1, not R2: the rows decide where a copy belongs).
 * firmware_artifacts has a composite primary key, so its implicit rowid is
 * the walk's order; a VACUUM could renumber it, which at worst makes a pass
 * look at some rows twice or skip some until the next pass.
 */
export const MOVABLE_TABLES = ["coredumps", "firmware_artifacts", "part_attachments"] as const;
export type MovableTable = (typeof MOVABLE_TABLES)[number];

/** A row of a page: the copy it reads and the copy it should read. */
export interface WalkedRow {
  id: number;
  hash: ContentHash | null;
  visibility: Visibility;
  wanted: Visibility;
}

/**
 * One page of a table after a rowid, every row of it (`limit` at most), with
 * the space each row should read: coredumps and firmware are always private;
 * an attachment follows its part's flag. Rows with no blob (URL attachments,
 * legacy rows not migrated) come back with a null hash and are left alone.
 */
export const PAGE_SQL: Record<MovableTable, string> = {
  coredumps: `SELECT id, sha256 AS hash, blob_visibility AS visibility, 'private' AS wanted
  FROM coredumps WHERE id > ?1 ORDER BY id LIMIT ?2`,
  firmware_artifacts: `SELECT rowid AS id, sha256 AS hash, blob_visibility AS visibility, 'private' AS wanted
  FROM firmware_artifacts WHERE rowid > ?1 ORDER BY rowid LIMIT ?2`,
  part_attachments: `SELECT a.id AS id, a.sha256 AS hash, a.blob_visibility AS visibility,
    CASE WHEN p.private THEN 'private' ELSE 'public' END AS wanted
  FROM part_attachments a LEFT JOIN parts p ON p.key = a.part_key WHERE a.id > ?1 ORDER BY a.id LIMIT ?2`,
};

/**
 * Points a row at the other copy: ?1 rowid, ?2 the new space, ?3 the space it
 * read when the page was walked, ?4 its hash. Guarded by all three, so a row
 * deleted, re-pointed or re-hashed since is left as it is; an attachment also
 * only moves while its part still wants that space (the flag may flip back).
 */
export const POINT_ROW_SQL: Record<MovableTable, string> = {
  coredumps: "UPDATE coredumps SET blob_visibility = ?2 WHERE id = ?1 AND blob_visibility = ?3 AND sha256 = ?4",
  firmware_artifacts: "UPDATE firmware_artifacts SET blob_visibility = ?2 WHERE rowid = ?1 AND blob_visibility = ?3 AND sha256 = ?4",
  part_attachments: `UPDATE part_attachments SET blob_visibility = ?2 WHERE id = ?1 AND blob_visibility = ?3 AND sha256 = ?4
    AND (SELECT CASE WHEN p.private THEN 'private' ELSE 'public' END FROM parts p WHERE p.key = part_attachments.part_key) = ?2`,
};

/** The latest claim on a hash (ms), or none. */
export const CLAIMED_AT_SQL = "SELECT claimed_at FROM blob_claims WHERE hash = ?1";

export function cursorOf(table: MovableTable, id: number): string {
  return `${table}:${id}`;
}

/** Where a cursor points: the table and the last rowid decided there. Null (or anything unknown) is the start. */
export function parseCursor(cursor: string | null): { table: MovableTable; after: number } {
  const [name, id] = (cursor ?? "").split(":");
  const table = MOVABLE_TABLES.find((t) => t === name);
  const after = Number(id);
  return table && Number.isSafeInteger(after) && after >= 0 ? { table, after } : { table: MOVABLE_TABLES[0], after: 0 };
}

/** The cursor that starts the table after `table`, or null at the end of the last one. */
export function nextTable(table: MovableTable): string | null {
  const next = MOVABLE_TABLES[MOVABLE_TABLES.indexOf(table) + 1];
  return next ? cursorOf(next, 0) : null;
}
