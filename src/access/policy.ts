import type { Params } from "hono/router";
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

type Row = readonly [method: string, path: string, scope: RoutePolicy["scope"], effect: Effect, body?: BodyKind, audit?: string];

/**
 * What a scope grants beyond itself. `admin` is the operator's scope: one
 * operator token opens every part of the page and the console, so it covers
 * the catalogue and blob writes too, as a root account does. It does not
 * imply the machine roles: `device` speaks for one device key (a route also
 * checks the key against the path) and `coredumps:parse` claims dumps for an
 * external parser; an operator acts as neither.
 */
export const IMPLIED_SCOPES: Partial<Record<Scope, readonly Scope[]>> = {
  admin: ["parts:read", "parts:write", "parts:delete", "cas:write"],
};

/** What a token carrying `scopes` may do: those scopes and everything they imply. */
export function grantedScopes(scopes: Iterable<string>): Set<string> {
  const granted = new Set<string>();
  for (const scope of scopes) {
    granted.add(scope);
    for (const implied of IMPLIED_SCOPES[scope as Scope] ?? []) granted.add(implied);
  }
  return granted;
}

/**
 * Every route of the worker, the scope a token must carry to call it (or
 * one that implies it: IMPLIED_SCOPES above; "public": no token;
 * "authenticated": any valid token), and what it changes. This table is the only place access is decided: a
 * request whose method and path have no row is refused before any handler
 * runs (see `matchRoute`), and a test checks that every route the app mounts
 * has a row here. The fifth column names the body a route takes, if any:
 * the one place that says which routes read a body and how much of one.
 * The sixth names the route's action in the audit trail (src/audit): a
 * request the guard lets through to a route with a name writes one audit row,
 * whatever it answers. Every delete, every operator setting and every admin
 * call but a read must have one (`checkAuditColumn`, run when this module
 * loads); another write that must be audited just gets a name here.
 * HEAD has no rows of its own: it is answered wherever GET
 * is, with GET's policy (RFC 9110 §9.3.2: the same answer without the body).
 * OPTIONS has none either: it only ever answers CORS preflights, looked up by
 * the method they ask for.
 */
export const ROUTE_POLICIES = [
  // Blobs: public reads of immutable content; writes need cas:write.
  ["GET", "/api/cas/:hash", "public", "read"],
  ["PUT", "/api/cas/:hash", "cas:write", "write", "blob"],
  ["POST", "/api/cas/exists", "cas:write", "read", "hash-list"],
  // Private blobs through signed links (the signature is the credential, checked by the route before any read).
  ["GET", "/api/private/:hash", "public", "read"],

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
  ["PATCH", "/api/parts/:key", "parts:write", "write", "json", "parts.update"],
  ["DELETE", "/api/parts/:key", "parts:delete", "delete", undefined, "parts.delete"],
  ["PUT", "/api/parts/:key/cover", "parts:write", "write", "json"],
  ["GET", "/api/parts/:key/cover", "parts:read", "read"],
  ["GET", "/api/parts/:key/cover/thumbnail", "parts:read", "read"],
  ["GET", "/api/parts/:key/attachments", "parts:read", "read"],
  ["POST", "/api/parts/:key/attachments", "parts:write", "write", "upload"],
  ["GET", "/api/parts/:key/attachments/:id", "parts:read", "read"],
  ["PATCH", "/api/parts/:key/attachments/:id", "parts:write", "write", "json"],
  ["DELETE", "/api/parts/:key/attachments/:id", "parts:delete", "delete", undefined, "attachments.delete"],
  ["POST", "/api/parts/:key/attachments/:id/copy", "parts:write", "write", "json"],
  ["GET", "/api/parts/:key/attachments/:id/download", "parts:read", "read"],
  ["GET", "/api/parts/:key/attachments/:id/thumbnail", "parts:read", "read"],
  ["GET", "/api/attachments", "parts:read", "read"],
  // Full-text search over parts and attachments: what the listings show, found by its text.
  ["GET", "/api/search", "parts:read", "read"],

  // Signed links of rows not migrated yet (the signature is the credential).
  ["GET", "/api/legacy/attachments/:id/:variant", "public", "read"],

  // Device models, firmware and devices. Operators manage them like the parts catalogue
  // (parts:read / parts:write / parts:delete: the same people and the same app); a device's
  // own token (scope "device", bound to one device key) checks for updates and sends dumps.
  ["POST", "/api/device-models", "parts:write", "write", "json"],
  ["GET", "/api/device-models", "parts:read", "read"],
  ["GET", "/api/device-models/:model", "parts:read", "read"],
  // A new version prunes the oldest past MAX_FIRMWARES, the only way firmware is ever deleted: audited.
  ["POST", "/api/device-models/:model/firmware", "parts:write", "write", "firmware-zip", "firmware.upload"],
  ["GET", "/api/device-models/:model/firmware", "parts:read", "read"],
  ["GET", "/api/device-models/:model/firmware/:version", "parts:read", "read"],
  // Groups (saved tag filters) and staged rollouts: fleet operators, the same people. Pausing and
  // cancelling are operator settings, allowed in every storage mode: a store frozen read-only must
  // still let an operator stop a bad rollout.
  ["GET", "/api/device-models/:model/groups", "parts:read", "read"],
  ["POST", "/api/device-models/:model/groups", "parts:write", "write", "json", "groups.create"],
  ["DELETE", "/api/device-models/:model/groups/:group", "parts:delete", "delete", undefined, "groups.delete"],
  ["GET", "/api/rollouts", "parts:read", "read"],
  ["POST", "/api/rollouts", "parts:write", "write", "json", "rollouts.create"],
  ["GET", "/api/rollouts/:id", "parts:read", "read"],
  ["POST", "/api/rollouts/:id/start", "parts:write", "write", undefined, "rollouts.start"],
  ["POST", "/api/rollouts/:id/pause", "parts:write", "setting", undefined, "rollouts.pause"],
  ["POST", "/api/rollouts/:id/resume", "parts:write", "write", undefined, "rollouts.resume"],
  ["POST", "/api/rollouts/:id/cancel", "parts:write", "setting", undefined, "rollouts.cancel"],
  ["POST", "/api/rollouts/:id/advance", "parts:write", "write", undefined, "rollouts.advance"],
  // The fleet and the coredump queue a page at a time (the console's lists).
  ["GET", "/api/devices", "parts:read", "read"],
  ["GET", "/api/coredumps", "parts:read", "read"],
  ["PUT", "/api/devices/:device", "parts:write", "write", "json"],
  ["GET", "/api/devices/:device", "parts:read", "read"],
  // An OTA check only notes the running version: a read, so a read-only store still updates devices.
  ["GET", "/api/devices/:device/firmware", "device", "read"],
  // The public keys of signed OTA manifests (only public halves; what a device trusts is baked into it).
  ["GET", "/.well-known/cas-edge-update-keys", "public", "read"],
  ["POST", "/api/devices/:device/coredumps", "device", "write", "coredump"],
  // A device's report on its update (downloading … success/failure), counted under its rollout.
  ["POST", "/api/devices/:device/update-status", "device", "write", "json"],
  ["GET", "/api/devices/:device/coredumps", "parts:read", "read"],
  // A dump brought over from another store (npm run import:fleet); it prunes past MAX_COREDUMPS: audited.
  ["PUT", "/api/devices/:device/coredumps/:hash", "parts:write", "write", "coredump", "coredumps.import"],
  // Coredumps: operators read and delete; external parsers claim and report.
  ["GET", "/api/coredumps/:id", "parts:read", "read"],
  ["DELETE", "/api/coredumps/:id", "parts:delete", "delete", undefined, "coredumps.delete"],
  ["POST", "/api/coredumps/claim", "coredumps:parse", "write", "json"],
  ["POST", "/api/coredumps/:id/result", "coredumps:parse", "write", "parse-result"],

  // Operators.
  ["GET", "/api/admin/migration", "admin", "read"],
  ["POST", "/api/admin/migration/run", "admin", "write", undefined, "migration.run"],
  ["GET", "/api/admin/migration/cleanup", "admin", "read"],
  ["POST", "/api/admin/migration/cleanup", "admin", "delete", undefined, "migration.cleanup"],
  ["GET", "/api/admin/gc", "admin", "read"],
  ["POST", "/api/admin/gc", "admin", "delete", undefined, "gc.run"],
  // Moves rows to the copy they should read (public/private) and deletes the copies nothing reads.
  ["GET", "/api/admin/visibility", "admin", "read"],
  ["POST", "/api/admin/visibility", "admin", "delete", undefined, "visibility.run"],
  // The audit trail itself: who did what (src/audit).
  ["GET", "/api/admin/audit", "admin", "read"],

  // Service accounts and the storage mode: operator settings, allowed in every mode.
  ["GET", "/api/admin/accounts", "admin", "read"],
  ["POST", "/api/admin/accounts", "admin", "setting", "json", "accounts.create"],
  ["GET", "/api/admin/accounts/:clientId", "admin", "read"],
  ["POST", "/api/admin/accounts/:clientId/rotate", "admin", "setting", undefined, "accounts.rotate"],
  ["POST", "/api/admin/accounts/:clientId/retire", "admin", "setting", undefined, "accounts.retire"],
  ["POST", "/api/admin/accounts/:clientId/disable", "admin", "setting", undefined, "accounts.disable"],
  ["POST", "/api/admin/accounts/:clientId/enable", "admin", "setting", undefined, "accounts.enable"],
  ["GET", "/api/admin/mode", "admin", "read"],
  ["PUT", "/api/admin/mode", "admin", "setting", "json", "mode.set"],

  // Who the token is and what it may do: the page shows only what this opens.
  ["GET", "/api/whoami", "authenticated", "read"],

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
  ["GET", "/console/:section", "public", "read"],
  ["GET", "/api/docs", "public", "read"],
  // The page's files (src/web/assets, laid out by scripts/build-web.ts), served from ASSETS by the
  // app's not-found handler: named here so that any other path is refused like every unknown route.
  ["GET", "/app.css", "public", "read"],
  ["GET", "/favicon.svg", "public", "read"],
  ["GET", "/build/:file", "public", "read"],
  ["GET", "/vendor/swagger-ui/:file", "public", "read"],
] as const satisfies readonly Row[];

/** The audit action names of routes, as the table spells them (crons that run the same task reuse them). */
export type RouteAuditAction = Extract<(typeof ROUTE_POLICIES)[number][5], string>;

/**
 * Which rows must name an audit action: everything that deletes or changes
 * an operator setting, and every admin call but a read. A public row is never
 * audited: there is nobody to record (the token endpoint is the one public
 * setting; its caller is who it is about to find out).
 */
export function mustAudit(method: string, scope: RoutePolicy["scope"], effect: Effect): boolean {
  if (scope === "public") return false;
  return effect === "delete" || effect === "setting" || (scope === "admin" && method !== "GET");
}

// A dotted lowercase name, e.g. accounts.rotate: stable, since operators filter the trail by it.
const ACTION = /^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$/;

/**
 * Fails on a table whose audit column breaks the rule: a row `mustAudit`
 * selects without a name, a public row with one, a malformed or repeated name.
 * Run on ROUTE_POLICIES below, when this module loads: a route added without
 * its audit name stops the worker from starting, and every test with it.
 */
export function checkAuditColumn(rows: readonly Row[]): void {
  const seen = new Set<string>();
  for (const [method, path, scope, effect, , audit] of rows) {
    const row = `${method} ${path}`;
    if (audit === undefined) {
      if (mustAudit(method, scope, effect)) {
        throw new Error(`${row} (${scope}, ${effect}) must name its audit action: every delete, setting and admin call but a read is audited`);
      }
      continue;
    }
    if (scope === "public") throw new Error(`${row} is public: there is nobody to audit`);
    if (!ACTION.test(audit)) throw new Error(`${row}: "${audit}" is not an audit action name (lowercase, dotted: "parts.delete")`);
    if (seen.has(audit)) throw new Error(`${row}: the audit action "${audit}" names another route already`);
    seen.add(audit);
  }
}
checkAuditColumn(ROUTE_POLICIES);

/** The method whose row answers a request: HEAD is GET without the body, so it needs what GET needs. */
export function policyMethod(method: string): string {
  return method === "HEAD" ? "GET" : method;
}

const router = new TrieRouter<RoutePolicy>();
for (const [method, path, scope, effect, body, audit] of ROUTE_POLICIES as readonly Row[]) {
  router.add(method, path, { scope, effect, ...(body ? { body } : {}), ...(audit ? { audit } : {}) });
}

// In the order an Allow header lists them; HEAD comes with GET.
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"].filter((m) => ROUTE_POLICIES.some(([method]) => method === m));

/**
 * Looks a request up in the table. Methods are case-sensitive (RFC 9110
 * §9.1): `get` or `PROPFIND` have no rows, so they are refused like any
 * route the table does not name.
 */
export function matchRoute(method: string, path: string): RouteMatch {
  // The trie router hands back parameters by name (its second form of result).
  const found = router.match(policyMethod(method), path)[0][0];
  if (found) return { policy: found[0], params: found[1] as Params };
  const allow = METHODS.filter((m) => router.match(m, path)[0].length > 0).flatMap((m) => (m === "GET" ? ["GET", "HEAD"] : [m]));
  return { policy: undefined, allow };
}

/** The policy of a request, or undefined when the table has no row for its method and path. */
export function policyFor(method: string, path: string): RoutePolicy | undefined {
  return matchRoute(method, path).policy;
}
