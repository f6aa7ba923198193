import { ByteReader } from "../../blobs/byte-reader";
import { u16le, u32le } from "../../blobs/bytes";
import { AppError } from "../../errors";
import { checkCentralDirectory } from "./central";
import {
  CENTRAL_HEADER,
  END_OF_CENTRAL,
  type EntrySink,
  LOCAL_HEADER,
  type LocalEntry,
  unicodePathOf,
  type ZipEntry,
  type ZipLimits,
} from "./format";
import { inflateEntry } from "./inflate";
import { checkEntryName, nameIdentity, shownName } from "./names";

export type { EntrySink, ZipEntry, ZipLimits } from "./format";

/** 64 entries with 255-byte names and extras fit well within this. */
const MAX_CENTRAL_BYTES = 256 * 1024;
/** Bit 0: encrypted; bit 6: strong encryption; bit 13: masked local headers (APPNOTE 4.4.4). */
const ENCRYPTION_FLAGS = 0x2041;
const DATA_DESCRIPTOR_FLAG = 0x08;
const UTF8_FLAG = 0x800;

/**
 * Reads a ZIP from a stream, one local entry after another, inflating each
 * with fflate while its bytes arrive and handing the output to a sink. Every
 * limit is checked as bytes flow: a bomb is stopped within one step of
 * crossing its ratio or the total, never after inflating it. Entries that
 * only the central directory could size (data descriptors) are refused,
 * since their end cannot be found without trusting what follows; and the
 * central directory must agree with the local headers field by field.
 */
export async function readZip(body: ReadableStream<Uint8Array>, limits: ZipLimits, open: (entry: ZipEntry) => EntrySink | null): Promise<ZipEntry[]> {
  const reader = new ByteReader(body.getReader(), {
    maxBytes: limits.maxArchiveBytes,
    tooLarge: (max) => new AppError("payload_too_large", `The archive is larger than ${max} bytes.`),
  });
  const entries: LocalEntry[] = [];
  const identities = new Map<string, string>();
  let total = 0;
  try {
    for (;;) {
      if (!(await reader.need(4))) {
        throw entries.length === 0 ? notZip() : new AppError("invalid_body", "The archive ends without a central directory.");
      }
      const signature = u32le(reader.peek(4), 0);
      if (signature === CENTRAL_HEADER || signature === END_OF_CENTRAL) break;
      if (signature !== LOCAL_HEADER) {
        throw entries.length === 0 ? notZip() : new AppError("invalid_body", `Unexpected bytes after entry "${entries.at(-1)?.name}".`);
      }
      if (entries.length === limits.maxEntries) throw new AppError("unprocessable", `The archive has more than ${limits.maxEntries} entries.`);
      const entry = await readLocalHeader(reader, limits, identities);
      total += entry.size;
      if (total > limits.maxTotalBytes) {
        throw new AppError("payload_too_large", `The archive inflates to more than ${limits.maxTotalBytes} bytes.`);
      }
      await inflateEntry(reader, entry, limits, open);
      entries.push(entry);
    }
    const centralOffset = reader.position;
    const tail = await reader.rest(MAX_CENTRAL_BYTES);
    if (tail === null) throw new AppError("unprocessable", `The archive's central directory is larger than ${MAX_CENTRAL_BYTES} bytes.`);
    checkCentralDirectory(tail, centralOffset, entries);
    return entries.map(({ name, size, compressedSize }) => ({ name, size, compressedSize }));
  } finally {
    // Never cancelled: after a refusal the rest of the client's body stays in the request, for the
    // HTTP layer to read so the connection can carry the next request.
    reader.release();
  }
}

function notZip(): AppError {
  return new AppError("unsupported_media_type", "The body is not a ZIP archive (no local file header at its start).");
}

/** `identities` maps each name seen so far, as a file system would compare it, to the name itself. */
async function readLocalHeader(reader: ByteReader, limits: ZipLimits, identities: Map<string, string>): Promise<LocalEntry> {
  const offset = reader.position;
  if (!(await reader.need(30))) throw new AppError("invalid_body", "The archive ends inside an entry header.");
  const h = reader.take(30);
  const flags = u16le(h, 6);
  const method = u16le(h, 8);
  const crc = u32le(h, 14);
  const compressedSize = u32le(h, 18);
  const size = u32le(h, 22);
  const nameLength = u16le(h, 26);
  const extraLength = u16le(h, 28);
  if (!(await reader.need(nameLength + extraLength))) throw new AppError("invalid_body", "The archive ends inside an entry header.");
  const rawName = reader.take(nameLength).slice();
  const name = checkEntryName(rawName, (flags & UTF8_FLAG) !== 0);
  const unicodePath = unicodePathOf(reader.take(extraLength));
  const refuse = (why: string) => new AppError("unprocessable", `Entry "${name}": ${why}.`);
  // Method 99: AES (APPNOTE appendix E).
  if (flags & ENCRYPTION_FLAGS || method === 99) throw refuse("encrypted entries are refused");
  if (flags & DATA_DESCRIPTOR_FLAG) throw refuse("sizes follow the data (data descriptor); zip the files with sizes in the headers, e.g. `zip -r`");
  if (method !== 0 && method !== 8) throw refuse(`compression method ${method} is not supported (only stored and deflate)`);
  if (size === 0xffffffff || compressedSize === 0xffffffff) throw refuse("ZIP64 entries are refused");
  if (method === 0 && size !== compressedSize) throw refuse("a stored entry's sizes differ");
  if (unicodePath !== null && unicodePath !== name) throw refuse(`its Unicode Path extra field names it "${shownName(unicodePath)}"`);
  const identity = nameIdentity(name);
  const twin = identities.get(identity);
  if (twin === name) throw refuse("the name appears twice");
  if (twin !== undefined) throw refuse(`the name appears twice: "${twin}" differs from it only by case or Unicode normalisation`);
  identities.set(identity, name);
  if (size > limits.ratioFloor && size > limits.maxRatio * compressedSize) {
    throw new AppError("payload_too_large", `Entry "${name}": declares a compression ratio over ${limits.maxRatio}:1.`);
  }
  return { name, rawName, offset, flags, method, crc, compressedSize, size };
}
