import { Hono } from "hono";
import { z } from "zod";
import { blobKey, type ContentHash, contentHash, EMPTY_SHA256, parseContentHash, type Visibility } from "../blobs/keys";
import { store } from "../blobs/store";
import { config } from "../config";
import type { AppEnv } from "../env";
import { AppError } from "../errors";
import { parseMediaType } from "../http/media-type";
import { readJson } from "../validation";
import { partitionByPresence } from "./exists";
import { r2Origin } from "./origin";
import { type Representation, serveImmutable } from "./serve";
import { casPath } from "./urls";
import { type BlobView, parseBlobView } from "./view";
import { declaredLength } from "./write";

export const MAX_EXISTS_BATCH = 1000;

// A hash is 66 bytes as a JSON string; 96 leaves room for its comma and a pretty-printer's newline and indent.
export const EXISTS_BODY_BYTES = 96 * MAX_EXISTS_BATCH + 1024;

export const existsBody = z.object({
  hashes: z.array(contentHash).min(1).max(MAX_EXISTS_BATCH),
});

/** PUT /api/cas/:hash's answer (201 stored, 200 already there). */
export const storedResponse = z.object({ hash: z.string(), size: z.number().int(), url: z.string().describe("The blob's CAS URL (also Location)") });

export function notAllowed(allow: string): never {
  throw new AppError("method_not_allowed", `This resource allows ${allow}.`, { Allow: allow });
}

/** The body routes; casRoutes mounts them before the reads, so GET /exists is refused like any other method on it. */
const writeRoutes = new Hono<AppEnv>()
  .post("/exists", async (c) => {
    const { hashes } = await readJson(c, existsBody, { maxBytes: EXISTS_BODY_BYTES });
    return c.json(await partitionByPresence(c.env.BUCKET, hashes));
  })
  .all("/exists", () => notAllowed("POST"))
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
    return c.json({ hash, size: stored.size, url: location } satisfies z.infer<typeof storedResponse>, stored.created ? 201 : 200, {
      Location: location,
    });
  });

/**
 * How a `?thumbnail=N` view is served: its validator, its origin, and the
 * type and filename it is presented with. Thumbnails are images/ work, and
 * images/ builds on cas/, so the app hands this in (images/derived.ts).
 * `visibility` is the space the thumbnail is made from and kept in: the
 * private route's thumbnails never share a key with the public route's.
 */
export type ThumbnailRepresentation = (
  env: Env,
  hash: ContentHash,
  size: number,
  view: BlobView,
  visibility: Visibility,
) => Omit<Representation, "cacheKey">;

/**
 * GET and HEAD are the hot path: no database read, and a plain blob (no
 * `?thumbnail`) costs nothing the handed-in thumbnail code would add.
 */
export function casRoutes(thumbnail: ThumbnailRepresentation) {
  return new Hono<AppEnv>()
    .route("/", writeRoutes)
    .on(["GET", "HEAD"], "/:hash", async (c) => {
      const hash = parseContentHash(c.req.param("hash"));
      const url = new URL(c.req.url);
      const view = parseBlobView(url.searchParams);
      const cacheKey = new URL(casPath(hash, view), url.origin).href;
      return serveImmutable(
        c.req.raw,
        c.executionCtx,
        view.thumbnail === undefined
          ? { etag: `"${hash}"`, cacheKey, view, origin: r2Origin(c.env.BUCKET, blobKey(hash)) }
          : { ...thumbnail(c.env, hash, view.thumbnail, view, "public"), cacheKey },
      );
    })
    .all("/:hash", () => notAllowed("GET, HEAD, PUT"));
}
