import { AppError } from "../../errors";
import { UNSAFE_NAME_CHAR } from "../../http/filename";

const UNSAFE_NAME_CHARS = new RegExp(UNSAFE_NAME_CHAR.source, "gu");
const codePoint = (c: string) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;

/**
 * Entry names are paths a client chose; they are checked before any byte of
 * the entry is read. Anything that could name a place outside the archive
 * ("zip slip"), two different files with one name, or show a reader another
 * name than the one stored is refused.
 */
export function checkEntryName(raw: Uint8Array, utf8: boolean): string {
  let name: string;
  try {
    name = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(raw);
  } catch {
    throw new AppError("unprocessable", "An entry name is not valid UTF-8.");
  }
  // Without the UTF-8 flag the name is CP437; only its ASCII subset reads the same everywhere.
  if (!utf8 && /[^\x00-\x7f]/.test(name)) throw new AppError("unprocessable", `Entry "${shownName(name)}": non-ASCII names need the UTF-8 flag.`);
  const unsafe = UNSAFE_NAME_CHAR.exec(name);
  if (unsafe) {
    throw new AppError("unprocessable", `Entry "${shownName(name)}": control, bidi or zero-width character ${codePoint(unsafe[0])} in the name.`);
  }
  const bad = (why: string) => new AppError("unprocessable", `Entry "${name}": ${why}.`);
  if (name.length === 0) throw bad("empty name");
  if (name.length > 255) throw bad("name longer than 255 characters");
  if (name.includes("\\")) throw bad("backslashes are not path separators in ZIP");
  if (name.startsWith("/") || /^[a-zA-Z]:/.test(name)) throw bad("absolute paths are refused");
  const segments = name.replace(/\/$/, "").split("/");
  if (segments.some((s) => s === ".." || s === "." || s === "")) throw bad('"..", "." and empty path segments are refused');
  return name;
}

/**
 * What makes two names one file once unzipped: case-insensitive file systems
 * (APFS, NTFS) and normalising ones (HFS+ stores NFD) put `Readme.txt` and
 * `README.txt`, or an NFC and an NFD "ü", in the same place.
 */
export function nameIdentity(name: string): string {
  return name.normalize("NFD").toLowerCase().normalize("NFC");
}

/** A name fit to quote in an error: a bidi control would reorder the message itself, so each unsafe character shows as <U+XXXX>. */
export function shownName(name: string): string {
  return name.replace(UNSAFE_NAME_CHARS, (c) => `<${codePoint(c)}>`);
}

/** The last path segment: ESP-IDF's build tree nests bootloader/ and partition_table/. */
export function baseName(name: string): string {
  return name.slice(name.lastIndexOf("/") + 1);
}
