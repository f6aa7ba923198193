import { auditedCronRun } from "../audit/cron";
import { discardParts } from "./lifecycle";
import { deleteSession, expiredSessions } from "./store";

/** Sessions swept per cron invocation; expired sessions are few, and the rest wait a minute. */
export const SWEEP_BATCH = 100;

export interface SweepResult {
  /** Expired sessions whose R2 upload was aborted and whose row was deleted. */
  removed: number;
  /** Sessions whose R2 abort failed; their rows stay for the next sweep (and R2's lifecycle rule). */
  failed: number;
}

/**
 * The cron's upload housekeeping: an expired session's multipart upload is
 * aborted (discarding its parts in R2), then its row is deleted. Finished
 * sessions (completed or failed) have nothing left in R2; only the row goes.
 */
export async function sweepExpiredUploads(env: Env, now = Date.now(), limit = SWEEP_BATCH): Promise<SweepResult> {
  const result: SweepResult = { removed: 0, failed: 0 };
  for (const session of await expiredSessions(env.DB, now, limit)) {
    try {
      if (session.status === "open") await discardParts(env.BUCKET, session);
      await deleteSession(env.DB, session.id);
      result.removed++;
    } catch (err) {
      console.error(`uploads: could not sweep session ${session.id}`, err);
      result.failed++;
    }
  }
  return result;
}

/** The cron entry: audits and logs what it did, and throws when something failed, so the invocation shows as failed. */
export async function scheduledSweep(env: Env): Promise<void> {
  const { removed, failed } = await auditedCronRun(
    env,
    "uploads.sweep",
    () => sweepExpiredUploads(env),
    (r) => {
      if (r.removed === 0 && r.failed === 0) return null;
      const detail = { removed: r.removed, failed: r.failed };
      return r.failed > 0 ? { detail, error: `${r.failed} sessions could not be aborted` } : { detail };
    },
  );
  if (removed > 0 || failed > 0) console.log(`uploads: swept ${removed} expired sessions, ${failed} failed`);
  if (failed > 0) throw new Error(`uploads sweep: ${failed} sessions could not be aborted`);
}
