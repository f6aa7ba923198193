import { Hono } from "hono";
import { database } from "../db/client";
import type { AppEnv } from "../env";
import { KiB } from "../http/bounded-body";
import { parseWith, readJson } from "../validation";
import { deleteCoredump, getCoredump } from "./coredumps";
import { listCoredumpQueue } from "./listings";
import { claimNext, DEFAULT_LEASE_SECONDS, recordOutcome } from "./parse-queue";
import { claimJson, coredumpJson, coredumpSummaryJson } from "./responses";
import { claimBody, coredumpListQuery, MAX_RESULT_CHARS, pathId, resultBody } from "./schemas";

// A parse result may hold MAX_RESULT_CHARS characters, each at worst 6 bytes once
// JSON-escaped ("\u001b"), plus the lease id and the member names.
export const RESULT_BODY_BYTES = 6 * MAX_RESULT_CHARS + 4 * KiB;

/** Coredumps by id (operators) and the parse queue (external parsers). */
export const coredumpRoutes = new Hono<AppEnv>()
  // The queue overall (operators): newest first, by status and/or device, a page at a time.
  .get("/", async (c) => {
    const query = parseWith(coredumpListQuery, c.req.query(), "invalid_parameter");
    const { rows, next } = await listCoredumpQueue(database(c.env.DB), query);
    return c.json({ coredumps: await Promise.all(rows.map((row) => coredumpSummaryJson(c.env, row))), next_cursor: next });
  })
  .post("/claim", async (c) => {
    // Parsed whether or not a length is given (a chunked body is still a body); none at all means the defaults.
    const { lease_seconds } = await readJson(c, claimBody, { ifEmpty: {} });
    const lease = await claimNext(c.env.DB, c.get("principal")?.sub ?? "unknown", lease_seconds ?? DEFAULT_LEASE_SECONDS);
    if (!lease) return c.body(null, 204);
    return c.json(await claimJson(c.env, lease));
  })
  .post("/:id/result", async (c) => {
    const id = pathId(c.req.param("id"), "coredump");
    await recordOutcome(c.env.DB, id, await readJson(c, resultBody, { maxBytes: RESULT_BODY_BYTES }));
    return c.json(await coredumpJson(c.env, await getCoredump(database(c.env.DB), id)));
  })
  .get("/:id", async (c) => c.json(await coredumpJson(c.env, await getCoredump(database(c.env.DB), pathId(c.req.param("id"), "coredump")))))
  .delete("/:id", async (c) => {
    await deleteCoredump(database(c.env.DB), pathId(c.req.param("id"), "coredump"));
    return c.body(null, 204);
  });
