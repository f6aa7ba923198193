import { exactLength, storing } from "../blobs/body";
import { claimBlob } from "../blobs/claims";
import { blobKey, type ContentHash } from "../blobs/keys";
import { AppError } from "../errors";
import { contentLength } from "../http/bounded-body";

/** Reads Content-Length the way a size limit must: present, a plain integer, and within `max`. */
export function declaredLength(header: string | null, max: number): number {
  const length = contentLength(header);
  if (length === null) {
    throw new AppError("length_required", "Send Content-Length: the size limit is checked before the body is read.");
  }
  if (length > max) throw new AppError("payload_too_large", `The body has ${length} bytes; the limit is ${max}.`);
  return length;
}

/** R2's code for a put whose bytes do not hash to the declared sha256 (10037, "BadDigest"). */
function isBadDigest(err: unknown): boolean {
  return err instanceof Error && /\(10037\)|checksum you specified did not match/i.test(err.message);
}

export interface StoredBlob {
  hash: ContentHash;
  size: number;
  created: boolean;
}

// Writers of the same hash in this isolate wait for the one already writing instead of racing it.
const inFlight = new Map<ContentHash, Promise<boolean>>();

/**
 * Stores `body` at cas/<hash> unless it is already there. R2 itself checks
 * the sha256 while the body streams in, so memory stays flat and a body
 * whose digest differs is refused whole: R2 writes nothing on a mismatch.
 * Exactly one writer creates a blob: within an isolate later writers wait
 * for the first, and across isolates R2's create-only condition decides.
 * A body not needed is left unread (the drain middleware reads it).
 * The blob is claimed first (see claimBlob), so GC cannot delete a blob
 * this write deduplicates against.
 */
export async function storeBlob(
  bucket: R2Bucket,
  db: D1Database,
  hash: ContentHash,
  body: ReadableStream | null,
  length: number,
  contentType: string | undefined,
): Promise<StoredBlob> {
  await claimBlob(db, hash);
  const pending = inFlight.get(hash);
  if (pending && (await pending.catch(() => false))) return { hash, size: length, created: false };
  const existing = await bucket.head(blobKey(hash));
  if (existing) return { hash, size: existing.size, created: false };
  return { hash, size: length, created: await putBlob(bucket, hash, body, length, contentType) };
}

/**
 * Creates cas/<hash>, letting R2 verify the digest; a mismatch or a body cut
 * short is a client error and stores nothing. False when another writer
 * created it first (its bytes are the same: the name is their hash).
 */
export function putBlob(
  bucket: R2Bucket,
  hash: ContentHash,
  body: ReadableStream | null,
  length: number,
  contentType: string | undefined,
): Promise<boolean> {
  const write = createOnly(bucket, hash, body, length, contentType).finally(() => {
    if (inFlight.get(hash) === write) inFlight.delete(hash);
  });
  inFlight.set(hash, write);
  return write;
}

async function createOnly(bucket: R2Bucket, hash: ContentHash, body: ReadableStream | null, length: number, contentType: string | undefined) {
  const exact = body === null ? null : exactLength(body, length);
  const put = bucket.put(blobKey(hash), exact?.stream ?? new Uint8Array(0), {
    sha256: hash,
    httpMetadata: contentType ? { contentType } : undefined,
    onlyIf: { etagDoesNotMatch: "*" },
  });
  try {
    const created = (await (exact ? storing(exact, put) : put)) !== null;
    // A lost race may leave the body unread: read it to the end so the connection stays usable.
    if (!created) await exact?.discard();
    return created;
  } catch (err) {
    if (isBadDigest(err)) throw new AppError("digest_mismatch", `The body's SHA-256 is not ${hash}; nothing was stored.`);
    throw err;
  }
}
