import { concat } from "../blobs/bytes";
import { type ContentHash, sha256 } from "../blobs/keys";
import { deleteStaged, openStaging, type Staged } from "../blobs/staging";
import { store } from "../blobs/store";
import { APP_HEAD_BYTES } from "./esp-idf/app-image";
import type { EntrySink, ZipEntry } from "./zip/reader";

/** Entries up to this size are kept in memory; larger ones stream into an R2 staging object. */
const IN_MEMORY_LIMIT = 64 * 1024;

export interface StagedEntry {
  name: string;
  size: number;
  /** Null until the entry has been read to its end. */
  hash: ContentHash | null;
  /** The first bytes (enough for an app descriptor). */
  head: Uint8Array;
  /** Where a large entry waits: announced before its first byte, so cleanup finds it even if the entry fails. */
  stagingKey: string | null;
  /** A small entry's bytes, or a large one's staging object once complete. */
  bytes: Uint8Array | null;
  staged: Staged | null;
}

/** A staged entry that was read to its end. */
export type CompleteEntry = StagedEntry & { hash: ContentHash };

/**
 * Artifacts are staged, not stored, until the whole archive has been
 * checked: their names in private/cas/ are only known once hashed, and a refused
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
  const base = { name: entry.name, size: entry.size };

  if (entry.size <= IN_MEMORY_LIMIT) {
    const parts: Uint8Array[] = [];
    return {
      async write(chunk) {
        keepHead(chunk);
        parts.push(chunk.slice());
      },
      async close() {
        const bytes = concat(parts, entry.size);
        done({ ...base, hash: await sha256(bytes), head: head(), stagingKey: null, bytes, staged: null });
      },
      abort() {},
    };
  }

  const writer = openStaging(bucket, entry.size);
  done({ ...base, hash: null, head: new Uint8Array(0), stagingKey: writer.key, bytes: null, staged: null });
  return {
    async write(chunk) {
      keepHead(chunk);
      await writer.write(chunk);
    },
    async close() {
      const staged = await writer.close();
      done({ ...base, hash: staged.hash, head: head(), stagingKey: writer.key, bytes: null, staged });
    },
    abort(reason) {
      writer.abort(reason);
    },
  };
}

/**
 * Stores a checked entry at private/cas/<hash> (deduplicated within the
 * private space, claimed against GC, verified by R2): every artifact is
 * private, the app image and debug symbols alike, and read only through
 * signed links.
 */
export async function promote(bucket: R2Bucket, db: D1Database, entry: CompleteEntry, contentType: string): Promise<boolean> {
  const body = entry.bytes ?? entry.staged;
  if (!body) throw new Error(`entry ${entry.name} was never completed`);
  return (await store(bucket, db, { body, hash: entry.hash, contentType, visibility: "private" })).created;
}

/** The entries of an archive read to its end: every one was completed. */
export function completed(entries: Iterable<StagedEntry>): CompleteEntry[] {
  return [...entries].map((entry) => {
    if (entry.hash === null) throw new Error(`entry ${entry.name} was never completed`);
    return entry as CompleteEntry;
  });
}

export async function discardStaging(bucket: R2Bucket, staged: Iterable<StagedEntry>): Promise<void> {
  await deleteStaged(
    bucket,
    [...staged].flatMap((s) => (s.stagingKey ? [s.stagingKey] : [])),
  );
}
