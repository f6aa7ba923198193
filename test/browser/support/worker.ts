import { type LocalWorker, startWorker } from "../../../scripts/lib/local-worker.ts";

export const API_TOKEN = "browser-test-api-token";
/**
 * Small, so a file over it is quick to make and to send. A file the worker
 * refuses is sent whole anyway (Chromium's XMLHttpRequest waits for its whole
 * body to be taken before it reads an early answer): one a little over the
 * limit is within the worker's lingering read (src/http/request-body.ts), so
 * the 413 reaches the page.
 */
export const MAX_UPLOAD_BYTES = 500_000;

/**
 * The worker under `wrangler dev` (which builds the page first) with fresh
 * state, its own tokens and a small upload limit; "info" keeps wrangler's
 * request log, which tells which requests reached the worker. `extra` adds
 * or replaces vars (a signing key for private links).
 */
export function startPageWorker(extra: Record<string, string> = {}): Promise<LocalWorker> {
  const vars = {
    API_TOKEN,
    CAS_WRITE_TOKEN: "browser-test-write-token",
    ADMIN_TOKEN: "browser-test-admin-token",
    MAX_UPLOAD_BYTES: String(MAX_UPLOAD_BYTES),
    ...extra,
  };
  return startWorker("wrangler.toml", 0, vars, undefined, "info");
}
