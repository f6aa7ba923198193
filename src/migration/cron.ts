import { allows, currentMode } from "../access/mode";
import type { RouteAuditAction } from "../access/policy";
import { auditedCronRun } from "../audit/cron";
import { writeMigrationPoint } from "../ops/metrics";
import { batchFigures, runBatch } from "./batch";
import { BATCH_BUDGET_MS, BATCH_SIZE, withLease } from "./lease";

/**
 * The cron trigger: one batch under the lease. An overlapping invocation
 * finds the lease taken and returns at once. A failed batch throws so the
 * invocation shows as failed in the dashboard and `wrangler tail`; its
 * metrics point is written first, so failures are counted too.
 * In `ro` mode it does nothing: migrating writes blobs and rows. A batch that
 * moved or failed rows, or stopped on an error, gets an audit row.
 */
export async function scheduledBatch(env: Env): Promise<void> {
  const mode = await currentMode(env);
  if (!allows(mode, "write")) {
    console.log({ event: "migration_batch", skipped: `storage mode is "${mode}"` });
    return;
  }
  const started = Date.now();
  const result = await auditedCronRun(
    env,
    "migration.run" satisfies RouteAuditAction,
    () =>
      withLease(env, `cron-${crypto.randomUUID()}`, (token) =>
        runBatch(env, { token, batchSize: BATCH_SIZE, budgetMs: BATCH_BUDGET_MS, dryRun: false }),
      ),
    (r) => {
      if (r === null) return null;
      const stopped = r.stoppedBy === "error" || r.stoppedBy === "fenced" ? `stopped by ${r.stoppedBy}: ${r.error}` : undefined;
      if (r.migrated.length === 0 && r.failed.length === 0 && stopped === undefined) return null;
      return stopped === undefined ? { detail: batchFigures(r) } : { detail: batchFigures(r), error: stopped };
    },
  );
  if (result === null) {
    console.log({ event: "migration_batch", skipped: "lease held by another run" });
    return;
  }
  const figures = { migrated: result.migrated.length, failed: result.failed.length, ms: Date.now() - started, stoppedBy: result.stoppedBy };
  console.log({ event: "migration_batch", migrated: figures.migrated, failed: figures.failed, ms: figures.ms, stopped_by: figures.stoppedBy });
  writeMigrationPoint(env.METRICS, figures);
  if (result.stoppedBy === "error" || result.stoppedBy === "fenced") throw new Error(`migration batch stopped: ${result.error}`);
}
