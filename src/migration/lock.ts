import { DurableObject } from "cloudflare:workers";

export interface Lease {
  owner: string;
  token: number;
  expiresAt: number;
}

/**
 * One lease for the legacy migration, held by at most one owner at a time.
 * Each grant carries a fencing token one higher than the last, written to
 * D1's migration_fence before the grant returns; every row update checks
 * it. When a lease expires the alarm raises the fence, so a holder that
 * overran its lease (a stalled cron run) can no longer change a row.
 */
export class MigrationLock extends DurableObject<Env> {
  async acquire(owner: string, ttlMs: number): Promise<Lease | null> {
    const now = Date.now();
    const current = await this.ctx.storage.get<Lease>("lease");
    if (current && current.expiresAt > now && current.owner !== owner) return null;
    const token = ((await this.ctx.storage.get<number>("token")) ?? 0) + 1;
    const lease = { owner, token, expiresAt: now + ttlMs };
    await this.raiseFence(token);
    await this.ctx.storage.put({ lease, token });
    await this.ctx.storage.setAlarm(lease.expiresAt);
    return lease;
  }

  async release(owner: string, token: number): Promise<boolean> {
    const current = await this.ctx.storage.get<Lease>("lease");
    if (!current || current.owner !== owner || current.token !== token) return false;
    await this.ctx.storage.delete("lease");
    await this.ctx.storage.deleteAlarm();
    return true;
  }

  /** Readiness probe: proves the object can be reached and answer, without touching its storage. */
  ping(): string {
    return "pong";
  }

  async status(): Promise<Lease | null> {
    const lease = await this.ctx.storage.get<Lease>("lease");
    return lease && lease.expiresAt > Date.now() ? lease : null;
  }

  override async alarm(): Promise<void> {
    const lease = await this.ctx.storage.get<Lease>("lease");
    if (!lease) return;
    if (lease.expiresAt > Date.now()) {
      await this.ctx.storage.setAlarm(lease.expiresAt);
      return;
    }
    // Expired: no new holder yet, but the old one must stop writing now.
    const token = lease.token + 1;
    await this.raiseFence(token);
    await this.ctx.storage.put("token", token);
    await this.ctx.storage.delete("lease");
  }

  private async raiseFence(token: number): Promise<void> {
    await this.env.DB.prepare(
      "INSERT INTO migration_fence (id, token) VALUES (1, ?1) ON CONFLICT (id) DO UPDATE SET token = excluded.token WHERE excluded.token > token",
    )
      .bind(token)
      .run();
  }
}

/** The single lock instance every caller talks to. */
export function migrationLock(env: Env): DurableObjectStub<MigrationLock> {
  const namespace = env.MIGRATION_LOCK as DurableObjectNamespace<MigrationLock>;
  return namespace.get(namespace.idFromName("legacy-to-cas"));
}

/** The readiness probe of the lock (handed to ops/health.ts by the app): one RPC, no storage touched. */
export async function pingMigrationLock(env: Env): Promise<void> {
  await migrationLock(env).ping();
}
