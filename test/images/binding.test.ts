import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { encodeJpegWith } from "../../src/images/jpeg";
import { ORIGIN, randomBytes, storeBytes } from "../support/blobs";
import { concat } from "../support/bytes";
import { fixture } from "../support/fixtures";
import { heifHeader } from "../support/heif";
import { gradient, jpegSize, near, pixelAt, withOrientation } from "../support/jpeg";
import { fetchWith } from "../support/worker";

/**
 * The Images binding, wrapped: every input() is recorded with its transform
 * and output options, and the real (local) binding does the work, fed the
 * `substitute` image when one is given (the fake HEIC has no image data).
 */
function recordingImages(substitute?: Uint8Array) {
  const calls: Array<{ transforms: ImageTransform[]; output?: ImageOutputOptions }> = [];
  const images = {
    info: env.IMAGES.info.bind(env.IMAGES),
    hosted: env.IMAGES.hosted,
    input(stream: ReadableStream<Uint8Array>) {
      const call: (typeof calls)[number] = { transforms: [] };
      calls.push(call);
      const source = substitute ? (stream.cancel(), new Response(substitute).body!) : stream;
      let inner = env.IMAGES.input(source);
      const transformer: ImageTransformer = {
        transform(t) {
          call.transforms.push(t);
          inner = inner.transform(t);
          return transformer;
        },
        draw: () => transformer,
        output(options) {
          call.output = options;
          return inner.output(options);
        },
      };
      return transformer;
    },
  } as ImagesBinding;
  return { images, calls };
}

/** A binding whose output() fails the way the service does. */
function failingImages(error: Error): ImagesBinding {
  const transformer: ImageTransformer = { transform: () => transformer, draw: () => transformer, output: () => Promise.reject(error) };
  return { ...env.IMAGES, input: (stream) => (stream.cancel(), transformer) } as ImagesBinding;
}

const thumb = (hash: string, size: number) => new Request(`${ORIGIN}/api/cas/${hash}?thumbnail=${size}`);

async function problem(res: Response, status: number) {
  expect(res.status).toBe(status);
  expect(res.headers.get("Content-Type")).toBe("application/problem+json");
  expect(res.headers.get("Cache-Control")).toBe("no-store");
  return (await res.json()) as { detail: string };
}

/** A WebP header claiming width × height (VP8X), with no image data: photon would need 11 B a pixel. */
function bigWebpHeader(width: number, height: number): Uint8Array {
  const b = new Uint8Array(64);
  const text = (at: number, s: string) => {
    for (const [i, ch] of [...s].entries()) b[at + i] = ch.charCodeAt(0);
  };
  text(0, "RIFF");
  new DataView(b.buffer).setUint32(4, 56, true);
  text(8, "WEBPVP8X");
  new DataView(b.buffer).setUint32(16, 10, true);
  const w = width - 1;
  const h = height - 1;
  b.set([w & 255, (w >> 8) & 255, w >> 16, h & 255, (h >> 8) & 255, h >> 16], 24);
  return b;
}

describe("HEIC/HEIF and AVIF go to the Images binding", () => {
  it("sends a HEIC to the binding with its thumbnail's box, scale-down, and JPEG output", async () => {
    const hash = await storeBytes(fixture("fake.heic"));
    const { images, calls } = recordingImages(fixture("image.avif"));

    const res = await fetchWith(thumb(hash, 120), { IMAGES: images });

    expect(res.status).toBe(200);
    expect(calls).toEqual([
      { transforms: [{ width: 120, height: 90, fit: "scale-down" }], output: { format: "image/jpeg", quality: 80, background: "#ffffff" } },
    ]);
    expect(jpegSize(new Uint8Array(await res.arrayBuffer()))).toEqual({ width: 120, height: 90 });
  });

  it.each([
    ["fake.heic", /HEIC.*\[images\] binding = "IMAGES"/],
    ["image.avif", /AVIF.*\[images\] binding = "IMAGES"/],
  ])("answers %s with 415 naming the format and the binding when it is not configured", async (name, detail) => {
    const hash = await storeBytes(fixture(name));
    expect((await problem(await fetchWith(thumb(hash, 100), { IMAGES: undefined }), 415)).detail).toMatch(detail);
  });

  it.each([
    [Object.assign(new Error("ERROR 9412: not an image"), { code: 9412 }), 422],
    [Object.assign(new Error("ERROR 9520: unsupported"), { code: 9520 }), 415],
    [new Error("internal error"), 502],
  ])("maps the binding's failure %s to %i, never cached", async (error, status) => {
    // Bytes of its own for each case: a 422 is remembered for the blob.
    const hash = await storeBytes(concat([fixture("image.avif"), randomBytes(16)]));
    const res = await fetchWith(thumb(hash, 101), { IMAGES: failingImages(error) });
    await problem(res, status);
    expect(await caches.default.match(`${ORIGIN}/api/cas/${hash}?thumbnail=101`)).toBeUndefined();
  });
});

describe("images over the memory budget", () => {
  it("go to the Images binding when it is configured", async () => {
    const hash = await storeBytes(bigWebpHeader(6000, 4000));
    const { images, calls } = recordingImages(fixture("image.webp"));

    const res = await fetchWith(thumb(hash, 100), { IMAGES: images });

    expect(res.status).toBe(200);
    expect(calls).toHaveLength(1);
  });

  it("answer 413 naming the memory they need when it is not", async () => {
    const hash = await storeBytes(bigWebpHeader(6000, 4001));
    const { detail } = await problem(await fetchWith(thumb(hash, 100), { IMAGES: undefined }), 413);
    expect(detail).toMatch(/6000×4001 \(24\.0 MP/);
    expect(detail).toMatch(/needs \d+ MB/);
  });

  it("refuse a decompression bomb from its header even with the binding", async () => {
    const { images, calls } = recordingImages();
    const hash = await storeBytes(fixture("bomb.png"));
    await problem(await fetchWith(thumb(hash, 100), { IMAGES: images }), 413);
    expect(calls).toEqual([]);
  });
});

/**
 * An Images binding that honours only width and height, as wrangler dev's
 * emulation does (it pads to the box whatever `fit` says): this one
 * stretches the picture to exactly the box it is given, after turning it by
 * the file's own orientation as the service does. It records each transform.
 */
function stretchingImages() {
  const transforms: ImageTransform[] = [];
  const images = {
    info: env.IMAGES.info.bind(env.IMAGES),
    hosted: env.IMAGES.hosted,
    input(stream: ReadableStream<Uint8Array>) {
      let inner = env.IMAGES.input(stream);
      const transformer: ImageTransformer = {
        transform(t) {
          transforms.push(t);
          inner = inner.transform({ width: t.width, height: t.height, fit: "squeeze" });
          return transformer;
        },
        draw: () => transformer,
        output: (options) => inner.output(options),
      };
      return transformer;
    },
  } as ImagesBinding;
  return { images, transforms };
}

/**
 * A 5120×2880 progressive 4:4:4 JPEG, the shape of a camera's 16:9 photo:
 * its coefficient buffer alone is 88 MB, over the image budget, so the
 * binding makes its thumbnail. Made once for the file.
 */
let wide: Uint8Array | undefined;
function wideJpeg(): Uint8Array {
  wide ??= encodeJpegWith(gradient(5120, 2880), 5120, 2880, { quality: 85, progressive: true, sampling: "4:4:4" });
  return wide;
}

/** The thumbnail's size, checked to keep the source's aspect (to the pixel) with its longest side `size`. */
function expectAspect(jpeg: Uint8Array, source: { width: number; height: number }, size: number) {
  const got = jpegSize(jpeg);
  expect(Math.max(got.width, got.height)).toBe(size);
  const [long, short] = source.width >= source.height ? [got.width, got.height] : [got.height, got.width];
  const sourceRatio = Math.min(source.width, source.height) / Math.max(source.width, source.height);
  expect(Math.abs(short - long * sourceRatio)).toBeLessThanOrEqual(1);
  return got;
}

describe("the binding is asked for the thumbnail's exact box", () => {
  it("keeps a wide photo's aspect when the binding stretches to the box it is given", { timeout: 120_000 }, async () => {
    const hash = await storeBytes(wideJpeg());
    const { images, transforms } = stretchingImages();

    const res = await fetchWith(thumb(hash, 512), { IMAGES: images });

    expect(res.status).toBe(200);
    expect(res.headers.get("Server-Timing")).toContain("desc=images");
    expectAspect(new Uint8Array(await res.arrayBuffer()), { width: 5120, height: 2880 }, 512);
    expect(transforms).toEqual([{ width: 512, height: 288, fit: "scale-down" }]);
  });

  it("asks for the turned box for an EXIF-rotated photo, which the service turns", { timeout: 120_000 }, async () => {
    const hash = await storeBytes(withOrientation(wideJpeg(), 6));
    const { images, transforms } = stretchingImages();

    const res = await fetchWith(thumb(hash, 512), { IMAGES: images });

    expect(res.status).toBe(200);
    const jpeg = new Uint8Array(await res.arrayBuffer());
    expectAspect(jpeg, { width: 2880, height: 5120 }, 512);
    expect(transforms).toEqual([{ width: 288, height: 512, fit: "scale-down" }]);
    // Turned clockwise: the stored bottom-left (green, no red) is top-left, the stored top-left (neither) top-right.
    expect(near(pixelAt(jpeg, 4, 4), [0, 255, 96], 24)).toBe(true);
    expect(near(pixelAt(jpeg, 283, 4), [0, 0, 96], 24)).toBe(true);
  });

  it("keeps an AVIF's aspect", async () => {
    const hash = await storeBytes(concat([fixture("image.avif"), randomBytes(16)]));
    const { images, transforms } = stretchingImages();

    const res = await fetchWith(thumb(hash, 120), { IMAGES: images });

    expect(res.status).toBe(200);
    expectAspect(new Uint8Array(await res.arrayBuffer()), { width: 400, height: 300 }, 120);
    expect(transforms).toEqual([{ width: 120, height: 90, fit: "scale-down" }]);
  });

  it("asks for a portrait box for a HEIC stored landscape and turned by irot", async () => {
    const heic = heifHeader({
      brand: "heic",
      primary: 1,
      items: [
        {
          id: 1,
          properties: [
            ["ispe", 4032, 3024],
            ["irot", 3],
          ],
        },
      ],
    });
    const hash = await storeBytes(concat([heic, randomBytes(64)]));
    const { images, calls } = recordingImages(fixture("exif-orientation-6.jpg"));

    const res = await fetchWith(thumb(hash, 120), { IMAGES: images });

    expect(res.status).toBe(200);
    expect(calls.map((c) => c.transforms)).toEqual([[{ width: 90, height: 120, fit: "scale-down" }]]);
  });

  it("falls back to a square box, and the service's scale-down, when a HEIF gives no size where the probe looks", async () => {
    const late = concat([heifHeader({ brand: "heic", primary: 1, items: [] }), randomBytes(70_000)]);
    const hash = await storeBytes(late);
    const { images, calls } = recordingImages(fixture("image.avif"));

    const res = await fetchWith(thumb(hash, 120), { IMAGES: images });

    expect(res.status).toBe(200);
    expect(calls.map((c) => c.transforms)).toEqual([[{ width: 120, height: 120, fit: "scale-down" }]]);
    expect(jpegSize(new Uint8Array(await res.arrayBuffer()))).toEqual({ width: 120, height: 90 });
  });
});
