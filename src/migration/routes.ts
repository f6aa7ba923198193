import { Hono } from "hono";
import { z } from "zod";
import { noteAudit } from "../audit/trail";
import { onPrimary } from "../db/session";
import type { AppEnv } from "../env";
import { parseWith } from "../validation";
import { batchFigures, runBatch } from "./batch";
import { BATCH_BUDGET_MS, BATCH_SIZE, withLeaseOrConflict } from "./lease";
import type { MigrationRunResponse } from "./schemas";
import { migrationStatus } from "./status";

const flag = z.enum(["0", "1", "true", "false"]).transform((v) => v === "1" || v === "true");
const runQuery = z.object({ dry_run: flag.default(false), batch_size: z.coerce.number().int().min(1).max(1000).default(BATCH_SIZE) });

const owner = () => `admin-${crypto.randomUUID()}`;

/** Operator endpoints for the migration; everything that writes runs under the lease. Cleanup and GC: src/housekeeping. */
export const adminRoutes = new Hono<AppEnv>()
  .get("/migration", async (c) => c.json(await migrationStatus(c.env)))
  .post("/migration/run", async (c) => {
    const q = parseWith(runQuery, c.req.query(), "invalid_parameter");
    // The batch reads rows a previous lease holder may have just written: on the primary (src/db/session.ts).
    const env = onPrimary(c.env);
    const result = await withLeaseOrConflict(env, owner(), (token) =>
      runBatch(env, { token, batchSize: q.batch_size, budgetMs: BATCH_BUDGET_MS, dryRun: q.dry_run }),
    );
    noteAudit(c, batchFigures(result));
    return c.json({ ...result, status: await migrationStatus(c.env) } satisfies MigrationRunResponse);
  });
