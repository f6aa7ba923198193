import type { Sniffer } from "../blobs/store";
import { essence } from "../http/media-type";

/** Bytes needed to recognise every signature below. */
export const SNIFF_BYTES = 16;

/** The media type the first bytes prove, for the types whose handling depends on it. */
export function sniffMediaType(head: Uint8Array): string | undefined {
  const starts = (...sig: number[]) => sig.every((b, i) => head[i] === b);
  const ascii = (at: number, text: string) => [...text].every((ch, i) => head[at + i] === ch.charCodeAt(0));
  if (starts(0xff, 0xd8, 0xff)) return "image/jpeg";
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return "image/png";
  if (ascii(0, "GIF87a") || ascii(0, "GIF89a")) return "image/gif";
  if (ascii(0, "RIFF") && ascii(8, "WEBP")) return "image/webp";
  // ISO-BMFF images: the ftyp box's major brand (iPhone photos are heic).
  if (ascii(4, "ftypheic") || ascii(4, "ftypheix")) return "image/heic";
  if (ascii(4, "ftypavif") || ascii(4, "ftypavis")) return "image/avif";
  if (ascii(4, "ftypmif1") || ascii(4, "ftypmsf1")) return "image/heif";
  if (ascii(0, "%PDF-")) return "application/pdf";
  return undefined;
}

/**
 * The bytes decide for images and PDFs: a client that says image/png for a
 * JPEG gets image/jpeg, and one that claims an image or PDF the bytes are
 * not gets application/octet-stream. Other declared types are kept.
 */
export function resolveContentType(declared: string | undefined, head: Uint8Array): string {
  const sniffed = sniffMediaType(head);
  if (sniffed) return sniffed;
  if (!declared) return "application/octet-stream";
  const type = essence(declared);
  return type.startsWith("image/") || type === "application/pdf" ? "application/octet-stream" : declared;
}

/** What store() is handed to decide a new blob's type from its first bytes. */
export const contentSniffer: Sniffer = { bytes: SNIFF_BYTES, resolve: resolveContentType };
