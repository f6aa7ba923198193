import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../env";
import { AppError, problemResponse } from "../errors";
import { contentLength, KiB } from "./bounded-body";

const MiB = 1024 * KiB;

/**
 * After a body over its cap is refused, how long it is read and dropped
 * before it is given up and the connection closes: a lingering close (RFC
 * 9112 §9.6). A worker cannot half-close, and giving up a body while its
 * client still sends resets the connection, often before that client has
 * read the answer it already received (measured under wrangler dev: a client
 * sending at full speed lost it when the reading stopped after 4 or 64 MiB,
 * some 100 ms after the answer). So the reading goes on for at least
 * LINGER_MIN_MS after the answer has left, and at most LINGER_MS, or
 * LINGER_BYTES once the minimum has passed. A body a little over its cap is
 * taken whole within that, and the connection carries on.
 */
export const LINGER_MIN_MS = 1_000;
export const LINGER_MS = 5_000;
export const LINGER_BYTES = 64 * MiB;
/** A body within its cap that stops arriving for this long is given up: its client has stalled or gone. */
export const IDLE_MS = 10_000;

/**
 * How much of the client's body is handed on at a time. workerd hands a
 * request body out 4 KiB at a time; read into larger buffers (a BYOB read of
 * at least this much), every handler's per-chunk work (hashing, writing to
 * R2) runs some 60 times less often (npm run bench:upload).
 */
export const CHUNK_BYTES = 256 * KiB;

/** How a request body ended: read to its end (the connection can carry the next request), lost, or given up (it cannot). */
export type BodyOutcome = "ended" | "lost" | "given-up";

const TIMED_OUT = Symbol("timed out");

function within<T>(read: Promise<T>, ms: number): Promise<T | typeof TIMED_OUT> {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const timeout = new Promise<typeof TIMED_OUT>((resolve) => (timer = setTimeout(() => resolve(TIMED_OUT), Math.max(0, ms))));
  return Promise.race([read, timeout]).finally(() => clearTimeout(timer));
}

const overCap = (max: number) => new AppError("payload_too_large", `The body passed ${max} bytes, the most this endpoint takes.`);

/** The client's bytes: in large chunks to hand on, into one reused buffer to drop. */
interface ChunkSource {
  next(size: number): Promise<ReadableStreamReadResult<Uint8Array>>;
  skip(): Promise<ReadableStreamReadResult<Uint8Array>>;
  cancel(): Promise<void>;
}

function chunkSource(body: ReadableStream<Uint8Array>): ChunkSource {
  let byob: ReadableStreamBYOBReader;
  try {
    byob = body.getReader({ mode: "byob" });
  } catch {
    // A body made in JavaScript (a test's stream) is no byte stream: it is read as it comes.
    const reader = body.getReader();
    return { next: () => reader.read(), skip: () => reader.read(), cancel: () => reader.cancel() };
  }
  let scratch = new Uint8Array(CHUNK_BYTES);
  return {
    next: (size) => byob.readAtLeast(size, new Uint8Array(size)),
    async skip() {
      const result = await byob.read(scratch);
      if (result.value) scratch = new Uint8Array(result.value.buffer);
      return result;
    },
    cancel: () => byob.cancel(),
  };
}

/**
 * The client's request body, owned by the middleware from its first byte to
 * its last. The handler reads a stream pulled from it (`stream`) whose cancel
 * never reaches the client's body: a handler that stops reading or cancels
 * only stops being handed bytes, and the rest is read and dropped here.
 * Cancelling the client's body is what makes the runtime close the
 * connection, so it happens in one place only: when a body is given up (past
 * its cap and the linger, or stalled).
 */
class ClientBody {
  /** What the handler reads: the client's bytes as they come, in chunks of up to CHUNK_BYTES. */
  readonly stream: ReadableStream<Uint8Array>;
  /** Resolves once the body has ended, been lost, or been given up. */
  readonly settled: Promise<BodyOutcome>;
  /** The body passed its cap: it is refused whatever the handler said. */
  over = false;
  /** Read to its end by the handler: nothing is left. */
  ended = false;
  private handingOn = true;
  private read = 0;
  private outcome: BodyOutcome | null = null;
  private settle!: (outcome: BodyOutcome) => void;
  /** The read a handler's pull is waiting for; dropping starts after it. */
  private pending: Promise<unknown> = Promise.resolve();
  private dropping = false;
  private readonly source: ChunkSource;

  constructor(
    body: ReadableStream<Uint8Array>,
    private readonly declared: number | null,
    private readonly max: number,
  ) {
    this.source = chunkSource(body);
    this.settled = new Promise((resolve) => (this.settle = resolve));
    // A JavaScript stream, so the handler gets the chunks as read (a native one would split them into 4 KiB again).
    // A handler that cancels only stops being handed bytes; the rest is dropped once the answer is out.
    this.stream = new ReadableStream<Uint8Array>(
      { pull: (controller) => this.pull(controller), cancel: () => void (this.handingOn = false) },
      { highWaterMark: 0 },
    );
    if (declared !== null && declared > max) {
      this.over = true;
      this.handingOn = false;
    }
  }

  /**
   * The answer exists: hand on nothing more, and read the rest and drop it
   * once `answerTaken` resolves, that is once the runtime has taken the
   * answer. A body that keeps arriving is read in a loop that gives little
   * else a turn: started first, it ran through the linger and closed the
   * connection before the answer had left (measured under wrangler dev).
   */
  release(answerTaken: Promise<unknown>): void {
    this.handingOn = false;
    if (this.dropping || this.outcome) return;
    this.dropping = true;
    // One read starts now (after any a pull is waiting for): it marks the body used, so nothing else
    // tries to read it (wrangler dev wraps a worker in a drain of its own that holds the answer back
    // until an unused body has arrived whole). If the pull's read failed, the body was lost and pull said so.
    const first = this.pending.then(() => this.source.skip());
    first.catch(() => {});
    void Promise.all([this.pending, answerTaken.catch(() => {})])
      .then(
        () => this.drop(first),
        (): BodyOutcome => "lost",
      )
      .then((outcome) => this.finish(outcome));
  }

  private finish(outcome: BodyOutcome): void {
    this.outcome ??= outcome;
    this.settle(this.outcome);
  }

  private async pull(controller: ReadableStreamDefaultController<Uint8Array>): Promise<void> {
    if (!this.handingOn || this.outcome) return controller.error(new Error("The request body is no longer handed on."));
    // At least a chunk's worth while that much is still to come: fewer, larger reads.
    const size = Math.max(1, Math.min(CHUNK_BYTES, this.declared === null ? CHUNK_BYTES : this.declared - this.read));
    let next: ReadableStreamReadResult<Uint8Array>;
    try {
      next = await (this.pending = this.source.next(size));
    } catch (err) {
      // The client's body failed (the connection was lost): the handler sees the same failure.
      this.finish("lost");
      return controller.error(err);
    }
    const bytes = next.value?.byteLength ?? 0;
    this.read += bytes;
    if (this.read > this.max) {
      // Only a body without a length gets here: one with a length over the cap was refused before.
      this.over = true;
      this.handingOn = false;
      return controller.error(overCap(this.max));
    }
    if (bytes > 0) controller.enqueue(next.value!);
    if (next.done) {
      this.ended = this.handingOn;
      controller.close();
      this.finish("ended");
    }
  }

  /** Reads what is left and drops it: to its end within the cap, or for the linger once past it. */
  private async drop(first: Promise<ReadableStreamReadResult<Uint8Array>>): Promise<BodyOutcome> {
    let linger = { from: 0, bytes: 0 };
    const startLinger = () => (linger = { from: Date.now(), bytes: this.read + LINGER_BYTES });
    if (this.over) startLinger();
    let reading = first;
    try {
      for (; ; reading = this.source.skip()) {
        const next = await within(reading, this.over ? linger.from + LINGER_MS - Date.now() : IDLE_MS);
        if (next === TIMED_OUT) return await this.giveUp();
        this.read += next.value?.byteLength ?? 0;
        if (next.done) return "ended";
        if (!this.over && this.read > this.max) {
          this.over = true;
          startLinger();
        }
        if (this.over) {
          // A body that keeps arriving would be read without a pause, and without a pause the
          // clock does not move in workerd (it advances with I/O): give timers and other requests a turn.
          await new Promise((resolve) => setTimeout(resolve, 0));
          const lingered = Date.now() - linger.from;
          if (lingered > LINGER_MS || (lingered > LINGER_MIN_MS && this.read > linger.bytes)) return await this.giveUp();
        }
      }
    } catch {
      return "lost";
    }
  }

  /** Stops reading: the runtime then closes the connection once the answer is out. */
  private async giveUp(): Promise<BodyOutcome> {
    await this.source.cancel().catch(() => {});
    return "given-up";
  }
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
async function answerWhileReading(res: Response, body: ClientBody): Promise<Response> {
  if (res.body === null) {
    body.release(Promise.resolve());
    await body.settled;
    return res;
  }
  const bytes = new Uint8Array(await res.arrayBuffer());
  const out = new FixedLengthStream(bytes.byteLength);
  const writer = out.writable.getWriter();
  // A write into a FixedLengthStream resolves once the runtime has read it: the answer is on its way.
  body.release(bytes.byteLength > 0 ? writer.write(bytes) : Promise.resolve());
  void body.settled.finally(() => writer.close().catch(() => {}));
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
      return answerWhileReading(problemResponse(refusal, c.req.method), body);
    }
    // GET and HEAD cannot carry a body into a Request; their handlers never read one anyway.
    if (c.req.method !== "GET" && c.req.method !== "HEAD") c.req.raw = new Request(c.req.raw, { body: body.stream });
    await next();
    if (body.ended) return;
    if (body.over) {
      // The handler saw its stream fail; the reason is the cap.
      const refusal = overCap(max);
      c.error = refusal;
      c.res = problemResponse(refusal, c.req.method);
    }
    c.res = await answerWhileReading(c.res, body);
  });
}
