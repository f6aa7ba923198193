import { Hono } from "hono";
import type { AppEnv } from "../env";
import { parseWith } from "../validation";
import { listAudit } from "./list";
import { auditQuery } from "./schemas";

/** /api/admin/audit: the trail, newest first, a page at a time. */
export const auditRoutes = new Hono<AppEnv>().get("/", async (c) => {
  const query = parseWith(auditQuery, c.req.query(), "invalid_parameter");
  return c.json(await listAudit(c.env.DB, query), 200, { "Cache-Control": "no-store" });
});
