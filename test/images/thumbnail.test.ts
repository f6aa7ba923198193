import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { createPart } from "../support/api";
import { casGet, ORIGIN, sha256, storeBytes } from "../support/blobs";
import { fixture } from "../support/fixtures";
import { jpegSize, near, pixelAt } from "../support/jpeg";
import { fetchWith, recordingBucket } from "../support/worker";

const RED = [220, 30, 30];
const BLUE = [40, 70, 220];
const WHITE = [255, 255, 255];

async function thumbnail(name: string, size = 150, extra = "") {
  const hash = await storeBytes(fixture(name));
  const res = await casGet(hash, `?thumbnail=${size}${extra}`);
  const bytes = new Uint8Array(await res.arrayBuffer());
  return { res, bytes, hash };
}

describe("GET /api/cas/:hash?thumbnail=N", () => {
  it.each([["baseline.jpg"], ["progressive.jpg"], ["grayscale.jpg"], ["cmyk.jpg"], ["alpha.png"], ["16bit.png"], ["image.webp"]])(
    "makes a JPEG from %s whose longest side is N and keeps the aspect ratio",
    async (name) => {
      const { res, bytes, hash } = await thumbnail(name);

      expect(res.status).toBe(200);
      expect(res.headers.get("Content-Type")).toBe("image/jpeg");
      expect(res.headers.get("ETag")).toBe(`"${hash}-t150"`);
      expect(res.headers.get("Cache-Control")).toBe("public, max-age=31536000, immutable");
      expect(jpegSize(bytes)).toEqual({ width: 150, height: 113 });
    },
  );

  it("keeps the quadrant colours where they belong", async () => {
    const { bytes } = await thumbnail("baseline.jpg", 200);
    expect(near(pixelAt(bytes, 5, 5), RED)).toBe(true);
    expect(near(pixelAt(bytes, 5, 145), BLUE)).toBe(true);
  });

  it("applies EXIF orientation 6: width and height swap and the image turns clockwise", async () => {
    const { bytes } = await thumbnail("exif-orientation-6.jpg");

    expect(jpegSize(bytes)).toEqual({ width: 113, height: 150 });
    // Turned clockwise, the stored bottom-left (blue) is now top-left and top-left (red) is top-right.
    expect(near(pixelAt(bytes, 5, 5), BLUE)).toBe(true);
    expect(near(pixelAt(bytes, 107, 5), RED)).toBe(true);
  });

  it("flattens transparency onto white", async () => {
    const { bytes } = await thumbnail("alpha.png");
    expect(near(pixelAt(bytes, 5, 5), RED)).toBe(true);
    expect(near(pixelAt(bytes, 140, 5), WHITE, 10)).toBe(true);
  });

  it("takes the first frame of an animated GIF", async () => {
    const { res, bytes } = await thumbnail("animated.gif", 100);
    expect(res.status).toBe(200);
    expect(jpegSize(bytes)).toEqual({ width: 100, height: 75 });
    expect(near(pixelAt(bytes, 3, 3), RED)).toBe(true);
  });

  it("never upscales a smaller source", async () => {
    const { bytes } = await thumbnail("small.png", 500);
    expect(jpegSize(bytes)).toEqual({ width: 40, height: 30 });
  });

  it("gives the download name a .jpg ending", async () => {
    const { res } = await thumbnail("image.webp", 150, "&disposition=attachment&filename=board.webp");
    expect(res.headers.get("Content-Disposition")).toBe('attachment; filename="board.jpg"');
  });

  it("answers HEAD and If-None-Match like any immutable blob", async () => {
    const hash = await storeBytes(fixture("baseline.jpg"));
    const head = await casGet(hash, "?thumbnail=64", { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(head.headers.get("Content-Type")).toBe("image/jpeg");
    const { bucket, calls } = recordingBucket();

    const res = await fetchWith(new Request(`${ORIGIN}/api/cas/${hash}?thumbnail=64`, { headers: { "If-None-Match": `"${hash}-t64"` } }), {
      BUCKET: bucket,
    });

    expect(res.status).toBe(304);
    expect(calls).toEqual([]);
  });
});

describe("thumbnails are made once", () => {
  it("keeps the thumbnail in R2: a request the edge cache misses reads it back without decoding", async () => {
    const hash = await storeBytes(fixture("progressive.jpg"));
    const first = recordingBucket();
    await fetchWith(new Request(`${ORIGIN}/api/cas/${hash}?thumbnail=120`), { BUCKET: first.bucket });
    expect(first.calls.filter((c) => c.startsWith("put"))).toEqual([`put thumbnails/${hash}_120.jpg`]);

    const second = recordingBucket();
    // Another filename is another edge-cache key, but the same derived object in R2.
    const res = await fetchWith(new Request(`${ORIGIN}/api/cas/${hash}?thumbnail=120&filename=x.jpg`), { BUCKET: second.bucket });

    expect(res.status).toBe(200);
    expect(second.calls).toEqual([`get thumbnails/${hash}_120.jpg`]);
    expect(res.headers.get("Server-Timing")).not.toContain("decode");
  });

  it("serves a repeated request from the edge cache with no R2 call", async () => {
    const hash = await storeBytes(fixture("baseline.jpg"));
    await fetchWith(new Request(`${ORIGIN}/api/cas/${hash}?thumbnail=90`));
    const { bucket, calls } = recordingBucket();

    const res = await fetchWith(new Request(`${ORIGIN}/api/cas/${hash}?thumbnail=90`), { BUCKET: bucket });

    expect(res.headers.get("Server-Timing")).toBe("cache;desc=hit");
    expect(calls).toEqual([]);
  });

  it("shares one generation between concurrent first requests", async () => {
    const hash = await storeBytes(fixture("image.webp"));
    const { bucket, calls } = recordingBucket();

    const responses = await Promise.all(
      [1, 2, 3].map((n) => fetchWith(new Request(`${ORIGIN}/api/cas/${hash}?thumbnail=77&filename=${n}.jpg`), { BUCKET: bucket })),
    );

    expect(responses.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(calls.filter((c) => c.startsWith("put"))).toHaveLength(1);
  });

  it("reports each step in Server-Timing when it makes a thumbnail", async () => {
    const { res } = await thumbnail("baseline.jpg", 33);
    expect(res.headers.get("Server-Timing")).toMatch(
      /^cache;desc=miss, probe;dur=\d+, decode;dur=\d+;desc=jpeg, resize;dur=\d+, encode;dur=\d+, r2-read;dur=\d+, r2-write;dur=\d+$/,
    );
  });
});

describe("warm-up after an image upload", () => {
  it("stores the REST API's thumbnail size before anyone asks for it", async () => {
    const { key } = await createPart();
    // No other test in this file asks for this fixture at 150 px.
    const bytes = fixture("small.png");
    const hash = await sha256(bytes);
    expect(await env.BUCKET.head(`thumbnails/${hash}_150.jpg`)).toBeNull();

    const res = await fetchWith(
      new Request(`${ORIGIN}/api/parts/${key}/attachments?filename=board.jpg`, {
        method: "POST",
        body: bytes,
        headers: { Authorization: "Bearer test-api-token", "Content-Length": String(bytes.length) },
      }),
    );

    expect(res.status).toBe(201);
    expect((await env.BUCKET.head(`thumbnails/${hash}_150.jpg`))?.size).toBeGreaterThan(0);
  });
});

describe("warm-up after an image upload to a private part", () => {
  it("stores the thumbnail in the private space, never where the public route reads", async () => {
    const created = await fetchWith(
      new Request(`${ORIGIN}/api/parts`, {
        method: "POST",
        body: JSON.stringify({ name: "Prototype board", private: true }),
        headers: { Authorization: "Bearer test-api-token", "Content-Type": "application/json" },
      }),
    );
    const { key } = (await created.json()) as { key: string };
    // No other test in this file uploads this fixture.
    const bytes = fixture("palette-trns.png");
    const hash = await sha256(bytes);

    const res = await fetchWith(
      new Request(`${ORIGIN}/api/parts/${key}/attachments?filename=board.png`, {
        method: "POST",
        body: bytes,
        headers: { Authorization: "Bearer test-api-token", "Content-Length": String(bytes.length) },
      }),
    );

    expect(res.status).toBe(201);
    expect((await env.BUCKET.head(`private/thumbnails/${hash}_150.jpg`))?.size).toBeGreaterThan(0);
    expect(await env.BUCKET.head(`thumbnails/${hash}_150.jpg`)).toBeNull();
  });
});
