import { blobKey, blobPrefix, type ContentHash, derivedKey, hashFromBlobKey, PRIVATE_CAS_PREFIX, type Visibility } from "../blobs/keys";
import { THUMBNAIL_PREFIX } from "../images/thumbnail-spec";
import { type PassOptions, runPass } from "./pass";
import type { GcProgress } from "./schemas";

/** D1 binds at most 100 parameters: the pass's cutoff and 99 hashes. */
const HASHES_PER_STATEMENT = 99;
const placeholders = (n: number, from = 2) => Array.from({ length: n }, (_, i) => `(?${i + from})`).join(",");

/**
 * A copy is in use while a row reads that copy (blob_references says which
 * space each row reads) or an upload claimed its hash since the cutoff: claims
 * are per hash, so a claim keeps both copies. `space` is a literal of a closed
 * type, not a bound value: the hashes need the 99 parameters.
 */
const unusedSince = (space: Visibility) => `NOT EXISTS (SELECT 1 FROM blob_references r WHERE r.hash = candidate.hash AND r.visibility = '${space}')
    AND NOT EXISTS (SELECT 1 FROM blob_claims c WHERE c.hash = candidate.hash AND c.claimed_at >= ?1)`;

/**
 * Decides and records, in one statement, which of n blobs of a space GC
 * deletes: those no row references in that space (the blob_references view
 * is the one place that knows who does) and no upload claimed since the
 * cutoff. Marking them condemned in the same statement is what orders GC
 * against uploads: a claim written after this statement sees the
 * condemnation; one written before it keeps the blob.
 */
export function condemnSql(n: number, space: Visibility = "public"): string {
  return `WITH candidate(hash) AS (VALUES ${placeholders(n)})
  INSERT INTO blob_claims (hash, claimed_at, condemned_at)
  SELECT candidate.hash, 0, CAST(strftime('%s', 'now') AS INTEGER) * 1000 FROM candidate WHERE ${unusedSince(space)}
  ON CONFLICT (hash) DO UPDATE SET condemned_at = excluded.condemned_at
  RETURNING hash`;
}

/** The same decision for a dry run, which records nothing. */
export function deletableSql(n: number, space: Visibility = "public"): string {
  return `WITH candidate(hash) AS (VALUES ${placeholders(n)})
  SELECT candidate.hash AS hash FROM candidate WHERE ${unusedSince(space)}`;
}

/** After the delete: the claims of collected blobs mean nothing any more (condemnations included). */
export function forgetClaimsSql(n: number): string {
  return `DELETE FROM blob_claims WHERE hash IN (${Array.from({ length: n }, (_, i) => `?${i + 1}`).join(",")})`;
}

/** The space a GC cursor is in: the walk does cas/ first, then private/cas/ ("private/cas/" itself starts that half). */
function spaceOf(cursor: string | null): Visibility {
  return cursor?.startsWith(PRIVATE_CAS_PREFIX) ? "private" : "public";
}

/**
 * One budgeted step of the orphan-blob GC. One pass walks both spaces with one
 * cursor (an R2 key): cas/, then private/cas/, a page of up to 1000 keys at a
 * time. Blobs uploaded after the pass's cutoff are young and kept; the rest
 * are decided in D1 99 at a time (one batch per page) against the rows that
 * read that space; the condemned blobs and their thumbnails of the same space
 * go in R2 deletes of up to 1000 keys.
 */
export async function collectGarbage(env: Env, options: PassOptions): Promise<GcProgress> {
  const extra = { collected: [] as string[], collected_private: [] as string[], kept_young: 0, kept_in_use: 0, thumbnails_deleted: 0 };
  const progress = await runPass(env, "gc", options, async (pass, startAfter, limit) => {
    const space = spaceOf(startAfter);
    const prefix = blobPrefix(space);
    const page = await env.BUCKET.list({ prefix, startAfter: startAfter ?? undefined, limit });
    const present = new Set<string>();
    const old: ContentHash[] = [];
    for (const object of page.objects) {
      const hash = hashFromBlobKey(object.key, space);
      if (hash) present.add(hash);
      if (hash === null) extra.kept_in_use++;
      else if (object.uploaded.getTime() > pass.cutoff_at) extra.kept_young++;
      else old.push(hash);
    }
    const condemned = await decide(env.DB, old, pass.cutoff_at, options.dryRun, space);
    extra.kept_in_use += old.length - condemned.length;
    const lastKey = page.objects.at(-1)?.key ?? null;
    const thumbnails = await thumbnailsToDelete(env.BUCKET, {
      prefix: derivedKey(THUMBNAIL_PREFIX, space),
      // "private/cas/" itself (the first step into the private half) is no blob: the range starts at the beginning.
      after: startAfter?.slice(prefix.length) || null,
      through: page.truncated && lastKey ? lastKey.slice(prefix.length) : null,
      condemned: new Set(condemned),
      present,
      cutoff: pass.cutoff_at,
    });
    if (!options.dryRun) {
      await deleteKeys(env.BUCKET, [...condemned.map((hash) => blobKey(hash, space)), ...thumbnails]);
      await forgetClaims(env.DB, condemned);
    }
    (space === "public" ? extra.collected : extra.collected_private).push(...condemned);
    extra.thumbnails_deleted += thumbnails.length;
    // The end of cas/ is not the end of the pass: the next page starts the private half.
    const next = page.truncated ? lastKey : space === "public" ? PRIVATE_CAS_PREFIX : null;
    return {
      lastKey: next,
      more: next !== null,
      scanned: page.objects.length,
      deleted: condemned.length,
      kept: page.objects.length - condemned.length,
    };
  });
  return { ...progress, grace_hours: options.graceHours, ...extra };
}

async function decide(db: D1Database, hashes: ContentHash[], cutoff: number, dryRun: boolean, space: Visibility): Promise<ContentHash[]> {
  if (hashes.length === 0) return [];
  const statements: D1PreparedStatement[] = [];
  for (let i = 0; i < hashes.length; i += HASHES_PER_STATEMENT) {
    const chunk = hashes.slice(i, i + HASHES_PER_STATEMENT);
    statements.push(db.prepare(dryRun ? deletableSql(chunk.length, space) : condemnSql(chunk.length, space)).bind(cutoff, ...chunk));
  }
  const results = await db.batch<{ hash: ContentHash }>(statements);
  return results.flatMap((r) => r.results.map((row) => row.hash));
}

export async function forgetClaims(db: D1Database, hashes: ContentHash[]): Promise<void> {
  const statements: D1PreparedStatement[] = [];
  for (let i = 0; i < hashes.length; i += 100) {
    const chunk = hashes.slice(i, i + 100);
    statements.push(db.prepare(forgetClaimsSql(chunk.length)).bind(...chunk));
  }
  if (statements.length > 0) await db.batch(statements);
}

export async function deleteKeys(bucket: R2Bucket, keys: string[]): Promise<void> {
  for (let i = 0; i < keys.length; i += 1000) await bucket.delete(keys.slice(i, i + 1000));
}

/**
 * Thumbnail keys sort by their blob's hash just as blob keys do
 * (thumbnails/<hash>_<N>.jpg, thumbnails/<hash>.undecodable, and the same
 * under private/ for private blobs), so the thumbnails of a page of blobs are
 * one contiguous range of the space's thumbnails/: one list per page instead
 * of one per blob. A thumbnail goes when its blob is
 * condemned, or when its blob is gone and it is older than the cutoff (a
 * leftover of an earlier failure; a young one may belong to a blob being
 * uploaded right now).
 */
async function thumbnailsToDelete(
  bucket: R2Bucket,
  range: { prefix: string; after: string | null; through: string | null; condemned: Set<string>; present: Set<string>; cutoff: number },
): Promise<string[]> {
  const { prefix } = range;
  const doomed: string[] = [];
  // "~" sorts after "_" and ".", so this skips every thumbnail of the `after` hash itself.
  let startAfter = range.after ? `${prefix}${range.after}~` : undefined;
  for (;;) {
    const page = await bucket.list({ prefix, startAfter, limit: 1000 });
    for (const object of page.objects) {
      const hash = object.key.slice(prefix.length, prefix.length + 64);
      if (range.through !== null && hash > range.through) return doomed;
      const orphan = !range.present.has(hash) && object.uploaded.getTime() <= range.cutoff;
      if (range.condemned.has(hash) || orphan) doomed.push(object.key);
    }
    if (!page.truncated) return doomed;
    startAfter = page.objects.at(-1)!.key;
  }
}
