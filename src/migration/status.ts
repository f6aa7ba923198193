import { migrationLock } from "./lock";
import type { MigrationFailure, MigrationRun, MigrationStatus } from "./schemas";

export interface MigrationCounts {
  total_legacy: number;
  migrated: number;
  pending: number;
  failed: number;
}

/** Where the migration stands; `done` only when no row is pending or failed. */
export async function migrationStatus(env: Env): Promise<MigrationStatus> {
  const counts = await legacyCounts(env);
  const [failures, lastRun, lease] = await Promise.all([
    env.DB.prepare(
      `SELECT f.attachment_id, f.error, f.attempts, f.retryable, f.last_attempt_at FROM migration_failures f
       JOIN part_attachments a ON a.id = f.attachment_id WHERE a.sha256 IS NULL ORDER BY f.attachment_id LIMIT 100`,
    ).all<Omit<MigrationFailure, "retryable"> & { retryable: number }>(),
    env.DB.prepare("SELECT * FROM migration_runs ORDER BY id DESC LIMIT 1").first<MigrationRun>(),
    migrationLock(env).status(),
  ]);
  return {
    ...counts,
    done: counts.pending === 0 && counts.failed === 0,
    failures: failures.results.map((f) => ({ ...f, retryable: f.retryable === 1 })),
    lease: lease && { owner: lease.owner, token: lease.token, expires_at: new Date(lease.expiresAt).toISOString() },
    last_run: lastRun,
  };
}

export async function legacyCounts(env: Env): Promise<MigrationCounts> {
  const row = await env.DB.prepare(
    `SELECT COUNT(*) AS total_legacy,
            COALESCE(SUM(a.sha256 IS NOT NULL), 0) AS migrated,
            COALESCE(SUM(a.sha256 IS NULL AND f.attachment_id IS NULL), 0) AS pending,
            COALESCE(SUM(a.sha256 IS NULL AND f.attachment_id IS NOT NULL), 0) AS failed
     FROM part_attachments a LEFT JOIN migration_failures f ON f.attachment_id = a.id
     WHERE a.legacy_key IS NOT NULL`,
  ).first<MigrationCounts>();
  return row ?? { total_legacy: 0, migrated: 0, pending: 0, failed: 0 };
}
