import type { Context } from "hono";
import type { AppEnv } from "../env";
import { AppError } from "../errors";

/**
 * The app's not-found handler. The access guard refuses every path the
 * policy table does not name, so what gets here is a row no route answers:
 * the page's files (src/web/assets, served by the ASSETS binding with its
 * own ETag revalidation) on GET or HEAD. Anything else, or a file that is
 * not there, is the usual problem+json 404.
 */
export async function staticOrNotFound(c: Context<AppEnv>): Promise<Response> {
  const { method, path } = c.req;
  if ((method === "GET" || method === "HEAD") && !path.startsWith("/api/")) {
    const file = await c.env.ASSETS.fetch(c.req.raw);
    if (file.status !== 404) return file;
  }
  throw new AppError("not_found", "No such route.");
}
