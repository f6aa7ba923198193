import { and, asc, eq, gt, inArray, sql } from "drizzle-orm";
import type { Visibility } from "../blobs/keys";
import type { Database } from "../db/client";
import { ftsPhrase } from "../db/fts";
import { type Attachment, type Attributes, type NewAttachment, type Part, partAttachments, parts } from "../db/schema";
import { AppError } from "../errors";
import { invalidAttributes, MAX_ATTRIBUTES_BYTES } from "./attributes";
import type { Ingested } from "./ingest";
import { attachmentTypeFor } from "./sniff";

/**
 * Parts and attachments in D1. D1 has no interactive transactions, so
 * every change that touches more than one row is one `batch()`, which D1
 * runs atomically.
 */
const KEY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

function newPartKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  return [...bytes].map((b) => KEY_ALPHABET[b % KEY_ALPHABET.length]).join("");
}

const nowSql = sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`;

export async function createPart(db: Database, input: { name: string; description?: string | null; private?: boolean }): Promise<Part> {
  const [part] = await db
    .insert(parts)
    .values({ key: newPartKey(), name: input.name, description: input.description ?? null, private: input.private ?? false })
    .returning();
  return part!;
}

export async function getPart(db: Database, key: string): Promise<Part> {
  const part = await db.query.parts.findFirst({ where: eq(parts.key, key) });
  if (!part) throw new AppError("not_found", `No part with key "${key}".`);
  return part;
}

/**
 * A page of parts in creation order; the cursor is the last id of the
 * previous page (the first page starts after id 0: every page is the same
 * range search on the primary key, reading its rows and no others). With
 * `query`, only names containing it, ignoring ASCII case. The part_search trigram index (migrations/0012_search.sql) finds the
 * candidates in id order, so SQLite stops as soon as it has limit + 1 and
 * the cursor means the same with or without a search; the index folds case
 * and accents more widely than lower() does, so instr() then keeps exactly
 * the names that contain the text as this listing always defined it. A query
 * needs 3 characters (schemas.ts): the index has nothing shorter to look up.
 */
export async function listParts(db: Database, limit: number, cursor: string | undefined, query?: string) {
  const rows = await partsPageQuery(db, limit, cursor, query);
  const page = rows.slice(0, limit);
  return { page, nextCursor: rows.length > limit ? String(page[page.length - 1]!.id) : null };
}

/** listParts' statement (limit + 1 rows), apart so a test can read its query plan. */
export function partsPageQuery(db: Database, limit: number, cursor: string | undefined, query?: string) {
  const after = cursor ? Number(cursor) : 0;
  return db
    .select()
    .from(parts)
    .where(
      query
        ? sql`${parts.id} IN (SELECT part_search.rowid FROM part_search JOIN parts AS candidate ON candidate.id = part_search.rowid
            WHERE part_search MATCH ${`{name} : ${ftsPhrase(query)}`} AND part_search.rowid > ${after}
              AND instr(lower(candidate.name), lower(${query})) > 0
            ORDER BY part_search.rowid LIMIT ${limit + 1})`
        : gt(parts.id, after),
    )
    .orderBy(asc(parts.id))
    .limit(limit + 1);
}

/** The cover attachments of some parts, by id, in one query. */
export async function coversOf(db: Database, list: Part[]): Promise<Map<number, Attachment>> {
  const ids = list.map((p) => p.coverAttachmentId).filter((id): id is number => id !== null);
  if (ids.length === 0) return new Map();
  const rows = await db.select().from(partAttachments).where(inArray(partAttachments.id, ids));
  return new Map(rows.map((a) => [a.id, a]));
}

export interface PartChanges {
  name?: string;
  description?: string | null;
  private?: boolean;
}

/**
 * Changes a part; `privateChanged` says the request flipped its private
 * flag (the audit trail records that). Flipping moves no byte: answers
 * switch links at once, and the housekeeping visibility pass moves the
 * blobs (responses.ts says why both copies serve meanwhile).
 */
export async function updatePart(db: Database, key: string, changes: PartChanges): Promise<{ part: Part; privateChanged: boolean }> {
  const before = changes.private === undefined ? undefined : await getPart(db, key);
  const [part] = await db
    .update(parts)
    .set({ ...changes, updatedAt: nowSql })
    .where(eq(parts.key, key))
    .returning();
  if (!part) throw new AppError("not_found", `No part with key "${key}".`);
  return { part, privateChanged: before !== undefined && before.private !== part.private };
}

/** Deletes the part and its attachment rows together. Blobs stay: other rows may share them. */
export async function deletePart(db: Database, key: string): Promise<void> {
  await getPart(db, key);
  await db.batch([db.delete(partAttachments).where(eq(partAttachments.partKey, key)), db.delete(parts).where(eq(parts.key, key))]);
}

export async function listAttachments(db: Database, key: string): Promise<{ part: Part; rows: Attachment[] }> {
  const part = await getPart(db, key);
  const rows = await db.select().from(partAttachments).where(eq(partAttachments.partKey, key)).orderBy(asc(partAttachments.id));
  return { part, rows };
}

/** The private flag of a row's part, read beside the row (answers sign a private part's links: responses.ts). */
export const partIsPrivate = sql<number>`(SELECT ${parts.private} FROM ${parts} WHERE ${parts.key} = ${partAttachments.partKey})`.mapWith(
  (value: number | null) => value === 1,
);

export async function getAttachment(db: Database, key: string, id: number): Promise<Attachment> {
  return (await findAttachment(db, key, id)).row;
}

/** An attachment of part `key`, with its part's private flag. */
export async function findAttachment(db: Database, key: string, id: number): Promise<{ row: Attachment; partPrivate: boolean }> {
  const [found] = await db
    .select({ row: partAttachments, partPrivate: partIsPrivate })
    .from(partAttachments)
    .where(and(eq(partAttachments.partKey, key), eq(partAttachments.id, id)));
  if (!found) throw new AppError("not_found", `Part "${key}" has no attachment ${id}.`);
  return found;
}

export async function insertAttachment(db: Database, row: NewAttachment): Promise<Attachment> {
  const [created] = await db.insert(partAttachments).values(row).returning();
  return created!;
}

/** The row naming a stored blob; the title falls back to the filename. */
export async function insertBlobAttachment(
  db: Database,
  key: string,
  blob: Ingested,
  names: { filename: string | null; title: string | undefined; attributes?: Attributes | undefined },
): Promise<Attachment> {
  return insertAttachment(db, {
    partKey: key,
    attachmentType: attachmentTypeFor(blob.contentType),
    title: names.title ?? names.filename ?? "Untitled",
    filename: names.filename,
    contentType: blob.contentType,
    size: blob.size,
    sha256: blob.hash,
    attributes: names.attributes,
    blobVisibility: blob.visibility,
  });
}

export interface AttachmentChanges {
  title?: string;
  filename?: string;
  /** An RFC 7396 merge patch of the attributes; null clears them. */
  attributes?: Attributes | null;
}

/**
 * One UPDATE: SQLite's json_patch implements RFC 7396, so two concurrent
 * patches of different keys both land (no read-modify-write in the
 * worker), and the size rule is checked on the merged result in the same
 * statement; no row updated then means the result was too large.
 */
export async function updateAttachment(db: Database, key: string, id: number, changes: AttachmentChanges) {
  await getAttachment(db, key, id);
  const { attributes, ...fields } = changes;
  const merged = attributes ? sql`json_patch(${partAttachments.attributes}, ${JSON.stringify(attributes)})` : null;
  const [row] = await db
    .update(partAttachments)
    .set({ ...fields, ...(attributes === null ? { attributes: {} } : merged ? { attributes: merged } : {}) })
    .where(and(eq(partAttachments.id, id), merged ? sql`length(CAST(${merged} AS BLOB)) <= ${MAX_ATTRIBUTES_BYTES}` : undefined))
    .returning();
  if (!row) throw invalidAttributes([], `the merged attributes would exceed ${MAX_ATTRIBUTES_BYTES} bytes serialized`);
  return row;
}

/** Deletes the row (and unsets it as cover) in one batch; its blob is left for GC. */
export async function deleteAttachment(db: Database, key: string, id: number): Promise<void> {
  await getAttachment(db, key, id);
  await db.batch([
    db
      .update(parts)
      .set({ coverAttachmentId: null, updatedAt: nowSql })
      .where(and(eq(parts.key, key), eq(parts.coverAttachmentId, id))),
    db.delete(partAttachments).where(eq(partAttachments.id, id)),
  ]);
}

/** A new row on another part naming the same blob, read from `blobVisibility`'s copy. */
export async function insertCopy(db: Database, source: Attachment, targetKey: string, blobVisibility: Visibility): Promise<Attachment> {
  const { id: _id, createdAt: _created, partKey: _part, ...rest } = source;
  return insertAttachment(db, { ...rest, partKey: targetKey, blobVisibility });
}

/** Only an image of this very part can be its cover. */
export async function setCover(db: Database, key: string, attachmentId: number | null): Promise<Part> {
  await getPart(db, key);
  if (attachmentId !== null) {
    const row = await db.query.partAttachments.findFirst({
      where: and(eq(partAttachments.partKey, key), eq(partAttachments.id, attachmentId)),
    });
    if (!row) throw new AppError("unprocessable", `attachment_id: part "${key}" has no attachment ${attachmentId}.`);
    if (row.attachmentType !== "image") {
      throw new AppError("conflict", `attachment_id: attachment ${attachmentId} is a ${row.attachmentType}; only images can be covers.`);
    }
  }
  const [part] = await db.update(parts).set({ coverAttachmentId: attachmentId, updatedAt: nowSql }).where(eq(parts.key, key)).returning();
  return part!;
}
