/** Hono environment shared by every route: bindings come from `wrangler types`. */
export type AppEnv = {
  Bindings: Env;
};
