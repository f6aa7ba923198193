import { Hono } from "hono";
import { noteAudit } from "../../audit/trail";
import { database } from "../../db/client";
import type { AppEnv } from "../../env";
import { readJson } from "../../validation";
import { pathKey } from "../schemas";
import { createGroup, deleteGroup, listGroups } from "./groups";
import { groupJson } from "./responses";
import { groupCreate } from "./schemas";

/** Device groups: saved tag filters within a model, the targets of group rollouts (operators). */
export const groupRoutes = new Hono<AppEnv>()
  .post("/:model/groups", async (c) => {
    const model = pathKey(c.req.param("model"), "device model");
    const group = await createGroup(database(c.env.DB), model, await readJson(c, groupCreate));
    noteAudit(c, { group: group.key, tags: group.tags });
    return c.json(groupJson(group), 201, { Location: `/api/device-models/${model}/groups/${group.key}` });
  })
  .get("/:model/groups", async (c) => {
    const groups = await listGroups(database(c.env.DB), pathKey(c.req.param("model"), "device model"));
    return c.json(groups.map(groupJson));
  })
  .delete("/:model/groups/:group", async (c) => {
    const model = pathKey(c.req.param("model"), "device model");
    await deleteGroup(c.env.DB, model, pathKey(c.req.param("group"), "group"));
    return c.body(null, 204);
  });
