import type { ContentHash, Visibility } from "../blobs/keys";
import { store } from "../blobs/store";
import { contentSniffer } from "../cas/sniff";

export interface Ingested {
  hash: ContentHash;
  size: number;
  contentType: string;
  /** False when the blob was already stored and no byte was written. */
  created: boolean;
  /** The space the blob is stored in: the copy the attachment's row reads (its blob_visibility). */
  visibility: Visibility;
}

export interface IngestInput {
  body: ReadableStream | null;
  length: number;
  declaredHash: ContentHash | undefined;
  declaredType: string | undefined;
}

/**
 * Stores an attachment's bytes as a blob. Its type is the bytes' own for
 * images and PDFs (a JPEG sent as image/png is a JPEG), else the declared one.
 * A private part's attachments go to the private space (keys.ts).
 */
export async function ingest(bucket: R2Bucket, db: D1Database, input: IngestInput, visibility: Visibility): Promise<Ingested> {
  const stored = await store(bucket, db, {
    body: input.body ?? new Uint8Array(0),
    length: input.length,
    hash: input.declaredHash,
    contentType: input.declaredType,
    sniff: contentSniffer,
    visibility,
  });
  return { hash: stored.hash, size: stored.size, contentType: stored.contentType!, created: stored.created, visibility };
}
