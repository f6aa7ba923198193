export interface CheckResult {
  ok: boolean;
  ms: number;
  /** "timeout" or "unavailable": the cause goes to the log, never to the caller. */
  error?: string;
}

export type Readiness = { ok: boolean; checks: Record<"d1" | "r2" | "durable_object", CheckResult> };

/** A dependency slower than this is as good as down for a load balancer. */
export const CHECK_TIMEOUT_MS = 2000;

// Any key will do: a HEAD of a missing object still proves R2 answers.
const PROBE_KEY = "health/ready";

/**
 * An RPC to the Durable Object requests depend on. Handed in by the app:
 * the object belongs to a capability (migration/lock.ts) above ops/.
 */
export type PingDurableObject = (env: Env) => Promise<unknown>;

/**
 * Each dependency a request may need, probed at once and timed on its own:
 * a D1 query, an R2 HEAD, and an RPC to the Durable Object.
 */
export async function checkReadiness(env: Env, requestId: string, pingDurableObject: PingDurableObject): Promise<Readiness> {
  const [d1, r2, durableObject] = await Promise.all([
    timed("d1", requestId, () => env.DB.prepare("SELECT 1").first()),
    timed("r2", requestId, () => env.BUCKET.head(PROBE_KEY)),
    timed("durable_object", requestId, () => pingDurableObject(env)),
  ]);
  return { ok: d1.ok && r2.ok && durableObject.ok, checks: { d1, r2, durable_object: durableObject } };
}

async function timed(name: string, requestId: string, probe: () => Promise<unknown>): Promise<CheckResult> {
  const started = Date.now();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<"timeout">((resolve) => {
    timer = setTimeout(() => resolve("timeout"), CHECK_TIMEOUT_MS);
  });
  try {
    const outcome = await Promise.race([probe().then(() => "ok" as const), timeout]);
    if (outcome === "timeout") return { ok: false, ms: Date.now() - started, error: "timeout" };
    return { ok: true, ms: Date.now() - started };
  } catch (err) {
    console.error({ event: "readiness_check_failed", request_id: requestId, check: name, message: err instanceof Error ? err.message : String(err) });
    return { ok: false, ms: Date.now() - started, error: "unavailable" };
  } finally {
    if (timer !== undefined) clearTimeout(timer);
  }
}
