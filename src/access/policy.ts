import { TrieRouter } from "hono/router/trie-router";
import type { BodyKind, Effect, RouteMatch, RoutePolicy, Scope } from "../route-types";

/**
 * What a route's request body is, when it takes one. Each kind has one cap in
 * bytes (app.ts hands them to the body middleware, src/http/request-body.ts,
 * which refuses a declared length over it before the first byte and reads
 * what a handler leaves unread up to it); GET /api/limits publishes them.
 * - `json`: a JSON document (64 KiB); `hash-list` and `parse-result` are the
 *   two JSON bodies allowed more (1000 hashes; a million-character result);
 * - `token-form`: the token endpoint's form;
 * - `blob`, `upload` (an attachment: raw, multipart or JSON), `part` (one part
 *   of a resumable upload), `firmware-zip`, `coredump`: bytes, with a length.
 */
export const BODY_KINDS = [
  "json",
  "hash-list",
  "parse-result",
  "token-form",
  "blob",
  "upload",
  "part",
  "firmware-zip",
  "coredump",
] as const satisfies readonly BodyKind[];

type Row = readonly [method: string, path: string, scope: Scope | "public", effect: Effect, body?: BodyKind];

/**
 * Every route of the worker, the scope a token must carry to call it, and
 * what it changes. This table is the only place access is decided: a
 * request whose method and path have no row is refused before any handler
 * runs (see `matchRoute`), and a test checks that every route the app mounts
 * has a row here. The fifth column names the body a route takes, if any:
 * the one place that says which routes read a body and how much of one.
 * HEAD has no rows of its own: it is answered wherever GET
 * is, with GET's policy (RFC 9110 §9.3.2: the same answer without the body).
 * OPTIONS has none either: it only ever answers CORS preflights, looked up by
 * the method they ask for.
 */
export const ROUTE_POLICIES: readonly Row[] = [
  // Blobs: public reads of immutable content; writes need cas:write.
  ["GET", "/api/cas/:hash", "public", "read"],
  ["PUT", "/api/cas/:hash", "cas:write", "write", "blob"],
  ["POST", "/api/cas/exists", "cas:write", "read", "hash-list"],

  // Resumable uploads into cas/ (an open session is the upload's only handle; the id is unguessable).
  ["POST", "/api/uploads", "cas:write", "write", "json"],
  ["GET", "/api/uploads/:id", "cas:write", "read"],
  ["DELETE", "/api/uploads/:id", "cas:write", "write"],
  ["PUT", "/api/uploads/:id/parts/:part", "cas:write", "write", "part"],
  ["POST", "/api/uploads/:id/complete", "cas:write", "write"],

  // Parts and attachments.
  ["GET", "/api/parts", "parts:read", "read"],
  ["POST", "/api/parts", "parts:write", "write", "json"],
  ["GET", "/api/parts/:key", "parts:read", "read"],
  ["PATCH", "/api/parts/:key", "parts:write", "write", "json"],
  ["DELETE", "/api/parts/:key", "parts:delete", "delete"],
  ["PUT", "/api/parts/:key/cover", "parts:write", "write", "json"],
  ["GET", "/api/parts/:key/cover", "parts:read", "read"],
  ["GET", "/api/parts/:key/cover/thumbnail", "parts:read", "read"],
  ["GET", "/api/parts/:key/attachments", "parts:read", "read"],
  ["POST", "/api/parts/:key/attachments", "parts:write", "write", "upload"],
  ["GET", "/api/parts/:key/attachments/:id", "parts:read", "read"],
  ["PATCH", "/api/parts/:key/attachments/:id", "parts:write", "write", "json"],
  ["DELETE", "/api/parts/:key/attachments/:id", "parts:delete", "delete"],
  ["POST", "/api/parts/:key/attachments/:id/copy", "parts:write", "write", "json"],
  ["GET", "/api/parts/:key/attachments/:id/download", "parts:read", "read"],
  ["GET", "/api/parts/:key/attachments/:id/thumbnail", "parts:read", "read"],
  ["GET", "/api/attachments", "parts:read", "read"],

  // Signed links of rows not migrated yet (the signature is the credential).
  ["GET", "/api/legacy/attachments/:id/:variant", "public", "read"],

  // Device models, firmware and devices. Operators manage them like the parts catalogue
  // (parts:read / parts:write / parts:delete: the same people and the same app); a device's
  // own token (scope "device", bound to one device key) checks for updates and sends dumps.
  ["POST", "/api/device-models", "parts:write", "write", "json"],
  ["GET", "/api/device-models", "parts:read", "read"],
  ["GET", "/api/device-models/:model", "parts:read", "read"],
  ["POST", "/api/device-models/:model/firmware", "parts:write", "write", "firmware-zip"],
  ["GET", "/api/device-models/:model/firmware", "parts:read", "read"],
  ["GET", "/api/device-models/:model/firmware/:version", "parts:read", "read"],
  ["PUT", "/api/devices/:device", "parts:write", "write", "json"],
  ["GET", "/api/devices/:device", "parts:read", "read"],
  // An OTA check only notes the running version: a read, so a read-only store still updates devices.
  ["GET", "/api/devices/:device/firmware", "device", "read"],
  ["POST", "/api/devices/:device/coredumps", "device", "write", "coredump"],
  ["GET", "/api/devices/:device/coredumps", "parts:read", "read"],
  // Coredumps: operators read and delete; external parsers claim and report.
  ["GET", "/api/coredumps/:id", "parts:read", "read"],
  ["DELETE", "/api/coredumps/:id", "parts:delete", "delete"],
  ["POST", "/api/coredumps/claim", "coredumps:parse", "write", "json"],
  ["POST", "/api/coredumps/:id/result", "coredumps:parse", "write", "parse-result"],

  // Operators.
  ["GET", "/api/admin/migration", "admin", "read"],
  ["POST", "/api/admin/migration/run", "admin", "write"],
  ["GET", "/api/admin/migration/cleanup", "admin", "read"],
  ["POST", "/api/admin/migration/cleanup", "admin", "delete"],
  ["GET", "/api/admin/gc", "admin", "read"],
  ["POST", "/api/admin/gc", "admin", "delete"],

  // Service accounts and the storage mode: operator settings, allowed in every mode.
  ["GET", "/api/admin/accounts", "admin", "read"],
  ["POST", "/api/admin/accounts", "admin", "setting", "json"],
  ["GET", "/api/admin/accounts/:clientId", "admin", "read"],
  ["POST", "/api/admin/accounts/:clientId/rotate", "admin", "setting"],
  ["POST", "/api/admin/accounts/:clientId/retire", "admin", "setting"],
  ["POST", "/api/admin/accounts/:clientId/disable", "admin", "setting"],
  ["POST", "/api/admin/accounts/:clientId/enable", "admin", "setting"],
  ["GET", "/api/admin/mode", "admin", "read"],
  ["PUT", "/api/admin/mode", "admin", "setting", "json"],

  // Tokens: the client secret is the credential (checked by the endpoint itself).
  ["POST", "/api/oauth/token", "public", "setting", "token-form"],
  ["GET", "/.well-known/jwks.json", "public", "read"],
  ["GET", "/.well-known/oauth-authorization-server", "public", "read"],

  ["GET", "/api/openapi.json", "public", "read"],
  // The body caps above, as numbers: the page checks a file against them before sending a byte.
  ["GET", "/api/limits", "public", "read"],

  // Health for load balancers and operators: no token, nothing secret.
  ["GET", "/health", "public", "read"],
  ["GET", "/health/ready", "public", "read"],

  // The page (src/web): HTML shells with no data; the script calls the API with the user's token.
  ["GET", "/", "public", "read"],
  ["GET", "/parts/:key", "public", "read"],
  ["GET", "/api/docs", "public", "read"],
  // The page's files (src/web/assets, laid out by scripts/build-web.ts), served from ASSETS by the
  // app's not-found handler: named here so that any other path is refused like every unknown route.
  ["GET", "/app.css", "public", "read"],
  ["GET", "/favicon.svg", "public", "read"],
  ["GET", "/build/:file", "public", "read"],
  ["GET", "/vendor/swagger-ui/:file", "public", "read"],
];

/** The method whose row answers a request: HEAD is GET without the body, so it needs what GET needs. */
export function policyMethod(method: string): string {
  return method === "HEAD" ? "GET" : method;
}

const router = new TrieRouter<RoutePolicy>();
for (const [method, path, scope, effect, body] of ROUTE_POLICIES) router.add(method, path, body ? { scope, effect, body } : { scope, effect });

// In the order an Allow header lists them; HEAD comes with GET.
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"].filter((m) => ROUTE_POLICIES.some(([method]) => method === m));

/**
 * Looks a request up in the table. Methods are case-sensitive (RFC 9110
 * §9.1): `get` or `PROPFIND` have no rows, so they are refused like any
 * route the table does not name.
 */
export function matchRoute(method: string, path: string): RouteMatch {
  const policy = router.match(policyMethod(method), path)[0][0]?.[0];
  if (policy) return { policy };
  const allow = METHODS.filter((m) => router.match(m, path)[0].length > 0).flatMap((m) => (m === "GET" ? ["GET", "HEAD"] : [m]));
  return { policy: undefined, allow };
}

/** The policy of a request, or undefined when the table has no row for its method and path. */
export function policyFor(method: string, path: string): RoutePolicy | undefined {
  return matchRoute(method, path).policy;
}
