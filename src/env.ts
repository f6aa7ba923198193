import type { AuditDetail } from "./db/audit-schema";
import type { Principal, RequestRoute } from "./route-types";

/**
 * The Hono environment every layer shares. It sits at the bottom of the
 * imports (README "Layout"), so what the request variables hold is spelled
 * out a floor down (route-types.ts) rather than imported from the access
 * code that fills them in.
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
    /** Figures a handler of an audited route adds to its audit row (src/audit/trail.ts, `noteAudit`). */
    auditDetail?: AuditDetail;
  };
};

export type { BodyKind, Effect, Principal, RequestRoute, RouteMatch, RoutePolicy, Scope } from "./route-types";
