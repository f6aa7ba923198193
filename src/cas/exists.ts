import { blobKey, type ContentHash } from "../blobs/keys";

// R2 operations count against a Worker's subrequest budget; a bounded number in flight
// keeps a 1000-hash batch fast without tripping concurrency limits.
const PARALLEL_HEADS = 50;

/** Splits hashes into those stored and those missing, in first-seen order without repeats. */
export async function partitionByPresence(
  bucket: R2Bucket,
  hashes: readonly ContentHash[],
): Promise<{ present: ContentHash[]; missing: ContentHash[] }> {
  const unique = [...new Set(hashes)];
  const found = new Array<boolean>(unique.length);
  let next = 0;
  const worker = async () => {
    while (next < unique.length) {
      const i = next++;
      found[i] = (await bucket.head(blobKey(unique[i]!))) !== null;
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL_HEADS, unique.length) }, worker));
  return {
    present: unique.filter((_, i) => found[i]),
    missing: unique.filter((_, i) => !found[i]),
  };
}
