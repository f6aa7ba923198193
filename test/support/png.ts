/**
 * Builds large PNGs inside the test, with the runtime's CompressionStream:
 * one row at a time through a row filter (Sub), so a 50 MP image never sits
 * in memory uncompressed. `fillRow(y, rgb)` writes row y as packed RGB.
 */

import { concat } from "./bytes";

/** The seven Adam7 passes (PNG spec §8.2): start offset and step in each direction. */
export const ADAM7 = [
  { x: 0, y: 0, dx: 8, dy: 8 },
  { x: 4, y: 0, dx: 8, dy: 8 },
  { x: 0, y: 4, dx: 4, dy: 8 },
  { x: 2, y: 0, dx: 4, dy: 4 },
  { x: 0, y: 2, dx: 2, dy: 4 },
  { x: 1, y: 0, dx: 2, dy: 2 },
  { x: 0, y: 1, dx: 1, dy: 2 },
] as const;
export async function makePng(
  width: number,
  height: number,
  fillRow: (y: number, rgb: Uint8Array) => void,
  options: { interlaced?: boolean } = {},
): Promise<Uint8Array> {
  const full = new Uint8Array(width * 3);
  const deflate = new CompressionStream("deflate");
  const writer = deflate.writable.getWriter();
  const compressed = new Response(deflate.readable).arrayBuffer();
  const passes = options.interlaced ? ADAM7 : [{ x: 0, y: 0, dx: 1, dy: 1 }];
  for (const pass of passes) {
    const pw = Math.ceil((width - pass.x) / pass.dx);
    for (let y = pass.y; y < height && pw > 0; y += pass.dy) {
      const row = new Uint8Array(1 + pw * 3);
      row[0] = 1; // Sub: each byte minus the one three to its left
      fillRow(y, full);
      for (let i = 0, x = pass.x; i < pw; i++, x += pass.dx) row.set(full.subarray(x * 3, x * 3 + 3), 1 + i * 3);
      for (let i = row.length - 1; i > 3; i--) row[i] = (row[i]! - row[i - 3]!) & 0xff;
      await writer.write(row);
    }
  }
  await writer.close();
  const idat = new Uint8Array(await compressed);
  const ihdr = new Uint8Array(13);
  const view = new DataView(ihdr.buffer);
  view.setUint32(0, width);
  view.setUint32(4, height);
  ihdr.set([8, 2, 0, 0, options.interlaced ? 1 : 0], 8);
  // Several IDAT chunks, as encoders write them: the zlib stream continues across them.
  const parts = [PNG_SIGNATURE, chunk("IHDR", ihdr)];
  for (let at = 0; at < idat.length; at += 65536) parts.push(chunk("IDAT", idat.subarray(at, at + 65536)));
  parts.push(chunk("IEND", new Uint8Array(0)));
  return concat(parts);
}

export function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

function crc32(bytes: Uint8Array): number {
  let c = ~0;
  for (const b of bytes) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

export interface PngSpec {
  width: number;
  height: number;
  colorType: 0 | 2 | 3 | 4 | 6;
  bitDepth: 1 | 2 | 4 | 8 | 16;
  interlaced?: boolean;
  palette?: Uint8Array;
  transparency?: Uint8Array;
  /** Sample `channel` of pixel (x, y), within the bit depth's range. */
  sample: (x: number, y: number, channel: number) => number;
}

const CHANNELS = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 } as const;

/**
 * Any PNG layout, small: every colour type and bit depth, Adam7 or not, with
 * the five row filters taken in turn (so each reversal path is exercised),
 * compressed by the runtime's CompressionStream.
 */
export async function encodePng(spec: PngSpec): Promise<Uint8Array> {
  const { width, height, colorType, bitDepth } = spec;
  const channels = CHANNELS[colorType];
  const bits = channels * bitDepth;
  const bpp = Math.max(1, bits >> 3);
  const raw: Uint8Array[] = [];
  const passes = spec.interlaced ? ADAM7 : [{ x: 0, y: 0, dx: 1, dy: 1 }];
  let filter = 0;
  for (const pass of passes) {
    const pw = Math.ceil((width - pass.x) / pass.dx);
    const ph = Math.ceil((height - pass.y) / pass.dy);
    if (pw <= 0 || ph <= 0) continue;
    const rowBytes = Math.ceil((pw * bits) / 8);
    let prev = new Uint8Array(rowBytes);
    for (let r = 0; r < ph; r++) {
      const row = new Uint8Array(rowBytes);
      for (let i = 0; i < pw; i++) {
        for (let c = 0; c < channels; c++) {
          const value = spec.sample(pass.x + i * pass.dx, pass.y + r * pass.dy, c);
          const n = i * channels + c;
          if (bitDepth === 16) {
            row[n * 2] = value >> 8;
            row[n * 2 + 1] = value & 0xff;
          } else if (bitDepth === 8) {
            row[n] = value;
          } else {
            row[(n * bitDepth) >> 3]! |= value << (8 - bitDepth - ((n * bitDepth) & 7));
          }
        }
      }
      raw.push(filterRow(filter++ % 5, row, prev, bpp));
      prev = row;
    }
  }
  const idat = await deflate(concat(raw));
  const ihdr = new Uint8Array(13);
  new DataView(ihdr.buffer).setUint32(0, width);
  new DataView(ihdr.buffer).setUint32(4, height);
  ihdr.set([bitDepth, colorType, 0, 0, spec.interlaced ? 1 : 0], 8);
  const parts = [PNG_SIGNATURE, chunk("IHDR", ihdr)];
  if (spec.palette) parts.push(chunk("PLTE", spec.palette));
  if (spec.transparency) parts.push(chunk("tRNS", spec.transparency));
  // Small IDAT chunks, as libpng writes them: the zlib stream runs across them.
  for (let at = 0; at < idat.length; at += 100) parts.push(chunk("IDAT", idat.subarray(at, at + 100)));
  parts.push(chunk("IEND", new Uint8Array(0)));
  return concat(parts);
}

/** A PNG of 8-bit gray rows (filter type 0) around a zlib stream made by hand. */
export function grayPngAround(width: number, height: number, zlibStream: Uint8Array): Uint8Array {
  const ihdr = new Uint8Array(13);
  new DataView(ihdr.buffer).setUint32(0, width);
  new DataView(ihdr.buffer).setUint32(4, height);
  ihdr.set([8, 0, 0, 0, 0], 8);
  return concat([PNG_SIGNATURE, chunk("IHDR", ihdr), chunk("IDAT", zlibStream), chunk("IEND", new Uint8Array(0))]);
}

const PNG_SIGNATURE = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

async function deflate(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes]).stream().pipeThrough(new CompressionStream("deflate"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** Applies PNG filter `type` (spec §9.2) to `row`, given the row above. */
function filterRow(type: number, row: Uint8Array, prev: Uint8Array, bpp: number): Uint8Array {
  const out = new Uint8Array(row.length + 1);
  out[0] = type;
  for (let i = 0; i < row.length; i++) {
    const a = i >= bpp ? row[i - bpp]! : 0;
    const b = prev[i]!;
    const c = i >= bpp ? prev[i - bpp]! : 0;
    let predicted = 0;
    if (type === 1) predicted = a;
    else if (type === 2) predicted = b;
    else if (type === 3) predicted = (a + b) >> 1;
    else if (type === 4) {
      const p = a + b - c;
      const [pa, pb, pc] = [Math.abs(p - a), Math.abs(p - b), Math.abs(p - c)];
      predicted = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
    out[i + 1] = (row[i]! - predicted) & 0xff;
  }
  return out;
}

/**
 * zlib streams written by hand (RFC 1950/1951), for the block kinds and
 * corner cases a compressor rarely emits: stored blocks, fixed-Huffman
 * blocks with matches at chosen distances.
 */
export class ZlibWriter {
  private readonly bytes: number[] = [0x78, 0x01];
  private bitBuffer = 0;
  private bitCount = 0;
  private readonly data: number[] = [];

  /** A stored block holding `bytes`. */
  stored(bytes: Uint8Array, final = false): this {
    this.bits(final ? 1 : 0, 1);
    this.bits(0, 2);
    this.align();
    this.bytes.push(bytes.length & 0xff, bytes.length >> 8, ~bytes.length & 0xff, (~bytes.length >> 8) & 0xff);
    this.bytes.push(...bytes);
    this.data.push(...bytes);
    return this;
  }

  /** A fixed-Huffman block of literals and [length, distance] matches. */
  fixed(symbols: Array<number | [number, number]>, final = false): this {
    this.bits(final ? 1 : 0, 1);
    this.bits(1, 2);
    for (const s of symbols) {
      if (typeof s === "number") {
        this.literal(s);
        this.data.push(s);
      } else {
        this.match(s[0], s[1]);
        for (let i = 0; i < s[0]; i++) this.data.push(this.data[this.data.length - s[1]]!);
      }
    }
    this.literal(256);
    return this;
  }

  /** The stream, closed with the Adler-32 of everything it holds (or `adler`). */
  finish(adler?: number): Uint8Array {
    this.align();
    const check = adler ?? adler32(this.data);
    this.bytes.push(check >>> 24, (check >> 16) & 0xff, (check >> 8) & 0xff, check & 0xff);
    return Uint8Array.from(this.bytes);
  }

  /** The bytes the stream decompresses to. */
  get content(): Uint8Array {
    return Uint8Array.from(this.data);
  }

  private literal(value: number): void {
    // RFC 1951 §3.2.6: 0-143 → 8 bits from 0x30, 144-255 → 9 from 0x190, 256-279 → 7 from 0, 280-287 → 8 from 0xc0.
    if (value < 144) this.code(0x30 + value, 8);
    else if (value < 256) this.code(0x190 + value - 144, 9);
    else if (value < 280) this.code(value - 256, 7);
    else this.code(0xc0 + value - 280, 8);
  }

  private match(length: number, distance: number): void {
    const l = LENGTHS.findLastIndex(([base]) => base <= length);
    this.literal(257 + l);
    this.bits(length - LENGTHS[l]![0], LENGTHS[l]![1]);
    const d = DISTANCES.findLastIndex(([base]) => base <= distance);
    this.code(d, 5);
    this.bits(distance - DISTANCES[d]![0], DISTANCES[d]![1]);
  }

  /** A Huffman code: most significant bit first. */
  private code(code: number, length: number): void {
    for (let i = length - 1; i >= 0; i--) this.bits((code >> i) & 1, 1);
  }

  /** Other fields: least significant bit first. */
  private bits(value: number, count: number): void {
    for (let i = 0; i < count; i++) {
      this.bitBuffer |= ((value >> i) & 1) << this.bitCount;
      if (++this.bitCount === 8) this.flush();
    }
  }

  private align(): void {
    if (this.bitCount > 0) this.flush();
  }

  private flush(): void {
    this.bytes.push(this.bitBuffer);
    this.bitBuffer = 0;
    this.bitCount = 0;
  }
}

const LENGTHS = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258].map(
  (base, i) => [base, i < 8 || i === 28 ? 0 : (i - 4) >> 2] as const,
);
const DISTANCES = [
  1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577,
].map((base, i) => [base, i < 4 ? 0 : (i - 2) >> 1] as const);

function adler32(bytes: number[]): number {
  let a = 1;
  let b = 0;
  for (const x of bytes) {
    a = (a + x) % 65521;
    b = (b + a) % 65521;
  }
  return ((b << 16) | a) >>> 0;
}
