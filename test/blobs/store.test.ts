import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { blobKey, contentHash, STAGING_PREFIX } from "../../src/blobs/keys";
import { openStaging } from "../../src/blobs/staging";
import { BUFFER_LIMIT, type Sniffer, store } from "../../src/blobs/store";
import { randomBytes, sha256 } from "../support/blobs";
import { readRest, watchedBody } from "../support/streams";
import { recordingBucket } from "../support/worker";

const hashOf = async (bytes: Uint8Array) => contentHash.parse(await sha256(bytes));
const inChunks = (bytes: Uint8Array, size = 16 * 1024) =>
  Array.from({ length: Math.ceil(bytes.length / size) }, (_, i) => bytes.slice(i * size, (i + 1) * size));
const stored = async (hash: string) => {
  const object = await env.BUCKET.get(`cas/${hash}`);
  return object && { bytes: new Uint8Array(await object.arrayBuffer()), type: object.httpMetadata?.contentType };
};
const claimedAt = async (hash: string) =>
  (await env.DB.prepare("SELECT claimed_at FROM blob_claims WHERE hash = ?1").bind(hash).first<{ claimed_at: number }>())?.claimed_at;

/** Says "image/x-test" when the bytes start with 0x7f, else what was declared. */
const sniffer: Sniffer = { bytes: 4, resolve: (declared, head) => (head[0] === 0x7f ? "image/x-test" : (declared ?? "application/octet-stream")) };

describe("store()", () => {
  it("writes a stream with a declared hash to cas/<hash>, claimed first, with its content type", async () => {
    const bytes = randomBytes(50_000);
    const hash = await hashOf(bytes);
    const { body, cancelled } = watchedBody(inChunks(bytes));
    const before = Date.now();

    const result = await store(env.BUCKET, env.DB, { body, length: bytes.length, hash, contentType: "text/plain" });

    expect(result).toEqual({ hash, size: bytes.length, created: true, contentType: "text/plain" });
    expect(await stored(hash)).toEqual({ bytes, type: "text/plain" });
    expect(await claimedAt(hash)).toBeGreaterThanOrEqual(before);
    expect(cancelled()).toBe(false);
  });

  it("names bytes without a declared hash by their SHA-256, in memory or staged, and leaves no staging object", async () => {
    for (const size of [0, 1000, BUFFER_LIMIT + 1]) {
      const bytes = randomBytes(size);
      const { body } = watchedBody(inChunks(bytes, 256 * 1024));
      const result = await store(env.BUCKET, env.DB, { body, length: size });
      expect(result.hash).toBe(await sha256(bytes));
      if (size > 0) expect(result.created).toBe(true);
      expect((await stored(result.hash))?.bytes.length).toBe(size);
    }
    expect((await env.BUCKET.list({ prefix: STAGING_PREFIX })).objects).toEqual([]);
  });

  it("stores bytes in memory with the type the sniffer reads from them", async () => {
    const bytes = new Uint8Array([0x7f, ...randomBytes(100)]);
    const result = await store(env.BUCKET, env.DB, { body: bytes, contentType: "text/plain", sniff: sniffer });
    expect(result.contentType).toBe("image/x-test");
    expect((await stored(result.hash))?.type).toBe("image/x-test");
  });

  it("reports the sniffed type of a streamed body with a declared hash, and keeps the declared one on the object", async () => {
    const bytes = new Uint8Array([0x7f, ...randomBytes(100)]);
    const { body } = watchedBody(inChunks(bytes));
    const result = await store(env.BUCKET, env.DB, {
      body,
      length: bytes.length,
      hash: await hashOf(bytes),
      contentType: "text/plain",
      sniff: sniffer,
    });
    expect(result.contentType).toBe("image/x-test");
    expect((await stored(result.hash))?.type).toBe("text/plain");
  });

  it("does not write a blob it has: it claims it, reads the body to its end and answers created false", async () => {
    const bytes = randomBytes(40_000);
    const hash = await hashOf(bytes);
    await store(env.BUCKET, env.DB, { body: bytes });
    const { bucket, calls } = recordingBucket();
    const { body, cancelled, pulled } = watchedBody(inChunks(bytes));
    const before = Date.now();

    const result = await store(bucket, env.DB, { body, length: bytes.length, hash });

    expect(result).toEqual({ hash, size: bytes.length, created: false, contentType: undefined });
    expect(calls).toEqual([`head cas/${hash}`]);
    expect(pulled()).toBe(inChunks(bytes).length);
    expect(cancelled()).toBe(false);
    expect(await claimedAt(hash)).toBeGreaterThanOrEqual(before);
  });

  it("lets R2's create-only condition pick one writer when two do not see each other (two isolates)", async () => {
    const bytes = randomBytes(50_000);
    const hash = await hashOf(bytes);
    // Each writer looks before the other has written: the existence check finds nothing for both.
    const blind = new Proxy(env.BUCKET, {
      get(target, prop) {
        const value = Reflect.get(target, prop);
        if (prop === "head") return async () => null;
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
    const first = watchedBody(inChunks(bytes));
    const second = watchedBody(inChunks(bytes));

    const a = await store(blind, env.DB, { body: first.body, length: bytes.length, hash });
    const b = await store(blind, env.DB, { body: second.body, length: bytes.length, hash });

    expect([a.created, b.created]).toEqual([true, false]);
    expect((await stored(hash))?.bytes).toEqual(bytes);
    // The loser's body was read to its end, not cancelled.
    expect(second.cancelled()).toBe(false);
    expect(await readRest(second.body)).toBe(0);
  });

  it("promotes a staging object to cas/<hash>, leaving the staging object to its owner", async () => {
    const bytes = randomBytes(100_000);
    const writer = openStaging(env.BUCKET, bytes.length);
    for (const chunk of inChunks(bytes)) await writer.write(chunk);
    const staged = await writer.close();
    expect(staged.hash).toBe(await sha256(bytes));

    const result = await store(env.BUCKET, env.DB, { body: staged, contentType: "application/octet-stream" });

    expect(result).toMatchObject({ hash: staged.hash, size: bytes.length, created: true });
    expect((await stored(staged.hash))?.bytes).toEqual(bytes);
    expect(await env.BUCKET.head(staged.key)).not.toBeNull();
    await env.BUCKET.delete(staged.key);
    expect(await env.BUCKET.head(blobKey(staged.hash))).not.toBeNull();
  });
});
