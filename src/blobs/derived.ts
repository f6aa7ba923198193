import { CAS_PREFIX, OLD_STAGING_PREFIX, PRIVATE_CAS_PREFIX, STAGING_PREFIX } from "./keys";

/**
 * Writes an object made from a blob (a thumbnail, a verdict about its bytes).
 * Unlike a blob it is not named by its own hash, so it is simply overwritten:
 * two requests making the same thumbnail write the same bytes. The blob
 * areas (public and private) and staging are refused, so nothing but store() ever writes there.
 */
export async function putDerived(bucket: R2Bucket, key: string, body: Uint8Array | string, contentType?: string): Promise<void> {
  if ([CAS_PREFIX, PRIVATE_CAS_PREFIX, STAGING_PREFIX, OLD_STAGING_PREFIX].some((prefix) => key.startsWith(prefix))) {
    throw new Error(`${key} is not a derived object's key`);
  }
  await bucket.put(key, body, contentType ? { httpMetadata: { contentType } } : undefined);
}
