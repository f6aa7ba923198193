import { eq } from "drizzle-orm";
import { database } from "../db/client";
import { serviceAccounts } from "../db/schema";
import { primaryOf } from "../db/session";

/**
 * Whether a token's account may still act. JWTs are checked locally, so a
 * disabled account's tokens would live until they expire (15 min); instead
 * the guard asks here, and the answer is cached per isolate for at most
 * STATUS_TTL_MS, keyed by client_id (a device token's `sub` is the device,
 * so the account is named by the token's `client_id` claim). So a disabled
 * account is refused everywhere within 30 seconds, at once in the isolate
 * that disabled it, and a busy client costs one D1 read per isolate per
 * 30 seconds rather than one per request. Read on the primary, not in the
 * request's D1 session: a replica behind the disable would put a stale
 * "active" in the cache for another 30 seconds.
 */
export const STATUS_TTL_MS = 30_000;
const MAX_ENTRIES = 10_000;

const cache = new Map<string, { active: boolean; until: number }>();

export async function accountActive(env: Env, clientId: string, now = Date.now()): Promise<boolean> {
  const hit = cache.get(clientId);
  if (hit && hit.until > now) return hit.active;
  const row = await database(primaryOf(env.DB)).query.serviceAccounts.findFirst({
    columns: { disabled: true },
    where: eq(serviceAccounts.clientId, clientId),
  });
  // A deleted account counts as disabled.
  const active = row !== undefined && !row.disabled;
  if (cache.size >= MAX_ENTRIES) cache.clear();
  cache.set(clientId, { active, until: now + STATUS_TTL_MS });
  return active;
}

/** Drops this isolate's cached answer, so the isolate that changed an account sees it at once. */
export function forgetAccountStatus(clientId: string): void {
  cache.delete(clientId);
}
