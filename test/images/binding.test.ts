import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { ORIGIN, randomBytes, storeBytes } from "../support/blobs";
import { concat } from "../support/bytes";
import { fixture } from "../support/fixtures";
import { jpegSize } from "../support/jpeg";
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
  it("sends a HEIC to the binding with a scale-down transform and JPEG output", async () => {
    const hash = await storeBytes(fixture("fake.heic"));
    const { images, calls } = recordingImages(fixture("image.avif"));

    const res = await fetchWith(thumb(hash, 120), { IMAGES: images });

    expect(res.status).toBe(200);
    expect(calls).toEqual([
      { transforms: [{ width: 120, height: 120, fit: "scale-down" }], output: { format: "image/jpeg", quality: 80, background: "#ffffff" } },
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
