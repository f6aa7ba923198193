import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../env";
import { AppError, problemResponse } from "../errors";
import { contentLength, KiB } from "./bounded-body";

const MiB = 1024 * KiB;

/**
 * After a body over its cap is refused, how long it is read and dropped, and
 * how much of it at most, before it is given up and the connection closes: a
 * lingering close (RFC 9112 §9.6). A worker cannot half-close, and giving up
 * a body while its client still sends resets the connection; a client that
 * is still writing then often loses the answer it has not read yet (measured:
 * with 4 MiB a fast local client lost it). Long enough for the answer to be
 * read, and for a body a little over its cap to be taken whole, so the
 * connection carries on. Bounded by bytes as well as by time: a timer raced
 * against a body that keeps arriving is not a reliable bound in workerd.
 */
export const LINGER_BYTES = 64 * MiB;
export const LINGER_MS = 5_000;
/** A body within its cap that stops arriving for this long is given up: its client has stalled or gone. */
export const IDLE_MS = 10_000;

/** How a request body ended: read to its end (the connection can carry the next request), lost, or given up (it cannot). */
export type BodyOutcome = "ended" | "lost" | "given-up";

const TIMED_OUT = Symbol("timed out");

function readWithin(reader: ReadableStreamDefaultReader<Uint8Array>, ms: number) {
  if (ms === Number.POSITIVE_INFINITY) return reader.read();
  let timer: ReturnType<typeof setTimeout> | null = null;
  const timeout = new Promise<typeof TIMED_OUT>((resolve) => (timer = setTimeout(() => resolve(TIMED_OUT), Math.max(0, ms))));
  return Promise.race([reader.read(), timeout]).finally(() => clearTimeout(timer));
}

const overCap = (max: number) => new AppError("payload_too_large", `The body passed ${max} bytes, the most this endpoint takes.`);

/**
 * The client's request body, owned by the middleware from its first byte to
 * its last. The handler reads a stream fed from it (`stream`) whose cancel
 * never reaches the client's body: a handler that stops reading or cancels
 * only stops being fed, and the rest is read and dropped here. Cancelling the
 * client's body itself is what makes the runtime close the connection, so it
 * happens in one place only: when a body is given up (over its cap past the
 * linger, or stalled).
 */
class ClientBody {
  /** What the handler reads: the same bytes, chunk for chunk. */
  readonly stream: ReadableStream<Uint8Array>;
  readonly settled: Promise<BodyOutcome>;
  /** The body passed its cap: it is refused whatever the handler said. */
  over = false;
  /** Read to its end while the handler was still being fed: nothing was left unread. */
  ended = false;
  private feeding: boolean;
  private readonly writer: WritableStreamDefaultWriter<Uint8Array>;

  constructor(
    source: ReadableStream<Uint8Array>,
    declared: number | null,
    private readonly max: number,
  ) {
    // The handler sees exactly what the client sent, short or long: a FixedLengthStream here would turn
    // a body that ends early into a failed read. Writers give R2 its known length themselves.
    const pipe = new IdentityTransformStream();
    this.stream = pipe.readable;
    this.writer = pipe.writable.getWriter();
    this.writer.closed.catch(() => {});
    this.feeding = declared === null || declared <= max;
    this.settled = this.pump(source.getReader(), declared !== null && declared > max);
  }

  /** The answer exists: feed the handler nothing more, read the rest and drop it. */
  release(): void {
    if (!this.feeding) return;
    this.feeding = false;
    // Fails a write waiting for a reader that will never come.
    this.writer.abort(new Error("The request was answered before its body was read.")).catch(() => {});
  }

  private async pump(reader: ReadableStreamDefaultReader<Uint8Array>, overFromStart: boolean): Promise<BodyOutcome> {
    let read = 0;
    let lingerUntil = { bytes: 0, time: 0 };
    const linger = () => {
      this.over = true;
      lingerUntil = { bytes: read + LINGER_BYTES, time: Date.now() + LINGER_MS };
    };
    if (overFromStart) linger();
    try {
      for (;;) {
        // While the handler is fed, how long the body takes is the handler's business.
        const wait = this.feeding ? Number.POSITIVE_INFINITY : this.over ? lingerUntil.time - Date.now() : IDLE_MS;
        const next = await readWithin(reader, wait);
        if (next === TIMED_OUT) return await giveUp(reader);
        if (next.done) {
          if (this.feeding) {
            this.ended = true;
            await this.writer.close().catch(() => {});
          }
          return "ended";
        }
        read += next.value.byteLength;
        if (!this.over && read > this.max) {
          linger();
          if (this.feeding) {
            this.feeding = false;
            await this.writer.abort(overCap(this.max)).catch(() => {});
          }
        }
        if (this.over && (read > lingerUntil.bytes || Date.now() > lingerUntil.time)) return await giveUp(reader);
        if (this.feeding) {
          try {
            await this.writer.write(next.value);
          } catch {
            // The handler cancelled its stream, or the answer came first: the rest is dropped.
            this.feeding = false;
          }
        }
      }
    } catch (err) {
      // The client's body failed (the connection was lost): the handler sees the same failure.
      if (this.feeding) await this.writer.abort(err).catch(() => {});
      return "lost";
    }
  }
}

/** Stops reading: the runtime then closes the connection once the answer is out. */
async function giveUp(reader: ReadableStreamDefaultReader<Uint8Array>): Promise<BodyOutcome> {
  await reader.cancel().catch(() => {});
  return "given-up";
}

/**
 * The answer, sent at once and kept open until the request body is read
 * (then the connection carries the next request) or given up (then the
 * runtime closes it). Its length is known, so a client reads the whole answer
 * at once, before it has sent the rest of its body. Measured under workerd
 * and wrangler dev's proxy: answering while the body is still read keeps the
 * connection either way, and a client waiting to send (Expect: 100-continue,
 * curl over 1 MiB) learns at once that it need not; answering without
 * reading holds the answer back until the whole body arrived, and
 * cancelling the body resets the connection under the answer. Answers with
 * no body (204, HEAD) cannot stay open: those are sent once the body is read.
 * The answers to requests with bodies are small JSON documents, held in
 * memory here.
 */
async function answerWhileReading(res: Response, settled: Promise<BodyOutcome>): Promise<Response> {
  if (res.body === null) {
    await settled;
    return res;
  }
  const bytes = new Uint8Array(await res.arrayBuffer());
  const out = new FixedLengthStream(bytes.byteLength);
  const writer = out.writable.getWriter();
  if (bytes.byteLength > 0) writer.write(bytes).catch(() => {});
  void settled.finally(() => writer.close().catch(() => {}));
  return new Response(out.readable, { status: res.status, statusText: res.statusText, headers: res.headers });
}

/**
 * Owns every request body, whatever the outcome:
 * - a declared Content-Length over the route's cap is answered 413 at once,
 *   before the access guard (the refusal needs no identity) and without
 *   handing a byte on; a lingering read follows, then the connection closes;
 * - a chunked body that passes the cap is refused the same way;
 * - anything else reaches the handler through a stream it cannot cancel;
 *   whatever the handler leaves unread (a refusal before or while reading,
 *   a deduplicated upload) is read to its end, bounded by the cap, while
 *   the answer goes out.
 * `capOf` gives the request's cap in bytes (app.ts: from the route table).
 */
export function ownRequestBody(capOf: (c: Context<AppEnv>) => number) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const source = c.req.raw.body;
    if (source === null) return next();
    const declared = contentLength(c.req.header("Content-Length") ?? null);
    const max = capOf(c);
    const body = new ClientBody(source, declared, max);
    if (declared !== null && declared > max) {
      const refusal = new AppError("payload_too_large", `The body has ${declared} bytes; the limit is ${max}.`);
      c.error = refusal;
      return answerWhileReading(problemResponse(refusal, c.req.method), body.settled);
    }
    // GET and HEAD cannot carry a body into a Request; their handlers never read one anyway.
    if (c.req.method !== "GET" && c.req.method !== "HEAD") c.req.raw = new Request(c.req.raw, { body: body.stream });
    await next();
    if (body.ended) return;
    body.release();
    if (body.over) {
      // The handler saw its stream fail; the reason is the cap.
      const refusal = overCap(max);
      c.error = refusal;
      c.res = problemResponse(refusal, c.req.method);
    }
    c.res = await answerWhileReading(c.res, body.settled);
  });
}
