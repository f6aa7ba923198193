import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { contentHash } from "../../src/blobs/keys";
import { abortMultipart, completeMultipart, startMultipart, uploadPart } from "../../src/blobs/multipart";
import { randomBytes, sha256 } from "../support/blobs";
import { readRest, watchedBody } from "../support/streams";

const MiB = 1024 * 1024;
const hashOf = async (bytes: Uint8Array) => contentHash.parse(await sha256(bytes));
const nothing = async () => {};
const inChunks = (bytes: Uint8Array, size = 64 * 1024) =>
  Array.from({ length: Math.ceil(bytes.length / size) }, (_, i) => bytes.slice(i * size, (i + 1) * size));

describe("multipart uploads at cas/<hash>", () => {
  it("make the blob visible only when completed, from parts streamed through an observer", async () => {
    const bytes = randomBytes(5 * MiB + 1000);
    const hash = await hashOf(bytes);
    const uploadId = await startMultipart(env.BUCKET, hash, "application/x-test");
    let observed = 0;
    const etags: string[] = [];
    for (const [n, part] of [bytes.subarray(0, 5 * MiB), bytes.subarray(5 * MiB)].entries()) {
      const { body } = watchedBody(inChunks(part));
      const uploaded = await uploadPart(env.BUCKET, hash, uploadId, {
        number: n + 1,
        body,
        length: part.length,
        observe: async (chunk) => void (observed += chunk.length),
      });
      etags.push(uploaded.etag);
    }
    expect(observed).toBe(bytes.length);
    expect(await env.BUCKET.head(`cas/${hash}`)).toBeNull();

    expect(await completeMultipart(env.BUCKET, hash, uploadId, etags)).toBe("completed");
    const object = await env.BUCKET.get(`cas/${hash}`);
    expect(object?.httpMetadata?.contentType).toBe("application/x-test");
    // Compared by hash: a deep equality over 5 MB takes vitest seconds.
    expect(await sha256(new Uint8Array(await object!.arrayBuffer()))).toBe(hash);
  });

  it("answer part_overwritten when a part's ETag no longer matches", async () => {
    const bytes = randomBytes(1000);
    const hash = await hashOf(bytes);
    const uploadId = await startMultipart(env.BUCKET, hash, undefined);
    await uploadPart(env.BUCKET, hash, uploadId, { number: 1, body: watchedBody([bytes]).body, length: 1000, observe: nothing });
    expect(await completeMultipart(env.BUCKET, hash, uploadId, ['"0123456789abcdef0123456789abcdef"'])).toBe("part_overwritten");
    await abortMultipart(env.BUCKET, hash, uploadId);
  });

  it("count an upload R2 no longer knows as aborted", async () => {
    const hash = await hashOf(randomBytes(10));
    const uploadId = await startMultipart(env.BUCKET, hash, undefined);
    await abortMultipart(env.BUCKET, hash, uploadId);
    await expect(abortMultipart(env.BUCKET, hash, uploadId)).resolves.toBeUndefined();
  });

  it("refuse a part longer than declared and leave the rest of its body unread, not cancelled", async () => {
    const hash = await hashOf(randomBytes(10));
    const uploadId = await startMultipart(env.BUCKET, hash, undefined);
    const pieces = Array.from({ length: 6 }, () => randomBytes(64 * 1024));
    const { body, cancelled, pulled } = watchedBody(pieces);

    await expect(uploadPart(env.BUCKET, hash, uploadId, { number: 1, body, length: 100_000, observe: nothing })).rejects.toMatchObject({
      code: "invalid_body",
    });

    expect(cancelled()).toBe(false);
    const unread = (pieces.length - pulled()) * 64 * 1024;
    expect(unread).toBeGreaterThan(0);
    expect(await readRest(body)).toBe(unread);
    await abortMultipart(env.BUCKET, hash, uploadId);
  });
});
