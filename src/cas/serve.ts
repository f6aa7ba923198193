import { AppError } from "../errors";
import { ifNoneMatchHits, ifNoneMatchIsStar, requestedRange } from "./conditional";
import { cacheMatch, cachePut } from "./edge-cache";
import type { Origin, OriginObject } from "./origin";
import { present } from "./presentation";
import type { BlobView } from "./view";

/** One year, and a promise never to change: the URL names the bytes. */
export const IMMUTABLE = "public, max-age=31536000, immutable";

/** An immutable representation: blob or thumbnail, identified by its URL alone. */
export interface Representation {
  etag: string;
  cacheKey: string;
  view: BlobView;
  origin: Origin;
  /**
   * The Cache-Control this answer is sent with (200, 206, HEAD and 304), when
   * it is not IMMUTABLE: a signed link's answer may be kept only by the
   * browser, and no longer than the link lives. The edge-cache entry is still
   * stored as the immutable 200 (the Cache API refuses to keep a `private`
   * answer); its key decides who may read it.
   */
  cacheControl?: string;
}

/** The validator headers every successful answer carries, 304 included (RFC 9110 §15.4.5). */
export function immutableHeaders(etag: string, cacheControl = IMMUTABLE): Record<string, string> {
  return { ETag: etag, "Cache-Control": cacheControl };
}

/**
 * GET and HEAD for an immutable representation, cheapest answer first:
 * a matching If-None-Match needs no storage at all (the ETag comes from the
 * URL), an edge-cache hit needs no R2 call, and only then does the origin
 * read, by range when a range was asked for.
 */
export async function serveImmutable(request: Request, ctx: Pick<ExecutionContext, "waitUntil">, rep: Representation): Promise<Response> {
  const { etag } = rep;
  const ifNoneMatch = request.headers.get("If-None-Match");
  // A listed ETag is answered from the URL alone; `*` needs the blob to exist (one head).
  if (ifNoneMatchHits(ifNoneMatch, etag) || (ifNoneMatchIsStar(ifNoneMatch) && (await rep.origin.head()) !== null)) {
    return new Response(null, { status: 304, headers: { ...immutableHeaders(etag, rep.cacheControl), "Server-Timing": "cache;desc=revalidated" } });
  }
  const isHead = request.method === "HEAD";
  // RFC 9110 §14.2: range handling is defined for GET only.
  const range = isHead ? null : requestedRange(request.headers, etag);

  const hit = await cacheMatch(rep.cacheKey, range);
  if (hit) {
    const response = new Response(isHead ? null : hit.body, hit);
    if (isHead) await hit.body?.cancel();
    if (rep.cacheControl) response.headers.set("Cache-Control", rep.cacheControl);
    response.headers.set("Server-Timing", "cache;desc=hit");
    return response;
  }

  const started = Date.now();
  const object = isHead ? await rep.origin.head() : await rep.origin.get(range);
  if (object === null) throw new AppError("blob_not_found", "No blob with this hash has been stored.");
  const timing = object.timing ? `cache;desc=miss, ${object.timing}` : `cache;desc=miss, r2;dur=${Date.now() - started}`;

  const response = buildResponse(rep, object, isHead);
  if (!isHead && response.status === 200) cachePut(ctx, rep.cacheKey, response.clone());
  if (rep.cacheControl) response.headers.set("Cache-Control", rep.cacheControl);
  response.headers.set("Server-Timing", timing);
  return response;
}

function buildResponse(rep: Representation, object: OriginObject, isHead: boolean): Response {
  const p = present(rep.view, object.contentType);
  const headers = new Headers({
    ...immutableHeaders(rep.etag),
    "Content-Type": p.contentType,
    "Content-Disposition": p.contentDisposition,
    "Content-Security-Policy": p.contentSecurityPolicy,
    "X-Content-Type-Options": "nosniff",
    "Accept-Ranges": "bytes",
  });
  if (object.span === null) {
    headers.set("Content-Length", String(object.size));
    return new Response(isHead ? null : object.body, { status: 200, headers });
  }
  const { start, end } = object.span;
  headers.set("Content-Length", String(end - start + 1));
  headers.set("Content-Range", `bytes ${start}-${end}/${object.size}`);
  return new Response(object.body, { status: 206, headers });
}
