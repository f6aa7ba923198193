/**
 * Builds large PNGs inside the test, with the runtime's CompressionStream:
 * one row at a time through a row filter (Sub), so a 50 MP image never sits
 * in memory uncompressed. `fillRow(y, rgb)` writes row y as packed RGB.
 */

import { ADAM7 } from "../../src/images/png/adam7";
import { concat } from "./bytes";
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
  const parts = [new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk("IHDR", ihdr)];
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
