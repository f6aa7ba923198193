import { concat } from "../blobs/bytes";
import { claimBlob } from "../blobs/claims";
import { blobKey, type ContentHash, hashOf, sha256 } from "../blobs/keys";
import { putBlob } from "../cas/write";
import { APP_HEAD_BYTES } from "./esp-idf/app-image";
import type { EntrySink, ZipEntry } from "./zip/reader";

/** Entries up to this size are kept in memory; larger ones stream into an R2 staging object. */
const IN_MEMORY_LIMIT = 64 * 1024;

export interface StagedEntry {
  name: string;
  size: number;
  hash: ContentHash;
  /** The first bytes (enough for an app descriptor). */
  head: Uint8Array;
  stagingKey: string | null;
  bytes: Uint8Array | null;
}

/**
 * Artifacts are staged, not stored, until the whole archive has been
 * checked: their names in cas/ are only known once hashed, and a refused
 * archive must leave nothing behind. Large entries stream into R2 while a
 * DigestStream hashes the same chunks, so memory stays flat whatever the
 * archive's size.
 */
export function stagingSink(bucket: R2Bucket, entry: ZipEntry, done: (staged: StagedEntry) => void): EntrySink {
  const headParts: Uint8Array[] = [];
  let headLength = 0;
  const keepHead = (chunk: Uint8Array) => {
    if (headLength >= APP_HEAD_BYTES) return;
    const part = chunk.slice(0, APP_HEAD_BYTES - headLength);
    headParts.push(part);
    headLength += part.length;
  };
  const head = () => concat(headParts, headLength);

  if (entry.size <= IN_MEMORY_LIMIT) {
    const parts: Uint8Array[] = [];
    return {
      async write(chunk) {
        keepHead(chunk);
        parts.push(chunk.slice());
      },
      async close() {
        const bytes = concat(parts, entry.size);
        const hash = await sha256(bytes);
        done({ name: entry.name, size: entry.size, hash, head: head(), stagingKey: null, bytes });
      },
      abort() {},
    };
  }

  const stagingKey = `uploads/${crypto.randomUUID()}`;
  const fixed = new FixedLengthStream(entry.size);
  const digest = new crypto.DigestStream("SHA-256");
  const put = bucket.put(stagingKey, fixed.readable);
  put.catch(() => {
    // Reported by close(); an aborted entry's put fails by design.
  });
  const toR2 = fixed.writable.getWriter();
  const toDigest = digest.getWriter();
  // The staging key is announced before any byte is written, so cleanup finds it even if this entry fails.
  done({ name: entry.name, size: entry.size, hash: "" as ContentHash, head: new Uint8Array(0), stagingKey, bytes: null });
  return {
    async write(chunk) {
      keepHead(chunk);
      await Promise.all([toR2.write(chunk), toDigest.write(chunk)]);
    },
    async close() {
      await Promise.all([toR2.close(), toDigest.close()]);
      await put;
      done({ name: entry.name, size: entry.size, hash: hashOf(await digest.digest), head: head(), stagingKey, bytes: null });
    },
    abort(reason) {
      toR2.abort(reason).catch(() => {});
      toDigest.abort(reason).catch(() => {});
    },
  };
}

/**
 * Moves a checked entry to cas/<hash> unless that blob already exists (dedup); R2 verifies the digest.
 * The blob is claimed first, so GC cannot delete one this version deduplicates against.
 */
export async function promote(bucket: R2Bucket, db: D1Database, staged: StagedEntry, contentType: string): Promise<boolean> {
  await claimBlob(db, staged.hash);
  if (await bucket.head(blobKey(staged.hash))) return false;
  if (staged.bytes) {
    await putBlob(bucket, staged.hash, new Response(staged.bytes).body, staged.size, contentType);
    return true;
  }
  const object = await bucket.get(staged.stagingKey!);
  if (!object) throw new Error(`staging object ${staged.stagingKey} vanished`);
  await putBlob(bucket, staged.hash, object.body, staged.size, contentType);
  return true;
}

export async function discardStaging(bucket: R2Bucket, staged: Iterable<StagedEntry>): Promise<void> {
  const keys = [...staged].flatMap((s) => (s.stagingKey ? [s.stagingKey] : []));
  for (let i = 0; i < keys.length; i += 1000) await bucket.delete(keys.slice(i, i + 1000));
}
