import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { casGet, storeBytes } from "../support/blobs";
import { fixture } from "../support/fixtures";
import { jpegSize } from "../support/jpeg";
import { fetchPrivate, signed, storePrivate } from "../support/private";

const exists = async (key: string) => (await env.BUCKET.head(key)) !== null;

describe("GET /api/private/:hash?thumbnail=N", () => {
  it("makes a private image's thumbnail from its private copy and keeps it under private/, never where the public route looks", async () => {
    const hash = await storePrivate(fixture("baseline.jpg"), "image/jpeg");

    const { res, d1Calls } = await fetchPrivate(await signed(hash, { thumbnail: 150, filename: "board.png" }, { seconds: 300 }));

    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("image/jpeg");
    expect(res.headers.get("ETag")).toBe(`"${hash}-t150"`);
    expect(res.headers.get("Content-Disposition")).toBe('inline; filename="board.jpg"');
    expect(res.headers.get("Cache-Control")).toMatch(/^private, max-age=\d+$/);
    expect(jpegSize(new Uint8Array(await res.arrayBuffer()))).toEqual({ width: 150, height: 113 });
    expect(d1Calls).toEqual([]);
    expect(await exists(`private/thumbnails/${hash}_150.jpg`)).toBe(true);
    expect(await exists(`thumbnails/${hash}_150.jpg`)).toBe(false);
    // The public route neither finds the source nor the stored thumbnail.
    expect((await casGet(hash, "?thumbnail=150")).status).toBe(404);
  });

  it("serves the stored private thumbnail again without decoding (one R2 read of it)", async () => {
    const hash = await storePrivate(fixture("progressive.jpg"), "image/jpeg");
    await fetchPrivate(await signed(hash, { thumbnail: 100, disposition: "inline" }));

    // Another view of the same thumbnail: an edge-cache miss, read from R2's stored thumbnail.
    const { res, r2Calls, d1Calls } = await fetchPrivate(await signed(hash, { thumbnail: 100 }));

    expect(res.status).toBe(200);
    expect(r2Calls).toEqual([`get private/thumbnails/${hash}_100.jpg`]);
    expect(d1Calls).toEqual([]);
  });

  it("makes a thumbnail of a hash not yet moved from the public copy, and still keeps it under private/", async () => {
    const hash = await storeBytes(fixture("grayscale.jpg"), "image/jpeg");

    const { res } = await fetchPrivate(await signed(hash, { thumbnail: 120 }));

    expect(res.status).toBe(200);
    expect(await exists(`private/thumbnails/${hash}_120.jpg`)).toBe(true);
    expect(await exists(`thumbnails/${hash}_120.jpg`)).toBe(false);
  });

  it("keeps a private image's undecodable verdict under private/ too", async () => {
    const hash = await storePrivate(fixture("corrupt-data.jpg"), "image/jpeg");

    const { res, d1Calls } = await fetchPrivate(await signed(hash, { thumbnail: 60 }));

    expect(res.status).toBe(422);
    expect(res.headers.get("Cache-Control")).toBe("no-store");
    expect(d1Calls).toEqual([]);
    expect(await exists(`private/thumbnails/${hash}.undecodable`)).toBe(true);
    expect(await exists(`thumbnails/${hash}.undecodable`)).toBe(false);
  });

  it("answers a signed thumbnail link to a hash stored nowhere with 404", async () => {
    const hash = "ab".repeat(32);
    const { res } = await fetchPrivate(await signed(hash, { thumbnail: 150 }));
    expect(res.status).toBe(404);
  });
});
