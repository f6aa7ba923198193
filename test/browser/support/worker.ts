import { type LocalWorker, startWorker } from "../../../scripts/lib/local-worker.ts";

export const API_TOKEN = "browser-test-api-token";
/**
 * Small, so the test sends a file over it quickly. The file it sends is also
 * under the 1 MB the worker drains from an unwanted body (src/http/drain.ts):
 * Chromium's XMLHttpRequest waits for its whole body to be taken before it
 * reads an early answer, so a body larger than that waits for a 413 that
 * never reaches the page.
 */
export const MAX_UPLOAD_BYTES = 500_000;

/**
 * The worker under `wrangler dev` (which builds the page first) with fresh
 * state, its own tokens and a small upload limit; "info" keeps wrangler's
 * request log, which tells which requests reached the worker.
 */
export function startPageWorker(): Promise<LocalWorker> {
  const vars = {
    API_TOKEN,
    CAS_WRITE_TOKEN: "browser-test-write-token",
    ADMIN_TOKEN: "browser-test-admin-token",
    MAX_UPLOAD_BYTES: String(MAX_UPLOAD_BYTES),
  };
  return startWorker("wrangler.toml", 0, vars, undefined, "info");
}
