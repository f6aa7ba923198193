import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { putDerived } from "../../src/blobs/derived";

describe("putDerived", () => {
  it("writes an object made from a blob, with its type, and overwrites it", async () => {
    await putDerived(env.BUCKET, "thumbnails/derived-test_150.jpg", new Uint8Array([1, 2, 3]), "image/jpeg");
    await putDerived(env.BUCKET, "thumbnails/derived-test_150.jpg", new Uint8Array([4, 5]), "image/jpeg");
    const object = await env.BUCKET.get("thumbnails/derived-test_150.jpg");
    expect(object?.httpMetadata?.contentType).toBe("image/jpeg");
    expect(new Uint8Array(await object!.arrayBuffer())).toEqual(new Uint8Array([4, 5]));
  });

  it.each(["cas/", "staging/", "uploads/"])("refuses keys under %s, which only store() writes", async (prefix) => {
    await expect(putDerived(env.BUCKET, `${prefix}x`, "nope")).rejects.toThrow(/not a derived object's key/);
    expect(await env.BUCKET.head(`${prefix}x`)).toBeNull();
  });
});
