import { exactLength, storing } from "../blobs/body";
import { AppError } from "../errors";
import { ResumableSha256 } from "./sha256";

export interface ReceivedPart {
  etag: string;
  /** The digest state after this part, to store with the session. */
  hashState: Uint8Array;
}

/**
 * Streams one part into R2 and through the running SHA-256 in a single
 * pass: every chunk is hashed on its way to uploadPart, so the part is read
 * once and nothing is buffered beyond the stream's own backpressure.
 * exactLength gives uploadPart the known length it needs and turns a body
 * shorter or longer than declared (or a lost connection) into a 400; the
 * state is only saved by the caller after success, so it stays unchanged.
 */
export async function receivePart(
  upload: R2MultipartUpload,
  partNumber: number,
  body: ReadableStream<Uint8Array>,
  length: number,
  savedState: Uint8Array,
): Promise<ReceivedPart> {
  const hasher = await ResumableSha256.start(savedState);
  const exact = exactLength(body, length, async (chunk) => hasher.update(chunk));
  try {
    const uploaded = await storing(exact, upload.uploadPart(partNumber, exact.stream));
    return { etag: uploaded.etag, hashState: hasher.save() };
  } catch (err) {
    if (err instanceof AppError) throw err;
    console.error("uploads: R2 uploadPart failed", err);
    throw new AppError("storage_unavailable", `Part ${partNumber} could not be stored; send it again.`);
  }
}
