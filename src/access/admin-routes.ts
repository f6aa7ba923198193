import { Hono } from "hono";
import { noteAudit } from "../audit/trail";
import type { AppEnv } from "../env";
import { readJson } from "../validation";
import { createAccount, getAccount, listAccounts, retireSecret, rotateSecret, setDisabled } from "./accounts";
import { modeView, setRuntimeMode } from "./mode";
import { accountCreate, modeUpdate } from "./schemas";

const NO_STORE = { "Cache-Control": "no-store" };

/** /api/admin/accounts: service accounts. Responses carrying a secret are never stored by a cache. */
export const accountRoutes = new Hono<AppEnv>()
  .get("/", async (c) => c.json({ accounts: await listAccounts(c.env) }, 200, NO_STORE))
  .post("/", async (c) => {
    const { account, client_secret } = await createAccount(c.env, await readJson(c, accountCreate));
    // The new account has no path parameter to be the row's target: its id and scopes go in the detail.
    noteAudit(c, { client_id: account.client_id, scopes: account.scopes, device_key: account.device_key });
    return c.json({ ...account, client_secret }, 201, NO_STORE);
  })
  .get("/:clientId", async (c) => c.json(await getAccount(c.env, c.req.param("clientId")), 200, NO_STORE))
  .post("/:clientId/rotate", async (c) => {
    const { account, client_secret } = await rotateSecret(c.env, c.req.param("clientId"));
    return c.json({ ...account, client_secret }, 200, NO_STORE);
  })
  .post("/:clientId/retire", async (c) => c.json(await retireSecret(c.env, c.req.param("clientId")), 200, NO_STORE))
  .post("/:clientId/disable", async (c) => c.json(await setDisabled(c.env, c.req.param("clientId"), true), 200, NO_STORE))
  .post("/:clientId/enable", async (c) => c.json(await setDisabled(c.env, c.req.param("clientId"), false), 200, NO_STORE));

/** /api/admin/mode: the storage mode, switchable at runtime (kept in D1). */
export const modeRoutes = new Hono<AppEnv>()
  .get("/", async (c) => c.json(await modeView(c.env), 200, NO_STORE))
  .put("/", async (c) => {
    const { mode } = await readJson(c, modeUpdate);
    await setRuntimeMode(c.env, mode);
    const view = await modeView(c.env);
    noteAudit(c, { mode: view.mode, source: view.source });
    return c.json(view, 200, NO_STORE);
  });
