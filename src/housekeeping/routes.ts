import { Hono } from "hono";
import { z } from "zod";
import { noteAudit } from "../audit/trail";
import { onPrimary } from "../db/session";
import type { AppEnv } from "../env";
import { AppError } from "../errors";
import { parseWith } from "../validation";
import { cleanupBlockedBy, cleanupLegacy } from "./cleanup";
import { collectGarbage } from "./gc";
import { describe, PASS_BUDGET_MS, type PassProgress, passFigures, readPass } from "./pass";
import type { CleanupState, PassState } from "./schemas";
import { moveVisibility, visibilityFigures } from "./visibility";

const flag = z.enum(["0", "1", "true", "false"]).transform((v) => v === "1" || v === "true");
const budget = {
  dry_run: flag.default(true),
  // Dry runs write no cursor: the caller passes back the one it was given.
  cursor: z.string().min(1).max(1024).optional(),
  budget_ms: z.coerce.number().int().min(100).max(60_000).default(PASS_BUDGET_MS),
  max_objects: z.coerce.number().int().min(1).max(1_000_000).default(100_000),
};
const cleanupQuery = z.object(budget);
// The grace period must outlast the time from a PUT to the row that names the blob; a minute is the floor
// (for local trials), the day of the default is what production wants.
const graceHours = z.coerce
  .number()
  .min(1 / 60)
  .max(24 * 365)
  .default(24);
const gcQuery = z.object({ ...budget, grace_hours: graceHours });
// The visibility pass's cursor names a row (visibility-rows.ts); its grace period is GC's: claims that recent keep a source copy.
const visibilityQuery = z.object({
  ...budget,
  cursor: z
    .string()
    .regex(/^(coredumps|firmware_artifacts|part_attachments):\d{1,15}$/, "must be a cursor this endpoint returned")
    .optional(),
  grace_hours: graceHours,
});

function busyIsConflict<T extends PassProgress>(progress: T): T {
  if (progress.stopped_by === "busy") throw new AppError("conflict", "Another run of this task is in progress; try again when it ends.");
  return progress;
}

/**
 * Operator endpoints for cleanup, GC and the visibility pass. Each call does one budgeted step and
 * says where the pass stands; call again until `done`. An operator call starts
 * a new pass at once when the last one finished (the cron waits a while).
 */
/** One admin-called step: the caller's cursor and budget, started now, with no rest between passes. */
function stepOptions(q: { dry_run: boolean; cursor?: string | undefined; budget_ms: number; max_objects: number }, graceHours: number) {
  return { dryRun: q.dry_run, cursor: q.cursor, budgetMs: q.budget_ms, maxObjects: q.max_objects, restMs: 0, graceHours, now: Date.now() };
}

export const housekeepingRoutes = new Hono<AppEnv>()
  .get("/migration/cleanup", async (c) =>
    c.json({ pass: describe(await readPass(c.env, "cleanup")), blocked_by: await cleanupBlockedBy(c.env) } satisfies CleanupState),
  )
  .post("/migration/cleanup", async (c) => {
    const q = parseWith(cleanupQuery, c.req.query(), "invalid_parameter");
    // Each pass decides R2 deletes from D1 under its lease: on the primary, never a replica (src/db/session.ts).
    const env = onPrimary(c.env);
    const progress = await cleanupLegacy(env, stepOptions(q, 0), await cleanupBlockedBy(env));
    noteAudit(c, passFigures(progress));
    return c.json(busyIsConflict(progress));
  })
  .get("/gc", async (c) => c.json({ pass: describe(await readPass(c.env, "gc")) } satisfies PassState))
  .post("/gc", async (c) => {
    const q = parseWith(gcQuery, c.req.query(), "invalid_parameter");
    const progress = await collectGarbage(onPrimary(c.env), stepOptions(q, q.grace_hours));
    noteAudit(c, { ...passFigures(progress), thumbnails_deleted: progress.thumbnails_deleted });
    return c.json(busyIsConflict(progress));
  })
  .get("/visibility", async (c) => c.json({ pass: describe(await readPass(c.env, "visibility")) } satisfies PassState))
  .post("/visibility", async (c) => {
    const q = parseWith(visibilityQuery, c.req.query(), "invalid_parameter");
    const progress = await moveVisibility(onPrimary(c.env), stepOptions(q, q.grace_hours));
    noteAudit(c, visibilityFigures(progress));
    return c.json(busyIsConflict(progress));
  });
