import { env } from "cloudflare:test";
import { beforeEach, describe, expect, it } from "vitest";
import { collectGarbage } from "../../src/housekeeping/gc";
import { type AttachmentJson, createPart } from "../support/api";
import { ORIGIN, putRequest, randomBytes, sha256 } from "../support/blobs";
import { putOrphan, resetStore, step } from "../support/housekeeping";
import { fetchWith } from "../support/worker";

beforeEach(resetStore);

/** A deduplicating upload of `bytes` to a part, through the worker entry with the real bindings. */
function uploadRequest(key: string, bytes: Uint8Array, hash: string): Request {
  return new Request(`${ORIGIN}/api/parts/${key}/attachments?filename=race.bin`, {
    method: "POST",
    body: bytes,
    headers: { Authorization: "Bearer test-api-token", "Content-Length": String(bytes.length), "X-Content-SHA256": hash },
  });
}

/** The R2 binding, with `before` run when GC calls delete, before the delete reaches R2. */
function bucketInterleaving(before: (keys: string[]) => Promise<void>): R2Bucket {
  return new Proxy(env.BUCKET, {
    get(target, prop) {
      const value = Reflect.get(target, prop);
      if (prop !== "delete") return typeof value === "function" ? value.bind(target) : value;
      return async (keys: string | string[]) => {
        await before(Array.isArray(keys) ? keys : [keys]);
        return target.delete(keys);
      };
    },
  });
}

const rowsNaming = async (hash: string) =>
  (await env.DB.prepare("SELECT COUNT(*) AS n FROM part_attachments WHERE sha256 = ?1").bind(hash).first<{ n: number }>())!.n;

/**
 * GC decides which blobs to delete, then deletes them: an upload that dedups
 * against one of them in between would end up pointing at nothing. These
 * tests run that upload exactly in between, inside GC's delete call.
 */
describe("GC racing an upload of the same bytes", () => {
  it("an upload that dedups while GC deletes answers 503 and writes no row; its retry stores the bytes", async () => {
    const bytes = randomBytes(2048);
    const hash = await sha256(bytes);
    await putOrphan(hash, bytes);
    const { key } = await createPart();
    let during: Response | undefined;
    const bucket = bucketInterleaving(async (keys) => {
      if (keys.includes(`cas/${hash}`)) during = await fetchWith(uploadRequest(key, bytes, hash));
    });

    const gc = await collectGarbage({ ...env, BUCKET: bucket }, step({ now: Date.now(), graceHours: 0 }));

    expect(gc.collected).toEqual([hash]);
    expect(during!.status).toBe(503);
    expect(during!.headers.get("Retry-After")).toBe("5");
    expect(await rowsNaming(hash)).toBe(0);
    expect(await env.BUCKET.head(`cas/${hash}`)).toBeNull();

    const retry = await fetchWith(uploadRequest(key, bytes, hash));
    expect(retry.status).toBe(201);
    expect(new Uint8Array(await (await env.BUCKET.get(`cas/${hash}`))!.arrayBuffer())).toEqual(bytes);
    expect(await rowsNaming(hash)).toBe(1);
  });

  it("an upload that arrives while GC deletes waits for the delete, then stores its own bytes", async () => {
    const bytes = randomBytes(2048);
    const hash = await sha256(bytes);
    await putOrphan(hash, bytes);
    const { key } = await createPart();
    let upload: Promise<Response> | undefined;
    const bucket = bucketInterleaving(async (keys) => {
      if (!keys.includes(`cas/${hash}`)) return;
      upload = fetchWith(uploadRequest(key, bytes, hash));
      // Let the upload claim the blob (and find it condemned) before GC's delete goes on.
      for (
        let i = 0;
        i < 50 &&
        (await env.DB.prepare("SELECT claimed_at FROM blob_claims WHERE hash = ?1").bind(hash).first<{ claimed_at: number }>())!.claimed_at === 0;
        i++
      ) {
        await new Promise((r) => setTimeout(r, 10));
      }
    });

    const gc = await collectGarbage({ ...env, BUCKET: bucket }, step({ now: Date.now(), graceHours: 0 }));
    const res = await upload!;

    expect(gc.collected).toEqual([hash]);
    expect(res.status).toBe(201);
    const row = (await res.json()) as AttachmentJson;
    expect(row.download_url).toContain(hash);
    expect(new Uint8Array(await (await env.BUCKET.get(`cas/${hash}`))!.arrayBuffer())).toEqual(bytes);
  });

  it("a PUT that claims the blob between GC's listing and its decision keeps it, with no row at all", async () => {
    const bytes = randomBytes(2048);
    const hash = await sha256(bytes);
    await putOrphan(hash, bytes);
    const mark = Date.now();
    let during: Response | undefined;
    const bucket = new Proxy(env.BUCKET, {
      get(target, prop) {
        const value = Reflect.get(target, prop);
        if (prop !== "list") return typeof value === "function" ? value.bind(target) : value;
        return async (options: R2ListOptions) => {
          const page = await target.list(options);
          if (options.prefix === "cas/" && !during) during = await fetchWith(putRequest(hash, bytes));
          return page;
        };
      },
    });

    const gc = await collectGarbage({ ...env, BUCKET: bucket }, step({ now: mark, graceHours: 0 }));

    expect(during!.status).toBe(200);
    expect(gc).toMatchObject({ collected: [], kept_in_use: 1 });
    expect(await env.BUCKET.head(`cas/${hash}`)).not.toBeNull();
    expect(await rowsNaming(hash)).toBe(0);
  });

  it("clears a condemnation left by a GC run that died before deleting, so uploads go on", async () => {
    const bytes = randomBytes(512);
    const hash = await sha256(bytes);
    await putOrphan(hash, bytes);
    await env.DB.prepare("INSERT INTO blob_claims (hash, claimed_at, condemned_at) VALUES (?1, 0, ?2)")
      .bind(hash, Date.now() - 3_600_000)
      .run();
    const { key } = await createPart();

    const res = await fetchWith(uploadRequest(key, bytes, hash));

    expect(res.status).toBe(201);
    expect(await env.DB.prepare("SELECT condemned_at FROM blob_claims WHERE hash = ?1").bind(hash).first()).toEqual({ condemned_at: null });
  });
});
