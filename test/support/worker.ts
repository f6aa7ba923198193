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

/**
 * The D1 binding, wrapped so that every call reaches `calls` (method and SQL: prepare, batch, exec, withSession…)
 * and the SQL of every statement prepared or executed reaches `statements`, before D1 sees it.
 */
export function recordingDb(db: D1Database = env.DB): { db: D1Database; statements: string[]; calls: string[] } {
  const statements: string[] = [];
  const calls: string[] = [];
  const wrapped = new Proxy(db, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (typeof value !== "function") return value;
      return (...args: unknown[]) => {
        calls.push(`${String(prop)} ${typeof args[0] === "string" ? args[0] : ""}`.trim());
        if ((prop === "prepare" || prop === "exec") && typeof args[0] === "string") statements.push(args[0]);
        return value.apply(target, args);
      };
    },
  });
  return { db: wrapped, statements, calls };
}

/** The recorded calls that change R2 or D1. */
export function writesIn(r2Calls: string[], sql: string[]): string[] {
  const r2 = r2Calls.filter((call) => !/^(get|head|list)\b/.test(call));
  const d1 = sql.filter((statement) => !/^\s*(select|with|pragma)\b/i.test(statement));
  return [...r2, ...d1];
}
