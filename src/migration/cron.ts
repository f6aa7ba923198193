import { allows, currentMode } from "../access/mode";
import { runBatch } from "./batch";
import { BATCH_BUDGET_MS, BATCH_SIZE, withLease } from "./lease";

/**
 * The cron trigger: one batch under the lease. An overlapping invocation
 * finds the lease taken and returns at once. A failed batch throws so the
 * invocation shows as failed in the dashboard and `wrangler tail`.
 * In `ro` mode it does nothing: migrating writes blobs and rows.
 */
export async function scheduledBatch(env: Env): Promise<void> {
  const mode = await currentMode(env);
  if (!allows(mode, "write")) {
    console.log(`migration: storage mode is "${mode}"; skipping`);
    return;
  }
  const result = await withLease(env, `cron-${crypto.randomUUID()}`, (token) =>
    runBatch(env, { token, batchSize: BATCH_SIZE, budgetMs: BATCH_BUDGET_MS, dryRun: false }),
  );
  if (result === null) {
    console.log("migration: lease held by another run; skipping");
    return;
  }
  console.log(`migration: migrated ${result.migrated.length}, failed ${result.failed.length}, stopped by ${result.stoppedBy}`);
  if (result.stoppedBy === "error" || result.stoppedBy === "fenced") throw new Error(`migration batch stopped: ${result.error}`);
}
