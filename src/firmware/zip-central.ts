import { AppError } from "../errors";

const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL = 0x06054b50;
const u16 = (b: Uint8Array, at: number) => b[at]! | (b[at + 1]! << 8);
const u32 = (b: Uint8Array, at: number) => (u16(b, at) | (u16(b, at + 2) << 16)) >>> 0;

/**
 * Checks the central directory (everything after the last entry) against the
 * entries read from the local headers. Unzip tools read the central
 * directory, so an archive whose two listings differ would show them files
 * this store never checked; and an entry marked encrypted only there is
 * still encrypted.
 */
export function checkCentralDirectory(tail: Uint8Array, localNames: string[]): void {
  const broken = (why: string) => new AppError("invalid_body", `The archive's central directory is broken (${why}).`);
  const end = findEndRecord(tail);
  if (end < 0) throw broken("no end-of-central-directory record");
  const count = u16(tail, end + 10);
  const size = u32(tail, end + 12);
  if (count !== localNames.length) throw broken(`it lists ${count} entries, the archive holds ${localNames.length}`);
  if (size !== end) throw broken("its size does not match its records");
  const seen: string[] = [];
  let at = 0;
  for (let i = 0; i < count; i++) {
    if (at + 46 > end || u32(tail, at) !== CENTRAL_HEADER) throw broken(`record ${i + 1} is missing`);
    const flags = u16(tail, at + 8);
    const nameLength = u16(tail, at + 28);
    const name = new TextDecoder().decode(tail.subarray(at + 46, at + 46 + nameLength));
    if (flags & 0x41) throw new AppError("unprocessable", `Entry "${name}": encrypted entries are refused.`);
    seen.push(name);
    at += 46 + nameLength + u16(tail, at + 30) + u16(tail, at + 32);
  }
  const sorted = (names: string[]) => [...names].sort().join("\n");
  if (sorted(seen) !== sorted(localNames)) throw broken("its names differ from the entries' own headers");
}

/** The end record is 22 bytes plus a comment of up to 64 KiB; its comment length must reach the end exactly. */
function findEndRecord(tail: Uint8Array): number {
  for (let at = tail.length - 22; at >= 0; at--) {
    if (u32(tail, at) === END_OF_CENTRAL && at + 22 + u16(tail, at + 20) === tail.length) return at;
  }
  return -1;
}
