import { u16le, u32le } from "../../blobs/bytes";
import { AppError } from "../../errors";
import { CENTRAL_HEADER, END_OF_CENTRAL, type LocalEntry, sameBytes, unicodePathOf } from "./format";
import { shownName } from "./names";

const hex = (n: number, digits: number) => `0x${n.toString(16).padStart(digits, "0")}`;

/**
 * Checks the central directory (everything after the last entry) against the
 * entries read from the local headers. Unzip tools read the central
 * directory, so every field they use must say what the local header said:
 * where the entry starts, its name, flags, method, CRC-32 and both sizes.
 * An archive whose two listings differ would show them files this store
 * never checked.
 */
export function checkCentralDirectory(tail: Uint8Array, centralOffset: number, locals: LocalEntry[]): void {
  const broken = (why: string) => new AppError("invalid_body", `The archive's central directory is broken (${why}).`);
  const disagrees = (why: string) => new AppError("unprocessable", `The archive's central directory disagrees with its entries: ${why}.`);
  const end = findEndRecord(tail);
  if (end < 0) throw broken("no end-of-central-directory record");
  const count = u16le(tail, end + 10);
  if (u16le(tail, end + 4) !== 0 || u16le(tail, end + 6) !== 0 || u16le(tail, end + 8) !== count) {
    throw new AppError("unprocessable", "Split (multi-disk) archives are refused.");
  }
  if (count !== locals.length) throw disagrees(`it lists ${count} entries, the archive holds ${locals.length}`);
  const size = u32le(tail, end + 12);
  if (size !== end) throw disagrees(`it declares ${size} bytes of records, it has ${end}`);
  const offset = u32le(tail, end + 16);
  if (offset !== centralOffset) throw disagrees(`it says it starts at byte ${offset}, the entries end at byte ${centralOffset}`);

  const byOffset = new Map(locals.map((local) => [local.offset, local]));
  const matched = new Set<LocalEntry>();
  let at = 0;
  for (let i = 0; i < count; i++) {
    if (at + 46 > end || u32le(tail, at) !== CENTRAL_HEADER) throw broken(`record ${i + 1} is missing`);
    const nameLength = u16le(tail, at + 28);
    const extraLength = u16le(tail, at + 30);
    const next = at + 46 + nameLength + extraLength + u16le(tail, at + 32);
    if (next > end) throw broken(`record ${i + 1} runs past its end`);
    const rawName = tail.subarray(at + 46, at + 46 + nameLength);
    const recordName = shownName(new TextDecoder().decode(rawName));
    const local = byOffset.get(u32le(tail, at + 42));
    if (!local || u16le(tail, at + 34) !== 0) {
      throw disagrees(`the record of "${recordName}" points at byte ${u32le(tail, at + 42)}, where no entry starts`);
    }
    if (matched.has(local)) throw disagrees(`two records point at the entry "${local.name}"`);
    matched.add(local);
    const field = (what: string, central: string | number, own: string | number) => {
      if (central !== own) {
        throw new AppError(
          "unprocessable",
          `Entry "${local.name}": the central directory says ${what} ${central}, its local header ${own}; the archive is refused.`,
        );
      }
    };
    if (!sameBytes(rawName, local.rawName)) field("name", `"${recordName}"`, `"${local.name}"`);
    field("flags", hex(u16le(tail, at + 8), 4), hex(local.flags, 4));
    field("compression method", u16le(tail, at + 10), local.method);
    field("CRC-32", hex(u32le(tail, at + 16), 8), hex(local.crc, 8));
    field("compressed size", u32le(tail, at + 20), local.compressedSize);
    field("uncompressed size", u32le(tail, at + 24), local.size);
    const unicodePath = unicodePathOf(tail.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength));
    if (unicodePath !== null && unicodePath !== local.name) {
      throw new AppError(
        "unprocessable",
        `Entry "${local.name}": its central record's Unicode Path extra field names it "${shownName(unicodePath)}".`,
      );
    }
    at = next;
  }
  if (at !== end) throw disagrees(`${end - at} bytes lie between its records and its end record`);
}

/** The end record is 22 bytes plus a comment of up to 64 KiB; its comment length must reach the end exactly. */
function findEndRecord(tail: Uint8Array): number {
  for (let at = tail.length - 22; at >= 0; at--) {
    if (u32le(tail, at) === END_OF_CENTRAL && at + 22 + u16le(tail, at + 20) === tail.length) return at;
  }
  return -1;
}
