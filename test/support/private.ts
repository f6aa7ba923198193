import { env } from "cloudflare:test";
import { contentHash } from "../../src/blobs/keys";
import { store } from "../../src/blobs/store";
import { signedPath } from "../../src/cas/signed-links";
import type { BlobView } from "../../src/cas/view";
import { ORIGIN, sha256 } from "./blobs";
import { fetchWith, recordingBucket, recordingDb } from "./worker";

/** Stores bytes in the private space (private/cas/<hash>) through the blob core, as coredumps and firmware are. */
export async function storePrivate(bytes: Uint8Array, contentType?: string): Promise<string> {
  const hash = await sha256(bytes);
  await store(env.BUCKET, env.DB, { body: bytes, hash: contentHash.parse(hash), contentType, visibility: "private" });
  return hash;
}

export const nowSeconds = () => Math.floor(Date.now() / 1000);

/** A signed link to `hash`'s view, made by the code API answers use; valid for `seconds` (an hour) unless said. */
export function signed(hash: string, view: BlobView = {}, opts: { seconds?: number; keys?: string } = {}): Promise<string> {
  const keys = opts.keys ?? env.LINK_SIGNING_KEYS;
  return signedPath({ LINK_SIGNING_KEYS: keys }, contentHash.parse(hash), view, { expires: nowSeconds() + (opts.seconds ?? 3600) });
}

/** The second test key (vitest.config.ts: TEST_SECOND_LINK_KEY, kid link-test-2). */
const secondKey = (): unknown => JSON.parse((env as Env & { TEST_SECOND_LINK_KEY: string }).TEST_SECOND_LINK_KEY);

/** The key set of the test bindings plus the second test key, last (so it signs): a rotation in progress. */
export function rotatedKeys(): string {
  const { keys } = JSON.parse(env.LINK_SIGNING_KEYS) as { keys: unknown[] };
  return JSON.stringify({ keys: [...keys, secondKey()] });
}

/** Only the second test key: the first one removed after a rotation. */
export function secondKeyOnly(): string {
  return JSON.stringify({ keys: [secondKey()] });
}

/**
 * Fetches `path` through the worker with D1 and R2 wrapped to record every call:
 * the private route must never touch D1, whatever it answers.
 */
export async function fetchPrivate(path: string, init: RequestInit = {}, overrides: Partial<Env> = {}) {
  const { db, calls: d1Calls } = recordingDb();
  const { bucket, calls: r2Calls } = recordingBucket();
  const res = await fetchWith(new Request(`${ORIGIN}${path}`, init), { DB: db, BUCKET: bucket, ...overrides });
  return { res, d1Calls, r2Calls };
}
