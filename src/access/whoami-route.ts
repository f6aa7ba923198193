import { Hono } from "hono";
import type { z } from "zod";
import type { AppEnv } from "../env";
import { modeView } from "./mode";
import type { whoamiResponse } from "./schemas";
import { SCOPES } from "./scopes";

const PRIVATE = { "Cache-Control": "private, no-store" };

/**
 * GET /api/whoami: who the token is and what it may do, with the storage
 * mode in force, so the page shows only the sections and controls the token
 * opens and the mode's banner. The guard has authenticated the token; any
 * valid one may ask.
 */
export const whoamiRoutes = new Hono<AppEnv>().get("/", async (c) => {
  const principal = c.var.principal!;
  const { mode, source } = await modeView(c.env);
  const body: z.infer<typeof whoamiResponse> = {
    sub: principal.sub,
    client_id: principal.clientId ?? null,
    device: principal.device ?? null,
    scopes: [...principal.carried],
    // In the table's order, so the answer does not depend on how the token listed them.
    granted: SCOPES.filter((scope) => principal.scopes.has(scope)),
    mode: { mode, source },
  };
  return c.json(body, 200, PRIVATE);
});
