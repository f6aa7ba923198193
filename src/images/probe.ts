import { u16be, u16le, u24le, u32be, u32le } from "../blobs/bytes";
import { AppError } from "../errors";
import { readHeif } from "./probe-heif";

/**
 * Reads an image's format, dimensions and EXIF orientation from its header
 * (JPEG SOFn, PNG IHDR, GIF screen descriptor, WebP VP8/VP8L/VP8X) and checks
 * that the file is whole, all before any decoder runs: photon traps on bad
 * input and leaks what it had allocated, and a tiny file can claim a huge
 * canvas (a decompression bomb).
 */
export type ImageFormat = "jpeg" | "png" | "gif" | "webp" | "heic" | "avif";

export interface ImageInfo {
  format: ImageFormat;
  /** Stored size; 0 when a HEIF/AVIF header does not state it where the probe looks. */
  width: number;
  height: number;
  /** EXIF orientation 1-8 (1 = as stored); a HEIF's irot/imir, expressed the same way. */
  orientation: number;
  /** JPEG: colour components (1 gray, 3 YCbCr, 4 CMYK/YCCK) and progressive (SOF2/6/10/14) coding, which set its decode memory. */
  components?: number;
  progressive?: boolean;
  /** JPEG: each component's [h, v] sampling factors (a progressive decode's coefficient memory depends on them). */
  sampling?: Array<[number, number]>;
  /** PNG: IHDR's bit depth, colour type and interlace method. */
  bitDepth?: number;
  colorType?: number;
  interlaced?: boolean;
}

/**
 * The image's header facts from its first bytes, or undefined when `bytes`
 * is only a prefix that ends before the header does (a JPEG's frame header
 * may follow large metadata segments). Whether the image fits in memory is
 * decided from these facts by plan.ts.
 */
export function probeHeader(bytes: Uint8Array, isWhole: boolean): ImageInfo | undefined {
  const info = readHeader(bytes);
  if (info === undefined) {
    if (isWhole) throw corrupt("the JPEG has no frame header");
    return undefined;
  }
  const sized = info.format !== "heic" && info.format !== "avif";
  if (sized && (info.width < 1 || info.height < 1)) throw corrupt("its header gives no size");
  return info;
}

/** probeHeader on a whole file, plus the check that the file is not cut short. */
export function probeImage(bytes: Uint8Array): ImageInfo {
  const info = probeHeader(bytes, true)!;
  if (!isComplete(info.format, bytes)) throw corrupt("the file is truncated");
  return info;
}

function readHeader(b: Uint8Array): ImageInfo | undefined {
  const ascii = (at: number, text: string) => [...text].every((ch, i) => b[at + i] === ch.charCodeAt(0));
  if (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return readJpeg(b);
  if (ascii(0, "\x89PNG\r\n\x1a\n")) {
    if (b.length < 29 || !ascii(12, "IHDR")) throw corrupt("the PNG has no IHDR");
    return { format: "png", width: u32be(b, 16), height: u32be(b, 20), orientation: 1, bitDepth: b[24], colorType: b[25], interlaced: b[28] === 1 };
  }
  if (ascii(0, "GIF87a") || ascii(0, "GIF89a")) {
    if (b.length < 10) throw corrupt("the GIF header is cut short");
    return { format: "gif", width: u16le(b, 6), height: u16le(b, 8), orientation: 1 };
  }
  if (ascii(0, "RIFF") && ascii(8, "WEBP")) return readWebp(b, ascii);
  if (ascii(4, "ftyp")) {
    const heif = readHeif(b);
    if (heif) return heif;
  }
  throw new AppError("unsupported_media_type", "Thumbnails are made from JPEG, PNG, GIF, WebP, HEIC and AVIF images only.");
}

function readJpeg(b: Uint8Array): ImageInfo | undefined {
  let orientation = 1;
  let at = 2;
  while (at + 4 <= b.length) {
    if (b[at] !== 0xff) throw corrupt("a JPEG marker is malformed");
    const marker = b[at + 1]!;
    if (marker === 0xff) {
      at++; // fill byte
      continue;
    }
    const length = u16be(b, at + 2);
    if (marker === 0xe1 && length > 8) orientation = exifOrientation(b.subarray(at + 4, at + 2 + length)) ?? orientation;
    // SOF0-SOF15 carry the frame size; C4 (DHT), C8 (JPG) and CC (DAC) share the range but are not frames.
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      if (at + 10 > b.length) return undefined;
      const progressive = marker === 0xc2 || marker === 0xc6 || marker === 0xca || marker === 0xce;
      const components = b[at + 9]!;
      if (at + 10 + components * 3 > b.length) return undefined;
      const sampling = Array.from({ length: components }, (_, i): [number, number] => [b[at + 11 + i * 3]! >> 4, b[at + 11 + i * 3]! & 15]);
      return { format: "jpeg", height: u16be(b, at + 5), width: u16be(b, at + 7), orientation, components, progressive, sampling };
    }
    if (marker === 0xda) throw corrupt("the JPEG has no frame header"); // scan data before any frame header
    at += 2 + length;
  }
  return undefined;
}

/** The Orientation tag (0x0112) of an APP1 Exif segment's first IFD. */
function exifOrientation(app1: Uint8Array): number | undefined {
  if (!(app1[0] === 0x45 && app1[1] === 0x78 && app1[2] === 0x69 && app1[3] === 0x66)) return undefined; // "Exif"
  const tiff = app1.subarray(6);
  if (tiff.length < 8) return undefined;
  const little = tiff[0] === 0x49; // "II" little-endian, "MM" big-endian
  const u16 = (at: number) => (little ? u16le(tiff, at) : u16be(tiff, at));
  const u32 = (at: number) => (little ? u32le(tiff, at) : u32be(tiff, at));
  const ifd = u32(4);
  if (ifd + 2 > tiff.length) return undefined;
  const count = u16(ifd);
  for (let i = 0; i < count; i++) {
    const entry = ifd + 2 + i * 12;
    if (entry + 12 > tiff.length) return undefined;
    if (u16(entry) === 0x0112) {
      const value = u16(entry + 8);
      return value >= 1 && value <= 8 ? value : undefined;
    }
  }
  return undefined;
}

function readWebp(b: Uint8Array, ascii: (at: number, text: string) => boolean): ImageInfo {
  if (b.length < 30) throw corrupt("the WebP header is cut short");
  if (ascii(12, "VP8X")) return { format: "webp", width: 1 + u24le(b, 24), height: 1 + u24le(b, 27), orientation: 1 };
  if (ascii(12, "VP8L")) {
    const bits = u32le(b, 21);
    return { format: "webp", width: 1 + (bits & 0x3fff), height: 1 + ((bits >>> 14) & 0x3fff), orientation: 1 };
  }
  if (ascii(12, "VP8 ")) return { format: "webp", width: u16le(b, 26) & 0x3fff, height: u16le(b, 28) & 0x3fff, orientation: 1 };
  throw corrupt("the WebP has no VP8 chunk");
}

/** Each format ends with a known trailer; a file cut short lacks it. */
function isComplete(format: ImageFormat, b: Uint8Array): boolean {
  const tail = b.subarray(Math.max(0, b.length - 1024));
  switch (format) {
    case "jpeg": // EOI, possibly followed by padding or vendor trailers
      return tail.some((v, i) => v === 0xff && tail[i + 1] === 0xd9);
    case "png":
      return new TextDecoder("latin1").decode(b.subarray(Math.max(0, b.length - 12))).startsWith("\0\0\0\0IEND");
    case "gif":
      return b[b.length - 1] === 0x3b;
    case "webp":
      return b.length >= 8 + u32le(b, 4);
    case "heic":
    case "avif":
      return true; // decoded by the Images binding, which judges the file itself
  }
}

export function corrupt(why: string): AppError {
  return new AppError("corrupt_image", `The image cannot be decoded: ${why}.`);
}
