import { blobKey, type ContentHash, isContentHash } from "../blobs/keys";
import { deleteKeys } from "./gc";
import { type PassOptions, runPass } from "./pass";
import type { CleanupProgress } from "./schemas";

export const LEGACY_PREFIX = "parts/";
const LEGACY_KEY = /^parts\/\d+\/attachments\/[^/]+$/;
// R2 heads in flight for rows migrated before cas_size was recorded.
const PARALLEL_HEADS = 20;

/**
 * Rows not yet moved to CAS, and how many of those failed: cleanup waits until
 * both are zero. The partial index holds only unmigrated rows, so this reads
 * none once the migration is done (left to itself, SQLite would walk every
 * legacy row through the legacy_key index instead).
 */
export const UNMIGRATED_SQL = `SELECT COUNT(*) AS unmigrated, COUNT(f.attachment_id) AS failed
  FROM part_attachments a INDEXED BY part_attachments_pending LEFT JOIN migration_failures f ON f.attachment_id = a.id
  WHERE a.sha256 IS NULL AND a.legacy_key IS NOT NULL`;

/** The rows of up to 100 legacy keys (D1 binds at most 100 parameters). */
export function rowsByLegacyKeySql(n: number): string {
  return `SELECT id, legacy_key, sha256, cas_size FROM part_attachments
  WHERE legacy_key IN (${Array.from({ length: n }, (_, i) => `?${i + 1}`).join(",")})`;
}

interface LegacyRowRef {
  id: number;
  legacy_key: string;
  sha256: string | null;
  cas_size: number | null;
}

/** Why cleanup may not delete right now, or null. A blocked cleanup runs as a dry run. */
export async function cleanupBlockedBy(env: Env): Promise<string | null> {
  if (env.CAS_MIGRATION_DELETE_OLD_OBJECTS !== "true") return "CAS_MIGRATION_DELETE_OLD_OBJECTS is not true";
  const row = await env.DB.prepare(UNMIGRATED_SQL).first<{ unmigrated: number; failed: number }>();
  const { unmigrated = 0, failed = 0 } = row ?? {};
  return unmigrated > 0 ? `${unmigrated - failed} rows pending and ${failed} failed` : null;
}

/**
 * One budgeted step of the legacy cleanup. It walks parts/ a page at a time
 * and deletes a legacy object only when its row is migrated and the blob the
 * row points at has the object's size: cas_size (recorded by the migration)
 * answers that from the listing; only rows migrated before cas_size existed
 * cost an R2 head. Objects no row names are kept and counted; nothing under
 * cas/ is touched.
 */
export async function cleanupLegacy(env: Env, options: PassOptions, blockedBy: string | null): Promise<CleanupProgress> {
  const extra = { deleted_ids: [] as number[], kept_unverified: 0, kept_unreferenced: 0 };
  const dryRun = options.dryRun || blockedBy !== null;
  const progress = await runPass(env, "cleanup", { ...options, dryRun }, async (_pass, startAfter, limit) => {
    const page = await env.BUCKET.list({ prefix: LEGACY_PREFIX, startAfter: startAfter ?? undefined, limit });
    const objects = page.objects.filter((o) => LEGACY_KEY.test(o.key));
    const rows = await rowsOf(
      env.DB,
      objects.map((o) => o.key),
    );
    const doomed: Array<{ key: string; id: number }> = [];
    const unsized: Array<{ key: string; id: number; size: number; hash: ContentHash }> = [];
    for (const object of objects) {
      const row = rows.get(object.key);
      if (!row) extra.kept_unreferenced++;
      else if (!row.sha256 || !isContentHash(row.sha256)) extra.kept_unverified++;
      else if (row.cas_size === null) unsized.push({ key: object.key, id: row.id, size: object.size, hash: row.sha256 });
      else if (row.cas_size === object.size) doomed.push({ key: object.key, id: row.id });
      else extra.kept_unverified++;
    }
    for (const verified of await verifyByHead(env.BUCKET, unsized)) {
      if (verified.ok) doomed.push(verified);
      else extra.kept_unverified++;
    }
    if (!dryRun)
      await deleteKeys(
        env.BUCKET,
        doomed.map((d) => d.key),
      );
    extra.deleted_ids.push(...doomed.map((d) => d.id));
    return {
      lastKey: page.objects.at(-1)?.key ?? null,
      more: page.truncated,
      scanned: page.objects.length,
      deleted: doomed.length,
      kept: page.objects.length - doomed.length,
    };
  });
  return { ...progress, dry_run: dryRun, blocked_by: blockedBy, ...extra };
}

async function rowsOf(db: D1Database, keys: string[]): Promise<Map<string, LegacyRowRef>> {
  if (keys.length === 0) return new Map();
  const statements: D1PreparedStatement[] = [];
  for (let i = 0; i < keys.length; i += 100) {
    const chunk = keys.slice(i, i + 100);
    statements.push(db.prepare(rowsByLegacyKeySql(chunk.length)).bind(...chunk));
  }
  const results = await db.batch<LegacyRowRef>(statements);
  return new Map(results.flatMap((r) => r.results).map((row) => [row.legacy_key, row]));
}

async function verifyByHead(bucket: R2Bucket, objects: Array<{ key: string; id: number; size: number; hash: ContentHash }>) {
  const out: Array<{ key: string; id: number; ok: boolean }> = [];
  for (let i = 0; i < objects.length; i += PARALLEL_HEADS) {
    const chunk = objects.slice(i, i + PARALLEL_HEADS);
    const heads = await Promise.all(chunk.map((o) => bucket.head(blobKey(o.hash))));
    chunk.forEach((o, j) => {
      out.push({ key: o.key, id: o.id, ok: heads[j]?.size === o.size });
    });
  }
  return out;
}
