import { discardRest, exactLength, readExactly, storing } from "../blobs/body";
import { claimBlob } from "../blobs/claims";
import { blobKey, type ContentHash, hashOf, sha256 } from "../blobs/keys";
import { putBlob, storeBlob } from "../cas/write";
import { AppError } from "../errors";
import { resolveContentType, SNIFF_BYTES } from "./sniff";

/**
 * Bodies up to this size without a declared hash are hashed in memory:
 * one read, one digest, one put. Larger ones are staged (see stageAndHash).
 */
export const BUFFER_LIMIT = 8 * 1024 * 1024;

export interface Ingested {
  hash: ContentHash;
  size: number;
  contentType: string;
  /** False when the blob was already stored and no byte was written. */
  created: boolean;
}

export interface IngestInput {
  body: ReadableStream | null;
  length: number;
  declaredHash: ContentHash | undefined;
  declaredType: string | undefined;
}

/** Stores bytes at cas/<sha256> unless already there, whatever their size (zero included), with flat memory. */
export async function ingest(bucket: R2Bucket, db: D1Database, input: IngestInput): Promise<Ingested> {
  const body = input.body ?? new Response(new Uint8Array(0)).body!;
  if (input.declaredHash) return ingestDeclared(bucket, db, body, input.length, input.declaredHash, input.declaredType);
  if (input.length <= BUFFER_LIMIT) return ingestBuffered(bucket, db, body, input.length, input.declaredType);
  return stageAndHash(bucket, db, body, input.length, input.declaredType);
}

/**
 * With the hash known up front a duplicate is decided before reading a
 * byte, and a new body streams straight into R2, which verifies the sha256
 * as it arrives.
 */
async function ingestDeclared(bucket: R2Bucket, db: D1Database, body: ReadableStream, length: number, hash: ContentHash, declaredType?: string) {
  await claimBlob(db, hash);
  const existing = await bucket.head(blobKey(hash));
  if (existing) {
    await discardRest(body);
    if (existing.size !== length) {
      throw new AppError("digest_mismatch", `The blob ${hash} has ${existing.size} bytes, not ${length}; nothing was stored.`);
    }
    const head = await firstBytes(bucket, blobKey(hash));
    return { hash, size: existing.size, contentType: resolveContentType(declaredType, head), created: false };
  }
  // The body goes to R2 by a native pipe, untouched by JS; its type is sniffed
  // afterwards from a 16-byte range read instead of by re-streaming every chunk.
  const created = await putBlob(bucket, hash, body, length, declaredType);
  const contentType = resolveContentType(declaredType, await firstBytes(bucket, blobKey(hash)));
  return { hash, size: length, contentType, created };
}

async function ingestBuffered(bucket: R2Bucket, db: D1Database, body: ReadableStream, length: number, declaredType?: string) {
  const bytes = await readExactly(body, length);
  const hash = await sha256(bytes);
  const contentType = resolveContentType(declaredType, bytes.subarray(0, SNIFF_BYTES));
  const stored = await storeBlob(bucket, db, hash, asStream(bytes), length, contentType);
  return { hash, size: length, contentType, created: stored.created };
}

/**
 * A large body with no declared hash cannot be named before it has been
 * read, and a Worker cannot hold 100 MB. So it streams once into a staging
 * object while a DigestStream hashes the same chunks (one pump feeds both:
 * no tee, no pipeTo, so a multipart File's JS stream works too); then the staging
 * object is streamed into cas/<hash> (R2 has no server-side copy in the
 * binding) unless that blob exists, and the staging object is deleted.
 */
async function stageAndHash(bucket: R2Bucket, db: D1Database, body: ReadableStream, length: number, declaredType?: string) {
  const staging = `uploads/${crypto.randomUUID()}`;
  try {
    const digest = new crypto.DigestStream("SHA-256");
    const digestWriter = digest.getWriter();
    const exact = exactLength(body, length, (chunk) => digestWriter.write(chunk));
    await storing(exact, bucket.put(staging, exact.stream));
    await digestWriter.close();
    const hash = hashOf(await digest.digest);
    const contentType = resolveContentType(declaredType, await firstBytes(bucket, staging));
    const staged = await bucket.get(staging);
    if (!staged) throw new Error(`staging object ${staging} vanished`);
    const stored = await storeBlob(bucket, db, hash, staged.body, length, contentType);
    return { hash, size: length, contentType, created: stored.created };
  } finally {
    await bucket.delete(staging);
  }
}

async function firstBytes(bucket: R2Bucket, key: string): Promise<Uint8Array> {
  const object = await bucket.get(key, { range: { offset: 0, length: SNIFF_BYTES } });
  return object ? new Uint8Array(await object.arrayBuffer()) : new Uint8Array(0);
}

function asStream(bytes: Uint8Array): ReadableStream {
  return new Response(bytes).body!;
}
