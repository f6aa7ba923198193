import { concat } from "../blobs/bytes";
import { AppError } from "../errors";

export const KiB = 1024;

/**
 * A Content-Length header as a number: null when absent, a 400 unless it is
 * a plain decimal (no sign, no list: RFC 9110 §8.6), so a size limit is never
 * compared with NaN.
 */
export function contentLength(header: string | null): number | null {
  if (header === null) return null;
  if (!/^\d{1,16}$/.test(header.trim())) throw new AppError("bad_request", "Content-Length must be a whole number of bytes.");
  return Number(header.trim());
}

const tooLarge = (detail: string) => new AppError("payload_too_large", detail);

/**
 * Reads a body that is parsed in memory (a form, a JSON document, a small
 * binary), never holding more than `maxBytes` of it. The cap is the caller's,
 * chosen before the first byte:
 * - a declared Content-Length over the cap is a 413 before anything is read;
 * - a body with no length (chunked) is read until it passes the cap, then
 *   refused with a 413 at once: at most the cap and one chunk are ever read;
 * - a body that ends before its Content-Length, runs past it, or is lost with
 *   the connection is the client's 400.
 * No body at all reads as zero bytes; the caller decides whether that is a
 * default or a 400.
 *
 * The reader's lock is released, never cancelled: a body left unread is the
 * drain middleware's to deal with (it reads what it can so a keep-alive
 * connection stays usable), and one read past the cap counts as used.
 */
export async function readBoundedBody(request: Request, maxBytes: number): Promise<Uint8Array> {
  const declared = contentLength(request.headers.get("Content-Length"));
  if (declared !== null && declared > maxBytes) {
    throw tooLarge(`The body has ${declared} bytes; this endpoint takes at most ${maxBytes}.`);
  }
  const body = request.body;
  if (body === null) {
    if (declared) throw new AppError("invalid_body", `Content-Length says ${declared} bytes but there is no body.`);
    return new Uint8Array(0);
  }

  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = body.getReader();
  try {
    for (;;) {
      let next: ReadableStreamReadResult<Uint8Array>;
      try {
        next = await reader.read();
      } catch {
        throw new AppError("invalid_body", `The connection was lost after ${size} bytes of the body.`);
      }
      if (next.done) break;
      size += next.value.byteLength;
      if (declared !== null && size > declared) {
        throw new AppError("invalid_body", `The body is longer than its Content-Length of ${declared} bytes.`);
      }
      if (size > maxBytes) throw tooLarge(`The body passed ${maxBytes} bytes, the most this endpoint takes.`);
      chunks.push(next.value);
    }
  } finally {
    reader.releaseLock();
  }
  if (declared !== null && size < declared) throw new AppError("invalid_body", `The body ended after ${size} of its ${declared} bytes.`);

  return concat(chunks, size);
}
