import { uploadPart } from "../blobs/multipart";
import type { UploadSession } from "../db/schema";
import { AppError } from "../errors";
import { sessionHash } from "./lifecycle";
import { ResumableSha256 } from "./sha256";

export interface ReceivedPart {
  etag: string;
  /** The digest state after this part, to store with the session. */
  hashState: Uint8Array;
}

/**
 * Streams one part into R2 and through the running SHA-256 in a single
 * pass: every chunk is hashed on its way to R2, so the part is read once.
 * A body shorter or longer than declared (or a lost connection) is a 400;
 * the state is only saved by the caller after success, so it stays unchanged.
 */
export async function receivePart(
  bucket: R2Bucket,
  session: Pick<UploadSession, "sha256" | "r2UploadId">,
  part: number,
  body: ReadableStream<Uint8Array>,
  length: number,
  savedState: Uint8Array,
): Promise<ReceivedPart> {
  const hasher = await ResumableSha256.start(savedState);
  try {
    const uploaded = await uploadPart(bucket, sessionHash(session), session.r2UploadId, {
      number: part,
      body,
      length,
      observe: async (chunk) => hasher.update(chunk),
    });
    return { etag: uploaded.etag, hashState: hasher.save() };
  } catch (err) {
    if (err instanceof AppError) throw err;
    console.error("uploads: R2 uploadPart failed", err);
    throw new AppError("storage_unavailable", `Part ${part} could not be stored; send it again.`);
  }
}
