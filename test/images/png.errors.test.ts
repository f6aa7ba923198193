import { describe, expect, it } from "vitest";
import { casGet, storeBytes } from "../support/blobs";
import { concat } from "../support/bytes";
import { fixture } from "../support/fixtures";
import { chunk, grayPngAround, makePng, ZlibWriter } from "../support/png";

async function problem(bytes: Uint8Array) {
  const res = await casGet(await storeBytes(bytes), "?thumbnail=64");
  expect(res.status).toBe(422);
  expect(res.headers.get("Content-Type")).toBe("application/problem+json");
  return ((await res.json()) as { detail: string }).detail;
}

const stripes = (y: number, rgb: Uint8Array) => rgb.fill(y % 2 ? 200 : 20);

describe("PNGs that cannot be decoded as they stream", () => {
  it("answers a PNG cut short in its image data with 422", async () => {
    const png = await makePng(600, 400, stripes);
    expect(await problem(png.subarray(0, Math.floor(png.length * 0.6)))).toMatch(/truncated|ends before/);
  });

  it("answers a PNG whose IHDR fails its CRC with 422", async () => {
    const png = fixture("small.png").slice();
    png[29] = png[29]! ^ 0xff; // a CRC byte of IHDR
    expect(await problem(png)).toMatch(/CRC/);
  });

  it("answers corrupt compressed data with 422", async () => {
    const png = await makePng(600, 400, stripes);
    const signatureAndIhdr = png.subarray(0, 33);
    const noise = new Uint8Array(5000).map((_, i) => (i * 131) & 0xff);
    expect(await problem(concat([signatureAndIhdr, chunk("IDAT", noise), chunk("IEND", new Uint8Array(0))]))).toMatch(
      /compressed image data is corrupt/,
    );
  });

  it("answers a palette PNG without PLTE with 422", async () => {
    const ihdr = new Uint8Array(13);
    new DataView(ihdr.buffer).setUint32(0, 10);
    new DataView(ihdr.buffer).setUint32(4, 10);
    ihdr.set([8, 3, 0, 0, 0], 8);
    const png = concat([
      fixture("small.png").subarray(0, 8),
      chunk("IHDR", ihdr),
      chunk("IDAT", new Uint8Array([0x78, 0x9c, 3, 0, 0, 0, 0, 1])),
      chunk("IEND", new Uint8Array(0)),
    ]);
    expect(await problem(png)).toMatch(/PLTE/);
  });
});

describe("a PNG whose rows are wrong", () => {
  it("answers an unknown row filter type with 422, naming it", async () => {
    const raw = new Uint8Array(11 * 10);
    for (let y = 0; y < 10; y++) raw[y * 11] = y === 5 ? 9 : 0; // row 5 claims filter type 9
    const stream = new Blob([raw]).stream().pipeThrough(new CompressionStream("deflate"));
    const idat = new Uint8Array(await new Response(stream).arrayBuffer());
    const ihdr = new Uint8Array(13);
    new DataView(ihdr.buffer).setUint32(0, 10);
    new DataView(ihdr.buffer).setUint32(4, 10);
    ihdr.set([8, 0, 0, 0, 0], 8); // 8-bit gray: 10 bytes a row
    const png = concat([fixture("small.png").subarray(0, 8), chunk("IHDR", ihdr), chunk("IDAT", idat), chunk("IEND", new Uint8Array(0))]);
    expect(await problem(png)).toMatch(/filter type 9/);
  });
});

describe("a PNG whose zlib stream breaks its own rules", () => {
  /** 8×4 gray rows (filter 0), written as one fixed-Huffman block. */
  const rows = () => Array.from({ length: 4 * 9 }, (_, i) => (i % 9 === 0 ? 0 : i * 5));

  it("answers a stream whose Adler-32 does not match its data with 422", async () => {
    const zlib = new ZlibWriter().fixed(rows(), true);
    const png = grayPngAround(8, 4, zlib.finish(0x12345678));
    expect(await problem(png)).toMatch(/compressed image data is corrupt \(incorrect data check\)/);
  });

  it("answers a complete stream that holds fewer rows than IHDR promises with 422", async () => {
    const zlib = new ZlibWriter().fixed(rows(), true); // 4 rows
    const png = grayPngAround(8, 5, zlib.finish());
    expect(await problem(png)).toMatch(/ends before its last row/);
  });

  it("answers a match that reaches back before the start of the data with 422", async () => {
    const zlib = new ZlibWriter().fixed([0, 1, 2, [20, 40], ...rows().slice(23)], true);
    const png = grayPngAround(8, 4, zlib.finish(0));
    expect(await problem(png)).toMatch(/compressed image data is corrupt \(invalid distance too far back\)/);
  });
});
