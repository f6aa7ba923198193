import type { Principal } from "./access/guard";
import type { RequestRoute } from "./access/route-lookup";

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
