import { AppError } from "../errors";

/**
 * Pulls exactly the bytes a parser asks for from a body stream, holding no
 * more than the current chunk plus what was asked for, so a 64 MB body is
 * read with a few chunks in memory.
 */
export class ByteReader {
  private readonly chunks: Uint8Array[] = [];
  private buffered = 0;
  private ended = false;
  /** Bytes taken from the stream so far. */
  received = 0;

  /** Where the next byte handed out sits in the stream. */
  get position(): number {
    return this.received - this.buffered;
  }

  constructor(
    private readonly reader: ReadableStreamDefaultReader<Uint8Array>,
    private readonly maxBytes: number,
  ) {}

  /** Buffers at least `n` bytes; false when the stream ends first. */
  async need(n: number): Promise<boolean> {
    while (this.buffered < n && !this.ended) {
      const { done, value } = await this.reader.read();
      if (done) {
        this.ended = true;
        break;
      }
      if (value.length === 0) continue;
      this.received += value.length;
      if (this.received > this.maxBytes) throw new AppError("payload_too_large", `The archive is larger than ${this.maxBytes} bytes.`);
      this.chunks.push(value);
      this.buffered += value.length;
    }
    return this.buffered >= n;
  }

  /** The next `n` bytes without consuming them (they must be buffered). */
  peek(n: number): Uint8Array {
    const first = this.chunks[0];
    if (first && first.length >= n) return first.subarray(0, n);
    const out = new Uint8Array(n);
    let at = 0;
    for (const chunk of this.chunks) {
      if (at >= n) break;
      const part = chunk.subarray(0, n - at);
      out.set(part, at);
      at += part.length;
    }
    return out;
  }

  /** Consumes `n` buffered bytes. */
  take(n: number): Uint8Array {
    const out = this.peek(n);
    this.skipBuffered(n);
    return out;
  }

  /** Consumes up to `max` bytes (at least one), reading more only when nothing is buffered. */
  async takeUpTo(max: number): Promise<Uint8Array | null> {
    if (this.buffered === 0 && !(await this.need(1))) return null;
    const first = this.chunks[0]!;
    const n = Math.min(max, first.length);
    const out = first.subarray(0, n);
    this.skipBuffered(n);
    return out;
  }

  /** Everything left in the stream, refused when it exceeds `max` bytes. */
  async rest(max: number): Promise<Uint8Array> {
    await this.need(max + 1);
    if (this.buffered > max) throw new AppError("unprocessable", `The archive's central directory is larger than ${max} bytes.`);
    return this.take(this.buffered);
  }

  async cancel(reason: unknown): Promise<void> {
    await this.reader.cancel(reason).catch(() => {});
  }

  private skipBuffered(n: number): void {
    this.buffered -= n;
    while (n > 0) {
      const first = this.chunks[0]!;
      if (first.length <= n) {
        this.chunks.shift();
        n -= first.length;
      } else {
        this.chunks[0] = first.subarray(n);
        n = 0;
      }
    }
  }
}
