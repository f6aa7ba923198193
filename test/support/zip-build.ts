import { deflateSync } from "fflate";
import { crc32 } from "../../src/blobs/crc32";
import { concat } from "./bytes";

/**
 * ZIPs written field by field, so a test can make the central directory
 * say something other than the local header (or put bytes where no zipper
 * would) and see the store refuse it. Every entry starts out as a plain
 * `zip -r` would write it: sizes and CRC in both headers, no data descriptor.
 */
const encoder = new TextEncoder();

export interface HeaderFields {
  name: Uint8Array;
  flags: number;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  extra: Uint8Array;
}

export interface HandEntry {
  local: HeaderFields;
  /** `offset`: where the record says the local header starts (by default, where it does). */
  central: HeaderFields & { offset?: number };
  /** The bytes after the local header: the compressed data, plus whatever a test appends. */
  data: Uint8Array;
}

export interface HandZipOptions {
  /** Where the end record says the central directory starts (by default, where it does). */
  centralOffset?: number;
  /** Bytes between the last central record and the end record. */
  beforeEnd?: Uint8Array;
  /** Central records in this order of entries (by default, the entries' own). */
  centralOrder?: number[];
}

/** One entry per file, deflated (level 6) unless `method` is 0; names with the UTF-8 flag when not ASCII. */
export function handEntries(files: Record<string, Uint8Array>, method: 0 | 8 = 8): HandEntry[] {
  return Object.entries(files).map(([name, bytes]) => {
    const data = method === 8 ? deflateSync(bytes, { level: 6 }) : bytes;
    const rawName = encoder.encode(name);
    const fields = (): HeaderFields => ({
      name: rawName,
      flags: /[^\x00-\x7f]/.test(name) ? 0x800 : 0,
      method,
      crc: crc32(bytes),
      compressedSize: data.length,
      size: bytes.length,
      extra: new Uint8Array(0),
    });
    return { local: fields(), central: fields(), data };
  });
}

export function handZip(entries: HandEntry[], options: HandZipOptions = {}): Uint8Array {
  const parts: Uint8Array[] = [];
  const offsets: number[] = [];
  let at = 0;
  for (const entry of entries) {
    offsets.push(at);
    const header = localHeader(entry.local);
    parts.push(header, entry.data);
    at += header.length + entry.data.length;
  }
  const centralStart = at;
  const order = options.centralOrder ?? entries.map((_, i) => i);
  const records = order.map((i) => centralRecord(entries[i]!.central, entries[i]!.central.offset ?? offsets[i]!));
  const beforeEnd = options.beforeEnd ?? new Uint8Array(0);
  const centralSize = records.reduce((n, r) => n + r.length, 0) + beforeEnd.length;
  const end = new Uint8Array(22);
  const v = new DataView(end.buffer);
  v.setUint32(0, 0x06054b50, true);
  v.setUint16(8, records.length, true);
  v.setUint16(10, records.length, true);
  v.setUint32(12, centralSize, true);
  v.setUint32(16, options.centralOffset ?? centralStart, true);
  return concat([...parts, ...records, beforeEnd, end]);
}

function localHeader(f: HeaderFields): Uint8Array {
  const h = new Uint8Array(30 + f.name.length + f.extra.length);
  const v = new DataView(h.buffer);
  v.setUint32(0, 0x04034b50, true);
  v.setUint16(4, 20, true); // version needed: 2.0 (deflate)
  v.setUint16(6, f.flags, true);
  v.setUint16(8, f.method, true);
  v.setUint16(10, 0x6000, true); // 12:00:00
  v.setUint16(12, 0x5b7b, true); // 2025-11-27
  v.setUint32(14, f.crc, true);
  v.setUint32(18, f.compressedSize, true);
  v.setUint32(22, f.size, true);
  v.setUint16(26, f.name.length, true);
  v.setUint16(28, f.extra.length, true);
  h.set(f.name, 30);
  h.set(f.extra, 30 + f.name.length);
  return h;
}

function centralRecord(f: HeaderFields, offset: number): Uint8Array {
  const r = new Uint8Array(46 + f.name.length + f.extra.length);
  const v = new DataView(r.buffer);
  v.setUint32(0, 0x02014b50, true);
  v.setUint16(4, 0x031e, true); // made by: Unix, 3.0
  v.setUint16(6, 20, true);
  v.setUint16(8, f.flags, true);
  v.setUint16(10, f.method, true);
  v.setUint16(12, 0x6000, true);
  v.setUint16(14, 0x5b7b, true);
  v.setUint32(16, f.crc, true);
  v.setUint32(20, f.compressedSize, true);
  v.setUint32(24, f.size, true);
  v.setUint16(28, f.name.length, true);
  v.setUint16(30, f.extra.length, true);
  v.setUint32(38, 0o100644 << 16, true); // external attributes: a regular file, rw-r--r--
  v.setUint32(42, offset, true);
  r.set(f.name, 46);
  r.set(f.extra, 46 + f.name.length);
  return r;
}

/** An Info-ZIP Unicode Path extra field (0x7075) giving the entry `name` instead of `headerName`. */
export function unicodePathExtra(headerName: Uint8Array, name: string): Uint8Array {
  const utf8 = encoder.encode(name);
  const out = new Uint8Array(9 + utf8.length);
  const v = new DataView(out.buffer);
  v.setUint16(0, 0x7075, true);
  v.setUint16(2, 5 + utf8.length, true);
  out[4] = 1;
  v.setUint32(5, crc32(headerName), true);
  out.set(utf8, 9);
  return out;
}
