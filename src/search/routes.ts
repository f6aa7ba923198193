import { Hono } from "hono";
import type { AppEnv } from "../env";
import { parseWith } from "../validation";
import { ftsQuery } from "./fts-query";
import { searchQuery } from "./schemas";
import { search } from "./service";

/** /api/search: parts and attachments by the text in them, best first (service.ts says how "best" is bounded). */
export const searchRoutes = new Hono<AppEnv>().get("/", async (c) => {
  const query = parseWith(searchQuery, c.req.query(), "invalid_parameter");
  return c.json(await search(c.env.DB, ftsQuery(query.q), query.limit, query.cursor));
});
