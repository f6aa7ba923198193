/**
 * Fills a local D1/R2 state with pre-CAS rows: a part per 20 attachments,
 * objects at parts/{part_id}/attachments/{uuid}.{ext}, mixed sizes, some
 * duplicate contents and (optionally) rows whose object is missing.
 * Writes through wrangler's getPlatformProxy, so it lands in the same
 * files `wrangler dev --persist-to` uses.
 */
import { randomBytes, randomUUID } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { D1Database, D1PreparedStatement, R2Bucket } from "@cloudflare/workers-types/index.ts";
import { getPlatformProxy, unstable_readConfig } from "wrangler";
import "./process.ts";

export interface SeedOptions {
  /** Directory passed to `wrangler dev --persist-to` (the proxy adds v3/). */
  persistTo: string;
  /** Defaults to the project's wrangler.toml; a config without D1 gets objects only. */
  configPath?: string;
  count: number;
  duplicateShare: number;
  missing: number;
  onProgress?: (done: number) => void;
}

const KINDS = [
  { ext: "jpg", type: "image/jpeg", attachmentType: "image" },
  { ext: "pdf", type: "application/pdf", attachmentType: "pdf" },
  { ext: "bin", type: "application/octet-stream", attachmentType: "file" },
] as const;

/** Mostly small files, some medium, a few large, as attachments are. */
function sizeFor(i: number): number {
  const r = (i * 2654435761) % 100;
  if (r < 70) return 1024 + ((i * 7919) % 50_000);
  if (r < 95) return 50_000 + ((i * 104729) % 450_000);
  return 1_000_000 + ((i * 15485863) % 1_000_000);
}

/**
 * The config's storage bindings alone, in a temporary file. The platform proxy
 * does not load the worker, so with the full config it warns that the worker's
 * Durable Object class (MigrationLock) is not exported; the seed needs no DO.
 * Same bucket name and database id, so the same local files are written.
 */
function storageOnlyConfig(configPath: string): { path: string; dispose: () => void } {
  const config = unstable_readConfig({ config: configPath }, { hideWarnings: true });
  const dir = mkdtempSync(join(tmpdir(), "cas-edge-seed-"));
  const path = join(dir, "wrangler.json");
  const { name, compatibility_date, r2_buckets, d1_databases } = config;
  writeFileSync(path, JSON.stringify({ name, compatibility_date, r2_buckets, d1_databases }));
  return { path, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

export async function seedLegacy(options: SeedOptions) {
  const config = storageOnlyConfig(options.configPath ?? "wrangler.toml");
  const proxy = await getPlatformProxy<{ BUCKET: R2Bucket; DB?: D1Database }>({
    configPath: config.path,
    persist: { path: resolve(options.persistTo, "v3") },
  });
  const { BUCKET, DB } = proxy.env;
  try {
    const n = DB ? (await DB.prepare("SELECT COALESCE(MAX(id), 0) AS n FROM parts").first<{ n: number }>())!.n : 0;
    let partId = n;
    const bodies: Buffer[] = [];
    let bytes = 0;
    let statements: D1PreparedStatement[] = [];
    for (let i = 0; i < options.count; i++) {
      if (i % 20 === 0) {
        partId++;
        if (DB)
          statements.push(DB.prepare("INSERT INTO parts (id, key, name) VALUES (?1, ?2, ?3)").bind(partId, `seed${partId}`, `Seeded part ${partId}`));
      }
      const kind = KINDS[i % KINDS.length]!;
      const key = `parts/${partId}/attachments/${randomUUID()}.${kind.ext}`;
      const duplicate = bodies.length > 0 && i % Math.round(1 / options.duplicateShare) === 0;
      const body = duplicate ? bodies[i % bodies.length]! : randomBytes(sizeFor(i));
      if (!duplicate && bodies.length < 50) bodies.push(body);
      const missing = i < options.missing;
      if (!missing) {
        // A plain Uint8Array: pooled Buffers do not survive the proxy's serialisation.
        await BUCKET.put(key, new Uint8Array(body));
        bytes += body.length;
      }
      if (DB)
        statements.push(
          DB.prepare(
            `INSERT INTO part_attachments (part_key, attachment_type, title, filename, content_type, size, legacy_key)
           VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)`,
          ).bind(`seed${partId}`, kind.attachmentType, `Seeded ${i}`, `file-${i}.${kind.ext}`, kind.type, body.length, key),
        );
      if (DB && statements.length >= 50) {
        await DB.batch(statements);
        statements = [];
      }
      options.onProgress?.(i + 1);
    }
    if (DB && statements.length > 0) await DB.batch(statements);
    return { rows: options.count, bytes, missing: options.missing };
  } finally {
    await proxy.dispose();
    config.dispose();
  }
}
