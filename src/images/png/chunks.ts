import { AppError } from "../../errors";

/**
 * Reads a PNG's chunks (length, type, data, CRC) as its bytes stream in from
 * R2, without ever holding more than one network chunk plus one small PNG
 * chunk. IDAT data is handed on in pieces as it arrives, so a 100 MB PNG
 * never sits in memory. The CRC is checked on the small header chunks; the
 * IDAT payload is covered by the zlib stream's own Adler-32, which the
 * inflater checks, so its CRC is not recomputed.
 */
export class ChunkReader {
  private readonly queue: Uint8Array[] = [];
  private buffered = 0;
  private ended = false;

  constructor(private readonly source: ReadableStreamDefaultReader<Uint8Array>) {}

  /** Consumes the 8-byte signature (already checked by the probe). */
  async skipSignature(): Promise<void> {
    await this.take(8);
  }

  /** The next chunk's header; for IDAT, follow with `idatPieces`, for others with `body`. */
  async next(): Promise<{ type: string; length: number }> {
    const head = await this.take(8);
    const length = ((head[0]! << 24) | (head[1]! << 16) | (head[2]! << 8) | head[3]!) >>> 0;
    if (length > 0x7fffffff) throw corrupt("a chunk length is out of range");
    return { type: String.fromCharCode(head[4]!, head[5]!, head[6]!, head[7]!), length };
  }

  /** A small chunk's data, its CRC checked. */
  async body(type: string, length: number): Promise<Uint8Array> {
    if (length > 1 << 20) throw corrupt(`the ${type} chunk claims ${length} bytes`);
    const data = await this.take(length);
    const crc = await this.take(4);
    const expected = ((crc[0]! << 24) | (crc[1]! << 16) | (crc[2]! << 8) | crc[3]!) >>> 0;
    if (crc32(type, data) !== expected) throw corrupt(`the ${type} chunk's CRC does not match`);
    return data;
  }

  /** An IDAT chunk's data in the pieces the network delivered, then its CRC skipped. */
  async *idatPieces(length: number): AsyncGenerator<Uint8Array<ArrayBuffer>> {
    let left = length;
    while (left > 0) {
      if (this.buffered === 0) await this.fill(1);
      const head = this.queue[0]!;
      const n = Math.min(left, head.length);
      yield new Uint8Array(head.subarray(0, n)); // a copy: the inflater may keep what it is given
      this.consume(n);
      left -= n;
    }
    await this.take(4);
  }

  /** Ancillary chunks we do not need (text, ICC profile, EXIF…) are skipped unread. */
  async skip(length: number): Promise<void> {
    let left = length + 4;
    while (left > 0) {
      if (this.buffered === 0) await this.fill(1);
      const n = Math.min(left, this.queue[0]!.length);
      this.consume(n);
      left -= n;
    }
  }

  cancel(): void {
    this.source.cancel().catch(() => {});
  }

  private async take(n: number): Promise<Uint8Array> {
    await this.fill(n);
    const out = new Uint8Array(n);
    let at = 0;
    while (at < n) {
      const head = this.queue[0]!;
      const k = Math.min(n - at, head.length);
      out.set(head.subarray(0, k), at);
      this.consume(k);
      at += k;
    }
    return out;
  }

  private consume(n: number): void {
    const head = this.queue[0]!;
    if (n === head.length) this.queue.shift();
    else this.queue[0] = head.subarray(n);
    this.buffered -= n;
  }

  private async fill(n: number): Promise<void> {
    while (this.buffered < n) {
      if (this.ended) throw corrupt("the file is truncated");
      const { done, value } = await this.source.read();
      if (done) {
        this.ended = true;
        continue;
      }
      if (value.length > 0) {
        this.queue.push(value);
        this.buffered += value.length;
      }
    }
  }
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(type: string, data: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < 4; i++) c = CRC_TABLE[(c ^ type.charCodeAt(i)) & 0xff]! ^ (c >>> 8);
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

export function corrupt(why: string): AppError {
  return new AppError("corrupt_image", `The image cannot be decoded: ${why}.`);
}
