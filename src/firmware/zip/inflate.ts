import { UnzipInflate } from "fflate";
import type { ByteReader } from "../../blobs/byte-reader";
import { concat } from "../../blobs/bytes";
import { crc32 } from "../../blobs/crc32";
import { AppError } from "../../errors";
import type { EntrySink, LocalEntry, ZipEntry, ZipLimits } from "./format";

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

/**
 * Reads one entry's compressed bytes, inflating them while they arrive and
 * handing the output to the sink. The deflate stream must end exactly where
 * the headers say the entry ends: bytes after it are data an unzip tool
 * ignores and this store would have to trust, so they are refused.
 */
export async function inflateEntry(
  reader: ByteReader,
  local: LocalEntry,
  limits: ZipLimits,
  open: (entry: ZipEntry) => EntrySink | null,
): Promise<void> {
  const entry: ZipEntry = { name: local.name, size: local.size, compressedSize: local.compressedSize };
  const sink = entry.name.endsWith("/") ? null : open(entry);
  const refuse = (code: "payload_too_large" | "invalid_body" | "unprocessable", why: string) => new AppError(code, `Entry "${entry.name}": ${why}.`);
  // Inflate steps yield small chunks; the sink (an R2 stream) is fed in larger ones.
  const batch = new Batcher(async (chunk) => sink?.write(chunk));
  try {
    let out: Uint8Array[] = [];
    let failure: unknown = null;
    const inflater = local.method === 8 ? new UnzipInflate() : null;
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
        const end = deflateEnd(inflater);
        if (end.ended && (end.unread > 0 || consumed < entry.compressedSize)) {
          const early = entry.compressedSize - consumed + end.unread;
          throw refuse("unprocessable", `its deflate stream ends ${early} bytes before the compressed size its headers declare`);
        }
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
    if (inflater && entry.compressedSize > 0 && !deflateEnd(inflater).ended) {
      throw refuse("invalid_body", "corrupt deflate data (the stream does not end)");
    }
    await batch.flush();
    if (produced !== entry.size) throw refuse("invalid_body", `inflated to ${produced} bytes, its header declares ${entry.size}`);
    if (crc !== local.crc) throw refuse("invalid_body", "CRC-32 mismatch");
    await sink?.close();
  } catch (err) {
    sink?.abort(err);
    throw err;
  }
}

/**
 * Whether the deflate stream has ended, and how many whole bytes pushed
 * after its end are left over. fflate has no public call for this; its
 * Inflate (0.8, pinned in package.json) keeps `s.f` (the final block was
 * begun), `s.l` (the table of a block still open), `p` (input not consumed
 * yet) and `s.p` (bits of p[0] already used). A release that moves them
 * fails every deflated upload here, loudly, rather than letting junk through.
 */
function deflateEnd(inflater: UnzipInflate): { ended: boolean; unread: number } {
  const inner = (inflater as unknown as { i?: { s?: { f?: number; l?: unknown; p?: number }; p?: unknown } }).i;
  const state = inner?.s;
  if (!state || !(inner.p instanceof Uint8Array)) throw new Error("fflate's Inflate state has moved; cannot tell where a deflate stream ends");
  return { ended: Boolean(state.f) && !state.l, unread: inner.p.length - ((state.p ?? 0) > 0 ? 1 : 0) };
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
    const out = concat(this.parts, this.size);
    this.parts = [];
    this.size = 0;
    await this.sink(out);
  }
}
