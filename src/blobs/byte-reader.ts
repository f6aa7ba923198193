import { AppError } from "../errors";

export interface ByteReaderOptions {
  /** The most bytes the stream may deliver; more is the error `tooLarge` makes. */
  maxBytes?: number;
  tooLarge?: (maxBytes: number) => AppError;
}

/**
 * Pulls exactly the bytes a parser asks for from a stream, holding no more
 * than the current chunk plus what was asked for, so a 64 MB body is read
 * with a few chunks in memory.
 *
 * It never cancels its stream: a parser that refuses a client's body calls
 * release(), and whatever the client sent after the refusal stays in the
 * request for the HTTP layer to read or drain. Cancelling it instead is
 * what left a keep-alive connection with bytes nobody would read.
 */
export class ByteReader {
  private readonly chunks: Uint8Array[] = [];
  private buffered = 0;
  private ended = false;
  private readonly maxBytes: number;
  private readonly tooLarge: (maxBytes: number) => AppError;
  /** Bytes taken from the stream so far. */
  received = 0;

  /** Where the next byte handed out sits in the stream. */
  get position(): number {
    return this.received - this.buffered;
  }

  constructor(
    private readonly reader: ReadableStreamDefaultReader<Uint8Array>,
    options: ByteReaderOptions = {},
  ) {
    this.maxBytes = options.maxBytes ?? Number.POSITIVE_INFINITY;
    this.tooLarge = options.tooLarge ?? ((max) => new AppError("payload_too_large", `The body is larger than ${max} bytes.`));
  }

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
      if (this.received > this.maxBytes) throw this.tooLarge(this.maxBytes);
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

  /** Consumes up to `max` bytes (at least one), reading more only when nothing is buffered; null at the end. */
  async takeUpTo(max: number): Promise<Uint8Array | null> {
    if (this.buffered === 0 && !(await this.need(1))) return null;
    const first = this.chunks[0]!;
    const n = Math.min(max, first.length);
    const out = first.subarray(0, n);
    this.skipBuffered(n);
    return out;
  }

  /** Everything left in the stream, or null as soon as more than `max` bytes are left. */
  async rest(max: number): Promise<Uint8Array | null> {
    await this.need(max + 1);
    if (this.buffered > max) return null;
    return this.take(this.buffered);
  }

  /** Lets go of the stream, leaving what was not read in it. */
  release(): void {
    this.reader.releaseLock();
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
