import { toBase64Url } from "../blobs/bytes";
import type { ContentHash } from "../blobs/keys";
import { privatePath } from "./urls";
import type { BlobView } from "./view";

/**
 * What a signed link's HMAC covers, and how a signed path is written: the
 * one copy of that rule, shared by signed-links.ts (which picks the key and
 * verifies) and the serve benchmark (which signs with a key of its own,
 * outside the worker).
 */
export function linkMessage(hash: ContentHash, view: BlobView, expires: number, kid: string): Uint8Array<ArrayBuffer> {
  // The DOM's types (the benchmark compiles with them) want a view that is not shared memory; an encoder's never is.
  return new TextEncoder().encode(`${privatePath(hash, view)}\n${expires}\n${kid}`) as Uint8Array<ArrayBuffer>;
}

/** The signed path of a view: the unsigned path, then exp, kid and sig (signed-links.ts LINK_PARAMS). */
export async function signWith(key: CryptoKey, kid: string, hash: ContentHash, view: BlobView, expires: number): Promise<string> {
  const sig = toBase64Url(new Uint8Array(await crypto.subtle.sign("HMAC", key, linkMessage(hash, view, expires, kid))));
  const path = privatePath(hash, view);
  return `${path}${path.includes("?") ? "&" : "?"}exp=${expires}&kid=${encodeURIComponent(kid)}&sig=${sig}`;
}
