import type { AuditDetail } from "../db/schema";
import { writeAudit } from "./record";

/** The `sub` of every row a cron run writes. */
export const CRON_SUB = "cron";

/** What a cron run leaves in the trail: its figures, and why it failed if it did; null when it did nothing. */
export type CronOutcome = { detail: AuditDetail; error?: string } | null;

/**
 * Runs one cron job and records it under sub "cron". A run that did something
 * writes a row with its figures; one that did nothing (a resting pass, a lease
 * held by another run, nothing pending) writes none, or the trail would take
 * several rows a minute to say so. A run that throws writes a row with the
 * error, then throws on (the invocation still fails in the dashboard).
 */
export async function auditedCronRun<T>(env: Env, action: string, run: () => Promise<T>, outcome: (result: T) => CronOutcome): Promise<T> {
  let result: T;
  try {
    result = await run();
  } catch (err) {
    await writeAudit(env.DB, { sub: CRON_SUB, action, error: err instanceof Error ? err.message : String(err) });
    throw err;
  }
  const recorded = outcome(result);
  if (recorded) await writeAudit(env.DB, { sub: CRON_SUB, action, detail: recorded.detail, error: recorded.error ?? null });
  return result;
}
