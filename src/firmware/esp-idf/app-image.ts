import { hex, u32le } from "../../blobs/bytes";
import { AppError } from "../../errors";

/**
 * Reads the application descriptor of an ESP-IDF app image (esp_app_format.h,
 * esp_app_desc.h). The image starts with esp_image_header_t (24 bytes, magic
 * 0xE9) and the first segment's esp_image_segment_header_t (8 bytes); the
 * first segment (DROM) begins with esp_app_desc_t, so the descriptor sits at
 * offset 32. All multi-byte fields are little-endian.
 *
 *   esp_app_desc_t          offset  size
 *     magic_word 0xABCD5432      0     4
 *     secure_version             4     4
 *     reserv1[2]                 8     8
 *     version                   16    32
 *     project_name              48    32
 *     time                      80    16
 *     date                      96    16
 *     idf_ver                  112    32
 *     app_elf_sha256           144    32
 */
export const IMAGE_HEADER_MAGIC = 0xe9;
export const APP_DESC_MAGIC = 0xabcd5432;
export const APP_DESC_OFFSET = 24 + 8;
/** Bytes of the image needed to read the descriptor (up to the end of app_elf_sha256). */
export const APP_HEAD_BYTES = APP_DESC_OFFSET + 176;
/** ESP_IMAGE_MAX_SEGMENTS. */
const MAX_SEGMENTS = 16;

export interface AppDescriptor {
  version: string;
  projectName: string;
  time: string;
  date: string;
  idfVer: string;
  secureVersion: number;
  /** Lowercase hex of the ELF file's SHA-256, as the build embedded it. */
  appElfSha256: string;
}

/** The descriptor of an app image, or an unprocessable-content error naming what is wrong. */
export function readAppDescriptor(head: Uint8Array, name: string): AppDescriptor {
  const fail = (why: string) => new AppError("unprocessable", `${name}: not an ESP-IDF app image (${why}).`);
  if (head.length < APP_HEAD_BYTES) throw fail(`only ${head.length} bytes`);
  if (head[0] !== IMAGE_HEADER_MAGIC) throw fail("no 0xE9 image header");
  const segments = head[1]!;
  if (segments < 1 || segments > MAX_SEGMENTS) throw fail(`segment count ${segments}`);
  if (u32le(head, APP_DESC_OFFSET) !== APP_DESC_MAGIC) throw fail("no esp_app_desc_t magic 0xABCD5432 at offset 32");
  const text = (offset: number, size: number, field: string) =>
    cString(head.subarray(APP_DESC_OFFSET + offset, APP_DESC_OFFSET + offset + size), field, fail);
  const version = text(16, 32, "version");
  if (version === "") throw fail("empty version");
  const elf = head.subarray(APP_DESC_OFFSET + 144, APP_DESC_OFFSET + 176);
  if (elf.every((b) => b === 0)) throw fail("app_elf_sha256 is all zeros");
  return {
    version,
    projectName: text(48, 32, "project_name"),
    time: text(80, 16, "time"),
    date: text(96, 16, "date"),
    idfVer: text(112, 32, "idf_ver"),
    secureVersion: u32le(head, APP_DESC_OFFSET + 4),
    appElfSha256: hex(elf),
  };
}

/** A fixed-size C char array: printable ASCII up to the first NUL. */
function cString(bytes: Uint8Array, field: string, fail: (why: string) => AppError): string {
  const end = bytes.indexOf(0);
  const used = bytes.subarray(0, end === -1 ? bytes.length : end);
  if (used.some((b) => b < 0x20 || b > 0x7e)) throw fail(`${field} is not printable text`);
  return String.fromCharCode(...used);
}
