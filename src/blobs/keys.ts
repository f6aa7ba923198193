import { z } from "zod";
import { AppError } from "../errors";
import { hex } from "./bytes";

/**
 * The one place that knows what a content hash looks like and where bytes
 * live in R2. Lowercase only: one blob must have exactly one name, or the
 * edge cache and dedup would see two.
 *
 * `contentHash` is the schema every hash from outside passes through (a
 * request field, a D1 column): parsing it is what makes a string a
 * ContentHash, so no caller needs a cast.
 */
const HASH = /^[0-9a-f]{64}$/;

export const contentHash = z.string().regex(HASH, "must be 64 lowercase hex characters").brand<"ContentHash">();

export type ContentHash = z.infer<typeof contentHash>;

/** The schema's rule as a plain test, for the GET hot path (no parse result allocated). */
export function isContentHash(value: string): value is ContentHash {
  return HASH.test(value);
}

/** A hash from a URL path: a 400 naming the rule when it is not one. */
export function parseContentHash(value: string): ContentHash {
  if (!isContentHash(value)) throw new AppError("invalid_hash", "A content hash is exactly 64 lowercase hex characters (SHA-256).");
  return value;
}

/** The hex name of a SHA-256 digest. */
export function hashOf(digest: ArrayBuffer): ContentHash {
  return contentHash.parse(hex(digest));
}

export async function sha256(bytes: Uint8Array): Promise<ContentHash> {
  // The DOM's digest type (scripts and tests compile with it) refuses views that could be shared memory; ours never are.
  return hashOf(await crypto.subtle.digest("SHA-256", bytes as Uint8Array<ArrayBuffer>));
}

/** SHA-256 of zero bytes: the one blob a request without a body can name. */
export const EMPTY_SHA256 = contentHash.parse("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");

export const CAS_PREFIX = "cas/";

/**
 * Who may read a blob. Public blobs live at cas/<hash> and are served to
 * anyone who names the hash; private ones (coredumps, firmware, a private
 * part's attachments) live under private/ with the same layout, and only a
 * signed link reads them. The same bytes may be stored once in each space;
 * dedup holds within a space.
 */
export type Visibility = "public" | "private";

/** Everything private (blobs and what is made from them) sits under this prefix. */
export const PRIVATE_PREFIX = "private/";
export const PRIVATE_CAS_PREFIX = `${PRIVATE_PREFIX}${CAS_PREFIX}`;

/** The prefix a space's blobs live under. */
export function blobPrefix(visibility: Visibility = "public"): string {
  return visibility === "private" ? PRIVATE_CAS_PREFIX : CAS_PREFIX;
}

export function blobKey(hash: ContentHash, visibility: Visibility = "public"): string {
  return `${blobPrefix(visibility)}${hash}`;
}

/** The hash a blob key of this space names (`cas/<hash>` or `private/cas/<hash>`), or null for any other key. */
export function hashFromBlobKey(key: string, visibility: Visibility = "public"): ContentHash | null {
  const prefix = blobPrefix(visibility);
  const hash = key.startsWith(prefix) ? key.slice(prefix.length) : "";
  return isContentHash(hash) ? hash : null;
}

/** A key made from a blob (a thumbnail, a verdict): private blobs' derived objects sit under private/ too. */
export function derivedKey(key: string, visibility: Visibility = "public"): string {
  return visibility === "private" ? `${PRIVATE_PREFIX}${key}` : key;
}

/**
 * Bytes whose name is not known yet (a large body being hashed, a firmware
 * entry waiting for its archive to be checked) wait here, one object per
 * write. Every staging object is deleted by the request that made it; the
 * housekeeping sweep removes what a crashed request left behind.
 */
export const STAGING_PREFIX = "staging/";
/** Where earlier versions staged; the sweep empties it too. */
export const OLD_STAGING_PREFIX = "uploads/";

export function stagingKey(): string {
  return `${STAGING_PREFIX}${crypto.randomUUID()}`;
}
