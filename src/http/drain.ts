import { createMiddleware } from "hono/factory";
import { config } from "../config";
import type { AppEnv } from "../env";

/** An error answer reads at most this much of a body nobody wanted before letting go of it. */
export const ERROR_DRAIN_BYTES = 1024 * 1024;

export const drainUnreadBody = createMiddleware<AppEnv>(async (c, next) => {
  await next();
  const body = c.req.raw.body;
  if (body === null || c.req.raw.bodyUsed) return;
  const limit = c.res.status < 400 ? config(c.env).maxUploadBytes : ERROR_DRAIN_BYTES;
  await drain(body, limit);
});

async function drain(body: ReadableStream<Uint8Array>, limit: number): Promise<void> {
  const reader = body.getReader();
  let read = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      read += value.byteLength;
      if (read > limit) {
        reader.releaseLock();
        return;
      }
    }
  } catch {
    // The client went away: nothing left to keep usable.
  }
}
