import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { contentHash, STAGING_PREFIX } from "../../src/blobs/keys";
import { BUFFER_LIMIT, store } from "../../src/blobs/store";
import { randomBytes, sha256 } from "../support/blobs";
import { readRest, watchedBody } from "../support/streams";

const hashOf = async (bytes: Uint8Array) => contentHash.parse(await sha256(bytes));
const chunks = (n: number, size: number) => Array.from({ length: n }, () => randomBytes(size));
const nothingAt = async (hash: string) => (await env.BUCKET.head(`cas/${hash}`)) === null;

describe("store() refuses", () => {
  it("a declared length over the limit with a 413, before reading a byte", async () => {
    const { body, pulled, cancelled } = watchedBody(chunks(4, 1024));
    await expect(store(env.BUCKET, env.DB, { body, length: 4096, maxBytes: 4095 })).rejects.toMatchObject({ code: "payload_too_large" });
    expect(pulled()).toBe(0);
    expect(cancelled()).toBe(false);
  });

  it("a stream with no length (R2 must know it first) with a 411", async () => {
    const { body } = watchedBody(chunks(1, 10));
    await expect(store(env.BUCKET, env.DB, { body })).rejects.toMatchObject({ code: "length_required" });
  });

  it("a length but no body", async () => {
    await expect(store(env.BUCKET, env.DB, { body: null, length: 10 })).rejects.toMatchObject({ code: "invalid_body" });
  });

  it("bytes that do not hash to the declared hash, storing nothing", async () => {
    const claimed = await hashOf(randomBytes(100));
    const { body } = watchedBody(chunks(2, 50));
    await expect(store(env.BUCKET, env.DB, { body, length: 100, hash: claimed })).rejects.toMatchObject({ code: "digest_mismatch" });
    expect(await nothingAt(claimed)).toBe(true);
  });

  it("a declared length that differs from the stored blob's, before reading a byte", async () => {
    const bytes = randomBytes(100);
    const hash = await hashOf(bytes);
    await store(env.BUCKET, env.DB, { body: bytes });
    const { body, pulled } = watchedBody(chunks(2, 100));
    await expect(store(env.BUCKET, env.DB, { body, length: 200, hash })).rejects.toMatchObject({ code: "digest_mismatch" });
    expect(pulled()).toBe(0);
  });

  it.each([
    ["with a declared hash", true, 4000],
    ["hashed in memory", false, 4000],
    ["staged", false, BUFFER_LIMIT + 4000],
  ])("a body shorter than declared (%s), storing nothing", async (_, declared, length) => {
    const whole = randomBytes(length);
    const { body } = watchedBody([whole.slice(0, length - 1000)]);
    const hash = declared ? await hashOf(whole) : undefined;
    await expect(store(env.BUCKET, env.DB, { body, length, hash })).rejects.toMatchObject({ code: "invalid_body" });
    expect(await nothingAt(await sha256(whole))).toBe(true);
    expect((await env.BUCKET.list({ prefix: STAGING_PREFIX })).objects).toEqual([]);
  });
});

/**
 * A body longer than its declared length is refused at the first byte too
 * many, and the rest is left in the request: the HTTP layer reads it so the
 * client gets its 400 and the connection can carry the next request. A
 * cancelled body would lose those bytes under it.
 */
describe("a body longer than declared is let go of, not cancelled", () => {
  it.each([
    ["with a declared hash", true, 4096],
    ["hashed in memory", false, 4096],
    ["staged", false, BUFFER_LIMIT + 4096],
  ])("%s", async (_, declared, length) => {
    const size = 64 * 1024;
    const pieces = chunks(Math.ceil(length / size) + 3, size);
    const { body, cancelled, pulled } = watchedBody(pieces);
    const hash = declared ? await hashOf(randomBytes(length)) : undefined;

    await expect(store(env.BUCKET, env.DB, { body, length, hash })).rejects.toMatchObject({ code: "invalid_body" });

    expect(cancelled()).toBe(false);
    const unread = (pieces.length - pulled()) * size;
    expect(unread).toBeGreaterThan(0);
    expect(await readRest(body)).toBe(unread);
    expect((await env.BUCKET.list({ prefix: STAGING_PREFIX })).objects).toEqual([]);
  });
});
