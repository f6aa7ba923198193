import type { AuditDetail } from "../db/schema";
import { LegacyObjectMissing, type LegacyRow, migrateRow } from "./migrate-row";
import type { BatchResult } from "./schemas";

export interface BatchOptions {
  token: number;
  batchSize: number;
  /** Wall-clock milliseconds; the batch stops before starting a row past it. */
  budgetMs: number;
  dryRun: boolean;
}

export type { BatchResult } from "./schemas";

/** A batch's counts for its audit row (cron or admin): bounded, so no list of row ids. */
export function batchFigures(result: BatchResult): AuditDetail {
  const figures = { dry_run: result.dryRun, migrated: result.migrated.length, failed: result.failed.length, stopped_by: result.stoppedBy };
  return result.dryRun ? { ...figures, would_migrate: result.wouldMigrate.length } : figures;
}

export const MAX_ATTEMPTS = 3;

// Rows are read a page at a time but migrated and committed one by one.
const PAGE = 50;
/**
 * Each row comes with its part's private flag, which decides the space it is stored in. A LEFT JOIN keeps the
 * pending index driving the walk; a row whose part is gone (the FK cascades, so none should be) stays public as before.
 */
export const PENDING_SQL = `SELECT a.id, a.legacy_key AS legacyKey, a.content_type AS contentType, f.attachment_id IS NOT NULL AS retry,
    COALESCE(p.private, 0) AS partPrivate
  FROM part_attachments a LEFT JOIN migration_failures f ON f.attachment_id = a.id LEFT JOIN parts p ON p.key = a.part_key
  WHERE a.sha256 IS NULL AND a.legacy_key IS NOT NULL AND a.id > ?1
    AND (f.attachment_id IS NULL OR (f.retryable = 1 AND f.attempts < ${MAX_ATTEMPTS}))
  ORDER BY a.id LIMIT ?2`;

/** A PENDING_SQL row as D1 returns it: SQLite's booleans are 0 or 1. */
type PendingRow = Omit<LegacyRow, "partPrivate"> & { retry: number; partPrivate: number };

export const FORGET_FAILURE_SQL = "DELETE FROM migration_failures WHERE attachment_id = ?1";
export const ROW_HASH_SQL = "SELECT sha256 FROM part_attachments WHERE id = ?1";
export const RECORD_RUN_SQL = `INSERT INTO migration_runs (started_at, finished_at, fencing_token, migrated, failed, stopped_by, error)
  VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)`;
export const RECORD_FAILURE_SQL = `INSERT INTO migration_failures (attachment_id, error, retryable) VALUES (?1, ?2, ?3)
  ON CONFLICT (attachment_id) DO UPDATE SET error = excluded.error, retryable = excluded.retryable,
    attempts = attempts + 1, last_attempt_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`;

/**
 * One cron's worth of migration: rows one at a time, each committed before
 * the next. A missing legacy object fails that row and the batch goes on;
 * any other error stops the batch and is recorded, loudly, as is a batch
 * that finds its lease fenced off. A dry run reads and writes nothing but
 * R2 heads, and says what it would do.
 */
export async function runBatch(env: Env, options: BatchOptions): Promise<BatchResult> {
  const started = new Date();
  const result: BatchResult = { dryRun: options.dryRun, migrated: [], failed: [], wouldMigrate: [], stoppedBy: "done", error: null };
  let lastId = 0;
  let queue: PendingRow[] = [];
  for (;;) {
    if (result.migrated.length + result.failed.length + result.wouldMigrate.length >= options.batchSize) {
      result.stoppedBy = "batch_size";
      break;
    }
    if (Date.now() - started.getTime() >= options.budgetMs) {
      result.stoppedBy = "time_budget";
      break;
    }
    if (queue.length === 0) queue = (await env.DB.prepare(PENDING_SQL).bind(lastId, PAGE).all<PendingRow>()).results;
    const pending = queue.shift();
    if (!pending) break;
    const row: LegacyRow & { retry: number } = { ...pending, partPrivate: pending.partPrivate === 1 };
    lastId = row.id;
    if (options.dryRun) {
      if (await env.BUCKET.head(row.legacyKey)) result.wouldMigrate.push(row.id);
      else result.failed.push({ id: row.id, error: "legacy object missing" });
      continue;
    }
    try {
      const { updated } = await migrateRow(env, row, { token: options.token });
      if (updated) {
        if (row.retry) await env.DB.prepare(FORGET_FAILURE_SQL).bind(row.id).run();
        result.migrated.push(row.id);
        continue;
      }
      const still = await env.DB.prepare(ROW_HASH_SQL).bind(row.id).first<{ sha256: string | null }>();
      if (still && still.sha256 === null) {
        result.stoppedBy = "fenced";
        result.error = `lease token ${options.token} is no longer current; stopped before changing row ${row.id}`;
        break;
      }
      // Migrated meanwhile (on demand): nothing to do.
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      const final = err instanceof LegacyObjectMissing;
      await recordFailure(env, row.id, message, !final);
      if (final) {
        result.failed.push({ id: row.id, error: message });
        continue;
      }
      console.error("migration batch stopped", row.id, err);
      result.failed.push({ id: row.id, error: message });
      result.stoppedBy = "error";
      result.error = message;
      break;
    }
  }
  if (!options.dryRun) {
    await env.DB.prepare(RECORD_RUN_SQL)
      .bind(
        started.toISOString(),
        new Date().toISOString(),
        options.token,
        result.migrated.length,
        result.failed.length,
        result.stoppedBy,
        result.error,
      )
      .run();
  }
  return result;
}

async function recordFailure(env: Env, id: number, error: string, retryable: boolean): Promise<void> {
  await env.DB.prepare(RECORD_FAILURE_SQL)
    .bind(id, error, retryable ? 1 : 0)
    .run();
}
