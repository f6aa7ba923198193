import { z } from "zod";

/**
 * The answers of the housekeeping endpoints (routes.ts). The passes build
 * them typed by these (pass.ts, cleanup.ts, gc.ts, visibility.ts) and the
 * OpenAPI document describes them from these, so the two cannot drift apart.
 */
export const stoppedBy = z
  .enum(["done", "time_budget", "object_budget", "resting", "busy", "fenced", "storage_mode"])
  .describe("Why this step ended: done, a budget, the pass resting after a finished one, another run, a lost lease or the storage mode");

export const passSummary = z
  .object({
    started_at: z.string(),
    grace_hours: z.number(),
    scanned: z.number().int(),
    deleted: z.number().int(),
    kept: z.number().int(),
    finished_at: z.string().nullable(),
    cursor: z.string().nullable().describe("The last key decided: where the next step resumes"),
  })
  .describe("The whole pass so far (null before the first real run)");

export const passProgress = z.object({
  dry_run: z.boolean(),
  scanned: z.number().int(),
  deleted: z.number().int(),
  kept: z.number().int(),
  cursor: z.string().nullable().describe("Pass back as ?cursor= to go on (dry runs keep none)"),
  done: z.boolean(),
  stopped_by: stoppedBy,
  pass: passSummary.nullable(),
});

export const cleanupProgress = passProgress.extend({
  blocked_by: z.string().nullable().describe("Why legacy objects may not be deleted yet (rows not migrated), or null"),
  deleted_ids: z.array(z.number().int()).describe("Attachment ids whose legacy object this step deleted (or, dry, would delete)"),
  kept_unverified: z.number().int(),
  kept_unreferenced: z.number().int(),
});

export const gcProgress = passProgress.extend({
  grace_hours: z.number(),
  collected: z.array(z.string()).describe("Hashes collected (or, dry, collectable) from cas/ by this step"),
  collected_private: z.array(z.string()).describe("The same from private/cas/"),
  kept_young: z.number().int(),
  kept_in_use: z.number().int(),
  thumbnails_deleted: z.number().int(),
});

export const visibilityProgress = passProgress.extend({
  grace_hours: z.number(),
  moved: z.array(z.string()).describe("Rows moved (or, dry, that would move) by this step, as <table>:<rowid>"),
  copied: z.number().int().describe("Copies written into the space a row moved to"),
  kept_source: z.number().int().describe("Source copies left in place: still read, or claimed by an upload"),
  missing: z.number().int().describe("Rows whose bytes are in neither space"),
  thumbnails_deleted: z.number().int(),
});

/** GET: where the task's pass stands, and whether a step holds it right now (an admin call or the cron), for a console watching it. */
export const passStatus = z.object({
  pass: passSummary.nullable(),
  running: z.boolean().describe("A step holds the task's lease now"),
});
export const cleanupStatus = passStatus.extend({ blocked_by: z.string().nullable().describe("Why the cleanup deletes nothing yet, or null") });

export type PassStatus = z.infer<typeof passStatus>;
export type CleanupStatus = z.infer<typeof cleanupStatus>;
export type StoppedBy = z.infer<typeof stoppedBy>;
export type PassProgress = z.infer<typeof passProgress>;
export type CleanupProgress = z.infer<typeof cleanupProgress>;
export type GcProgress = z.infer<typeof gcProgress>;
export type VisibilityProgress = z.infer<typeof visibilityProgress>;
