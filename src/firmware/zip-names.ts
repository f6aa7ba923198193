import { AppError } from "../errors";

/**
 * Entry names are paths a client chose; they are checked before any byte of
 * the entry is read. Anything that could name a place outside the archive
 * ("zip slip") or two different files with one name is refused.
 */
export function checkEntryName(raw: Uint8Array, utf8: boolean): string {
  let name: string;
  try {
    name = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(raw);
  } catch {
    throw new AppError("unprocessable", "An entry name is not valid UTF-8.");
  }
  // Without the UTF-8 flag the name is CP437; only its ASCII subset reads the same everywhere.
  if (!utf8 && /[^\x00-\x7f]/.test(name)) throw new AppError("unprocessable", `Entry "${name}": non-ASCII names need the UTF-8 flag.`);
  const bad = (why: string) => new AppError("unprocessable", `Entry "${name}": ${why}.`);
  if (name.length === 0) throw bad("empty name");
  if (name.length > 255) throw bad("name longer than 255 characters");
  if (/[\x00-\x1f\x7f]/.test(name)) throw bad("control characters in the name");
  if (name.includes("\\")) throw bad("backslashes are not path separators in ZIP");
  if (name.startsWith("/") || /^[a-zA-Z]:/.test(name)) throw bad("absolute paths are refused");
  const segments = name.replace(/\/$/, "").split("/");
  if (segments.some((s) => s === ".." || s === "." || s === "")) throw bad('"..", "." and empty path segments are refused');
  return name;
}

/** The last path segment: ESP-IDF's build tree nests bootloader/ and partition_table/. */
export function baseName(name: string): string {
  return name.slice(name.lastIndexOf("/") + 1);
}
