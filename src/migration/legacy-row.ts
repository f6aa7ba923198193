import { eq, sql } from "drizzle-orm";
import { database } from "../db/client";
import { type Attachment, partAttachments, parts } from "../db/schema";
import { AppError } from "../errors";

// SQLite's boolean is 0 or 1; a row whose part is gone (the FK cascades, so none should be) reads as public.
const partIsPrivate = sql<number | null>`(SELECT ${parts.private} FROM ${parts} WHERE ${parts.key} = ${partAttachments.partKey})`.mapWith(
  (value: number | null) => value === 1,
);

/**
 * An attachment row and its part's private flag, read in one statement so
 * the two describe the same moment: the flag decides the space a legacy row
 * is migrated into and whether its link redirects to a signed URL.
 */
export async function findLegacyRow(env: Env, id: number): Promise<{ row: Attachment; partPrivate: boolean }> {
  const [found] = await database(env.DB)
    .select({ row: partAttachments, partPrivate: partIsPrivate })
    .from(partAttachments)
    .where(eq(partAttachments.id, id));
  if (!found) throw new AppError("not_found", "The attachment no longer exists.");
  return found;
}
