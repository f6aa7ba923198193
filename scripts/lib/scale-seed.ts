/**
 * Fills a local D1/R2 state at scale for the housekeeping passes: `objects`
 * R2 objects (three quarters blobs under cas/, a quarter legacy objects under
 * parts/ already migrated) and `rows` attachment rows. Half the blobs are
 * named by rows (many rows share a blob, as copies do); the other half are
 * orphans for GC. Every legacy object's row points at a blob of the same size
 * with cas_size recorded, so cleanup may delete it. Writes through wrangler's
 * getPlatformProxy into the files `wrangler dev --persist-to` uses.
 *
 * growCatalog, below, grows the parts and attachments alone (no blobs) to a
 * million parts, for the listing and search benchmarks.
 */
import { createHash, randomBytes, randomUUID } from "node:crypto";
import type { D1Database, D1PreparedStatement, R2Bucket } from "@cloudflare/workers-types/index.ts";
import { getPlatformProxy } from "wrangler";
import { attachmentFor, type CatalogPart, partFor } from "./scale-catalog.ts";

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

export interface GrowOptions {
  persistTo: string;
  /** Parts and attachments the state should hold when done; rows already there count. */
  parts: number;
  attachments: number;
  onProgress?: (done: { parts: number; attachments: number }) => void;
}

export interface Grown {
  parts: number;
  attachments: number;
  addedParts: number;
  addedAttachments: number;
  seconds: number;
}

/** Rows per INSERT … json_each(?): a few hundred kB of JSON, under D1's 2 MB per string or row. */
const ROWS_PER_STATEMENT = 2_000;
/** Statements per batch: one round trip through the proxy, one transaction. */
const STATEMENTS_PER_BATCH = 10;

/**
 * Grows a local state to `parts` parts and `attachments` attachments of the
 * made-up catalog (scale-catalog.ts), adding rows after those already there:
 * part i and attachment j are the same whichever run adds them. New
 * attachments go to the new parts, evenly; with no new parts, across the
 * parts already there. Writes through getPlatformProxy's D1, many thousand
 * rows a round trip as JSON parameters, into the files `wrangler dev
 * --persist-to` reads, with every index and constraint the API's own writes meet.
 */
export async function growCatalog(options: GrowOptions): Promise<Grown> {
  const proxy = await getPlatformProxy<{ DB: D1Database }>({ configPath: "wrangler.toml", persist: { path: `${options.persistTo}/v3` } });
  try {
    return await growInto(proxy.env.DB, options);
  } finally {
    await proxy.dispose();
  }
}

/** growCatalog on a D1 binding the caller holds (and keeps, for reading the state afterwards). */
export async function growInto(DB: D1Database, options: Omit<GrowOptions, "persistTo">): Promise<Grown> {
  const started = performance.now();
  const count = async (table: string) => (await DB.prepare(`SELECT count(*) AS n FROM ${table}`).first<{ n: number }>())!.n;
  const haveParts = await count("parts");
  const haveAttachments = await count("part_attachments");
  const newParts = Math.max(0, options.parts - haveParts);
  const newAttachments = Math.max(0, options.attachments - haveAttachments);
  const owners = newParts > 0 ? (n: number) => partFor(haveParts + Math.floor((n * newParts) / newAttachments)) : await existingOwners(DB, haveParts);
  let parts = 0;
  let attachments = 0;
  const insertParts = DB.prepare(
    "INSERT INTO parts (key, name, description) SELECT value ->> 'key', value ->> 'name', value ->> 'description' FROM json_each(?1)",
  );
  const insertAttachments = DB.prepare(
    `INSERT INTO part_attachments (part_key, attachment_type, title, filename, content_type, size, sha256, url, attributes)
     SELECT value ->> 'part_key', value ->> 'attachment_type', value ->> 'title', value ->> 'filename', value ->> 'content_type',
            value ->> 'size', value ->> 'sha256', value ->> 'url', value ->> 'attributes' FROM json_each(?1)`,
  );
  // Parts first (attachments name them: a foreign key), then attachments, each in batches.
  while (parts < newParts || attachments < newAttachments) {
    const statements: D1PreparedStatement[] = [];
    while (statements.length < STATEMENTS_PER_BATCH && parts < newParts) {
      const rows = Array.from({ length: Math.min(ROWS_PER_STATEMENT, newParts - parts) }, (_, i) => partFor(haveParts + parts + i));
      statements.push(insertParts.bind(JSON.stringify(rows)));
      parts += rows.length;
    }
    while (statements.length < STATEMENTS_PER_BATCH && parts === newParts && attachments < newAttachments) {
      const rows = Array.from({ length: Math.min(ROWS_PER_STATEMENT, newAttachments - attachments) }, (_, i) => {
        const n = attachments + i;
        return attachmentFor(haveAttachments + n, owners(n));
      });
      statements.push(insertAttachments.bind(JSON.stringify(rows)));
      attachments += rows.length;
    }
    await DB.batch(statements);
    options.onProgress?.({ parts: haveParts + parts, attachments: haveAttachments + attachments });
  }
  return {
    parts: haveParts + newParts,
    attachments: haveAttachments + newAttachments,
    addedParts: newParts,
    addedAttachments: newAttachments,
    seconds: (performance.now() - started) / 1000,
  };
}

/** With no new parts, attachment n goes to the (n mod count)th part already there, in id order. */
async function existingOwners(DB: D1Database, count: number): Promise<(n: number) => CatalogPart> {
  if (count === 0) throw new Error("no parts to attach to: grow --parts as well");
  const { results } = await DB.prepare("SELECT key, name, description FROM parts ORDER BY id").all<CatalogPart>();
  return (n) => results[n % results.length]!;
}
