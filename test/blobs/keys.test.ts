import { describe, expect, it } from "vitest";
import { contentHash, hashFromBlobKey, parseContentHash, STAGING_PREFIX, sha256, stagingKey } from "../../src/blobs/keys";
import { sha256 as independentSha256 } from "../support/blobs";

const HASH = "ab".repeat(32);

describe("contentHash", () => {
  it("takes 64 lowercase hex characters and nothing else", () => {
    expect(contentHash.parse(HASH)).toBe(HASH);
    for (const bad of [HASH.toUpperCase(), HASH.slice(1), `${HASH}0`, `${HASH.slice(1)}g`, ` ${HASH.slice(1)}`]) {
      expect(contentHash.safeParse(bad).success).toBe(false);
    }
  });

  it("makes a path parameter that is not one a 400 invalid_hash", () => {
    expect(() => parseContentHash("nope")).toThrow(expect.objectContaining({ code: "invalid_hash" }));
  });

  it("names bytes by their SHA-256", async () => {
    const bytes = new TextEncoder().encode("hello");
    expect(await sha256(bytes)).toBe(await independentSha256(bytes));
  });
});

describe("keys", () => {
  it("reads a hash back from its cas/ key only", () => {
    expect(hashFromBlobKey(`cas/${HASH}`)).toBe(HASH);
    expect(hashFromBlobKey(`thumbnails/${HASH}`)).toBeNull();
    expect(hashFromBlobKey("cas/short")).toBeNull();
  });

  it("gives every staging write a key of its own under the one staging prefix", () => {
    const keys = new Set(Array.from({ length: 100 }, stagingKey));
    expect(keys.size).toBe(100);
    for (const key of keys) expect(key.startsWith(STAGING_PREFIX)).toBe(true);
  });
});
