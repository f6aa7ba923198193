import { env } from "cloudflare:test";
import { beforeEach, describe, expect, it } from "vitest";
import { moveVisibility } from "../../src/housekeeping/visibility";
import { putRequest, randomBytes, sha256 } from "../support/blobs";
import { coredumpRow, putBlob, resetStore, rowVisibility, step } from "../support/housekeeping";
import { fetchWith } from "../support/worker";

beforeEach(resetStore);

/**
 * A public PUT of the bytes a coredump names, from another request: it
 * claims the hash and deduplicates against the public copy the pass is about
 * to delete. A real upload runs in another isolate with the clock moving on;
 * here the pause makes sure its claim falls in a later millisecond than the
 * pass's own, as it would.
 */
async function publicUpload(hash: string, bytes: Uint8Array): Promise<Response> {
  await new Promise((resolve) => setTimeout(resolve, 5));
  return fetchWith(putRequest(hash, bytes));
}

/** The D1 binding, with `before` run when a statement whose SQL matches `pattern` is run. */
function dbInterleaving(pattern: RegExp, before: () => Promise<void>): D1Database {
  const watched = (statement: D1PreparedStatement): D1PreparedStatement =>
    new Proxy(statement, {
      get(s, p) {
        const v = Reflect.get(s, p);
        if (typeof v !== "function") return v;
        if (p === "bind") return (...args: unknown[]) => watched(v.apply(s, args));
        if (p !== "run" && p !== "all" && p !== "first") return v.bind(s);
        return async (...args: unknown[]) => {
          await before();
          return v.apply(s, args);
        };
      },
    });
  return new Proxy(env.DB, {
    get(target, prop) {
      const value = Reflect.get(target, prop);
      if (prop !== "prepare") return typeof value === "function" ? value.bind(target) : value;
      return (sql: string) => (pattern.test(sql) ? watched(target.prepare(sql)) : target.prepare(sql));
    },
  });
}

/** The R2 binding, with `before` run when the pass writes the private copy of `hash`. */
function bucketInterleaving(hash: string, before: () => Promise<void>): R2Bucket {
  return new Proxy(env.BUCKET, {
    get(target, prop) {
      const value = Reflect.get(target, prop);
      if (prop !== "put") return typeof value === "function" ? value.bind(target) : value;
      return async (key: string, ...rest: unknown[]) => {
        if (key === `private/cas/${hash}`) await before();
        return (target.put as (...a: unknown[]) => unknown)(key, ...rest);
      };
    },
  });
}

async function oldPublicCoredump(): Promise<{ hash: string; bytes: Uint8Array; row: number }> {
  const bytes = randomBytes(4096);
  const hash = await sha256(bytes);
  await putBlob(hash, "public", bytes);
  return { hash, bytes, row: await coredumpRow(hash) };
}

/** The pass moves a row, then deletes the source copy: an upload in between must keep that copy. */
describe("the visibility pass racing a public upload of the same bytes", () => {
  it("an upload that claims the hash while the row is being moved keeps the public copy", async () => {
    const { hash, bytes, row } = await oldPublicCoredump();
    let during: Response | undefined;
    const db = dbInterleaving(/^UPDATE coredumps SET blob_visibility/, async () => {
      during ??= await publicUpload(hash, bytes);
    });

    const result = await moveVisibility({ ...env, DB: db }, step());

    expect(during!.status).toBe(200);
    expect(result).toMatchObject({ moved: [`coredumps:${row}`], copied: 1, kept_source: 1, deleted: 0 });
    expect(await rowVisibility("coredumps", row)).toBe("private");
    expect(await env.BUCKET.head(`cas/${hash}`)).not.toBeNull();
    expect(await env.BUCKET.head(`private/cas/${hash}`)).not.toBeNull();
  });

  it("an upload that claims the hash while the pass copies the bytes keeps the public copy", async () => {
    const { hash, bytes, row } = await oldPublicCoredump();
    let during: Response | undefined;
    const bucket = bucketInterleaving(hash, async () => {
      during ??= await publicUpload(hash, bytes);
    });

    const result = await moveVisibility({ ...env, BUCKET: bucket }, step());

    expect(during!.status).toBe(200);
    expect(result).toMatchObject({ moved: [`coredumps:${row}`], kept_source: 1, deleted: 0 });
    expect(new Uint8Array(await (await env.BUCKET.get(`cas/${hash}`))!.arrayBuffer())).toEqual(bytes);
  });

  it("an upload that claimed the hash since the pass's cutoff, before the pass reached the row, keeps the public copy", async () => {
    const { hash, bytes, row } = await oldPublicCoredump();
    const mark = Date.now();
    expect((await fetchWith(putRequest(hash, bytes))).status).toBe(200);

    const result = await moveVisibility(env, step({ now: mark, graceHours: 0 }));

    expect(result).toMatchObject({ moved: [`coredumps:${row}`], kept_source: 1, deleted: 0 });
    expect(await env.BUCKET.head(`cas/${hash}`)).not.toBeNull();
  });

  it("with no upload in the way, the same move deletes the public copy (the cases above are the race, not the setup)", async () => {
    const { hash, row } = await oldPublicCoredump();
    const db = dbInterleaving(/^UPDATE coredumps SET blob_visibility/, async () => {
      await new Promise((resolve) => setTimeout(resolve, 5));
    });

    const result = await moveVisibility({ ...env, DB: db }, step());

    expect(result).toMatchObject({ moved: [`coredumps:${row}`], kept_source: 0, deleted: 1 });
    expect(await env.BUCKET.head(`cas/${hash}`)).toBeNull();
  });
});
