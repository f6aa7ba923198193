import { allows, currentMode } from "../access/mode";
import { cleanupBlockedBy, cleanupLegacy } from "./cleanup";
import { collectGarbage } from "./gc";
import { PASS_BUDGET_MS, type PassOptions } from "./pass";
import { STAGING_GRACE_HOURS, sweepStaging } from "./staging";

/** GC keeps blobs unreferenced for less than this, so an upload whose row is being written is never collected. */
export const GC_GRACE_HOURS = 24;
/** After a pass reaches the end of its prefix, the cron starts the next one this much later. */
export const REST_MS = 60 * 60_000;

const cronOptions = (graceHours: number): PassOptions => ({
  dryRun: false,
  budgetMs: PASS_BUDGET_MS,
  maxObjects: Number.MAX_SAFE_INTEGER,
  restMs: REST_MS,
  graceHours,
  now: Date.now(),
});

/** One budgeted GC step per cron tick, in edit mode only. */
export async function scheduledGc(env: Env): Promise<void> {
  if (!allows(await currentMode(env), "delete")) return;
  const r = await collectGarbage(env, cronOptions(GC_GRACE_HOURS));
  console.log(`gc: scanned ${r.scanned}, deleted ${r.deleted} (+${r.thumbnails_deleted} thumbnails), kept ${r.kept}, stopped by ${r.stopped_by}`);
}

/** One budgeted step of the staging sweep per cron tick, in edit mode only. */
export async function scheduledStagingSweep(env: Env): Promise<void> {
  if (!allows(await currentMode(env), "delete")) return;
  const r = await sweepStaging(env, cronOptions(STAGING_GRACE_HOURS));
  if (r.deleted > 0) console.log(`staging: scanned ${r.scanned}, deleted ${r.deleted} left by failed requests, stopped by ${r.stopped_by}`);
}

/** One budgeted cleanup step per cron tick, once the operator enabled it and the migration is complete. */
export async function scheduledCleanup(env: Env): Promise<void> {
  if (!allows(await currentMode(env), "delete")) return;
  const blockedBy = await cleanupBlockedBy(env);
  if (blockedBy !== null) return;
  const r = await cleanupLegacy(env, cronOptions(0), null);
  console.log(`cleanup: scanned ${r.scanned}, deleted ${r.deleted}, kept ${r.kept}, stopped by ${r.stopped_by}`);
}
