import { UnzipInflate } from "fflate";
import { AppError } from "../errors";
import { ByteReader } from "./byte-reader";
import { crc32 } from "./crc32";
import { checkCentralDirectory } from "./zip-central";
import { checkEntryName } from "./zip-names";

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

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL = 0x06054b50;
/**
 * Compressed bytes inflated per step. Deflate expands at most ~1032:1, so a
 * step bounds what one push can produce before the limits are checked:
 * 8 KiB (≤ ~8 MiB out) while the entry inflates like ordinary build output,
 * 1 KiB (≤ ~1 MiB) as soon as a step expands more than 8:1. Smaller steps
 * throughout cost a third of the speed (fflate copies its 32 KiB window per push).
 */
const LARGE_STEP = 8 * 1024;
const SMALL_STEP = 1024;
const SUSPICIOUS_RATIO = 8;
const STORED_STEP = 64 * 1024;
const BATCH_BYTES = 256 * 1024;
/** 64 entries with 255-byte names and extras fit well within this. */
const MAX_CENTRAL_BYTES = 256 * 1024;

const u16 = (b: Uint8Array, at: number) => b[at]! | (b[at + 1]! << 8);
const u32 = (b: Uint8Array, at: number) => (u16(b, at) | (u16(b, at + 2) << 16)) >>> 0;

/**
 * Reads a ZIP from a stream, one local entry after another, inflating each
 * with fflate while its bytes arrive and handing the output to a sink. Every
 * limit is checked as bytes flow: a bomb is stopped within one step of
 * crossing its ratio or the total, never after inflating it. Entries that
 * only the central directory could size (data descriptors) are refused,
 * since their end cannot be found without trusting what follows.
 */
export async function readZip(body: ReadableStream<Uint8Array>, limits: ZipLimits, open: (entry: ZipEntry) => EntrySink | null): Promise<ZipEntry[]> {
  const reader = new ByteReader(body.getReader(), limits.maxArchiveBytes);
  const entries: ZipEntry[] = [];
  const names = new Set<string>();
  let total = 0;
  try {
    for (;;) {
      if (!(await reader.need(4))) {
        throw entries.length === 0 ? notZip() : new AppError("invalid_body", "The archive ends without a central directory.");
      }
      const signature = u32(reader.peek(4), 0);
      if (signature === CENTRAL_HEADER || signature === END_OF_CENTRAL) break;
      if (signature !== LOCAL_HEADER) {
        throw entries.length === 0 ? notZip() : new AppError("invalid_body", `Unexpected bytes after entry "${entries.at(-1)?.name}".`);
      }
      if (entries.length === limits.maxEntries) throw new AppError("unprocessable", `The archive has more than ${limits.maxEntries} entries.`);
      const entry = await readLocalHeader(reader, limits, names);
      total += entry.header.size;
      if (total > limits.maxTotalBytes) {
        throw new AppError("payload_too_large", `The archive inflates to more than ${limits.maxTotalBytes} bytes.`);
      }
      await inflateEntry(reader, entry.header, entry.method, entry.crc, limits, open);
      entries.push(entry.header);
    }
    checkCentralDirectory(
      await reader.rest(MAX_CENTRAL_BYTES),
      entries.map((e) => e.name),
    );
    return entries;
  } catch (err) {
    await reader.cancel(err);
    throw err;
  }
}

function notZip(): AppError {
  return new AppError("unsupported_media_type", "The body is not a ZIP archive (no local file header at its start).");
}

async function readLocalHeader(reader: ByteReader, limits: ZipLimits, names: Set<string>) {
  if (!(await reader.need(30))) throw new AppError("invalid_body", "The archive ends inside an entry header.");
  const h = reader.take(30);
  const flags = u16(h, 6);
  const method = u16(h, 8);
  const crc = u32(h, 14);
  const compressedSize = u32(h, 18);
  const size = u32(h, 22);
  const nameLength = u16(h, 26);
  const extraLength = u16(h, 28);
  if (!(await reader.need(nameLength + extraLength))) throw new AppError("invalid_body", "The archive ends inside an entry header.");
  const name = checkEntryName(reader.take(nameLength), (flags & 0x800) !== 0);
  reader.take(extraLength);
  const refuse = (why: string) => new AppError("unprocessable", `Entry "${name}": ${why}.`);
  // Bit 0: encrypted; bit 6: strong encryption; method 99: AES (APPNOTE 4.4.4, appendix E).
  if (flags & 0x41 || method === 99) throw refuse("encrypted entries are refused");
  if (flags & 0x08) throw refuse("sizes follow the data (data descriptor); zip the files with sizes in the headers, e.g. `zip -r`");
  if (method !== 0 && method !== 8) throw refuse(`compression method ${method} is not supported (only stored and deflate)`);
  if (size === 0xffffffff || compressedSize === 0xffffffff) throw refuse("ZIP64 entries are refused");
  if (method === 0 && size !== compressedSize) throw refuse("a stored entry's sizes differ");
  if (names.has(name)) throw refuse("the name appears twice");
  names.add(name);
  if (size > limits.ratioFloor && size > limits.maxRatio * compressedSize) {
    throw new AppError("payload_too_large", `Entry "${name}": declares a compression ratio over ${limits.maxRatio}:1.`);
  }
  return { header: { name, size, compressedSize } satisfies ZipEntry, method, crc };
}

async function inflateEntry(
  reader: ByteReader,
  entry: ZipEntry,
  method: number,
  expectedCrc: number,
  limits: ZipLimits,
  open: (entry: ZipEntry) => EntrySink | null,
): Promise<void> {
  const sink = entry.name.endsWith("/") ? null : open(entry);
  const refuse = (code: "payload_too_large" | "invalid_body", why: string) => new AppError(code, `Entry "${entry.name}": ${why}.`);
  // Inflate steps yield small chunks; the sink (an R2 stream) is fed in larger ones.
  const batch = new Batcher(async (chunk) => sink?.write(chunk));
  try {
    let out: Uint8Array[] = [];
    let failure: unknown = null;
    const inflater = method === 8 ? new UnzipInflate() : null;
    if (inflater) inflater.ondata = (err, data) => (err ? (failure = err) : out.push(data));
    let consumed = 0;
    let produced = 0;
    let crc = 0;
    let step = inflater ? SMALL_STEP : STORED_STEP;
    while (consumed < entry.compressedSize) {
      const input = await reader.takeUpTo(Math.min(entry.compressedSize - consumed, step));
      if (input === null) throw refuse("invalid_body", "the archive ends inside this entry");
      consumed += input.length;
      if (inflater) inflater.push(input, consumed === entry.compressedSize);
      else out.push(input);
      if (failure) throw refuse("invalid_body", `corrupt deflate data (${String((failure as Error).message ?? failure)})`);
      if (inflater) {
        const expanded = out.reduce((n, c) => n + c.length, 0);
        step = expanded > SUSPICIOUS_RATIO * input.length ? SMALL_STEP : LARGE_STEP;
      }
      for (const chunk of out) {
        produced += chunk.length;
        // A header that understates the size, or a ratio no build output has: stop now, not after.
        if (produced > entry.size)
          throw refuse("payload_too_large", `inflates to more than the ${entry.size} bytes its header declares (a zip bomb?)`);
        if (produced > limits.ratioFloor && produced > limits.maxRatio * consumed) {
          throw refuse("payload_too_large", `compression ratio over ${limits.maxRatio}:1 (a zip bomb?)`);
        }
        crc = crc32(chunk, crc);
        await batch.add(chunk);
      }
      out = [];
    }
    await batch.flush();
    if (produced !== entry.size) throw refuse("invalid_body", `inflated to ${produced} bytes, its header declares ${entry.size}`);
    if (crc !== expectedCrc) throw refuse("invalid_body", "CRC-32 mismatch");
    await sink?.close();
  } catch (err) {
    sink?.abort(err);
    throw err;
  }
}

/** Gathers small chunks into ones of about BATCH_BYTES before passing them on. */
class Batcher {
  private parts: Uint8Array[] = [];
  private size = 0;
  constructor(private readonly sink: (chunk: Uint8Array) => Promise<void>) {}

  async add(chunk: Uint8Array): Promise<void> {
    this.parts.push(chunk);
    this.size += chunk.length;
    if (this.size >= BATCH_BYTES) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.size === 0) return;
    const out = new Uint8Array(this.size);
    let at = 0;
    for (const part of this.parts) {
      out.set(part, at);
      at += part.length;
    }
    this.parts = [];
    this.size = 0;
    await this.sink(out);
  }
}
