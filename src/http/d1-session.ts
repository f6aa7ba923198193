import { createMiddleware } from "hono/factory";
import { BOOKMARK_HEADER, sessionBinding, wellFormedBookmark } from "../db/session";
import type { AppEnv } from "../env";

/**
 * Runs the request's D1 work in one session (D1 Sessions API) and answers
 * with its bookmark. Mounted after the route lookup, before everything that
 * queries D1, so the guard, the audit trail and the handlers all use it
 * through `c.env.DB`; the session object costs nothing until a query runs.
 *
 * - A read route (the access table's `read` effect) starts where the client's
 *   `x-d1-bookmark` says, so it sees at least what that client wrote, or
 *   anywhere (`first-unconstrained`, the nearest replica) without one.
 * - Every other route starts on the primary (`first-primary`): a write must
 *   check and change the latest state.
 *
 * A bookmark header that is not one D1 gave out is ignored, as if absent:
 * it is a consistency hint from the client's own earlier answer, the answer
 * carries a fresh one that replaces it, and a malformed value would make D1
 * fail the query. Preflights never reach D1 and get no session.
 */
export const d1Session = createMiddleware<AppEnv>(async (c, next) => {
  const { route } = c.var;
  if (route.preflight) return next();
  const sent = wellFormedBookmark(c.req.header(BOOKMARK_HEADER));
  const read = route.policy?.effect === "read";
  const session = c.env.DB.withSession(read ? (sent ?? "first-unconstrained") : "first-primary");
  c.env = { ...c.env, DB: sessionBinding(c.env.DB, session) };
  await next();
  // Errors come here as answers too (Hono turns a throw into the error handler's response at the
  // layer that threw). An answer that ran no query has the client's own position, if it sent one.
  const bookmark = session.getBookmark() ?? sent;
  if (bookmark === undefined) return;
  try {
    c.res.headers.set(BOOKMARK_HEADER, bookmark);
  } catch {
    // A response with immutable headers (the page's files, straight from ASSETS) is copied once.
    c.res = new Response(c.res.body, c.res);
    c.res.headers.set(BOOKMARK_HEADER, bookmark);
  }
});
