import { and, asc, eq, gt, gte, isNotNull, lt, or, type SQL, sql } from "drizzle-orm";
import type { Database } from "../db/client";
import { type Attachment, partAttachments } from "../db/schema";
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
 * the last id of the previous page).
 *
 * `part` uses part_attachments_by_part; a media range is a range scan on
 * part_attachments_by_content_type (content_type is stored normalised:
 * "type/subtype" then "; params"). Each attribute filter compares the
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
    search.cursor === undefined ? undefined : gt(partAttachments.id, search.cursor),
    ...search.attributes.map(({ key, json }) => sql`(${partAttachments.attributes} -> ${`$."${key}"`}) = ${json}`),
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

/** Ranges instead of LIKE, so the content_type index applies ("/" < "0" and ";" < "<" in ASCII). */
function mediaRangeCondition(range: string): SQL | undefined {
  const column = partAttachments.contentType;
  if (range === "*/*") return isNotNull(column);
  const [type, subtype] = range.split("/") as [string, string];
  if (subtype === "*") return and(gte(column, `${type}/`), lt(column, `${type}0`));
  return or(eq(column, range), and(gte(column, `${range};`), lt(column, `${range}<`)));
}
