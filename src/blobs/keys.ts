import { AppError } from "../errors";

/**
 * The one place that knows what a content hash looks like and where its
 * bytes live in R2. Lowercase only: one blob must have exactly one name,
 * or the edge cache and dedup would see two.
 */
const HASH = /^[0-9a-f]{64}$/;

export type ContentHash = string & { readonly __brand: "ContentHash" };

export function isContentHash(value: string): value is ContentHash {
  return HASH.test(value);
}

export function parseContentHash(value: string): ContentHash {
  if (!isContentHash(value)) {
    throw new AppError("invalid_hash", "A content hash is exactly 64 lowercase hex characters (SHA-256).");
  }
  return value;
}

/** SHA-256 of zero bytes: the one blob a request without a body can name. */
export const EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855" as ContentHash;

export const CAS_PREFIX = "cas/";

export function blobKey(hash: ContentHash): string {
  return `${CAS_PREFIX}${hash}`;
}

/** The hash a `cas/<hash>` key names, or null for any other key. */
export function hashFromBlobKey(key: string): ContentHash | null {
  const hash = key.startsWith(CAS_PREFIX) ? key.slice(CAS_PREFIX.length) : "";
  return isContentHash(hash) ? hash : null;
}

export function toHex(bytes: ArrayBuffer): ContentHash {
  return [...new Uint8Array(bytes)].map((b) => b.toString(16).padStart(2, "0")).join("") as ContentHash;
}
