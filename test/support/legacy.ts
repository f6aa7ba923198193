import { env } from "cloudflare:test";
import { migrationLock } from "../../src/migration/lock";
import { randomBytes } from "./blobs";

let nextPartId = 100_000 + Math.floor(Math.random() * 1_000_000);

/**
 * A part with rows as they were before CAS: legacy_key set, sha256 null, the bytes at the legacy key.
 * `private` marks the part private, as a PATCH would have since.
 */
export async function seedLegacyPart(files: Array<{ bytes?: Uint8Array | null; type?: string }>, opts: { private?: boolean } = {}) {
  const partId = nextPartId++;
  const key = `legacy${partId}`;
  await env.DB.prepare("INSERT INTO parts (id, key, name, private) VALUES (?1, ?2, 'legacy part', ?3)")
    .bind(partId, key, opts.private ? 1 : 0)
    .run();
  const rows: Array<{ id: number; legacyKey: string; bytes: Uint8Array | null }> = [];
  for (const file of files) {
    const legacyKey = `parts/${partId}/attachments/${crypto.randomUUID()}.bin`;
    const bytes = file.bytes === undefined ? randomBytes(1000) : file.bytes;
    if (bytes !== null) await env.BUCKET.put(legacyKey, bytes);
    const type = file.type ?? "application/octet-stream";
    const inserted = await env.DB.prepare(
      `INSERT INTO part_attachments (part_key, attachment_type, title, filename, content_type, size, legacy_key)
       VALUES (?1, ?2, 'old file', 'old.bin', ?3, ?4, ?5) RETURNING id`,
    )
      .bind(key, type.startsWith("image/") ? "image" : "file", type, bytes?.length ?? 0, legacyKey)
      .first<{ id: number }>();
    rows.push({ id: inserted!.id, legacyKey, bytes });
  }
  return { key, partId, rows };
}

export async function rowHash(id: number): Promise<string | null> {
  return (await env.DB.prepare("SELECT sha256 FROM part_attachments WHERE id = ?1").bind(id).first<{ sha256: string | null }>())?.sha256 ?? null;
}

/** Forgets every legacy row, legacy object and all migration state, so each test starts from its own rows. */
export async function resetMigrationState(): Promise<void> {
  const legacy = await env.BUCKET.list({ prefix: "parts/" });
  if (legacy.objects.length > 0) await env.BUCKET.delete(legacy.objects.map((o) => o.key));
  await env.DB.batch([
    env.DB.prepare("DELETE FROM migration_failures"),
    env.DB.prepare("DELETE FROM migration_runs"),
    env.DB.prepare("DELETE FROM part_attachments WHERE legacy_key IS NOT NULL"),
  ]);
}

/** Ends whatever lease the migration lock holds, so a test starts with no batch running. */
export async function releaseMigrationLock(): Promise<void> {
  const lease = await migrationLock(env).status();
  if (lease) await migrationLock(env).release(lease.owner, lease.token);
}
