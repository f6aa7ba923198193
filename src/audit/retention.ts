/**
 * Retention of the audit trail: rows older than AUDIT_RETENTION_DAYS go,
 * oldest first, a bounded number per housekeeping cron tick, so a backlog
 * (a lowered setting, a first run on a long trail) spreads over several
 * ticks instead of one long statement.
 */

export interface RetentionBudget {
  /** Rows per DELETE statement. */
  batch: number;
  /** Statements per run; a run deletes at most batch × batches rows. */
  batches: number;
}

export const RETENTION_BUDGET: RetentionBudget = { batch: 1000, batches: 5 };

/** The oldest rows written before ?1, at most ?2 of them (D1's SQLite has no DELETE … LIMIT); audit_log_by_at finds them. */
export const PRUNE_AUDIT_SQL = `DELETE FROM audit_log WHERE id IN (
  SELECT id FROM audit_log WHERE at < ?1 ORDER BY at, id LIMIT ?2)`;

const DAY_MS = 24 * 3_600_000;

/** The `at` before which rows go: `days` before `now`, in the column's format. */
export function retentionCutoff(days: number, now: number): string {
  return new Date(now - days * DAY_MS).toISOString();
}

/** Deletes rows older than `before`, within the budget; answers how many went. */
export async function pruneAudit(db: D1Database, before: string, budget: RetentionBudget = RETENTION_BUDGET): Promise<number> {
  let deleted = 0;
  for (let i = 0; i < budget.batches; i++) {
    const result = await db.prepare(PRUNE_AUDIT_SQL).bind(before, budget.batch).run();
    deleted += result.meta.changes;
    if (result.meta.changes < budget.batch) break;
  }
  return deleted;
}
