import { Hono } from "hono";
import { blobKey, parseContentHash } from "../blobs/keys";
import type { AppEnv } from "../env";
import { firstOf, r2Origin } from "./origin";
import { notAllowed, type ThumbnailRepresentation } from "./routes";
import { serveImmutable } from "./serve";
import { verifySignedLink } from "./signed-links";
import { privatePath } from "./urls";
import { parseBlobView } from "./view";

/**
 * `GET`/`HEAD /api/private/<hash>?<view>&exp=&kid=&sig=`: a private blob
 * (or its thumbnail) through a signed link (signed-links.ts). The signature
 * is the credential, so it is checked before anything else is touched: an
 * unsigned, tampered or expired link never reaches the edge cache or R2, and
 * a cached answer (keyed by the unsigned URL) is only ever served to a
 * request that proved it may read it. No database read, like the public route.
 */
export function privateRoutes(thumbnail: ThumbnailRepresentation) {
  return new Hono<AppEnv>()
    .on(["GET", "HEAD"], "/:hash", async (c) => {
      const hash = parseContentHash(c.req.param("hash"));
      const url = new URL(c.req.url);
      const view = parseBlobView(url.searchParams);
      const now = Math.floor(Date.now() / 1000);
      const expires = await verifySignedLink(c.env, hash, view, url.searchParams, now);
      // Only the browser may keep it, and no longer than the link is valid (never public or immutable).
      const cacheControl = `private, max-age=${expires - now}`;
      const cacheKey = new URL(privatePath(hash, view), url.origin).href;
      const origin = firstOf(r2Origin(c.env.BUCKET, blobKey(hash, "private")), r2Origin(c.env.BUCKET, blobKey(hash)));
      return serveImmutable(
        c.req.raw,
        c.executionCtx,
        view.thumbnail === undefined
          ? { etag: `"${hash}"`, cacheKey, view, origin, cacheControl }
          : { ...thumbnail(c.env, hash, view.thumbnail, view, "private"), cacheKey, cacheControl },
      );
    })
    .all("/:hash", () => notAllowed("GET, HEAD"));
}
