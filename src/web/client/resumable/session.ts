import type { components } from "../../../api-types.gen";
import { ApiError, sendBytes } from "../api";
import { client, must } from "../api-client";
import { type Meter, type PauseControl, Paused } from "./controls";
import { retryDelay } from "./plan";

export type Upload = components["schemas"]["Upload"];

const path = (id: string) => `/api/uploads/${encodeURIComponent(id)}`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Tries per request for a dropped connection or a 5xx, with backoff (0.5 s … 8 s, some 15 s in all). */
const ATTEMPTS = 6;
/**
 * A 409 on a part means another request holds it (one the page gave up on,
 * still being read) or it is out of order: the worker's state says which.
 * A claim lasts at most a minute (CLAIM_MS in src/uploads/lifecycle.ts).
 */
const BUSY_WAIT_MS = 2000;
const BUSY_TRIES = 35;

/** A session the worker no longer has (expired, swept, aborted): the upload starts over. */
export class SessionGone extends Error {}

function isGone(err: unknown): boolean {
  return err instanceof ApiError && (err.status === 404 || err.status === 410);
}

/**
 * Runs `op` until it succeeds, retrying what is transient: no connection,
 * a 5xx, a 429, a 409 (see BUSY_TRIES). A pause is no failure: it waits for
 * Resume and runs `op` again. Anything else is thrown as is.
 */
async function retrying<T>(op: () => Promise<T>, onRetry: (why: string, waitMs: number) => void, control?: PauseControl): Promise<T> {
  for (let failures = 0, busy = 0; ; ) {
    await control?.untilResumed();
    try {
      return await op();
    } catch (err) {
      if (err instanceof Paused) continue;
      if (!(err instanceof ApiError)) throw err;
      let wait: number;
      if (err.status === 409 && ++busy <= BUSY_TRIES) wait = BUSY_WAIT_MS;
      else if ((err.status === 0 || err.status === 429 || err.status >= 500) && ++failures < ATTEMPTS) wait = retryDelay(failures);
      else throw err;
      onRetry(err.message, wait);
      await sleep(wait);
    }
  }
}

/** The session's state, or null when the worker no longer has it. */
export async function uploadState(id: string, onRetry: (why: string, waitMs: number) => void): Promise<Upload | null> {
  try {
    return await retrying(() => must(client.GET("/api/uploads/{id}", { params: { path: { id } } })), onRetry);
  } catch (err) {
    if (isGone(err)) return null;
    throw err;
  }
}

/** Starts a session; `stored` when the worker already has the blob (200: nothing to send). */
export async function createUpload(
  input: { sha256: string; size: number; contentType: string; partSize: number },
  onRetry: (why: string, waitMs: number) => void,
): Promise<Upload | "stored"> {
  const body = {
    sha256: input.sha256,
    size: input.size,
    part_size: input.partSize,
    ...(input.contentType ? { content_type: input.contentType } : {}),
  };
  const answer = await retrying(() => must(client.POST("/api/uploads", { body })), onRetry);
  return "id" in answer ? answer : "stored";
}

/**
 * Sends the parts the worker lacks, in order (it takes them in order: each
 * is hashed onto the previous ones), each retried on its own. After a
 * failure or a pause the worker's state is asked again before sending: the
 * part may have been stored although its answer was lost.
 */
export async function sendParts(file: Blob, start: Upload, control: PauseControl, meter: Meter): Promise<Upload> {
  let session = start;
  let stale = false;
  const onRetry = (why: string, wait: number) => meter.hold(`${why} Trying again in ${Math.ceil(wait / 1000)} s…`);
  while (session.status === "open" && session.next_part !== null) {
    session = await retrying(
      async () => {
        if (stale) {
          const now = await uploadState(session.id, onRetry);
          if (!now) throw new SessionGone("The upload session is gone from the server.");
          stale = false;
          return now;
        }
        const n = session.next_part!;
        const from = (n - 1) * session.part_size;
        const part = file.slice(from, from + session.next_part_size!);
        stale = true;
        meter.sent(from);
        const stored = await sendBytes<Upload>(
          "PUT",
          `${path(session.id)}/parts/${n}`,
          part,
          { "Content-Type": "application/octet-stream" },
          (loaded) => meter.sent(from + loaded),
          control.signal,
        );
        stale = false;
        return stored;
      },
      onRetry,
      control,
    ).catch((err: unknown) => {
      throw isGone(err) ? new SessionGone("The upload session is gone from the server.") : err;
    });
  }
  if (session.status === "failed") throw new SessionGone(`The upload failed on the server (${session.failure ?? "no reason given"}).`);
  return session;
}

/** Makes the blob visible once every part is in (the worker checks the SHA-256 first). */
export function completeUpload(id: string, onRetry: (why: string, waitMs: number) => void): Promise<Upload> {
  return retrying(() => must(client.POST("/api/uploads/{id}/complete", { params: { path: { id } } })), onRetry);
}
