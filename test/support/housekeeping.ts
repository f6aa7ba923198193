import { env, SELF } from "cloudflare:test";
import { OLD_STAGING_PREFIX, PRIVATE_PREFIX, STAGING_PREFIX } from "../../src/blobs/keys";
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
  for (const prefix of ["cas/", "thumbnails/", "parts/", PRIVATE_PREFIX, STAGING_PREFIX, OLD_STAGING_PREFIX]) await deletePrefix(prefix);
  await env.DB.batch([
    env.DB.prepare("DELETE FROM coredumps"),
    env.DB.prepare("DELETE FROM firmware_artifacts"),
    env.DB.prepare("DELETE FROM firmware_versions"),
    env.DB.prepare("DELETE FROM devices"),
    env.DB.prepare("DELETE FROM device_models"),
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

/** A part with one attachment naming `hash`; a private part's row reads the private copy unless `visibility` says otherwise. */
export async function referenceFromRow(hash: string, options: { private?: boolean; visibility?: "public" | "private" } = {}): Promise<number> {
  const key = `hk${crypto.randomUUID().slice(0, 8)}`;
  const visibility = options.visibility ?? (options.private ? "private" : "public");
  const [, inserted] = await env.DB.batch<{ id: number }>([
    env.DB.prepare("INSERT INTO parts (key, name, private) VALUES (?1, 'p', ?2)").bind(key, options.private ? 1 : 0),
    env.DB.prepare(
      "INSERT INTO part_attachments (part_key, attachment_type, title, sha256, blob_visibility) VALUES (?1, 'file', 't', ?2, ?3) RETURNING id",
    ).bind(key, hash, visibility),
  ]);
  return inserted!.results[0]!.id;
}

/** Puts a blob straight into a space of R2 (no claim). */
export async function putBlob(hash: string, space: "public" | "private", body: string | Uint8Array = "orphan"): Promise<void> {
  await env.BUCKET.put(space === "private" ? `private/cas/${hash}` : `cas/${hash}`, body);
}

/** A fake but well-formed hash that sorts by `n`, so tests can reason about key order. */
export function fakeHash(n: number, prefix = "a"): string {
  return (prefix + n.toString(16).padStart(8, "0")).padEnd(64, "0");
}

/** A coredump row naming `hash` (its device and model made on the way), reading the copy `visibility` says. */
export async function coredumpRow(hash: string, visibility: "public" | "private" = "public"): Promise<number> {
  const key = `hk${crypto.randomUUID().slice(0, 8)}`;
  const [, , inserted] = await env.DB.batch<{ id: number }>([
    env.DB.prepare("INSERT INTO device_models (key, name) VALUES (?1, 'm')").bind(key),
    env.DB.prepare("INSERT INTO devices (key, model_key) VALUES (?1, ?1)").bind(key),
    env.DB.prepare("INSERT INTO coredumps (device_key, sha256, size, blob_visibility) VALUES (?1, ?2, 1, ?3) RETURNING id").bind(
      key,
      hash,
      visibility,
    ),
  ]);
  return inserted!.results[0]!.id;
}

/** A firmware version with one artifact naming `hash`; answers the artifact's rowid. */
export async function firmwareArtifactRow(hash: string, visibility: "public" | "private" = "public"): Promise<number> {
  const key = `hk${crypto.randomUUID().slice(0, 8)}`;
  const [, version] = await env.DB.batch<{ id: number }>([
    env.DB.prepare("INSERT INTO device_models (key, name) VALUES (?1, 'm')").bind(key),
    env.DB.prepare(
      "INSERT INTO firmware_versions (model_key, version, project_name, idf_ver, build_date, build_time, app_elf_sha256) VALUES (?1, '1.0', 'p', 'v5', 'd', 't', ?2) RETURNING id",
    ).bind(key, "0".repeat(64)),
  ]);
  const row = await env.DB.prepare(
    "INSERT INTO firmware_artifacts (firmware_id, name, kind, sha256, size, blob_visibility) VALUES (?1, 'app.elf', 'elf', ?2, 1, ?3) RETURNING rowid AS id",
  )
    .bind(version!.results[0]!.id, hash, visibility)
    .first<{ id: number }>();
  return row!.id;
}

/** The copy a row reads. */
export async function rowVisibility(table: "coredumps" | "firmware_artifacts" | "part_attachments", id: number): Promise<string | undefined> {
  const row = await env.DB.prepare(`SELECT blob_visibility FROM ${table} WHERE rowid = ?1`).bind(id).first<{ blob_visibility: string }>();
  return row?.blob_visibility;
}
