import { assertAllowed, currentMode } from "../access/mode";
import { blobKey, hashFromBlobKey, isContentHash, THUMBNAIL_PREFIX } from "../cas/keys";
import { legacyCounts } from "./status";

const LEGACY_KEY = /^parts\/\d+\/attachments\/[^/]+$/;
// D1 binds at most 100 parameters per statement.
const CHUNK = 100;

export interface CleanupResult {
  dry_run: boolean;
  blocked_by: string | null;
  /** Attachment ids whose legacy object was (or would be) deleted. */
  deleted: number[];
  kept_unverified: number;
  kept_unreferenced: number;
}

/**
 * Deletes legacy objects only when the operator enabled it, nothing is
 * pending or failed, the object's row is migrated, and cas/<hash> exists
 * with the same size. Objects no row names are reported, never deleted, and
 * nothing under cas/ is touched.
 */
export async function cleanupLegacy(env: Env, dryRunAsked: boolean): Promise<CleanupResult> {
  // The route is refused by the policy table already; this holds for any other caller too.
  if (!dryRunAsked) assertAllowed(await currentMode(env), "delete");
  const enabled = env.CAS_MIGRATION_DELETE_OLD_OBJECTS === "true";
  const counts = await legacyCounts(env);
  const blockedBy = !enabled
    ? "CAS_MIGRATION_DELETE_OLD_OBJECTS is not true"
    : counts.pending + counts.failed > 0
      ? `${counts.pending} rows pending and ${counts.failed} failed`
      : null;
  const dryRun = dryRunAsked || blockedBy !== null;
  const result: CleanupResult = { dry_run: dryRun, blocked_by: blockedBy, deleted: [], kept_unverified: 0, kept_unreferenced: 0 };

  let cursor: string | undefined;
  do {
    const page = await env.BUCKET.list({ prefix: "parts/", cursor, limit: 1000 });
    cursor = page.truncated ? page.cursor : undefined;
    const objects = page.objects.filter((o) => LEGACY_KEY.test(o.key));
    for (let i = 0; i < objects.length; i += CHUNK) {
      const chunk = objects.slice(i, i + CHUNK);
      const { results } = await env.DB.prepare(
        `SELECT id, legacy_key, sha256 FROM part_attachments WHERE legacy_key IN (${chunk.map((_, j) => `?${j + 1}`).join(",")})`,
      )
        .bind(...chunk.map((o) => o.key))
        .all<{ id: number; legacy_key: string; sha256: string | null }>();
      const rows = new Map(results.map((r) => [r.legacy_key, r]));
      const doomed: string[] = [];
      for (const object of chunk) {
        const row = rows.get(object.key);
        if (!row) {
          result.kept_unreferenced++;
          continue;
        }
        const blob = row.sha256 && isContentHash(row.sha256) ? await env.BUCKET.head(blobKey(row.sha256)) : null;
        if (blob === null || blob.size !== object.size) {
          result.kept_unverified++;
          continue;
        }
        doomed.push(object.key);
        result.deleted.push(row.id);
      }
      if (!dryRun && doomed.length > 0) await env.BUCKET.delete(doomed);
    }
  } while (cursor);
  return result;
}

export interface GcResult {
  dry_run: boolean;
  grace_hours: number;
  /** Hashes of the blobs (and their thumbnails) that were, or would be, deleted. */
  collected: string[];
  kept_referenced: number;
  kept_young: number;
}

/**
 * Collects cas/ blobs no row references and that are older than the grace
 * period, so an upload whose row is not written yet is never collected.
 * References are checked against D1 right before each delete.
 */
export async function collectOrphans(env: Env, dryRun: boolean, graceHours: number, now = Date.now()): Promise<GcResult> {
  if (!dryRun) assertAllowed(await currentMode(env), "delete");
  const result: GcResult = { dry_run: dryRun, grace_hours: graceHours, collected: [], kept_referenced: 0, kept_young: 0 };
  const cutoff = now - graceHours * 3_600_000;
  let cursor: string | undefined;
  do {
    const page = await env.BUCKET.list({ prefix: "cas/", cursor, limit: 1000 });
    cursor = page.truncated ? page.cursor : undefined;
    for (let i = 0; i < page.objects.length; i += CHUNK) {
      const chunk = page.objects.slice(i, i + CHUNK).flatMap((o) => {
        const hash = hashFromBlobKey(o.key);
        return hash ? [{ hash, uploaded: o.uploaded.getTime() }] : [];
      });
      if (chunk.length === 0) continue;
      const { results } = await env.DB.prepare(
        `SELECT DISTINCT hash FROM blob_references WHERE hash IN (${chunk.map((_, j) => `?${j + 1}`).join(",")})`,
      )
        .bind(...chunk.map((c) => c.hash))
        .all<{ hash: string }>();
      const referenced = new Set(results.map((r) => r.hash));
      for (const { hash, uploaded } of chunk) {
        if (referenced.has(hash)) result.kept_referenced++;
        else if (uploaded > cutoff) result.kept_young++;
        else {
          result.collected.push(hash);
          if (!dryRun) await deleteBlobAndThumbnails(env.BUCKET, hash);
        }
      }
    }
  } while (cursor);
  return result;
}

async function deleteBlobAndThumbnails(bucket: R2Bucket, hash: string): Promise<void> {
  // Fixed-length hashes: this prefix matches exactly the blob's thumbnails and its .undecodable marker.
  const thumbs = await bucket.list({ prefix: `${THUMBNAIL_PREFIX}${hash}` });
  await bucket.delete([`cas/${hash}`, ...thumbs.objects.map((o) => o.key)]);
}
