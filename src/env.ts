import type { Principal } from "./access/guard";

/** Hono environment shared by every route: bindings come from `wrangler types`. */
export type AppEnv = {
  Bindings: Env;
  Variables: {
    /** Set by the access guard on routes that need a token. */
    principal?: Principal;
    /** Set first of all by the request log: `cf-ray` or a generated id, echoed as X-Request-Id. */
    requestId: string;
  };
};
