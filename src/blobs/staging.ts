import { exactLength, storing } from "./body";
import { type ContentHash, hashOf, OLD_STAGING_PREFIX, STAGING_PREFIX, stagingKey } from "./keys";

/** Bytes written to a staging object and hashed on the way: ready to be stored under their name. */
export interface Staged {
  key: string;
  size: number;
  hash: ContentHash;
}

/** A staging object being written a chunk at a time; write() resolving is the backpressure. */
export interface StagingWriter {
  /** Known before the first byte, so a caller can clean up whatever happens. */
  readonly key: string;
  write(chunk: Uint8Array): Promise<void>;
  close(): Promise<Staged>;
  abort(reason: unknown): void;
}

/**
 * Opens a staging object of exactly `size` bytes. Every chunk goes to R2
 * and through SHA-256 in one pass, so a large body is named without being
 * held in memory or read twice.
 */
export function openStaging(bucket: R2Bucket, size: number): StagingWriter {
  const key = stagingKey();
  const fixed = new FixedLengthStream(size);
  const digest = new crypto.DigestStream("SHA-256");
  digest.digest.catch(() => {
    // Rejects when the write is aborted; close() reports its own failures.
  });
  const put = bucket.put(key, fixed.readable);
  put.catch(() => {
    // Reported by close(); an aborted write's put fails by design.
  });
  const toR2 = fixed.writable.getWriter();
  const toDigest = digest.getWriter();
  return {
    key,
    async write(chunk) {
      await Promise.all([toR2.write(chunk), toDigest.write(chunk)]);
    },
    async close() {
      await Promise.all([toR2.close(), toDigest.close()]);
      await put;
      return { key, size, hash: hashOf(await digest.digest) };
    },
    abort(reason) {
      toR2.abort(reason).catch(() => {});
      toDigest.abort(reason).catch(() => {});
    },
  };
}

/**
 * Streams a body of `length` bytes into a new staging object while hashing
 * it (one pump feeds both: no tee, no pipeTo, so a multipart File's JS
 * stream works too). A body that is not `length` bytes is the client's 400
 * and leaves nothing behind.
 */
export async function stageBody(
  bucket: R2Bucket,
  body: ReadableStream<Uint8Array>,
  length: number,
  observe?: (chunk: Uint8Array) => void,
): Promise<Staged> {
  const key = stagingKey();
  const digest = new crypto.DigestStream("SHA-256");
  // Rejects when a failed body aborts the digest below; that failure is reported through the put.
  digest.digest.catch(() => {});
  const digestWriter = digest.getWriter();
  const exact = exactLength(body, length, async (chunk) => {
    observe?.(chunk);
    await digestWriter.write(chunk);
  });
  try {
    await storing(exact, bucket.put(key, exact.stream));
    await digestWriter.close();
    return { key, size: length, hash: hashOf(await digest.digest) };
  } catch (err) {
    digestWriter.abort(err).catch(() => {});
    await bucket.delete(key);
    throw err;
  }
}

export async function deleteStaged(bucket: R2Bucket, keys: string[]): Promise<void> {
  for (let i = 0; i < keys.length; i += 1000) await bucket.delete(keys.slice(i, i + 1000));
}

/**
 * A staging object lives for one request: a large upload or firmware ZIP
 * streams for minutes, not hours. One older than this was left by a request
 * that died between writing and deleting it. A day leaves room for the
 * slowest client on the longest upload the limits allow.
 */
export const STAGING_GRACE_HOURS = 24;

/** The prefixes the sweep walks, in key order ("staging/" < "uploads/"), as one walk. */
const SWEPT = [STAGING_PREFIX, OLD_STAGING_PREFIX].sort();

export interface SweepPage {
  lastKey: string | null;
  more: boolean;
  scanned: number;
  deleted: number;
  kept: number;
}

/**
 * One page of the staging sweep: lists up to `limit` staging objects after
 * `startAfter` and deletes those uploaded before `cutoff` (epoch ms). The
 * two prefixes are walked as one: when the first ends, the cursor moves to
 * the second.
 */
export async function sweepStagingPage(
  bucket: R2Bucket,
  page: { startAfter: string | null; limit: number; cutoff: number; dryRun: boolean },
): Promise<SweepPage> {
  const index = Math.max(
    0,
    SWEPT.findIndex((prefix) => page.startAfter?.startsWith(prefix)),
  );
  const prefix = SWEPT[index]!;
  const listed = await bucket.list({ prefix, startAfter: page.startAfter?.startsWith(prefix) ? page.startAfter : undefined, limit: page.limit });
  const doomed = listed.objects.filter((o) => o.uploaded.getTime() < page.cutoff).map((o) => o.key);
  if (!page.dryRun) await deleteStaged(bucket, doomed);
  const next = SWEPT[index + 1];
  const lastKey = listed.objects.at(-1)?.key ?? null;
  // The first prefix is done: the next page starts the second (its bare prefix sorts before every key in it).
  const cursor = listed.truncated ? lastKey : (next ?? null);
  return {
    lastKey: cursor,
    more: listed.truncated || next !== undefined,
    scanned: listed.objects.length,
    deleted: doomed.length,
    kept: listed.objects.length - doomed.length,
  };
}
