import { AppError } from "../errors";
import { blobKey, type ContentHash } from "./keys";

export const DEFAULT_MAX_UPLOAD_BYTES = 100 * 1024 * 1024;

export function maxUploadBytes(env: Env): number {
  const configured = Number(env.MAX_UPLOAD_BYTES);
  return Number.isSafeInteger(configured) && configured > 0 ? configured : DEFAULT_MAX_UPLOAD_BYTES;
}

/** Reads Content-Length the way a size limit must: present, a plain integer, and within `max`. */
export function declaredLength(header: string | null, max: number): number {
  if (header === null) {
    throw new AppError("length_required", "Send Content-Length: the size limit is checked before the body is read.");
  }
  if (!/^\d{1,16}$/.test(header.trim())) throw new AppError("bad_request", "Content-Length must be a whole number of bytes.");
  const length = Number(header.trim());
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

/**
 * Stores `body` at cas/<hash> unless it is already there. R2 itself checks
 * the sha256 while the body streams in, so memory stays flat and a body
 * whose digest differs is refused whole: R2 writes nothing on a mismatch.
 * Two racing writers of the same bytes both succeed with identical content.
 */
export async function storeBlob(
  bucket: R2Bucket,
  hash: ContentHash,
  body: ReadableStream | null,
  length: number,
  contentType: string | undefined,
): Promise<StoredBlob> {
  const key = blobKey(hash);
  const existing = await bucket.head(key);
  if (existing) {
    return { hash, size: existing.size, created: false };
  }
  await putBlob(bucket, hash, body, contentType);
  return { hash, size: length, created: true };
}

/** Writes cas/<hash>, letting R2 verify the digest; a mismatch is a client error and stores nothing. */
export async function putBlob(bucket: R2Bucket, hash: ContentHash, body: ReadableStream | null, contentType: string | undefined) {
  try {
    await bucket.put(blobKey(hash), body ?? new Uint8Array(0), {
      sha256: hash,
      httpMetadata: contentType ? { contentType } : undefined,
    });
  } catch (err) {
    if (isBadDigest(err)) throw new AppError("digest_mismatch", `The body's SHA-256 is not ${hash}; nothing was stored.`);
    throw err;
  }
}
