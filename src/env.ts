import type { Principal } from "./access/guard";

/** Hono environment shared by every route: bindings come from `wrangler types`. */
export type AppEnv = {
  Bindings: Env;
  Variables: {
    /** Set by the access guard on routes that need a token. */
    principal?: Principal;
  };
};
