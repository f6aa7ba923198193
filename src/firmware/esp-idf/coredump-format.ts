import { u16le, u32le } from "../../blobs/bytes";

/**
 * What the store can learn from an ESP-IDF core dump without the ELF: the
 * app ELF SHA-256 (a prefix of it) that built the crashed firmware.
 *
 * An ELF-format dump (CONFIG_ESP_COREDUMP_DATA_FORMAT_ELF) as read from the
 * coredump partition is a core_dump_header_t (20 bytes in older ESP-IDF, 24
 * since chip_rev was added) followed by an ELF32 core file; some uploaders
 * send the bare ELF. Among its PT_NOTE notes, one named "ESP_CORE_DUMP_INFO"
 * (type 8266) holds core_dump_elf_version_info_t: a uint32 version, then
 * the ELF SHA-256 as a NUL-terminated hex string, only as long as
 * CONFIG_APP_RETRIEVE_LEN_ELF_SHA (9 characters by default), in a field of
 * ELF_APP_SHA256_SIZE (66) bytes.
 * (esp-idf components/espcoredump/src/core_dump_elf.c)
 */
const ELF_MAGIC = 0x464c457f; // "\x7fELF" read little-endian
const PT_NOTE = 4;
const INFO_NOTE_TYPE = 8266;
const INFO_NOTE_NAME = "ESP_CORE_DUMP_INFO";
/** ESP-IDF accepts CONFIG_APP_RETRIEVE_LEN_ELF_SHA from 8 to 64. */
const MIN_PREFIX = 8;
/** core_dump_elf_version_info_t.app_elf_sha256 is char[ELF_APP_SHA256_SIZE]: 64 hex digits and a NUL, padded. Nothing past it is read. */
const SHA_FIELD_BYTES = 66;
/** Not fatal: a byte that is not ASCII becomes U+FFFD, which no hex digit or note name matches. */
const text = new TextDecoder();
const HEADER_SIZES = [0, 24, 20];

const align4 = (n: number) => (n + 3) & ~3;

/** The lowercase hex prefix of the app ELF SHA-256 the dump names, or null when it names none readably. */
export function elfShaPrefixOf(dump: Uint8Array): string | null {
  // -1 past the end, which every check below refuses.
  const u32 = (at: number) => (at >= 0 && at + 4 <= dump.length ? u32le(dump, at) : -1);
  const u16 = (at: number) => (at >= 0 && at + 2 <= dump.length ? u16le(dump, at) : -1);
  for (const base of HEADER_SIZES) {
    if (u32(base) !== ELF_MAGIC) continue;
    // ELFCLASS32, little-endian: the only kind ESP-IDF writes.
    if (dump[base + 4] !== 1 || dump[base + 5] !== 1) return null;
    const phoff = u32(base + 28);
    const phentsize = u16(base + 42);
    const phnum = u16(base + 44);
    if (phoff < 0 || phentsize < 32 || phnum < 0) return null;
    for (let i = 0; i < phnum; i++) {
      const ph = base + phoff + i * phentsize;
      if (u32(ph) !== PT_NOTE) continue;
      const found = scanNotes(dump, base + u32(ph + 4), u32(ph + 16), u32);
      if (found) return found;
    }
    return null;
  }
  return null;
}

function scanNotes(dump: Uint8Array, start: number, size: number, u32: (at: number) => number): string | null {
  const end = Math.min(start + size, dump.length);
  let at = start;
  while (at + 12 <= end) {
    const nameSize = u32(at);
    const descSize = u32(at + 4);
    const type = u32(at + 8);
    if (nameSize < 0 || descSize < 0 || nameSize > 64 || descSize > end) return null;
    const nameStart = at + 12;
    const descStart = nameStart + align4(nameSize);
    const name = text.decode(dump.subarray(nameStart, Math.min(nameStart + nameSize, end))).replace(/\0+$/, "");
    if (type === INFO_NOTE_TYPE && name === INFO_NOTE_NAME && descStart + 4 <= end) {
      // A note longer than the C field (a device can send anything) is read no further than the field.
      const field = dump.subarray(descStart + 4, Math.min(descStart + descSize, end, descStart + 4 + SHA_FIELD_BYTES));
      const nul = field.indexOf(0);
      const hex = text.decode(nul === -1 ? field : field.subarray(0, nul)).toLowerCase();
      return /^[0-9a-f]+$/.test(hex) && hex.length >= MIN_PREFIX && hex.length <= 64 ? hex : null;
    }
    at = descStart + align4(descSize);
  }
  return null;
}
