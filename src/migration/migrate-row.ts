import { ingest, BUFFER_LIMIT } from "../attachments/ingest";
import { toHex } from "../cas/keys";

export interface LegacyRow {
  id: number;
  legacyKey: string;
  contentType: string | null;
}

export class LegacyObjectMissing extends Error {}

/** The guard every migration write carries: the row is still legacy and, for batches, the lease is still ours. */
export type Fence = { token: number } | "on-demand";

/**
 * Moves one legacy object to cas/<sha256> and points its row there:
 * objects up to BUFFER_LIMIT are hashed in memory; larger ones are read
 * twice (once to hash, once to store with R2's digest check), so memory
 * stays flat. The store is skipped when the blob exists, which also makes a
 * rerun after a crash between the put and the row update reuse the blob.
 * Returns false when the conditional row update changed nothing.
 */
export async function migrateRow(env: Env, row: LegacyRow, fence: Fence): Promise<{ hash: string; updated: boolean }> {
  const first = await env.BUCKET.get(row.legacyKey);
  if (first === null) throw new LegacyObjectMissing(`legacy object for attachment ${row.id} is missing`);
  let declaredHash: string | undefined;
  let body = first.body;
  if (first.size > BUFFER_LIMIT) {
    const digest = new crypto.DigestStream("SHA-256");
    await first.body.pipeTo(digest);
    declaredHash = toHex(await digest.digest);
    const second = await env.BUCKET.get(row.legacyKey);
    if (second === null) throw new LegacyObjectMissing(`legacy object for attachment ${row.id} vanished while it was read`);
    body = second.body;
  }
  const blob = await ingest(env.BUCKET, {
    body,
    length: first.size,
    declaredHash: declaredHash as never,
    declaredType: row.contentType ?? first.httpMetadata?.contentType,
  });
  const guard = fence === "on-demand" ? "" : " AND (SELECT token FROM migration_fence WHERE id = 1) = ?5";
  const statement = env.DB.prepare(
    `UPDATE part_attachments SET sha256 = ?1, size = COALESCE(size, ?2), content_type = COALESCE(content_type, ?3)
     WHERE id = ?4 AND sha256 IS NULL${guard}`,
  );
  const bound = fence === "on-demand" ? statement.bind(blob.hash, blob.size, blob.contentType, row.id) : statement.bind(blob.hash, blob.size, blob.contentType, row.id, fence.token);
  const result = await bound.run();
  return { hash: blob.hash, updated: result.meta.changes === 1 };
}
