import type { ContentHash } from "../blobs/keys";
import { casPath } from "../cas/urls";

/**
 * Every fact about a thumbnail that other code relies on, in one place: its
 * type, its validator, where it is kept in R2, and the sizes the API hands
 * out. cas/ serves `?thumbnail=N` without knowing any of this (the app hands
 * it derived.ts's thumbnailRepresentation); attachments/ and housekeeping/
 * import it from here.
 */

/** Every thumbnail is a JPEG, whatever its source (thumbnail.ts). */
export const THUMBNAIL_TYPE = "image/jpeg";

/** Images a thumbnail can be made from (HEIC/HEIF/AVIF through the Images binding); `type` without parameters. */
const SOURCE_TYPES = new Set(["image/jpeg", "image/png", "image/gif", "image/webp", "image/heic", "image/heif", "image/avif"]);

export function canMakeThumbnail(type: string): boolean {
  return SOURCE_TYPES.has(type);
}

/** The thumbnail size the inventory frontend shows: an attachment's thumbnail_url, made at upload. */
export const THUMBNAIL_SIZE = 150;
/** The thumbnail a high-DPI screen gets for the same box (srcset 2x). */
export const THUMBNAIL_SIZE_HIDPI = 512;

/**
 * Thumbnails of a blob sit together under this prefix, named after it
 * (thumbnails/<hash>_<N>.jpg, thumbnails/<hash>.undecodable), so GC finds a
 * page of blobs' thumbnails in one contiguous listing.
 */
export const THUMBNAIL_PREFIX = "thumbnails/";

export function thumbnailKey(hash: ContentHash, size: number): string {
  return `${THUMBNAIL_PREFIX}${hash}_${size}.jpg`;
}

/**
 * Marks a source that could not be decoded. A blob never changes, so neither
 * does that verdict: a corrupt image is decoded once, not once per request
 * (a photon trap also leaks the memory that call had taken).
 */
export function undecodableKey(hash: ContentHash): string {
  return `${THUMBNAIL_PREFIX}${hash}.undecodable`;
}

/** The strong validator of a thumbnail: made from the URL alone, so a revalidation needs no storage. */
export function thumbnailEtag(hash: ContentHash, size: number): string {
  return `"${hash}-t${size}"`;
}

/** A filename asked for a thumbnail ends in .jpg, as its bytes are a JPEG. */
export function thumbnailFilename(filename: string | undefined): string | undefined {
  if (!filename) return filename;
  return /\.jpe?g$/i.test(filename) ? filename : `${filename.replace(/\.[^.]{1,16}$/, "")}.jpg`;
}

/** The thumbnail_url of an image blob, built by casPath so it is exactly the key the edge caches it under. */
export function thumbnailPath(hash: ContentHash): string {
  return casPath(hash, { thumbnail: THUMBNAIL_SIZE });
}

/** An <img srcset> value: the thumbnail_url at 1x and the high-DPI size at 2x. */
export function thumbnailSrcset(hash: ContentHash): string {
  return `${thumbnailPath(hash)} 1x, ${casPath(hash, { thumbnail: THUMBNAIL_SIZE_HIDPI })} 2x`;
}
