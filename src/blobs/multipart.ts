import { exactLength, storing } from "./body";
import { blobKey, type ContentHash } from "./keys";

/**
 * R2 multipart uploads for resumable uploads. The upload is made at the
 * blob's final key, cas/<hash>: completing it is the one step that makes the
 * blob visible, and until then nothing is listed under cas/. The caller
 * claims the blob (claimStored) before it trusts an existing one.
 */
export async function startMultipart(bucket: R2Bucket, hash: ContentHash, contentType: string | undefined): Promise<string> {
  const upload = await bucket.createMultipartUpload(blobKey(hash), {
    httpMetadata: contentType ? { contentType } : undefined,
  });
  return upload.uploadId;
}

function resumed(bucket: R2Bucket, hash: ContentHash, uploadId: string): R2MultipartUpload {
  return bucket.resumeMultipartUpload(blobKey(hash), uploadId);
}

/**
 * Streams one part of exactly `length` bytes into the upload, each chunk
 * seen by `observe` on its way (a running digest): the part is read once and
 * nothing is buffered beyond the stream's own backpressure. A body shorter
 * or longer than `length`, or lost, is the client's 400 (see exactLength);
 * a longer one is let go of, its rest left in the request.
 */
export async function uploadPart(
  bucket: R2Bucket,
  hash: ContentHash,
  uploadId: string,
  part: { number: number; body: ReadableStream<Uint8Array>; length: number; observe: (chunk: Uint8Array) => Promise<void> },
): Promise<R2UploadedPart> {
  const exact = exactLength(part.body, part.length, part.observe);
  return storing(exact, resumed(bucket, hash, uploadId).uploadPart(part.number, exact.stream));
}

export type Completion = "completed" | "part_overwritten";

/** Makes the blob visible from its parts, in order. A part overwritten since its ETag was recorded fails R2's check. */
export async function completeMultipart(bucket: R2Bucket, hash: ContentHash, uploadId: string, etags: string[]): Promise<Completion> {
  try {
    await resumed(bucket, hash, uploadId).complete(etags.map((etag, i) => ({ partNumber: i + 1, etag })));
    return "completed";
  } catch (err) {
    if (err instanceof Error && /InvalidPart|10025/i.test(err.message)) return "part_overwritten";
    throw err;
  }
}

/**
 * Aborts the upload, discarding its parts. An upload R2 no longer knows
 * (already aborted, completed, or removed by the lifecycle rule) counts as
 * aborted.
 */
export async function abortMultipart(bucket: R2Bucket, hash: ContentHash, uploadId: string): Promise<void> {
  try {
    await resumed(bucket, hash, uploadId).abort();
  } catch (err) {
    if (err instanceof Error && /NoSuchUpload|10024|does not exist/i.test(err.message)) return;
    throw err;
  }
}
