import { allows, currentMode } from "../access/mode";
import { writeMigrationPoint } from "../ops/metrics";
import { runBatch } from "./batch";
import { BATCH_BUDGET_MS, BATCH_SIZE, withLease } from "./lease";

/**
 * The cron trigger: one batch under the lease. An overlapping invocation
 * finds the lease taken and returns at once. A failed batch throws so the
 * invocation shows as failed in the dashboard and `wrangler tail`; its
 * metrics point is written first, so failures are counted too.
 * In `ro` mode it does nothing: migrating writes blobs and rows.
 */
export async function scheduledBatch(env: Env): Promise<void> {
  const mode = await currentMode(env);
  if (!allows(mode, "write")) {
    console.log({ event: "migration_batch", skipped: `storage mode is "${mode}"` });
    return;
  }
  const started = Date.now();
  const result = await withLease(env, `cron-${crypto.randomUUID()}`, (token) =>
    runBatch(env, { token, batchSize: BATCH_SIZE, budgetMs: BATCH_BUDGET_MS, dryRun: false }),
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
