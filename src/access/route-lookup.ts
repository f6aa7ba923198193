import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../env";
import { matchRoute, type RouteMatch } from "./policy";

/** What the policy table says about this request (`c.var.route`). */
export type RequestRoute = RouteMatch & {
  /**
   * A CORS preflight: an OPTIONS with Access-Control-Request-Method (Fetch
   * §3.2.2). It is looked up by the method it asks about, since it asks
   * whether that request may be sent.
   */
  preflight: boolean;
};

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
