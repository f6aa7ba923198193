import { and, asc, eq, gt, isNotNull, type SQL, sql } from "drizzle-orm";
import type { Database } from "../db/client";
import { type Attachment, attributeValueOf, essenceOf, mediaTypeOf, partAttachments } from "../db/schema";
import { partIsPrivate } from "./service";

export interface AttachmentSearch {
  partKey?: string;
  /** A media range: `image/*`, `image/png` or `*\/*`, lowercased. */
  mediaRange?: string;
  /** Top-level attribute key → the JSON text its value must equal. */
  attributes: Array<{ key: string; json: string }>;
  limit: number;
  cursor?: number;
}

/**
 * Attachments across parts, in id order, a page at a time (the cursor is
 * the last id of the previous page; the first page starts after id 0, so
 * every page is the same range search).
 *
 * Each filter has an index whose entries come in id order for one value, so
 * a page reads about its own rows (migrations/0013): `part` uses
 * part_attachments_by_part, `type/*` part_attachments_by_media_type,
 * `type/subtype` part_attachments_by_essence, and `attr.<key>` the key's
 * index when indexedAttributeKeys has one; any other key is read row by row
 * in id order until the page fills. An attribute filter compares the
 * member's JSON text, `attributes -> '$."key"'`, with the filter's JSON
 * text, so 7 matches the number 7 and not the string "7". Stored attributes
 * and filter values are both written by JSON.stringify, so equal values
 * have equal text (objects compare with their key order). Each row comes
 * with its part's private flag, looked up by the part's unique key for the
 * page's rows only, so the plan above is the same with or without it.
 */
export async function searchAttachments(
  db: Database,
  search: AttachmentSearch,
): Promise<{ page: Array<{ row: Attachment; partPrivate: boolean }>; nextCursor: string | null }> {
  const conditions: Array<SQL | undefined> = [
    search.partKey === undefined ? undefined : eq(partAttachments.partKey, search.partKey),
    search.mediaRange === undefined ? undefined : mediaRangeCondition(search.mediaRange),
    gt(partAttachments.id, search.cursor ?? 0),
    ...search.attributes.map(({ key, json }) => sql`${attributeValueOf(key)} = ${json}`),
  ];
  const rows = await db
    .select({ row: partAttachments, partPrivate: partIsPrivate })
    .from(partAttachments)
    .where(and(...conditions))
    .orderBy(asc(partAttachments.id))
    .limit(search.limit + 1);
  const page = rows.slice(0, search.limit);
  return { page, nextCursor: rows.length > search.limit ? String(page[page.length - 1]!.row.id) : null };
}

/** content_type is stored as "type/subtype" or "type/subtype; charset=…" (src/http/media-type.ts). */
function mediaRangeCondition(range: string): SQL {
  if (range === "*/*") return isNotNull(partAttachments.contentType);
  const [type, subtype] = range.split("/") as [string, string];
  return subtype === "*" ? sql`${mediaTypeOf} = ${`${type}/`}` : sql`${essenceOf} = ${range}`;
}
