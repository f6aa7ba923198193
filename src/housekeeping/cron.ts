import { allows, currentMode } from "../access/mode";
import type { RouteAuditAction } from "../access/policy";
import { auditedCronRun, type CronOutcome } from "../audit/cron";
import { pruneAudit, retentionCutoff } from "../audit/retention";
import { config } from "../config";
import type { AuditDetail } from "../db/schema";
import { cleanupBlockedBy, cleanupLegacy } from "./cleanup";
import { collectGarbage } from "./gc";
import { PASS_BUDGET_MS, type PassOptions, type PassProgress, passFigures } from "./pass";
import { STAGING_GRACE_HOURS, sweepStaging } from "./staging";
import { moveVisibility, visibilityFigures } from "./visibility";

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

/** A step that walked anything gets an audit row with its counts; a resting, busy or stopped one did nothing worth one. */
function walked(progress: PassProgress, extra: AuditDetail = {}): CronOutcome {
  return progress.scanned > 0 ? { detail: { ...passFigures(progress), ...extra } } : null;
}

/** One budgeted GC step per cron tick, in edit mode only. */
export async function scheduledGc(env: Env): Promise<void> {
  if (!allows(await currentMode(env), "delete")) return;
  const r = await auditedCronRun(
    env,
    "gc.run" satisfies RouteAuditAction,
    () => collectGarbage(env, cronOptions(GC_GRACE_HOURS)),
    (r) => walked(r, { thumbnails_deleted: r.thumbnails_deleted }),
  );
  console.log(`gc: scanned ${r.scanned}, deleted ${r.deleted} (+${r.thumbnails_deleted} thumbnails), kept ${r.kept}, stopped by ${r.stopped_by}`);
}

/**
 * One budgeted step of the visibility pass per cron tick, in edit mode only
 * (it deletes source copies). Its grace period is GC's: a hash claimed by an
 * upload that recently keeps its source copy, which GC collects later.
 */
export async function scheduledVisibility(env: Env): Promise<void> {
  if (!allows(await currentMode(env), "delete")) return;
  const r = await auditedCronRun(
    env,
    "visibility.run" satisfies RouteAuditAction,
    () => moveVisibility(env, cronOptions(GC_GRACE_HOURS)),
    (r) => (r.scanned > 0 ? { detail: visibilityFigures(r) } : null),
  );
  if (r.moved.length > 0 || r.missing > 0) {
    console.log(
      `visibility: scanned ${r.scanned} rows, moved ${r.moved.length} (${r.copied} copied), deleted ${r.deleted} source copies, ${r.missing} missing, stopped by ${r.stopped_by}`,
    );
  }
}

/** One budgeted step of the staging sweep per cron tick, in edit mode only. */
export async function scheduledStagingSweep(env: Env): Promise<void> {
  if (!allows(await currentMode(env), "delete")) return;
  const r = await auditedCronRun(env, "staging.sweep", () => sweepStaging(env, cronOptions(STAGING_GRACE_HOURS)), walked);
  if (r.deleted > 0) console.log(`staging: scanned ${r.scanned}, deleted ${r.deleted} left by failed requests, stopped by ${r.stopped_by}`);
}

/** One budgeted cleanup step per cron tick, once the operator enabled it and the migration is complete. */
export async function scheduledCleanup(env: Env): Promise<void> {
  if (!allows(await currentMode(env), "delete")) return;
  const blockedBy = await cleanupBlockedBy(env);
  if (blockedBy !== null) return;
  const r = await auditedCronRun(env, "migration.cleanup" satisfies RouteAuditAction, () => cleanupLegacy(env, cronOptions(0), null), walked);
  console.log(`cleanup: scanned ${r.scanned}, deleted ${r.deleted}, kept ${r.kept}, stopped by ${r.stopped_by}`);
}

/**
 * The audit trail's retention: rows older than AUDIT_RETENTION_DAYS go, within
 * the budget of one tick (audit/retention.ts). In every storage mode: the
 * trail is the operators' record, not the store's content the mode protects.
 */
export async function scheduledAuditRetention(env: Env, now = Date.now()): Promise<void> {
  const before = retentionCutoff(config(env).auditRetentionDays, now);
  const deleted = await auditedCronRun(
    env,
    "audit.retention",
    () => pruneAudit(env.DB, before),
    (n) => (n > 0 ? { detail: { deleted: n, before } } : null),
  );
  if (deleted > 0) console.log(`audit: deleted ${deleted} rows written before ${before}`);
}
