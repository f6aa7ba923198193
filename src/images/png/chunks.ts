import { ByteReader } from "../../blobs/byte-reader";
import { u32be } from "../../blobs/bytes";
import { crc32 } from "../../blobs/crc32";
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
  private readonly bytes: ByteReader;

  constructor(private readonly source: ReadableStreamDefaultReader<Uint8Array>) {
    this.bytes = new ByteReader(source);
  }

  /** Consumes the 8-byte signature (already checked by the probe). */
  async skipSignature(): Promise<void> {
    await this.take(8);
  }

  /** The next chunk's header; for IDAT, follow with `idatPieces`, for others with `body`. */
  async next(): Promise<{ type: string; length: number }> {
    const head = await this.take(8);
    const length = u32be(head, 0);
    if (length > 0x7fffffff) throw corrupt("a chunk length is out of range");
    return { type: String.fromCharCode(head[4]!, head[5]!, head[6]!, head[7]!), length };
  }

  /** A small chunk's data, its CRC checked. */
  async body(type: string, length: number): Promise<Uint8Array> {
    if (length > 1 << 20) throw corrupt(`the ${type} chunk claims ${length} bytes`);
    const data = await this.take(length);
    const expected = u32be(await this.take(4), 0);
    // The CRC covers the chunk type and its data (PNG spec §5.3).
    const typeBytes = Uint8Array.from(type, (ch) => ch.charCodeAt(0));
    if (crc32(data, crc32(typeBytes)) !== expected) throw corrupt(`the ${type} chunk's CRC does not match`);
    return data;
  }

  /** An IDAT chunk's data in the pieces the network delivered (views of its chunks, valid until the next read), then its CRC skipped. */
  async *idatPieces(length: number): AsyncGenerator<Uint8Array> {
    let left = length;
    while (left > 0) {
      const piece = await this.piece(left);
      yield piece;
      left -= piece.length;
    }
    await this.take(4);
  }

  /** Ancillary chunks we do not need (text, ICC profile, EXIF…) are skipped unread. */
  async skip(length: number): Promise<void> {
    for (let left = length + 4; left > 0; ) left -= (await this.piece(left)).length;
  }

  /** Stops reading the R2 object (never a client's body: decoding reads only stored blobs). */
  cancel(): void {
    this.source.cancel().catch(() => {});
  }

  private async take(n: number): Promise<Uint8Array> {
    if (!(await this.bytes.need(n))) throw corrupt("the file is truncated");
    return this.bytes.take(n);
  }

  private async piece(max: number): Promise<Uint8Array> {
    const piece = await this.bytes.takeUpTo(max);
    if (piece === null) throw corrupt("the file is truncated");
    return piece;
  }
}

export function corrupt(why: string): AppError {
  return new AppError("corrupt_image", `The image cannot be decoded: ${why}.`);
}
