import { AppError } from "../errors";
import { discardRest, exactLength, readExactly, storing } from "./body";
import { concat } from "./bytes";
import { claimBlob } from "./claims";
import { blobKey, type ContentHash, sha256, type Visibility } from "./keys";
import { type Staged, stageBody } from "./staging";

/**
 * Bodies up to this size with no declared hash are hashed in memory: one
 * read, one digest, one put. Larger ones are staged while hashed.
 */
export const BUFFER_LIMIT = 8 * 1024 * 1024;

/** Decides a blob's Content-Type from its first `bytes` bytes and the type its sender declared. */
export interface Sniffer {
  bytes: number;
  resolve(declared: string | undefined, head: Uint8Array): string;
}

export interface StoreInput {
  /**
   * The bytes: a stream of `length` bytes (a request body, an R2 object),
   * bytes in memory, or a staging object (see staging.ts). null is no bytes.
   */
  body: ReadableStream<Uint8Array> | Uint8Array | Staged | null;
  /** The declared length; a stream needs one (R2 must know it before the first byte). */
  length?: number;
  /** The declared hash: a duplicate is decided before a byte is read, and R2 verifies the bytes. */
  hash?: ContentHash;
  /** The Content-Type stored with a new blob (unless `sniff` decides it from the bytes first). */
  contentType?: string;
  sniff?: Sniffer;
  /** Bodies declared longer are a 413 before anything is read. */
  maxBytes?: number;
  /** The space the blob is stored in (keys.ts); public unless said. */
  visibility?: Visibility;
  /**
   * The caller claimed the hash already (claimStored) and store() claims it
   * no second time: the visibility pass must know when its own claim was
   * made, to tell it from an upload's (housekeeping/visibility.ts).
   */
  claimed?: boolean;
}

export interface StoredBlob {
  hash: ContentHash;
  size: number;
  /** False when the blob was already stored (or another writer stored it first) and no byte was written. */
  created: boolean;
  /** `sniff`'s verdict on the bytes, or else the declared type. */
  contentType: string | undefined;
}

/** Where the bytes of a named blob come from, and the first bytes when they are known before the write. */
type Source =
  | { kind: "bytes"; bytes: Uint8Array }
  | { kind: "stream"; stream: ReadableStream<Uint8Array>; head: HeadKeeper }
  | { kind: "staged"; staged: Staged; head: Uint8Array };

// Writers of the same blob key in this isolate wait for the one already writing instead of racing it.
const inFlight = new Map<string, Promise<unknown>>();

/**
 * The only way bytes become a blob at cas/<sha256> (or private/cas/<sha256>
 * for `visibility: "private"`), whatever their size (zero included), with flat memory:
 * - the blob is claimed first (see claimBlob), so GC cannot delete one this
 *   write deduplicates against;
 * - an existing blob is not written again: its body is read to the end and
 *   dropped, and a length that differs from the blob's is a 400;
 * - a new blob is written create-only (onlyIf etagDoesNotMatch *) with R2
 *   checking the sha256 as the bytes stream in, so a body whose digest
 *   differs stores nothing, and of two writers exactly one creates it
 *   (within an isolate the later waits; across isolates R2's condition decides);
 * - with no declared hash, a small body is hashed in memory and a large one
 *   staged while hashed, then streamed from staging into cas/ and deleted.
 * A caller that writes a row naming a deduplicated blob re-checks it after
 * (stillStored in claims.ts).
 */
export async function store(bucket: R2Bucket, db: D1Database, input: StoreInput): Promise<StoredBlob> {
  const body = input.body;
  const length = declaredSize(input);
  if (body === null || body instanceof Uint8Array) {
    const bytes = body ?? new Uint8Array(0);
    return storeNamed(bucket, db, input.hash ?? (await sha256(bytes)), length, { kind: "bytes", bytes }, input);
  }
  if (!(body instanceof ReadableStream))
    return storeNamed(bucket, db, body.hash, length, { kind: "staged", staged: body, head: new Uint8Array(0) }, input);
  const head = new HeadKeeper(input.sniff?.bytes ?? 0);
  if (input.hash) return storeNamed(bucket, db, input.hash, length, { kind: "stream", stream: body, head }, input);
  if (length <= BUFFER_LIMIT) {
    const bytes = await readExactly(body, length);
    return storeNamed(bucket, db, await sha256(bytes), length, { kind: "bytes", bytes }, input);
  }
  const staged = await stageBody(bucket, body, length, (chunk) => head.keep(chunk));
  try {
    return await storeNamed(bucket, db, staged.hash, length, { kind: "staged", staged, head: head.bytes() }, input);
  } finally {
    await bucket.delete(staged.key);
  }
}

/**
 * Claims `hash` and answers whether it is stored (its R2 object, for the
 * size), for callers that learn of a blob without bytes to store: a
 * resumable upload whose blob exists, an attachment made by hash.
 */
export async function claimStored(bucket: R2Bucket, db: D1Database, hash: ContentHash, visibility: Visibility = "public"): Promise<R2Object | null> {
  await claimBlob(db, hash);
  return bucket.head(blobKey(hash, visibility));
}

function declaredSize(input: StoreInput): number {
  const { body } = input;
  let length = input.length;
  if (body === null) {
    if (length) throw new AppError("invalid_body", `Content-Length says ${length} bytes but there is no body.`);
    length = 0;
  } else if (body instanceof Uint8Array) {
    length = body.length;
  } else if (!(body instanceof ReadableStream)) {
    length = body.size;
  }
  if (length === undefined) throw new AppError("length_required", "Send Content-Length: the size limit is checked before the body is read.");
  if (input.maxBytes !== undefined && length > input.maxBytes) {
    throw new AppError("payload_too_large", `The body has ${length} bytes; the limit is ${input.maxBytes}.`);
  }
  return length;
}

async function storeNamed(
  bucket: R2Bucket,
  db: D1Database,
  hash: ContentHash,
  length: number,
  source: Source,
  input: StoreInput,
): Promise<StoredBlob> {
  if (!input.claimed) await claimBlob(db, hash);
  const key = blobKey(hash, input.visibility);
  const pending = inFlight.get(key);
  if (pending) await pending.catch(() => {});
  const existing = await bucket.head(key);
  if (existing) return deduplicated(bucket, hash, length, existing.size, source, input);
  // The bytes are seen before the write when they are in memory or staged: their type can be decided first.
  const known = source.kind === "bytes" ? source.bytes : source.kind === "staged" ? source.head : null;
  const storedType = input.sniff && known ? input.sniff.resolve(input.contentType, known) : input.contentType;
  const write = createOnly(bucket, key, hash, length, source, storedType);
  const tracked = write.finally(() => {
    if (inFlight.get(key) === tracked) inFlight.delete(key);
  });
  inFlight.set(key, tracked);
  const created = await tracked;
  const head = source.kind === "stream" ? source.head.bytes() : known!;
  return { hash, size: length, created, contentType: await typeOf(bucket, hash, length, head, input) };
}

async function deduplicated(
  bucket: R2Bucket,
  hash: ContentHash,
  length: number,
  size: number,
  source: Source,
  input: StoreInput,
): Promise<StoredBlob> {
  if (size !== length) throw new AppError("digest_mismatch", `The blob ${hash} has ${size} bytes, not ${length}; nothing was stored.`);
  if (source.kind === "stream") await discardRest(source.stream, length);
  const head = source.kind === "bytes" ? source.bytes : source.kind === "staged" ? source.head : new Uint8Array(0);
  return { hash, size, created: false, contentType: await typeOf(bucket, hash, length, head, input) };
}

/** The type a caller reports: sniffed from the first bytes (read back from R2 if the write did not see enough), or declared. */
async function typeOf(bucket: R2Bucket, hash: ContentHash, length: number, head: Uint8Array, input: StoreInput): Promise<string | undefined> {
  const { sniff } = input;
  if (!sniff) return input.contentType;
  const wanted = Math.min(sniff.bytes, length);
  let first = head.subarray(0, wanted);
  if (first.length < wanted) {
    const object = await bucket.get(blobKey(hash, input.visibility), { range: { offset: 0, length: wanted } });
    first = object ? new Uint8Array(await object.arrayBuffer()) : new Uint8Array(0);
  }
  return sniff.resolve(input.contentType, first);
}

/**
 * Creates the blob at `key`, letting R2 verify the digest; a mismatch or a body cut
 * short is a client error and stores nothing. False when another writer
 * created it first (its bytes are the same: the name is their hash); the
 * body is then read to its end.
 */
async function createOnly(
  bucket: R2Bucket,
  key: string,
  hash: ContentHash,
  length: number,
  source: Source,
  contentType: string | undefined,
): Promise<boolean> {
  const options: R2PutOptions = {
    sha256: hash,
    httpMetadata: contentType ? { contentType } : undefined,
    onlyIf: { etagDoesNotMatch: "*" },
  };
  try {
    if (source.kind === "bytes") return (await bucket.put(key, source.bytes, options)) !== null;
    const stream = source.kind === "stream" ? source.stream : await stagedBody(bucket, source.staged);
    const exact = exactLength(stream, length, source.kind === "stream" ? source.head.observer() : undefined);
    const created = (await storing(exact, bucket.put(key, exact.stream, options))) !== null;
    if (!created) await exact.discard();
    return created;
  } catch (err) {
    if (isBadDigest(err)) throw new AppError("digest_mismatch", `The body's SHA-256 is not ${hash}; nothing was stored.`);
    throw err;
  }
}

async function stagedBody(bucket: R2Bucket, staged: Staged): Promise<ReadableStream<Uint8Array>> {
  const object = await bucket.get(staged.key);
  if (!object) throw new Error(`staging object ${staged.key} vanished`);
  return object.body;
}

/** R2's code for a put whose bytes do not hash to the declared sha256 (10037, "BadDigest"). */
function isBadDigest(err: unknown): boolean {
  return err instanceof Error && /\(10037\)|checksum you specified did not match/i.test(err.message);
}

/** Keeps the first `limit` bytes of a stream as its chunks pass. */
class HeadKeeper {
  private readonly parts: Uint8Array[] = [];
  private kept = 0;
  constructor(private readonly limit: number) {}

  keep(chunk: Uint8Array): void {
    if (this.kept >= this.limit) return;
    const part = chunk.slice(0, this.limit - this.kept);
    this.parts.push(part);
    this.kept += part.length;
  }

  bytes(): Uint8Array {
    return concat(this.parts, this.kept);
  }

  /** An observer for the body pump, or none when no byte is wanted (a pump without one does less per chunk). */
  observer(): ((chunk: Uint8Array) => Promise<void>) | undefined {
    return this.limit === 0 ? undefined : async (chunk) => this.keep(chunk);
  }
}
