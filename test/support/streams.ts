/**
 * A client's body as the runtime hands it over: chunks pulled one at a time,
 * with a record of whether anybody cancelled it. A refusal must leave the
 * unread rest in the stream (the HTTP layer reads it so the connection can
 * carry the next request); a cancelled body loses it.
 */
export function watchedBody(chunks: Uint8Array[]): { body: ReadableStream<Uint8Array>; cancelled: () => boolean; pulled: () => number } {
  let next = 0;
  let cancelled = false;
  const body = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (next < chunks.length) controller.enqueue(chunks[next++]!);
        else controller.close();
      },
      cancel() {
        cancelled = true;
      },
    },
    { highWaterMark: 0 },
  );
  return { body, cancelled: () => cancelled, pulled: () => next };
}

/** Reads what is left of a stream a refusal let go of. */
export async function readRest(body: ReadableStream<Uint8Array>): Promise<number> {
  const reader = body.getReader();
  let n = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return n;
    n += value.length;
  }
}

/**
 * A client's body as the worker sees it: `total` bytes handed out a chunk at
 * a time when the worker pulls, or none at all (a client waiting for the
 * answer before it sends, as with Expect: 100-continue), recording whether
 * the worker cancelled it (which over HTTP resets the connection).
 */
export function clientBody(total: number | "never", chunk = 64 * 1024) {
  let pulled = 0;
  let cancelled = false;
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (total === "never") return new Promise<void>(() => {});
        if (pulled >= total) return controller.close();
        const size = Math.min(chunk, total - pulled);
        pulled += size;
        controller.enqueue(new Uint8Array(size).fill(0x61));
      },
      cancel() {
        cancelled = true;
      },
    },
    { highWaterMark: 0 },
  );
  return { stream, pulled: () => pulled, cancelled: () => cancelled };
}
