import { afterEach, describe, expect, it, vi } from "vitest";
import { casGet, ORIGIN, randomBytes, storeBytes } from "../support/blobs";
import { fixture } from "../support/fixtures";
import { jpegSize } from "../support/jpeg";
import { fetchWith, recordingBucket } from "../support/worker";

async function problem(res: Response, status: number) {
  expect(res.status).toBe(status);
  expect(res.headers.get("Content-Type")).toBe("application/problem+json");
  expect(res.headers.get("Cache-Control")).toBe("no-store");
  return (await res.json()) as { detail: string };
}

afterEach(() => vi.restoreAllMocks());

describe("thumbnail parameter", () => {
  it.each(["0", "-1", "1001", "1e3", "12.5", "abc", "", "0150", "+5", " 5"])("rejects thumbnail=%j with 400", async (value) => {
    const hash = await storeBytes(fixture("baseline.jpg"));
    await problem(await casGet(hash, `?thumbnail=${encodeURIComponent(value)}`), 400);
  });

  it("rejects a repeated thumbnail parameter", async () => {
    const hash = await storeBytes(fixture("baseline.jpg"));
    await problem(await casGet(hash, "?thumbnail=10&thumbnail=20"), 400);
  });

  it("rejects content_type with thumbnail", async () => {
    const hash = await storeBytes(fixture("baseline.jpg"));
    await problem(await casGet(hash, "?thumbnail=10&content_type=image/png"), 400);
  });

  it("accepts the largest size, 1000", async () => {
    const hash = await storeBytes(fixture("baseline.jpg"));
    const res = await casGet(hash, "?thumbnail=1000");
    expect(res.status).toBe(200);
    expect(jpegSize(new Uint8Array(await res.arrayBuffer()))).toEqual({ width: 400, height: 300 });
  });
});

describe("sources that cannot be thumbnailed", () => {
  it.each([["drawing.svg"], ["document.pdf"]])("answers %s with 415", async (name) => {
    const hash = await storeBytes(fixture(name));
    await problem(await casGet(hash, "?thumbnail=100"), 415);
  });

  it("answers plain text and an empty blob with 415", async () => {
    await problem(await casGet(await storeBytes(new TextEncoder().encode("hello")), "?thumbnail=100"), 415);
    await problem(await casGet(await storeBytes(new Uint8Array(0)), "?thumbnail=100"), 415);
  });

  it("answers a truncated JPEG with 422 before decoding it", async () => {
    const hash = await storeBytes(fixture("truncated.jpg"));
    expect((await problem(await casGet(hash, "?thumbnail=100"), 422)).detail).toContain("truncated");
  });

  it("answers a JPEG with corrupt image data with 422, and the next valid image still works", async () => {
    // The wasm codec traps on this file's scan data; its instance dies with the call.
    const corrupt = await storeBytes(fixture("corrupt-data.jpg"));
    await problem(await casGet(corrupt, "?thumbnail=100"), 422);

    const valid = await storeBytes(fixture("baseline.jpg"));
    const res = await casGet(valid, "?thumbnail=101");
    expect(res.status).toBe(200);
    expect(jpegSize(new Uint8Array(await res.arrayBuffer())).width).toBe(101);
  });

  it("decodes a corrupt image once: later requests are refused without reading the source", async () => {
    const hash = await storeBytes(fixture("corrupt-data.jpg"));
    await problem(await casGet(hash, "?thumbnail=60"), 422);
    const { bucket, calls } = recordingBucket();

    const res = await fetchWith(new Request(`${ORIGIN}/api/cas/${hash}?thumbnail=61`), { BUCKET: bucket });

    await problem(res, 422);
    expect(calls.some((c) => c.startsWith(`get cas/${hash}`))).toBe(false);
  });

  it("refuses a decompression bomb from its header with 413", async () => {
    const hash = await storeBytes(fixture("bomb.png"));
    expect((await problem(await casGet(hash, "?thumbnail=100"), 413)).detail).toMatch(/50000×50000/);
  });

  it("answers a missing source with 404, never 500", async () => {
    const missing = "f".repeat(64);
    await problem(await casGet(missing, "?thumbnail=100"), 404);
  });

  it("answers random bytes with 415", async () => {
    await problem(await casGet(await storeBytes(randomBytes(5000)), "?thumbnail=100"), 415);
  });

  it("never caches an error", async () => {
    const hash = await storeBytes(fixture("corrupt-data.jpg"));
    await casGet(hash, "?thumbnail=55");
    expect(await caches.default.match(`${ORIGIN}/api/cas/${hash}?thumbnail=55`)).toBeUndefined();
  });
});
