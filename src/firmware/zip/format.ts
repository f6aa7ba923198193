import { u16le } from "../../blobs/bytes";

/** ZIP record layouts both readers of an archive share (APPNOTE.TXT 4.3). */
export const LOCAL_HEADER = 0x04034b50;
export const CENTRAL_HEADER = 0x02014b50;
export const END_OF_CENTRAL = 0x06054b50;
/** Info-ZIP Unicode Path extra field: a second name that unzip tools show instead of the header's (APPNOTE 4.6.9). */
const UNICODE_PATH_EXTRA = 0x7075;

export interface ZipLimits {
  /** The archive itself, in bytes. */
  maxArchiveBytes: number;
  maxEntries: number;
  /** Sum of every entry's inflated size. */
  maxTotalBytes: number;
  /** Inflated : compressed, per entry (a zip bomb's tell). */
  maxRatio: number;
  /** Small entries may compress very well (padding); the ratio counts once an entry passes this size. */
  ratioFloor: number;
}

export interface ZipEntry {
  name: string;
  size: number;
  compressedSize: number;
}

/** Where one entry's inflated bytes go; write() resolving is the backpressure. */
export interface EntrySink {
  write(chunk: Uint8Array): Promise<void>;
  close(): Promise<void>;
  abort(reason: unknown): void;
}

/** An entry as its local header describes it, and where that header starts in the archive. */
export interface LocalEntry {
  name: string;
  rawName: Uint8Array;
  offset: number;
  flags: number;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
}

/** The name an extra field block gives the entry instead of its own, or null when it gives none. */
export function unicodePathOf(extra: Uint8Array): string | null {
  for (let at = 0; at + 4 <= extra.length; at += 4 + u16le(extra, at + 2)) {
    if (u16le(extra, at) !== UNICODE_PATH_EXTRA) continue;
    // version (1) + CRC-32 of the header name (4) + the UTF-8 name.
    const end = Math.min(at + 4 + u16le(extra, at + 2), extra.length);
    return new TextDecoder().decode(extra.subarray(Math.min(at + 9, end), end));
  }
  return null;
}

export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
