import { TrieRouter } from "hono/router/trie-router";
import type { Scope } from "./scopes";

/**
 * What each route changes: the storage mode decides which effects are allowed
 * (`ro` refuses write and delete, `rw` refuses delete). Reads are never
 * refused, nor are `setting`s: operator state (the mode itself, service
 * accounts) that must stay changeable while the store is frozen, or an
 * operator could neither unfreeze it nor disable a leaked account.
 */
export type Effect = "read" | "write" | "delete" | "setting";

export interface RoutePolicy {
  /** "public" routes need no token at all. */
  scope: Scope | "public";
  effect: Effect;
}

type Row = readonly [method: string, path: string, scope: Scope | "public", effect: Effect];

/**
 * Every route of the worker, the scope a token must carry to call it, and
 * what it changes. This table is the only place access is decided; a test
 * checks that every route the app mounts has a row here.
 */
export const ROUTE_POLICIES: readonly Row[] = [
  // Blobs: public reads of immutable content; writes need cas:write.
  ["GET", "/api/cas/:hash", "public", "read"],
  ["HEAD", "/api/cas/:hash", "public", "read"],
  ["PUT", "/api/cas/:hash", "cas:write", "write"],
  ["POST", "/api/cas/exists", "cas:write", "read"],

  // Parts and attachments.
  ["GET", "/api/parts", "parts:read", "read"],
  ["POST", "/api/parts", "parts:write", "write"],
  ["GET", "/api/parts/:key", "parts:read", "read"],
  ["PATCH", "/api/parts/:key", "parts:write", "write"],
  ["DELETE", "/api/parts/:key", "parts:delete", "delete"],
  ["PUT", "/api/parts/:key/cover", "parts:write", "write"],
  ["GET", "/api/parts/:key/cover", "parts:read", "read"],
  ["GET", "/api/parts/:key/cover/thumbnail", "parts:read", "read"],
  ["GET", "/api/parts/:key/attachments", "parts:read", "read"],
  ["POST", "/api/parts/:key/attachments", "parts:write", "write"],
  ["GET", "/api/parts/:key/attachments/:id", "parts:read", "read"],
  ["PATCH", "/api/parts/:key/attachments/:id", "parts:write", "write"],
  ["DELETE", "/api/parts/:key/attachments/:id", "parts:delete", "delete"],
  ["POST", "/api/parts/:key/attachments/:id/copy", "parts:write", "write"],
  ["GET", "/api/parts/:key/attachments/:id/download", "parts:read", "read"],
  ["GET", "/api/parts/:key/attachments/:id/thumbnail", "parts:read", "read"],
  ["GET", "/api/attachments", "parts:read", "read"],

  // Signed links of rows not migrated yet (the signature is the credential).
  ["GET", "/api/legacy/attachments/:id/:variant", "public", "read"],

  // Operators.
  ["GET", "/api/admin/migration", "admin", "read"],
  ["POST", "/api/admin/migration/run", "admin", "write"],
  ["POST", "/api/admin/migration/cleanup", "admin", "delete"],
  ["POST", "/api/admin/gc", "admin", "delete"],

  // Service accounts and the storage mode: operator settings, allowed in every mode.
  ["GET", "/api/admin/accounts", "admin", "read"],
  ["POST", "/api/admin/accounts", "admin", "setting"],
  ["GET", "/api/admin/accounts/:clientId", "admin", "read"],
  ["POST", "/api/admin/accounts/:clientId/rotate", "admin", "setting"],
  ["POST", "/api/admin/accounts/:clientId/retire", "admin", "setting"],
  ["POST", "/api/admin/accounts/:clientId/disable", "admin", "setting"],
  ["POST", "/api/admin/accounts/:clientId/enable", "admin", "setting"],
  ["GET", "/api/admin/mode", "admin", "read"],
  ["PUT", "/api/admin/mode", "admin", "setting"],

  // Tokens: the client secret is the credential (checked by the endpoint itself).
  ["POST", "/api/oauth/token", "public", "setting"],
  ["GET", "/.well-known/jwks.json", "public", "read"],

  ["GET", "/api/openapi.json", "public", "read"],

  // Health for load balancers and operators: no token, nothing secret.
  ["GET", "/health", "public", "read"],
  ["GET", "/health/ready", "public", "read"],

  // The page (src/web): HTML shells with no data; the script calls the API with the user's token.
  ["GET", "/", "public", "read"],
  ["GET", "/parts/:key", "public", "read"],
  ["GET", "/api/docs", "public", "read"],
];

const router = new TrieRouter<RoutePolicy>();
for (const [method, path, scope, effect] of ROUTE_POLICIES) router.add(method, path, { scope, effect });

/** The policy of a request, or undefined when no route has that method and path (the app answers 404/405). */
export function policyFor(method: string, path: string): RoutePolicy | undefined {
  const [matches] = router.match(method, path);
  return matches[0]?.[0];
}
