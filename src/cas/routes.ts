import { Hono } from "hono";
import { z } from "zod";
import { blobKey, contentHash, EMPTY_SHA256, parseContentHash } from "../blobs/keys";
import { store } from "../blobs/store";
import { config } from "../config";
import type { AppEnv } from "../env";
import { AppError } from "../errors";
import { thumbnailOrigin } from "../images/derived";
import { readJson } from "../validation";
import { partitionByPresence } from "./exists";
import { r2Origin } from "./origin";
import { serveImmutable } from "./serve";
import { casPath } from "./urls";
import { parseBlobView, parseMediaType } from "./view";
import { declaredLength } from "./write";

export const MAX_EXISTS_BATCH = 1000;

// A hash is 66 bytes as a JSON string; 96 leaves room for its comma and a pretty-printer's newline and indent.
export const EXISTS_BODY_BYTES = 96 * MAX_EXISTS_BATCH + 1024;

export const existsBody = z.object({
  hashes: z.array(contentHash).min(1).max(MAX_EXISTS_BATCH),
});

function notAllowed(allow: string): never {
  throw new AppError("method_not_allowed", `This resource allows ${allow}.`, { Allow: allow });
}

export const casRoutes = new Hono<AppEnv>()
  .post("/exists", async (c) => {
    const { hashes } = await readJson(c, existsBody, { maxBytes: EXISTS_BODY_BYTES });
    return c.json(await partitionByPresence(c.env.BUCKET, hashes));
  })
  .all("/exists", () => notAllowed("POST"))
  .on(["GET", "HEAD"], "/:hash", async (c) => {
    const hash = parseContentHash(c.req.param("hash"));
    const url = new URL(c.req.url);
    const view = parseBlobView(url.searchParams);
    const thumbnail = view.thumbnail;
    return serveImmutable(c.req.raw, c.executionCtx, {
      etag: thumbnail === undefined ? `"${hash}"` : `"${hash}-t${thumbnail}"`,
      cacheKey: new URL(casPath(hash, view), url.origin).href,
      view,
      origin: thumbnail === undefined ? r2Origin(c.env.BUCKET, blobKey(hash)) : thumbnailOrigin(c.env.BUCKET, hash, thumbnail, c.env.IMAGES),
    });
  })
  .put("/:hash", async (c) => {
    const hash = parseContentHash(c.req.param("hash"));
    // The runtime reports "Content-Length: 0" for a request sent with no body at all; only
    // the empty blob can be stored that way, anything else lacks its length (and its bytes).
    const sentNothing = c.req.raw.body === null && hash !== EMPTY_SHA256;
    const maxBytes = config(c.env).maxUploadBytes;
    const length = declaredLength(sentNothing ? null : (c.req.header("Content-Length") ?? null), maxBytes);
    const rawType = c.req.header("Content-Type");
    const contentType = rawType ? parseMediaType(rawType, "Content-Type") : undefined;
    const stored = await store(c.env.BUCKET, c.env.DB, { body: c.req.raw.body, length, hash, contentType, maxBytes });
    const location = casPath(hash);
    return c.json({ hash, size: stored.size, url: location }, stored.created ? 201 : 200, { Location: location });
  })
  .all("/:hash", () => notAllowed("GET, HEAD, PUT"));
