import { z } from "zod";

/**
 * The answers of /api/admin/migration/cleanup, /api/admin/gc and
 * /api/admin/visibility (routes.ts), named in the OpenAPI document
 * (openapi.ts) so the console's types come from here.
 */
const at = z.string().describe("ISO 8601, UTC");

/** A real (not dry) pass as its row in D1 holds it: what pass.ts `describe` writes. */
export const passSummary = z.object({
  started_at: at,
  grace_hours: z.number(),
  scanned: z.number().int().describe("Objects (rows, for the visibility pass) seen so far"),
  deleted: z.number().int(),
  kept: z.number().int(),
  finished_at: at.nullable().describe("Null while the pass is under way"),
  cursor: z.string().nullable().describe("The last key decided: where the next step resumes"),
});

/** GET: where the task's pass stands, and whether a step holds it right now (an admin call or the cron). */
export const passStatus = z.object({
  pass: passSummary.nullable().describe("Null before the first real pass"),
  running: z.boolean().describe("A step holds the task's lease now"),
});

export const cleanupStatus = passStatus.extend({
  blocked_by: z.string().nullable().describe("Why the cleanup deletes nothing yet, or null"),
});

/** POST: one budgeted step. Each task adds its own figures (GC: thumbnails_deleted, …) beside these. */
export const passStep = z.object({
  dry_run: z.boolean(),
  scanned: z.number().int().describe("Seen by this step"),
  deleted: z.number().int().describe("Deleted (or, on a dry run, deletable) by this step"),
  kept: z.number().int(),
  cursor: z.string().nullable().describe("Pass back as ?cursor on a dry run; a real pass keeps its own"),
  done: z.boolean(),
  stopped_by: z.enum(["done", "time_budget", "object_budget", "resting", "busy", "fenced", "storage_mode"]),
  pass: passSummary.nullable().describe("The whole pass so far (real runs)"),
});
