import type { Context } from "hono";
import { cors } from "hono/cors";
import { createMiddleware } from "hono/factory";
import { BOOKMARK_HEADER } from "../db/session";
import type { AppEnv } from "../env";

/**
 * Two CORS regimes, chosen per route from the access table:
 * - public reads (blobs, thumbnails): immutable content anyone may load into
 *   a canvas, a <video crossorigin> or fetch, so `*` and no Vary, which keeps
 *   one edge-cache entry per URL;
 * - everything that needs a token: only the origins in CORS_ORIGINS (comma
 *   list; empty = same-origin only), with Vary: Origin.
 * Preflights are answered here, before the access guard, because browsers
 * never send credentials on them; only for a method and path the policy
 * table has (the route lookup, mounted first, found it). A preflight for
 * anything else, and any OPTIONS that is no preflight, goes on to the guard,
 * which refuses it (404/405).
 */
const PUBLIC_EXPOSED = [
  "ETag",
  "Content-Range",
  "Accept-Ranges",
  "Content-Length",
  "Content-Disposition",
  "Server-Timing",
  "X-Request-Id",
  BOOKMARK_HEADER,
];

const publicPreflight = cors({
  origin: "*",
  allowMethods: ["GET", "HEAD"],
  // The D1 bookmark (src/db/session.ts): a page sends it on every call to read its own writes.
  allowHeaders: ["Range", "If-None-Match", "If-Range", BOOKMARK_HEADER],
  exposeHeaders: PUBLIC_EXPOSED,
  // Chromium caps this at 2 hours, Firefox at 24.
  maxAge: 86400,
});

/** What every public read carries: the same for every origin, so no Vary. */
const PUBLIC_READ_HEADERS: ReadonlyArray<readonly [string, string]> = [
  ["Access-Control-Allow-Origin", "*"],
  ["Access-Control-Expose-Headers", PUBLIC_EXPOSED.join(",")],
  ["Timing-Allow-Origin", "*"],
];

const apiCors = cors({
  origin: (origin, c) => (allowedOrigins(c.env.CORS_ORIGINS).has(origin) ? origin : null),
  allowMethods: ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"],
  allowHeaders: ["Authorization", "Content-Type", "X-Content-SHA256", "If-Match", "X-Filename", "X-Attributes", BOOKMARK_HEADER],
  exposeHeaders: ["Location", "ETag", "X-Request-Id", "Retry-After", BOOKMARK_HEADER],
  maxAge: 7200,
});

let parsed: { from: string; origins: Set<string> } | undefined;

function allowedOrigins(list: string | undefined): Set<string> {
  const from = list ?? "";
  if (parsed?.from !== from) {
    const origins = from
      .split(",")
      .map((o) => o.trim().replace(/\/+$/, ""))
      .filter(Boolean);
    parsed = { from, origins: new Set(origins) };
  }
  return parsed.origins;
}

export const corsByRoute = createMiddleware<AppEnv>(async (c, next) => {
  const { policy, preflight } = c.var.route;
  if (c.req.method === "OPTIONS" && (!preflight || !policy)) return next();
  if (policy?.scope === "public" && policy.effect === "read") {
    if (c.req.method === "OPTIONS") {
      c.header("Timing-Allow-Origin", "*");
      return publicPreflight(c, next);
    }
    // The hot path: headers go on the handler's response once it exists. Hono's cors() sets them
    // before the handler runs, on a placeholder response that Hono then copies into the real one:
    // two extra Responses and a header copy on every blob served.
    await next();
    setHeaders(c, PUBLIC_READ_HEADERS);
    return;
  }
  return apiCors(c, next);
});

function setHeaders(c: Context<AppEnv>, headers: ReadonlyArray<readonly [string, string]>): void {
  let target = c.res.headers;
  try {
    target.set(headers[0]![0], headers[0]![1]);
  } catch {
    // A response with immutable headers (the page's files, straight from ASSETS) is copied once.
    c.res = new Response(c.res.body, c.res);
    target = c.res.headers;
  }
  for (const [name, value] of headers) target.set(name, value);
}
