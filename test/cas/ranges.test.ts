import { describe, expect, it } from "vitest";
import { ORIGIN, randomBytes, storeBytes } from "../support/blobs";
import { fetchWith } from "../support/worker";

/**
 * RFC 9110 §14: one range decision for the R2 path and the edge-cache path.
 * Each case runs on a blob never served before (R2) and on one already cached.
 */
const SIZE = 1000;
const cases: Array<[range: string, status: number, contentRange: string | null, slice: [number, number] | null]> = [
  ["bytes=0-99", 206, "bytes 0-99/1000", [0, 100]],
  ["bytes=990-", 206, "bytes 990-999/1000", [990, 1000]],
  ["bytes=900-5000", 206, "bytes 900-999/1000", [900, 1000]],
  ["bytes=-10", 206, "bytes 990-999/1000", [990, 1000]],
  ["bytes=-1000", 206, "bytes 0-999/1000", [0, 1000]],
  ["bytes=-5000", 206, "bytes 0-999/1000", [0, 1000]],
  ["bytes=0-", 206, "bytes 0-999/1000", [0, 1000]],
  ["bytes=-0", 416, "bytes */1000", null],
  ["bytes=1000-", 416, "bytes */1000", null],
  ["bytes=5000-6000", 416, "bytes */1000", null],
  ["bytes=1000-1099", 416, "bytes */1000", null],
  ["bytes=1000-1000", 416, "bytes */1000", null],
  // Invalid or multi-range headers are ignored: the whole blob.
  ["bytes=5-2", 200, null, [0, 1000]],
  ["bytes=0-1,5-6", 200, null, [0, 1000]],
  ["items=0-1", 200, null, [0, 1000]],
];

async function answer(hash: string, range: string) {
  const res = await fetchWith(new Request(`${ORIGIN}/api/cas/${hash}`, { headers: { Range: range } }));
  return { res, body: new Uint8Array(await res.arrayBuffer()) };
}

describe.each(["r2", "edge cache"])("ranges on the %s path", (path) => {
  it.each(cases)("%s → %i", async (range, status, contentRange, slice) => {
    const bytes = randomBytes(SIZE);
    const hash = await storeBytes(bytes);
    if (path === "edge cache") await fetchWith(new Request(`${ORIGIN}/api/cas/${hash}`));

    const { res, body } = await answer(hash, range);

    expect(res.status).toBe(status);
    expect(res.headers.get("Server-Timing") ?? "").toMatch(path === "edge cache" && status !== 416 ? /hit/ : /miss|^$/);
    expect(res.headers.get("Content-Range")).toBe(contentRange);
    if (slice) {
      expect(body).toEqual(bytes.subarray(...slice));
      expect(res.headers.get("Content-Length")).toBe(String(slice[1] - slice[0]));
    } else {
      expect(res.headers.get("Content-Type")).toBe("application/problem+json");
      expect(res.headers.get("Cache-Control")).toBe("no-store");
    }
  });
});
