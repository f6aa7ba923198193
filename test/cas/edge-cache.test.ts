import { describe, expect, it } from "vitest";
import { ORIGIN, randomBytes, storeBytes } from "../support/blobs";
import { fetchWith, recordingBucket } from "../support/worker";

const get = (path: string, headers: Record<string, string> = {}, method = "GET") => new Request(`${ORIGIN}${path}`, { headers, method });

describe("edge cache", () => {
  it("serves a second GET from the cache without any R2 call", async () => {
    const bytes = randomBytes(4096);
    const hash = await storeBytes(bytes, "image/png");
    await fetchWith(get(`/api/cas/${hash}?filename=a.png`));
    const { bucket, calls } = recordingBucket();

    const res = await fetchWith(get(`/api/cas/${hash}?filename=a.png`), { BUCKET: bucket });

    expect(res.status).toBe(200);
    expect(res.headers.get("Server-Timing")).toBe("cache;desc=hit");
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(bytes);
    expect(res.headers.get("Cache-Control")).toBe("public, max-age=31536000, immutable");
    expect(calls).toEqual([]);
  });

  it("keys entries canonically: parameter order and unknown parameters do not matter", async () => {
    const hash = await storeBytes(randomBytes(100));
    await fetchWith(get(`/api/cas/${hash}?content_type=image/png&filename=x.png`));
    const { bucket, calls } = recordingBucket();

    const res = await fetchWith(get(`/api/cas/${hash}?filename=x.png&utm=1&content_type=IMAGE/PNG`), { BUCKET: bucket });

    expect(res.headers.get("Server-Timing")).toBe("cache;desc=hit");
    expect(calls).toEqual([]);
  });

  it("keeps different views apart", async () => {
    const hash = await storeBytes(randomBytes(100));
    await fetchWith(get(`/api/cas/${hash}?filename=one.bin`));

    const res = await fetchWith(get(`/api/cas/${hash}?filename=two.bin`));

    expect(res.headers.get("Server-Timing")).toMatch(/^cache;desc=miss/);
    expect(res.headers.get("Content-Disposition")).toBe('attachment; filename="two.bin"');
  });

  it("answers a range request on a cached blob from the cache", async () => {
    const bytes = randomBytes(1000);
    const hash = await storeBytes(bytes);
    await fetchWith(get(`/api/cas/${hash}`));
    const { bucket, calls } = recordingBucket();

    const res = await fetchWith(get(`/api/cas/${hash}`, { Range: "bytes=100-199" }), { BUCKET: bucket });

    expect(res.status).toBe(206);
    expect(res.headers.get("Content-Range")).toBe("bytes 100-199/1000");
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(bytes.slice(100, 200));
    expect(calls).toEqual([]);
  });

  it("answers an unsatisfiable range on a cached blob with 416 problem+json", async () => {
    const hash = await storeBytes(randomBytes(1000));
    await fetchWith(get(`/api/cas/${hash}`));

    const res = await fetchWith(get(`/api/cas/${hash}`, { Range: "bytes=2000-" }));

    expect(res.status).toBe(416);
    expect(res.headers.get("Content-Range")).toBe("bytes */1000");
    expect(res.headers.get("Content-Type")).toBe("application/problem+json");
  });

  it("answers HEAD from the cache without R2", async () => {
    const hash = await storeBytes(randomBytes(321));
    await fetchWith(get(`/api/cas/${hash}`));
    const { bucket, calls } = recordingBucket();

    const res = await fetchWith(get(`/api/cas/${hash}`, {}, "HEAD"), { BUCKET: bucket });

    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Length")).toBe("321");
    expect(calls).toEqual([]);
  });

  it("never stores a 206: the full blob is still read from R2 afterwards", async () => {
    const hash = await storeBytes(randomBytes(1000));
    await fetchWith(get(`/api/cas/${hash}`, { Range: "bytes=0-9" }));

    expect(await caches.default.match(`${ORIGIN}/api/cas/${hash}`)).toBeUndefined();
  });

  it("never stores a HEAD answer", async () => {
    const hash = await storeBytes(randomBytes(10));
    await fetchWith(get(`/api/cas/${hash}`, {}, "HEAD"));

    expect(await caches.default.match(`${ORIGIN}/api/cas/${hash}`)).toBeUndefined();
  });

  it("never stores an error: a blob uploaded after a 404 is served", async () => {
    const bytes = randomBytes(50);
    const { sha256 } = await import("../support/blobs");
    const hash = await sha256(bytes);
    const missing = await fetchWith(get(`/api/cas/${hash}`));
    expect(missing.status).toBe(404);
    expect(await caches.default.match(`${ORIGIN}/api/cas/${hash}`)).toBeUndefined();

    await storeBytes(bytes);
    const res = await fetchWith(get(`/api/cas/${hash}`));

    expect(res.status).toBe(200);
  });
});
