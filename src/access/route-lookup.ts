import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../env";
import { matchRoute } from "./policy";

/**
 * Looks the request up in the policy table once, for the CORS middleware
 * (which regime) and the access guard (refuse, or which scope), so the two
 * can never disagree about a route. Mounted before both. Any other OPTIONS
 * is looked up by its own name, which has no row: the guard refuses it.
 */
export const routeLookup = createMiddleware<AppEnv>(async (c, next) => {
  const asked = c.req.method === "OPTIONS" ? c.req.header("Access-Control-Request-Method") || undefined : undefined;
  c.set("route", { ...matchRoute(asked ?? c.req.method, c.req.path), preflight: asked !== undefined });
  await next();
});
