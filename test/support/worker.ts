import { createExecutionContext, env, waitOnExecutionContext } from "cloudflare:test";
import worker from "../../src/index";

/**
 * Calls the real worker entry with the real bindings, some of them wrapped
 * (to count calls or inject faults), and waits for its waitUntil work.
 */
export async function fetchWith(request: Request, overrides: Partial<Env> = {}): Promise<Response> {
  const ctx = createExecutionContext();
  const response = await worker.fetch(request, { ...env, ...overrides }, ctx);
  // Drain the body before waiting so a cache put that tees it can finish.
  const body = await response.arrayBuffer();
  await waitOnExecutionContext(ctx);
  return new Response(response.status === 304 || response.status === 204 ? null : body, response);
}

/** The R2 binding, wrapped so that every method call is recorded before it reaches R2. */
export function recordingBucket(bucket: R2Bucket = env.BUCKET): { bucket: R2Bucket; calls: string[] } {
  const calls: string[] = [];
  const wrapped = new Proxy(bucket, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (typeof value !== "function") return value;
      return (...args: unknown[]) => {
        const options = prop === "get" && args[1] ? ` ${JSON.stringify(args[1])}` : "";
        calls.push(`${String(prop)} ${typeof args[0] === "string" ? args[0] : ""}`.trim() + options);
        return value.apply(target, args);
      };
    },
  });
  return { bucket: wrapped, calls };
}

/** The D1 binding, wrapped so that every statement prepared (and every batch, exec or session) is recorded before it reaches D1. */
export function recordingDatabase(db: D1Database = env.DB): { db: D1Database; calls: string[] } {
  const calls: string[] = [];
  const wrapped = new Proxy(db, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (typeof value !== "function") return value;
      return (...args: unknown[]) => {
        calls.push(`${String(prop)} ${typeof args[0] === "string" ? args[0] : ""}`.trim());
        return value.apply(target, args);
      };
    },
  });
  return { db: wrapped, calls };
}
