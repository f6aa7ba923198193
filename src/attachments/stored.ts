import { blobKey, type ContentHash } from "../blobs/keys";
import { store } from "../blobs/store";
import { resolveContentType, SNIFF_BYTES } from "../cas/sniff";
import { AppError } from "../errors";
import type { Ingested } from "./ingest";

/** The 422 for a hash the public space does not hold: the fix is to send the bytes. */
function notStored(hash: ContentHash): AppError {
  return new AppError("unprocessable", `sha256: no blob ${hash} is stored; upload the file's bytes instead.`);
}

/**
 * A public blob the store already has, described as an upload of it would
 * be: no byte moves. Attaching by hash grants nothing new, since GET
 * /api/cas/:hash serves any public blob to whoever knows its hash. Only the
 * public space is looked at: a hash stored privately alone is answered like
 * an absent one, so knowing a private blob's hash (it is in every signed
 * link) neither proves it exists nor lets anyone attach it. A blob that is
 * not (or no longer, after GC) stored is a 422 naming the fix: send the bytes.
 */
export async function describeStoredBlob(bucket: R2Bucket, hash: ContentHash, declaredType: string | undefined): Promise<Ingested> {
  const head = await bucket.get(blobKey(hash), { range: { offset: 0, length: SNIFF_BYTES } });
  if (head === null) throw notStored(hash);
  const first = new Uint8Array(await head.arrayBuffer());
  return { hash, size: head.size, contentType: resolveContentType(declaredType, first), created: false, visibility: "public" };
}

/**
 * Makes private/cas/<hash> hold the bytes of the public blob cas/<hash>, for
 * a private part that names a blob the public space has (attached by hash,
 * or copied from a public part). The caller has claimed the hash: a claim
 * keeps both copies from GC. An existing private copy is left as it is
 * without reading the public one; otherwise store() writes it from the
 * public object's stream, R2 checking the declared hash, create-only.
 */
export async function copyToPrivate(bucket: R2Bucket, db: D1Database, hash: ContentHash): Promise<void> {
  if (await bucket.head(blobKey(hash, "private"))) return;
  const source = await bucket.get(blobKey(hash));
  if (source === null) throw notStored(hash);
  await store(bucket, db, {
    body: source.body,
    length: source.size,
    hash,
    contentType: source.httpMetadata?.contentType,
    visibility: "private",
  });
}
