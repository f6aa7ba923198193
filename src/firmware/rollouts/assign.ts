/**
 * Which stage of a rollout a device belongs to. A device's bucket is a hash
 * of (rollout id, device key), so it is the same at every check (a device
 * never moves between stages), different from one rollout to the next (the
 * same devices are not always the canaries), and needs no row per device:
 * an OTA check computes it instead of reading the fleet.
 */
export const BUCKETS = 10_000;

/**
 * The device's bucket in [0, BUCKETS): the first 32 bits of SHA-256 modulo
 * BUCKETS. 2^32 is not a multiple of 10 000, so the lowest 7296 buckets are
 * likelier by one part in 429 497: nothing a stage's share could show.
 */
export async function bucketOf(rolloutId: number, deviceKey: string): Promise<number> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(`${rolloutId}\n${deviceKey}`));
  return new DataView(digest).getUint32(0) % BUCKETS;
}

/**
 * The first stage whose cumulative share (in basis points; null for a list
 * of named devices) covers the bucket, or null when none does (a rollout
 * whose last stage stops short of 100 %).
 */
export function stageForBucket(plan: readonly (number | null)[], bucket: number): number | null {
  for (const [i, bp] of plan.entries()) if (bp !== null && bucket < bp) return i;
  return null;
}
