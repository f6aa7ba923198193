/**
 * The types every layer shares, and nothing else: this file sits at the
 * bottom of the imports (README "Layout"), so what the request variables
 * hold is spelled out here rather than imported from the access code that
 * fills them in.
 */

/** Hono environment shared by every route: bindings come from `wrangler types`. */
export type AppEnv = {
  Bindings: Env;
  Variables: {
    /** Set by the route lookup, before CORS and the access guard: the request's row of the policy table, or why it has none. */
    route: RequestRoute;
    /** Set by the access guard on routes that need a token. */
    principal?: Principal;
    /** Set first of all by the request log: `cf-ray` or a generated id, echoed as X-Request-Id. */
    requestId: string;
  };
};

/** Who the access guard let in. */
export interface Principal {
  /** Who is calling: `static:<TOKEN_NAME>`, a service account's client_id, or a device-bound account's device key. */
  sub: string;
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
  /** "public" routes need no token at all. */
  scope: Scope | "public";
  effect: Effect;
}

/**
 * The table's answer for one request: the policy of its row, or, when it has
 * none, the methods its path does have (none at all: no such path, 404;
 * some: 405 with them in Allow).
 */
export type RouteMatch = { policy: RoutePolicy } | { policy: undefined; allow: readonly string[] };

/** What the policy table says about this request (`c.var.route`). */
export type RequestRoute = RouteMatch & {
  /**
   * A CORS preflight: an OPTIONS with Access-Control-Request-Method (Fetch
   * §3.2.2). It is looked up by the method it asks about, since it asks
   * whether that request may be sent.
   */
  preflight: boolean;
};
