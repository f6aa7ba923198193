import { getMultipartBoundary, MultipartPart } from "@remix-run/multipart-parser";
import { concat } from "../blobs/bytes";
import { AppError } from "../errors";

/**
 * A multipart/form-data body read as a stream: text fields into memory
 * (small, capped), the file part's bytes handed on chunk by chunk.
 *
 * @remix-run/multipart-parser (0.16) yields a part only once its whole
 * content has been buffered, which for a 100 MB file is more than a Worker
 * has. So this reader finds the delimiters itself and uses the library for
 * what it does well and needs no buffering: the boundary parameter and the
 * part headers (Content-Disposition name and filename, Content-Type).
 */
const HEADER_LIMIT = 8 * 1024;
export const FIELD_LIMIT = 64 * 1024;
export const MAX_FIELDS = 20;

const CRLF = new Uint8Array([13, 10]);
const HEADER_END = new Uint8Array([13, 10, 13, 10]);

export interface PartHead {
  name: string | undefined;
  filename: string | undefined;
  mediaType: string | undefined;
}

const invalid = (detail: string) => new AppError("invalid_body", detail);

export function boundaryOf(contentType: string): string {
  const boundary = getMultipartBoundary(contentType);
  if (!boundary || boundary.length > 70) throw invalid("Content-Type: multipart/form-data needs a boundary parameter of 1 to 70 characters.");
  return boundary;
}

export class MultipartReader {
  /** Bytes read from the body so far, the virtual CRLF in front excluded. */
  consumed = 0;
  readonly delimiter: Uint8Array;
  private buffer: Uint8Array;
  private readonly reader: ReadableStreamDefaultReader<Uint8Array>;

  constructor(body: ReadableStream<Uint8Array>, boundary: string) {
    this.delimiter = new TextEncoder().encode(`\r\n--${boundary}`);
    this.reader = body.getReader();
    // The first delimiter has no CRLF in front of it; a virtual one makes every delimiter alike
    // (and skips a preamble, as RFC 2046 §5.1.1 allows).
    this.buffer = CRLF.slice();
    this.consumed = -CRLF.length;
  }

  /** Skips to the first part. False when the body is only a closing delimiter. */
  async start(): Promise<boolean> {
    for (;;) {
      const at = indexOf(this.buffer, this.delimiter);
      if (at >= 0) {
        this.take(at + this.delimiter.length);
        return this.afterDelimiter();
      }
      this.take(Math.max(0, this.buffer.length - this.delimiter.length));
      if (!(await this.more())) throw invalid("The multipart body has no boundary line; check the boundary in Content-Type.");
    }
  }

  /** The headers of the part that starts here. */
  async head(): Promise<PartHead> {
    for (;;) {
      const at = indexOf(this.buffer, HEADER_END);
      if (at >= 0) {
        const part = new MultipartPart(this.take(at), []);
        this.take(HEADER_END.length);
        try {
          return { name: part.name, filename: part.filename, mediaType: part.mediaType };
        } catch {
          throw invalid("A multipart part has headers that are not valid UTF-8.");
        }
      }
      if (this.buffer.length > HEADER_LIMIT) throw invalid(`A multipart part's headers exceed ${HEADER_LIMIT} bytes.`);
      if (!(await this.more())) throw cutShort();
    }
  }

  /** A text field's value, up to `limit` bytes. Returns whether another part follows. */
  async field(limit = FIELD_LIMIT): Promise<{ value: string; more: boolean }> {
    const chunks: Uint8Array[] = [];
    let size = 0;
    const more = await this.body(async (chunk) => {
      size += chunk.length;
      if (size > limit) throw invalid(`A multipart field is longer than ${limit} bytes.`);
      chunks.push(chunk.slice());
    });
    try {
      return { value: new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(concat(chunks, size)), more };
    } catch {
      throw invalid("A multipart field is not valid UTF-8.");
    }
  }

  /**
   * Hands on a part's content a chunk at a time and returns whether another
   * part follows. The last byte before the delimiter is held back until what
   * follows the delimiter is known, and `beforeLast` may refuse it: so a
   * consumer never sees the whole of a body that turns out to be invalid.
   */
  async body(sink: (chunk: Uint8Array) => Promise<void>, beforeLast?: (more: boolean) => Promise<void>): Promise<boolean> {
    for (;;) {
      const at = indexOf(this.buffer, this.delimiter);
      if (at >= 0) {
        const last = this.take(at).slice();
        this.take(this.delimiter.length);
        const more = await this.afterDelimiter();
        await beforeLast?.(more);
        if (last.length > 0) await sink(last);
        return more;
      }
      // Keep a delimiter's length: the final byte of the content is never handed on before its delimiter is seen.
      const keep = Math.min(this.buffer.length, this.delimiter.length);
      if (this.buffer.length > keep) await sink(this.take(this.buffer.length - keep).slice());
      if (!(await this.more())) throw cutShort();
    }
  }

  /** After a delimiter: "--" closes the body, CRLF (after optional padding) opens another part. */
  private async afterDelimiter(): Promise<boolean> {
    for (;;) {
      if (this.buffer.length >= 2 && this.buffer[0] === 45 && this.buffer[1] === 45) return false;
      const crlf = indexOf(this.buffer, CRLF);
      if (crlf >= 0) {
        if (!/^[ \t]*$/.test(String.fromCharCode(...this.buffer.subarray(0, crlf)))) throw invalid("A multipart boundary line has trailing garbage.");
        this.take(crlf + 2);
        return true;
      }
      if (this.buffer.length > 256) throw invalid("A multipart boundary line has trailing garbage.");
      if (!(await this.more())) throw cutShort();
    }
  }

  /** Reads and drops up to `limit` more bytes (an epilogue, or what is left after an error), then lets go. */
  async discard(limit: number): Promise<void> {
    let read = this.buffer.length;
    this.buffer = new Uint8Array(0);
    try {
      while (read <= limit) {
        const { done, value } = await this.reader.read();
        if (done) break;
        read += value.length;
      }
    } catch {
      // The client went away.
    }
    this.reader.releaseLock();
  }

  private take(n: number): Uint8Array {
    const head = this.buffer.subarray(0, n);
    this.buffer = this.buffer.subarray(n);
    this.consumed += n;
    return head;
  }

  private async more(): Promise<boolean> {
    let chunk: ReadableStreamReadResult<Uint8Array>;
    try {
      chunk = await this.reader.read();
    } catch {
      // The runtime errors the body when fewer bytes arrive than Content-Length promised.
      throw cutShort();
    }
    const { done, value } = chunk;
    if (done) return false;
    this.buffer = this.buffer.length === 0 ? value : concat([this.buffer, value], this.buffer.length + value.length);
    return true;
  }
}

function cutShort(): AppError {
  return invalid("The multipart body ended before its closing boundary: it was cut short, or the boundary was never closed.");
}

/** First index of `pattern` in `haystack`, or -1. */
function indexOf(haystack: Uint8Array, pattern: Uint8Array): number {
  const first = pattern[0]!;
  const last = haystack.length - pattern.length;
  for (let i = haystack.indexOf(first); i !== -1 && i <= last; i = haystack.indexOf(first, i + 1)) {
    let j = 1;
    while (j < pattern.length && haystack[i + j] === pattern[j]) j++;
    if (j === pattern.length) return i;
  }
  return -1;
}
