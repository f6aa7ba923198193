import { blobKey, type ContentHash } from "../blobs/keys";
import { resolveContentType, SNIFF_BYTES } from "../cas/sniff";
import { AppError } from "../errors";
import type { Ingested } from "./ingest";

/**
 * A blob the store already has, described as an upload of it would be: no
 * byte moves. Attaching by hash grants nothing new, since GET /api/cas/:hash
 * serves any stored blob to whoever knows its hash. A blob that is not (or
 * no longer, after GC) stored is a 422 naming the fix: send the bytes.
 */
export async function describeStoredBlob(bucket: R2Bucket, hash: ContentHash, declaredType: string | undefined): Promise<Ingested> {
  const head = await bucket.get(blobKey(hash), { range: { offset: 0, length: SNIFF_BYTES } });
  if (head === null) {
    throw new AppError("unprocessable", `sha256: no blob ${hash} is stored; upload the file's bytes instead.`);
  }
  const first = new Uint8Array(await head.arrayBuffer());
  return { hash, size: head.size, contentType: resolveContentType(declaredType, first), created: false };
}
