import { buildApp } from "./app";
import { scheduledRollouts } from "./firmware/rollouts/cron";
import { scheduledAuditRetention, scheduledCleanup, scheduledGc, scheduledStagingSweep, scheduledVisibility } from "./housekeeping/cron";
import { scheduledBatch } from "./migration/cron";
import { scheduledSweep } from "./uploads/sweep";

export { TokenThrottle } from "./access/throttle";
export { MigrationLock } from "./migration/lock";

const app = buildApp();

export default {
  fetch: app.fetch,
  async scheduled(_controller, env, ctx) {
    ctx.waitUntil(runScheduled(env));
  },
} satisfies ExportedHandler<Env>;

/**
 * Each cron tick runs the migration batch, the upload-session sweep, a cleanup
 * step, a GC step, a staging-sweep step, a visibility-pass step, the audit trail's retention and the rollouts' stages side by side; each has its own lease and errors,
 * so one failing never stops the others, and any failure still fails the invocation (visible in the dashboard).
 * Each that did something writes an audit row with sub "cron" (src/audit/cron.ts).
 */
async function runScheduled(env: Env): Promise<void> {
  const jobs = {
    migration: scheduledBatch,
    sweep: scheduledSweep,
    cleanup: scheduledCleanup,
    gc: scheduledGc,
    staging: scheduledStagingSweep,
    visibility: scheduledVisibility,
    audit: scheduledAuditRetention,
    rollouts: scheduledRollouts,
  };
  const results = await Promise.allSettled(Object.values(jobs).map((job) => job(env)));
  const failures = Object.keys(jobs).flatMap((name, i) => {
    const result = results[i]!;
    if (result.status === "fulfilled") return [];
    console.error(`${name} failed`, result.reason);
    return [`${name} (${result.reason instanceof Error ? result.reason.message : String(result.reason)})`];
  });
  if (failures.length > 0) throw new Error(`scheduled jobs failed: ${failures.join(", ")}`);
}
