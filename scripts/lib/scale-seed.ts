/**
 * Fills a local D1/R2 state at scale for the housekeeping passes: `objects`
 * R2 objects (three quarters blobs under cas/, a quarter legacy objects under
 * parts/ already migrated) and `rows` attachment rows. Half the blobs are
 * named by rows (many rows share a blob, as copies do); the other half are
 * orphans for GC. Every legacy object's row points at a blob of the same size
 * with cas_size recorded, so cleanup may delete it. Writes through wrangler's
 * getPlatformProxy into the files `wrangler dev --persist-to` uses.
 */
import { createHash, randomBytes, randomUUID } from "node:crypto";
import type { D1Database, R2Bucket } from "@cloudflare/workers-types/index.ts";
import { getPlatformProxy } from "wrangler";

export interface ScaleOptions {
  persistTo: string;
  rows: number;
  objects: number;
  onProgress?: (what: string, done: number, total: number) => void;
}

export interface ScaleSeed {
  rows: number;
  blobs: number;
  orphans: number;
  legacy: number;
}

const PARALLEL_PUTS = 64;

export async function seedScale(options: ScaleOptions): Promise<ScaleSeed> {
  const proxy = await getPlatformProxy<{ BUCKET: R2Bucket; DB: D1Database }>({
    configPath: "wrangler.toml",
    persist: { path: `${options.persistTo}/v3` },
  });
  const { BUCKET, DB } = proxy.env;
  try {
    const legacy = Math.floor(options.objects / 4);
    const blobCount = options.objects - legacy;
    const blobs = Array.from({ length: blobCount }, (_, i) => {
      const bytes = randomBytes(64 + (i % 448));
      return { bytes, hash: createHash("sha256").update(bytes).digest("hex") };
    });
    const referenced = blobs.filter((_, i) => i % 2 === 0);
    await inParallel(
      blobs.length,
      async (i) => BUCKET.put(`cas/${blobs[i]!.hash}`, new Uint8Array(blobs[i]!.bytes)),
      (n) => options.onProgress?.("blobs", n, blobs.length),
    );

    const firstPart = (await DB.prepare("SELECT COALESCE(MAX(id), 0) AS n FROM parts").first<{ n: number }>())!.n + 1;
    const legacyKeys: string[] = [];
    // A thousand rows per statement, as one JSON parameter: the proxy's per-statement cost dominates otherwise.
    for (let from = 0; from < options.rows; from += 1000) {
      const parts: Array<{ id: number; key: string }> = [];
      const attachments: Array<Record<string, unknown>> = [];
      for (let row = from; row < Math.min(options.rows, from + 1000); row++) {
        const partId = firstPart + Math.floor(row / 20);
        if (row % 20 === 0) parts.push({ id: partId, key: `scale${partId}` });
        const blob = referenced[row % referenced.length]!;
        const legacyKey = row < legacy ? `parts/${partId}/attachments/${randomUUID()}.bin` : null;
        if (legacyKey) legacyKeys.push(legacyKey);
        attachments.push({
          part: `scale${partId}`,
          size: blob.bytes.length,
          sha256: blob.hash,
          legacy: legacyKey,
          cas: legacyKey ? blob.bytes.length : null,
        });
      }
      await DB.batch([
        DB.prepare("INSERT INTO parts (id, key, name) SELECT value ->> 'id', value ->> 'key', 'scale' FROM json_each(?1)").bind(
          JSON.stringify(parts),
        ),
        DB.prepare(
          `INSERT INTO part_attachments (part_key, attachment_type, title, size, sha256, legacy_key, cas_size)
           SELECT value ->> 'part', 'file', 'scale', value ->> 'size', value ->> 'sha256', value ->> 'legacy', value ->> 'cas' FROM json_each(?1)`,
        ).bind(JSON.stringify(attachments)),
      ]);
      options.onProgress?.("rows", Math.min(options.rows, from + 1000), options.rows);
    }
    await inParallel(
      legacyKeys.length,
      async (i) => BUCKET.put(legacyKeys[i]!, new Uint8Array(referenced[i % referenced.length]!.bytes)),
      (n) => options.onProgress?.("legacy objects", n, legacyKeys.length),
    );
    return { rows: options.rows, blobs: blobs.length, orphans: blobs.length - referenced.length, legacy: legacyKeys.length };
  } finally {
    await proxy.dispose();
  }
}

async function inParallel(total: number, work: (i: number) => Promise<unknown>, progress: (done: number) => void): Promise<void> {
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < total) {
      await work(next++);
      if (++done % 500 === 0 || done === total) progress(done);
    }
  };
  await Promise.all(Array.from({ length: PARALLEL_PUTS }, worker));
}
