/**
 * The shapes of the policy table and of who the guard let in, at the bottom
 * of the imports: env.ts (the request variables), access/ (which fills them
 * in), http/ (CORS, the body middleware) and the node-side tests all read
 * them, and none of them may import the access code for it. No bindings
 * here, so a program without the Workers types can import them too.
 */

/** Who the access guard let in. */
export interface Principal {
  /** Who is calling: `static:<TOKEN_NAME>`, a service account's client_id, or a device-bound account's device key. */
  sub: string;
  /** The scopes the token carries. */
  carried: readonly string[];
  /** What the token may do: its scopes and what they imply (access/policy.ts `grantedScopes`); the guard checks these. */
  scopes: ReadonlySet<string>;
  /** The service account behind a JWT (absent for static tokens). */
  clientId?: string;
  /** Set for a device-bound account: the device key its tokens stand for (also their `sub`). */
  device?: string;
}

/** The scopes a token can carry; each route needs one of them (access/policy.ts, which lists them at run time in access/scopes.ts). */
export type Scope = "cas:write" | "parts:read" | "parts:write" | "parts:delete" | "admin" | "device" | "coredumps:parse";

/**
 * What a route changes: the storage mode decides which effects are allowed
 * (`ro` refuses write and delete, `rw` refuses delete). Reads are never
 * refused, nor are `setting`s: operator state (the mode itself, service
 * accounts) that must stay changeable while the store is frozen, or an
 * operator could neither unfreeze it nor disable a leaked account.
 */
export type Effect = "read" | "write" | "delete" | "setting";

/** One row of the policy table (access/policy.ts). */
export interface RoutePolicy {
  /** "public" routes need no token at all; "authenticated" ones need a valid token, whatever its scopes. */
  scope: Scope | "public" | "authenticated";
  effect: Effect;
  /** The body the route reads; none: it takes no body (one sent anyway is read and dropped, within a small cap). */
  body?: BodyKind;
  /**
   * The audit trail's stable name for what the route does (`parts.delete`,
   * `accounts.rotate`); set, every request the guard lets through writes an
   * audit row (src/audit). The table requires one on every delete, every
   * operator setting and every admin call but a read.
   */
  audit?: string;
}

/** What a route's request body is, when it takes one (the list and each kind's cap: access/policy.ts, limits.ts). */
export type BodyKind = "json" | "hash-list" | "parse-result" | "token-form" | "blob" | "upload" | "part" | "firmware-zip" | "coredump";

/**
 * The table's answer for one request: the policy of its row with the path's
 * parameters by name (as sent, not decoded), or, when it has none, the methods its path does have (none at all: no such path, 404;
 * some: 405 with them in Allow).
 */
export type RouteMatch = { policy: RoutePolicy; params: Readonly<Record<string, string>> } | { policy: undefined; allow: readonly string[] };

/** What the policy table says about this request (`c.var.route`). */
export type RequestRoute = RouteMatch & {
  /**
   * A CORS preflight: an OPTIONS with Access-Control-Request-Method (Fetch
   * §3.2.2). It is looked up by the method it asks about, since it asks
   * whether that request may be sent.
   */
  preflight: boolean;
};
