import { describe, expect, it } from "vitest";
import { ORIGIN, randomBytes, storeBytes } from "../support/blobs";
import { fetchPrivate, signed, storePrivate } from "../support/private";

const IMMUTABLE = "public, max-age=31536000, immutable";

/** The max-age of a private answer, checked to be private and no longer than the link has left. */
function privateMaxAge(res: Response, secondsLeft: number): number {
  const value = res.headers.get("Cache-Control") ?? "";
  const match = /^private, max-age=(\d+)$/.exec(value);
  expect(match, value).not.toBeNull();
  expect(value).not.toMatch(/public|immutable/);
  const maxAge = Number(match![1]);
  expect(maxAge).toBeGreaterThan(0);
  expect(maxAge).toBeLessThanOrEqual(secondsLeft);
  return maxAge;
}

describe("GET /api/private/:hash through a signed link", () => {
  it("serves a private blob's bytes, kept only by the browser and only while the link lives", async () => {
    const bytes = randomBytes(3000);
    const hash = await storePrivate(bytes, "application/octet-stream");
    const path = await signed(hash, { filename: "core.bin" }, { seconds: 500 });

    const { res, d1Calls, r2Calls } = await fetchPrivate(path);

    expect(res.status).toBe(200);
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(bytes);
    expect(res.headers.get("ETag")).toBe(`"${hash}"`);
    expect(res.headers.get("Content-Disposition")).toBe('attachment; filename="core.bin"');
    privateMaxAge(res, 500);
    expect(r2Calls).toEqual([`get private/cas/${hash}`]);
    expect(d1Calls).toEqual([]);
  });

  it("falls back to the public copy of a hash not (yet) moved to the private space", async () => {
    const bytes = randomBytes(200);
    const hash = await storeBytes(bytes);

    const { res, d1Calls, r2Calls } = await fetchPrivate(await signed(hash));

    expect(res.status).toBe(200);
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(bytes);
    expect(r2Calls).toEqual([`get private/cas/${hash}`, `get cas/${hash}`]);
    expect(d1Calls).toEqual([]);
  });

  it("answers HEAD with GET's headers and no body", async () => {
    const hash = await storePrivate(randomBytes(321));

    const { res, d1Calls } = await fetchPrivate(await signed(hash, {}, { seconds: 90 }), { method: "HEAD" });

    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Length")).toBe("321");
    expect(res.headers.get("ETag")).toBe(`"${hash}"`);
    privateMaxAge(res, 90);
    expect((await res.arrayBuffer()).byteLength).toBe(0);
    expect(d1Calls).toEqual([]);
  });

  it("serves a byte range with 206, and answers a range outside the blob with 416", async () => {
    const bytes = randomBytes(1000);
    const hash = await storePrivate(bytes);
    const path = await signed(hash, {}, { seconds: 700 });

    const part = await fetchPrivate(path, { headers: { Range: "bytes=100-199" } });
    const outside = await fetchPrivate(path, { headers: { Range: "bytes=2000-" } });

    expect(part.res.status).toBe(206);
    expect(part.res.headers.get("Content-Range")).toBe("bytes 100-199/1000");
    expect(new Uint8Array(await part.res.arrayBuffer())).toEqual(bytes.slice(100, 200));
    privateMaxAge(part.res, 700);
    expect(outside.res.status).toBe(416);
    expect(outside.res.headers.get("Content-Range")).toBe("bytes */1000");
    expect(outside.res.headers.get("Cache-Control")).toBe("no-store");
    expect([...part.d1Calls, ...outside.d1Calls]).toEqual([]);
  });

  it("answers If-None-Match with 304 from the URL alone: private Cache-Control, no R2 call", async () => {
    const hash = await storePrivate(randomBytes(100));

    const { res, d1Calls, r2Calls } = await fetchPrivate(await signed(hash, {}, { seconds: 60 }), { headers: { "If-None-Match": `"${hash}"` } });

    expect(res.status).toBe(304);
    expect(res.headers.get("ETag")).toBe(`"${hash}"`);
    privateMaxAge(res, 60);
    expect(r2Calls).toEqual([]);
    expect(d1Calls).toEqual([]);
  });

  it("fills the edge cache under the unsigned URL and serves the next signed GET from it, still private", async () => {
    const bytes = randomBytes(4096);
    const hash = await storePrivate(bytes, "image/png");
    const view = { disposition: "inline" as const };
    await fetchPrivate(await signed(hash, view));

    const { res, d1Calls, r2Calls } = await fetchPrivate(await signed(hash, view, { seconds: 120 }));

    expect(res.status).toBe(200);
    expect(res.headers.get("Server-Timing")).toBe("cache;desc=hit");
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(bytes);
    privateMaxAge(res, 120);
    expect(r2Calls).toEqual([]);
    expect(d1Calls).toEqual([]);
    // The entry is the full immutable 200 (the Cache API keeps no `private` answer), keyed by the unsigned URL.
    const entry = await caches.default.match(`${ORIGIN}/api/private/${hash}?disposition=inline`);
    expect(entry?.status).toBe(200);
    expect(entry?.headers.get("Cache-Control")).toBe(IMMUTABLE);
    await entry?.body?.cancel();
  });

  it("never sends more max-age than the link has left, on a cache hit too", async () => {
    const hash = await storePrivate(randomBytes(64));
    await fetchPrivate(await signed(hash, {}, { seconds: 3600 }));

    const { res } = await fetchPrivate(await signed(hash, {}, { seconds: 30 }));

    expect(res.headers.get("Server-Timing")).toBe("cache;desc=hit");
    // The entry was filled through a link valid for an hour; this one has 30 s left.
    privateMaxAge(res, 30);
  });
});
