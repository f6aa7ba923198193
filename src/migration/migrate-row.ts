import { stillStored } from "../blobs/claims";
import { type ContentHash, hashOf, type Visibility } from "../blobs/keys";
import { BUFFER_LIMIT, store } from "../blobs/store";
import { contentSniffer } from "../cas/sniff";

export interface LegacyRow {
  id: number;
  legacyKey: string;
  contentType: string | null;
  /** The row's part is private: its blob goes to the private space, and the row reads that copy. */
  partPrivate: boolean;
}

export class LegacyObjectMissing extends Error {}

/**
 * Points a legacy row at its blob and the copy it reads (?5, blob_visibility), recording the blob's size for
 * cleanup; changes nothing if the row moved already. One statement: the row never names a hash in one space
 * while reading the other.
 */
export const POINT_ROW_AT_BLOB = `UPDATE part_attachments SET sha256 = ?1, cas_size = ?2, size = COALESCE(size, ?2), content_type = COALESCE(content_type, ?3),
    blob_visibility = ?5
  WHERE id = ?4 AND sha256 IS NULL`;
/** The same for a batch: only while its lease's fencing token is still the current one. */
export const POINT_ROW_AT_BLOB_FENCED = `${POINT_ROW_AT_BLOB} AND (SELECT token FROM migration_fence WHERE id = 1) = ?6`;
export const UNDO_POINT_ROW = "UPDATE part_attachments SET sha256 = NULL, cas_size = NULL WHERE id = ?1 AND sha256 = ?2";

/** The guard every migration write carries: the row is still legacy and, for batches, the lease is still ours. */
export type Fence = { token: number } | "on-demand";

/**
 * Moves one legacy object to cas/<sha256> (private/cas/<sha256> for a
 * private part's row) and points its row there:
 * objects up to BUFFER_LIMIT are hashed in memory; larger ones are read
 * twice (once to hash, once to store with R2's digest check), so memory
 * stays flat. The store is skipped when the blob exists, which also makes a
 * rerun after a crash between the put and the row update reuse the blob.
 * Returns false when the conditional row update changed nothing.
 */
export async function migrateRow(env: Env, row: LegacyRow, fence: Fence): Promise<{ hash: string; updated: boolean }> {
  const visibility: Visibility = row.partPrivate ? "private" : "public";
  const first = await env.BUCKET.get(row.legacyKey);
  if (first === null) throw new LegacyObjectMissing(`legacy object for attachment ${row.id} is missing`);
  let declaredHash: ContentHash | undefined;
  let body = first.body;
  if (first.size > BUFFER_LIMIT) {
    const digest = new crypto.DigestStream("SHA-256");
    await first.body.pipeTo(digest);
    declaredHash = hashOf(await digest.digest);
    const second = await env.BUCKET.get(row.legacyKey);
    if (second === null) throw new LegacyObjectMissing(`legacy object for attachment ${row.id} vanished while it was read`);
    body = second.body;
  }
  const blob = await store(env.BUCKET, env.DB, {
    body,
    length: first.size,
    hash: declaredHash,
    contentType: row.contentType ?? first.httpMetadata?.contentType,
    sniff: contentSniffer,
    visibility,
  });
  const statement = env.DB.prepare(fence === "on-demand" ? POINT_ROW_AT_BLOB : POINT_ROW_AT_BLOB_FENCED);
  const args = [blob.hash, blob.size, blob.contentType, row.id, visibility];
  const result = await (fence === "on-demand" ? statement.bind(...args) : statement.bind(...args, fence.token)).run();
  if (result.meta.changes === 1 && !blob.created && !(await stillStored(env.BUCKET, blob.hash, visibility))) {
    // Deduplicated against a blob that was deleted meanwhile: undo, so the row stays legacy and is retried.
    await env.DB.prepare(UNDO_POINT_ROW).bind(row.id, blob.hash).run();
    throw new Error(`blob ${blob.hash} vanished while attachment ${row.id} was pointed at it`);
  }
  return { hash: blob.hash, updated: result.meta.changes === 1 };
}
