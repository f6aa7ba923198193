import type { ContentHash } from "../blobs/keys";
import type { BlobView } from "./view";

/**
 * The only builder of CAS URLs. The REST API uses it for download_url and
 * thumbnail_url, and the edge cache uses it for its key, so a URL the API
 * hands out and the key its response is cached under are the same string.
 * Parameters always come in this order; absent ones are left out.
 */
export function casPath(hash: ContentHash, view: BlobView = {}): string {
  const query = new URLSearchParams();
  if (view.contentType !== undefined) query.set("content_type", view.contentType);
  if (view.disposition !== undefined) query.set("disposition", view.disposition);
  if (view.filename !== undefined) query.set("filename", view.filename);
  if (view.thumbnail !== undefined) query.set("thumbnail", String(view.thumbnail));
  const search = query.toString();
  return search ? `/api/cas/${hash}?${search}` : `/api/cas/${hash}`;
}

/**
 * The unsigned form of a private blob's URL: the part a signature covers
 * (signed-links.ts appends exp, kid and sig) and the edge-cache key of its
 * answer. Same parameters, same order as casPath.
 */
export function privatePath(hash: ContentHash, view: BlobView = {}): string {
  const path = casPath(hash, view);
  return `/api/private/${path.slice("/api/cas/".length)}`;
}
