import { Hono } from "hono";
import { noteAudit } from "../../audit/trail";
import { database } from "../../db/client";
import type { AppEnv } from "../../env";
import { parseWith, readJson } from "../../validation";
import { applyAction } from "./lifecycle";
import { rolloutJson } from "./responses";
import { pathRolloutId, type RolloutAction, rolloutActions, rolloutCreate, rolloutListQuery } from "./schemas";
import { createRollout, getRollout, listRollouts } from "./store";

/** Staged rollouts (operators): drafts, their stages' live counts, and the actions of the transition table. */
export const rolloutRoutes = new Hono<AppEnv>()
  .post("/", async (c) => {
    const db = database(c.env.DB);
    const input = await readJson(c, rolloutCreate);
    const id = await createRollout(db, c.env.DB, input, c.get("principal")?.sub ?? "unknown");
    noteAudit(c, { rollout_id: id, model: input.model, group: input.group ?? null, version: input.version, rollback: input.rollback });
    return c.json(rolloutJson(await getRollout(db, c.env.DB, id)), 201, { Location: `/api/rollouts/${id}` });
  })
  .get("/", async (c) => {
    const filter = parseWith(rolloutListQuery, c.req.query(), "invalid_parameter");
    return c.json((await listRollouts(database(c.env.DB), filter)).map(rolloutJson));
  })
  .get("/:id", async (c) => c.json(rolloutJson(await getRollout(database(c.env.DB), c.env.DB, pathRolloutId(c.req.param("id"))))));

for (const action of rolloutActions) {
  rolloutRoutes.post(`/:id/${action}`, async (c) => {
    const id = pathRolloutId(c.req.param("id"));
    await applyAction(c.env.DB, id, action satisfies RolloutAction);
    const view = await getRollout(database(c.env.DB), c.env.DB, id);
    noteAudit(c, { state: view.rollout.state, open_stage: view.rollout.openStage });
    return c.json(rolloutJson(view));
  });
}
