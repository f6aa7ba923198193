import { primaryOf } from "../db/session";
import { AppError } from "../errors";
import { blobKey, type ContentHash, type Visibility } from "./keys";

/**
 * How long a condemnation is trusted. GC condemns a blob and deletes it within
 * one page of its walk (seconds); a condemnation older than this belongs to an
 * invocation that died between the two, and an upload may clear it.
 */
export const CONDEMNED_TTL_MS = 10 * 60_000;
/** How long an upload waits for GC to finish deleting a condemned blob before answering 503. */
const CONDEMNED_WAIT_MS = 1_500;
const POLL_MS = 100;

export const CLAIM_SQL = `INSERT INTO blob_claims (hash, claimed_at) VALUES (?1, ?2)
  ON CONFLICT (hash) DO UPDATE SET claimed_at = MAX(claimed_at, excluded.claimed_at)
  RETURNING condemned_at`;
export const CONDEMNED_SQL = "SELECT condemned_at FROM blob_claims WHERE hash = ?1";
export const CLEAR_STALE_SQL = "UPDATE blob_claims SET condemned_at = NULL WHERE hash = ?1 AND condemned_at = ?2";

/**
 * Records that an upload is about to name `hash`, before it looks whether the
 * blob exists. GC's decision to delete and this claim are each one D1
 * statement on the same row, so they are ordered: either GC sees the claim and
 * keeps the blob, or the claim sees the condemnation and the upload waits until
 * the blob is gone (then stores its own bytes) rather than deduplicating
 * against a blob about to disappear. On the primary even inside a request's
 * D1 session: the wait below must see GC's deletion as soon as it commits,
 * which a replica only as new as the session's bookmark may not show yet.
 */
export async function claimBlob(session: D1Database, hash: ContentHash): Promise<void> {
  const db = primaryOf(session);
  const row = await db.prepare(CLAIM_SQL).bind(hash, Date.now()).first<{ condemned_at: number | null }>();
  let condemned = row?.condemned_at ?? null;
  if (condemned === null) return;
  const deadline = Date.now() + CONDEMNED_WAIT_MS;
  while (condemned !== null && Date.now() - condemned < CONDEMNED_TTL_MS) {
    if (Date.now() >= deadline) {
      throw new AppError("storage_unavailable", `The blob ${hash} is being garbage-collected right now; retry in a few seconds.`, {
        "Retry-After": "5",
      });
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    condemned = (await db.prepare(CONDEMNED_SQL).bind(hash).first<{ condemned_at: number | null }>())?.condemned_at ?? null;
  }
  // A stale condemnation: the GC run that wrote it is long gone. The caller's
  // existence check and its re-check after writing its row decide from here.
  if (condemned !== null) await db.prepare(CLEAR_STALE_SQL).bind(hash, condemned).run();
}

/**
 * The dedup path's last check, after its row is written: the blob it trusted
 * must still be there. The claim protocol makes a miss here near impossible
 * (a stale condemnation is the one way); when it happens the caller undoes
 * its row and fails loudly instead of pointing at nothing.
 */
export async function stillStored(bucket: R2Bucket, hash: ContentHash, visibility: Visibility = "public"): Promise<boolean> {
  return (await bucket.head(blobKey(hash, visibility))) !== null;
}

export function vanishedError(hash: ContentHash): AppError {
  console.error("blob vanished after a deduplicated upload named it", hash);
  return new AppError("storage_unavailable", `The blob ${hash} was deleted while this upload used it; nothing was saved, retry the upload.`, {
    "Retry-After": "5",
  });
}
