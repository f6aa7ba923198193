import { Hono } from "hono";
import { database } from "../db/client";
import type { AppEnv } from "../env";
import { readJson } from "../validation";
import { deleteCoredump, getCoredump } from "./coredumps";
import { claimNext, DEFAULT_LEASE_SECONDS, recordOutcome } from "./parse-queue";
import { coredumpJson } from "./responses";
import { claimBody, pathId, resultBody } from "./schemas";

/** Coredumps by id (operators) and the parse queue (external parsers). */
export const coredumpRoutes = new Hono<AppEnv>()
  .post("/claim", async (c) => {
    const hasBody = (c.req.header("Content-Length") ?? "0") !== "0";
    const { lease_seconds } = hasBody ? await readJson(c, claimBody) : {};
    const claim = await claimNext(c.env.DB, c.get("principal")?.sub ?? "unknown", lease_seconds ?? DEFAULT_LEASE_SECONDS);
    if (!claim) return c.body(null, 204);
    return c.json(claim);
  })
  .post("/:id/result", async (c) => {
    const id = pathId(c.req.param("id"), "coredump");
    await recordOutcome(c.env.DB, id, await readJson(c, resultBody));
    return c.json(coredumpJson(await getCoredump(database(c.env.DB), id)));
  })
  .get("/:id", async (c) => c.json(coredumpJson(await getCoredump(database(c.env.DB), pathId(c.req.param("id"), "coredump")))))
  .delete("/:id", async (c) => {
    await deleteCoredump(database(c.env.DB), pathId(c.req.param("id"), "coredump"));
    return c.body(null, 204);
  });
