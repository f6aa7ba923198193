import { AppError } from "../errors";
import { migrationLock } from "./lock";

/** Long enough for a batch's time budget plus its slowest single row; short enough to recover within minutes. */
export const LEASE_MS = 90_000;
export const BATCH_BUDGET_MS = 25_000;
export const BATCH_SIZE = 200;

/** Runs `work` holding the migration lease, or returns null at once when someone else holds it. */
export async function withLease<T>(env: Env, owner: string, work: (token: number) => Promise<T>): Promise<T | null> {
  const lock = migrationLock(env);
  const lease = await lock.acquire(owner, LEASE_MS);
  if (lease === null) return null;
  try {
    return await work(lease.token);
  } finally {
    await lock.release(owner, lease.token);
  }
}

/** For operator calls: a held lease is a 409, not a silent no-op. */
export async function withLeaseOrConflict<T>(env: Env, owner: string, work: (token: number) => Promise<T>): Promise<T> {
  const result = await withLease(env, owner, async (token) => ({ value: await work(token) }));
  if (result === null) throw new AppError("conflict", "The migration lease is held by another run; try again when it ends.");
  return result.value;
}
