import { AppError } from "../errors";

/**
 * A client's body on its way into R2, with the length it declared.
 *
 * R2 must know a streamed body's length up front (FixedLengthStream), and a
 * body can end early: the client gave up mid-upload or the connection
 * dropped. Storage then fails with a runtime error that says nothing of
 * whose fault it was. This pump moves the bytes chunk by chunk (which also
 * works for JS-made streams such as File.stream(), where pipeTo into a
 * native stream is not implemented), lets an observer see each chunk (a
 * digest), and remembers a client-side failure so the caller can answer
 * 400 instead of 500.
 *
 * What happens to bytes nobody stored, on every outcome:
 * - stored: the body was read to its end;
 * - a lost race (another writer created the blob): discard() reads the rest;
 * - refused (longer than declared) or storage failed: the pump stops reading
 *   and lets go of the body. It never cancels a client's body: the unread rest
 *   stays in the request for the HTTP layer, which reads or drains it so the
 *   connection can carry the next request;
 * - short or lost: there is nothing left to read.
 */
export interface ExactBody {
  stream: ReadableStream<Uint8Array>;
  /** The client's error if its body was shorter or longer than declared, or lost; else null. */
  clientError(): AppError | null;
  /** Storage did not take the stream after all: read the rest of the client's body and drop it. */
  discard(): Promise<void>;
}

export function exactLength(body: ReadableStream<Uint8Array>, length: number, observe?: (chunk: Uint8Array) => Promise<void>): ExactBody {
  const fixed = new FixedLengthStream(length);
  const writer = fixed.writable.getWriter();
  const reader = body.getReader();
  // Their failures are handled below, through the pump; unobserved they would be reported as uncaught.
  writer.closed.catch(() => {});
  reader.closed.catch(() => {});
  let clientError: AppError | null = null;
  let discarding = false;
  const pump = async () => {
    let seen = 0;
    for (;;) {
      let next: ReadableStreamReadResult<Uint8Array>;
      try {
        next = await reader.read();
      } catch {
        throw (clientError = lost(seen, length));
      }
      if (next.done) break;
      seen += next.value.byteLength;
      if (seen > length) throw (clientError = tooLong(length));
      if (discarding) continue;
      if (observe) await observe(next.value);
      try {
        await writer.write(next.value);
      } catch (err) {
        if (!discarding) throw err;
      }
    }
    if (seen < length) throw (clientError = short(seen, length));
    if (!discarding) await writer.close();
  };
  const pumped = pump()
    .catch(async (err: unknown) => {
      await writer.abort(err).catch(() => {});
    })
    .finally(() => reader.releaseLock());
  return {
    stream: fixed.readable,
    clientError: () => clientError,
    async discard() {
      discarding = true;
      // Unblocks a write waiting for a reader that will never come.
      await fixed.readable.cancel().catch(() => {});
      await pumped;
    },
  };
}

/** Runs a storage call fed by `body`; when it fails because the client's body did, throws the client's error instead. */
export async function storing<T>(body: ExactBody, work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (err) {
    throw body.clientError() ?? err;
  }
}

/**
 * Reads a whole body of the declared length into memory (for small bodies
 * only); a short, long or lost body is a 400. A longer body is let go of at
 * the first byte too many, the rest left in the request (see exactLength).
 */
export async function readExactly(body: ReadableStream<Uint8Array>, length: number): Promise<Uint8Array> {
  const bytes = new Uint8Array(length);
  const reader = body.getReader();
  let seen = 0;
  try {
    for (;;) {
      let next: ReadableStreamReadResult<Uint8Array>;
      try {
        next = await reader.read();
      } catch {
        throw lost(seen, length);
      }
      if (next.done) break;
      if (seen + next.value.byteLength > length) throw tooLong(length);
      bytes.set(next.value, seen);
      seen += next.value.byteLength;
    }
  } finally {
    reader.releaseLock();
  }
  if (seen < length) throw short(seen, length);
  return bytes;
}

const lost = (seen: number, length: number) =>
  new AppError("invalid_body", `The connection was lost after ${seen} of ${length} bytes; nothing was stored.`);
const short = (seen: number, length: number) =>
  new AppError("invalid_body", `The body ended after ${seen} of its ${length} bytes; nothing was stored.`);
const tooLong = (length: number) =>
  new AppError("invalid_body", `The body is longer than its Content-Length of ${length} bytes; nothing was stored.`);

/**
 * Reads a body nobody needs (its blob exists) to its end, `length` bytes at
 * most. Cancelling it instead would leave a client's bytes on a keep-alive
 * connection (or stall a multipart reader that is waiting for the rest of
 * its form). A body that runs past `length` is let go of there: what is
 * left is the HTTP layer's to drain.
 */
export async function discardRest(body: ReadableStream<Uint8Array>, length: number): Promise<void> {
  const reader = body.getReader();
  let seen = 0;
  try {
    for (;;) {
      const next = await reader.read();
      if (next.done) return;
      seen += next.value.byteLength;
      if (seen > length) return;
    }
  } catch {
    // The client went away: nothing left to keep usable.
  } finally {
    reader.releaseLock();
  }
}
