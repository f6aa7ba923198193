import type { ContentHash } from "../blobs/keys";

/** Where a blob's thumbnails live in R2: derived objects, written by images/ through blobs/putDerived. */
export const THUMBNAIL_PREFIX = "thumbnails/";

export function thumbnailKey(hash: ContentHash, size: number): string {
  return `${THUMBNAIL_PREFIX}${hash}_${size}.jpg`;
}
