import { describe, expect, it } from "vitest";
import { decodePng } from "../../../src/images/png/decode";
import { encodePng, grayPngAround, type PngSpec, ZlibWriter } from "../../support/png";
import { decodeReference } from "../../support/psnr";

/** The PNG as a body arriving in `chunkSize`-byte pieces. */
function streamOf(bytes: Uint8Array, chunkSize: number): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      for (let at = 0; at < bytes.length; at += chunkSize) controller.enqueue(bytes.slice(at, at + chunkSize));
      controller.close();
    },
  });
}

/** Our decode at full size (no reduction: the resampler copies), as packed RGB. */
async function decodeFull(png: Uint8Array, chunkSize = 4096): Promise<Uint8Array> {
  const { rgb } = await decodePng(streamOf(png, chunkSize), (header) => ({ width: header.width, height: header.height }));
  return rgb;
}

/** image-rs's decode of the same file, flattened on white the textbook way. */
function referenceRgb(png: Uint8Array): Uint8Array {
  const { rgba } = decodeReference(png);
  const out = new Uint8Array((rgba.length / 4) * 3);
  for (let i = 0, o = 0; i < rgba.length; i += 4, o += 3) {
    const a = rgba[i + 3]! / 255;
    for (let c = 0; c < 3; c++) out[o + c] = Math.round(rgba[i + c]! * a + 255 * (1 - a));
  }
  return out;
}

function largestDifference(a: Uint8Array, b: Uint8Array): number {
  expect(a.length).toBe(b.length);
  let worst = 0;
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i]! - b[i]!));
  return worst;
}

/** Values that vary by pixel and channel and cover the depth's range; every seventh diagonal is (0, max, 0, max). */
function samples(depth: number, seed: number) {
  const max = 2 ** depth - 1;
  return (x: number, y: number, c: number) => {
    if ((x + y) % 7 === 0) return c % 2 ? max : 0;
    return Math.floor(((Math.sin(x * 0.37 + y * 0.61 + c * 1.7 + seed) + 1) / 2) * max);
  };
}

const LAYOUTS: Array<[string, PngSpec["colorType"], PngSpec["bitDepth"]]> = [
  ["gray 1-bit", 0, 1],
  ["gray 2-bit", 0, 2],
  ["gray 4-bit", 0, 4],
  ["gray 8-bit", 0, 8],
  ["gray 16-bit", 0, 16],
  ["RGB 8-bit", 2, 8],
  ["RGB 16-bit", 2, 16],
  ["palette 1-bit", 3, 1],
  ["palette 2-bit", 3, 2],
  ["palette 4-bit", 3, 4],
  ["palette 8-bit", 3, 8],
  ["gray+alpha 8-bit", 4, 8],
  ["gray+alpha 16-bit", 4, 16],
  ["RGBA 8-bit", 6, 8],
  ["RGBA 16-bit", 6, 16],
];

const PALETTE = Uint8Array.from({ length: 256 * 3 }, (_, i) => (i * 97 + 13) & 0xff);

describe("PNG rows decoded in png.wasm, against image-rs", () => {
  it.each(LAYOUTS.flatMap(([name, colorType, bitDepth]) => ["", ", interlaced"].map((adam7) => [name, adam7, colorType, bitDepth] as const)))(
    "%s%s: the same pixels, flattened on white",
    async (_name, adam7, colorType, bitDepth) => {
      const interlaced = adam7 !== "";
      // Odd sizes: partial bytes at the row ends, and Adam7 passes of uneven sizes.
      const png = await encodePng({
        width: 37,
        height: 23,
        colorType,
        bitDepth,
        interlaced,
        palette: colorType === 3 ? PALETTE.subarray(0, 3 * 2 ** bitDepth) : undefined,
        sample: samples(bitDepth, colorType * 31 + bitDepth),
      });

      // image-rs scales 16-bit samples and alpha slightly differently: one level apart at most.
      expect(largestDifference(await decodeFull(png), referenceRgb(png))).toBeLessThanOrEqual(1);
    },
  );

  it.each([
    ["palette with tRNS (fewer alphas than colours)", { colorType: 3, bitDepth: 8, transparency: Uint8Array.from({ length: 100 }, (_, i) => i * 2) }],
    ["4-bit palette with tRNS", { colorType: 3, bitDepth: 4, transparency: Uint8Array.from({ length: 16 }, (_, i) => i * 17) }],
    ["8-bit gray with a transparent value", { colorType: 0, bitDepth: 8, transparency: Uint8Array.from([0, 0]) }],
    ["2-bit gray with a transparent value", { colorType: 0, bitDepth: 2, transparency: Uint8Array.from([0, 0]) }],
    ["8-bit RGB with a transparent colour", { colorType: 2, bitDepth: 8, transparency: Uint8Array.from([0, 0, 0, 255, 0, 0]) }],
    ["16-bit RGB with a transparent colour", { colorType: 2, bitDepth: 16, transparency: Uint8Array.from([0, 0, 255, 255, 0, 0]) }],
  ] as const)("%s: transparent pixels become white as image-rs makes them transparent", async (_name, layout) => {
    const png = await encodePng({
      width: 29,
      height: 17,
      ...layout,
      palette: layout.colorType === 3 ? PALETTE.subarray(0, 3 * 2 ** layout.bitDepth) : undefined,
      sample: samples(layout.bitDepth, 5),
    });
    const ours = await decodeFull(png);

    expect(largestDifference(ours, referenceRgb(png))).toBeLessThanOrEqual(1);
    // The samples include the transparent value on every seventh diagonal: some pixels really are white.
    expect(ours.some((v, i) => i % 3 === 0 && v === 255 && ours[i + 1] === 255 && ours[i + 2] === 255)).toBe(true);
  });

  it("decodes a 1500×400 photo-like RGB image across many window slides, in network chunks of 1000 bytes or 64 KB", async () => {
    const png = await encodePng({
      width: 1500,
      height: 400,
      colorType: 2,
      bitDepth: 8,
      sample: (x, y, c) => Math.floor(128 + 100 * Math.sin(x / (9 + c) + y / 23) + ((x * y) % 13)),
    });
    const reference = referenceRgb(png);

    expect(largestDifference(await decodeFull(png, 65536), reference)).toBe(0);
    expect(largestDifference(await decodeFull(png, 1000), reference)).toBe(0);
  });
});

describe("the inflater on block kinds a compressor rarely writes", () => {
  /** 16×24 gray: each row is a filter byte (0) and 16 pixels. */
  const WIDTH = 16;
  const HEIGHT = 24;

  async function decodeGray(stream: Uint8Array, chunkSize: number): Promise<Uint8Array> {
    const rgb = await decodeFull(grayPngAround(WIDTH, HEIGHT, stream), chunkSize);
    return rgb.filter((_, i) => i % 3 === 0);
  }

  function expectedGray(zlib: ZlibWriter): Uint8Array {
    const raw = zlib.content;
    return Uint8Array.from({ length: WIDTH * HEIGHT }, (_, i) => raw[Math.floor(i / WIDTH) * (WIDTH + 1) + 1 + (i % WIDTH)]!);
  }

  /** Rows with filter byte 0 and the pixels `pixel(x, y)`. */
  function rows(from: number, to: number, pixel: (x: number, y: number) => number): number[] {
    const out: number[] = [];
    for (let y = from; y < to; y++) out.push(0, ...Array.from({ length: WIDTH }, (_, x) => pixel(x, y)));
    return out;
  }

  it.each([[1], [3], [4096]])("stored blocks, one of them empty (network chunks of %i bytes)", async (chunkSize) => {
    const zlib = new ZlibWriter()
      .stored(Uint8Array.from(rows(0, 3, (x, y) => x * 10 + y)))
      .stored(new Uint8Array(0))
      .stored(Uint8Array.from(rows(3, HEIGHT, (x, y) => 255 - x - y)), true);
    const stream = zlib.finish();

    expect(await decodeGray(stream, chunkSize)).toEqual(expectedGray(zlib));
  });

  it("stored blocks longer than one 64 KB feed, so decoding pauses inside one and resumes", async () => {
    const width = 1000;
    const height = 100;
    const raw = new Uint8Array((width + 1) * height).map((_, i) => (i % (width + 1) === 0 ? 0 : (i * 7) % 251));
    const zlib = new ZlibWriter().stored(raw.subarray(0, 40000)).stored(raw.subarray(40000, 80000)).stored(raw.subarray(80000), true);

    const rgb = await decodeFull(grayPngAround(width, height, zlib.finish()), 65536);

    const expected = raw.filter((_, i) => i % (width + 1) !== 0);
    expect(rgb.filter((_, i) => i % 3 === 0)).toEqual(expected);
  });

  it("ignores data past the last row, however long (only the rows are decoded)", async () => {
    const image = rows(0, HEIGHT, (x, y) => x + y * 16);
    const extra = new Uint8Array(60000).fill(7);
    const zlib = new ZlibWriter().stored(Uint8Array.from(image));
    for (let i = 0; i < 40; i++) zlib.stored(extra); // 2.4 MB more than the image
    const stream = zlib.stored(new Uint8Array(0), true).finish();

    expect(await decodeGray(stream, 65536)).toEqual(expectedGray(zlib));
  });

  it.each([[1], [7], [4096]])(
    "fixed-Huffman blocks with overlapping matches at distances 1 to 17 and the longest length (network chunks of %i bytes)",
    async (chunkSize) => {
      const zlib = new ZlibWriter()
        .fixed([
          ...rows(0, 1, (x) => 140 + x * 7), // literals of both 8 and 9 bits
          ...[0, 200, [3, 1], [4, 2], [3, 7], [5, 3]], // row 1: short distances, copied byte by byte
          [17, 17], // row 2: row 1 again
        ] as Array<number | [number, number]>)
        .fixed([0, 9, 8, 7, 6, 5, 4, 3, 2, [8, 8], [258, 17], [14, 17]]) // row 3, then rows 4-19 as one longest match and a short one
        .stored(Uint8Array.from(rows(20, HEIGHT, (x, y) => x * y)), true);
      const stream = zlib.finish();
      expect(zlib.content.length).toBe(HEIGHT * (WIDTH + 1));
      expect(zlib.content.filter((_, i) => i % (WIDTH + 1) === 0).every((filter) => filter === 0)).toBe(true);

      expect(await decodeGray(stream, chunkSize)).toEqual(expectedGray(zlib));
    },
  );
});
