import { env, SELF } from "cloudflare:test";
import { OLD_STAGING_PREFIX, STAGING_PREFIX } from "../../src/blobs/keys";
import type { PassOptions } from "../../src/housekeeping/pass";
import { ORIGIN } from "./blobs";

export const DAY = 24 * 3_600_000;

/** Options of one real (not dry) step with no budget in the way; `now` two days ahead makes every blob old. */
export function step(overrides: Partial<PassOptions> = {}): PassOptions {
  return { dryRun: false, budgetMs: 60_000, maxObjects: 1_000_000, restMs: 0, graceHours: 24, now: Date.now() + 2 * DAY, ...overrides };
}

export const admin = (path: string, method = "GET", token = "test-admin-token") =>
  SELF.fetch(`${ORIGIN}/api/admin${path}`, { method, headers: { Authorization: `Bearer ${token}` } });

async function deletePrefix(prefix: string): Promise<void> {
  for (;;) {
    const page = await env.BUCKET.list({ prefix, limit: 1000 });
    if (page.objects.length === 0) return;
    await env.BUCKET.delete(page.objects.map((o) => o.key));
  }
}

/** Storage is shared by the tests of one file: each housekeeping test starts from an empty store. */
export async function resetStore(): Promise<void> {
  for (const prefix of ["cas/", "thumbnails/", "parts/", STAGING_PREFIX, OLD_STAGING_PREFIX]) await deletePrefix(prefix);
  await env.DB.batch([
    env.DB.prepare("DELETE FROM housekeeping_passes"),
    env.DB.prepare("DELETE FROM blob_claims"),
    env.DB.prepare("DELETE FROM migration_failures"),
    env.DB.prepare("DELETE FROM migration_runs"),
    env.DB.prepare("DELETE FROM part_attachments"),
    env.DB.prepare("DELETE FROM parts"),
  ]);
}

/** Puts a blob straight into R2 (no claim), as an old upload whose claim has long expired would look. */
export async function putOrphan(hash: string, body: string | Uint8Array = "orphan"): Promise<void> {
  await env.BUCKET.put(`cas/${hash}`, body);
}

export async function referenceFromRow(hash: string): Promise<void> {
  const key = `hk${crypto.randomUUID().slice(0, 8)}`;
  await env.DB.batch([
    env.DB.prepare("INSERT INTO parts (key, name) VALUES (?1, 'p')").bind(key),
    env.DB.prepare("INSERT INTO part_attachments (part_key, attachment_type, title, sha256) VALUES (?1, 'file', 't', ?2)").bind(key, hash),
  ]);
}

/** A fake but well-formed hash that sorts by `n`, so tests can reason about key order. */
export function fakeHash(n: number, prefix = "a"): string {
  return (prefix + n.toString(16).padStart(8, "0")).padEnd(64, "0");
}
