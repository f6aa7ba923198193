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
 * `db` behind `handler`, and every session opened on it (withSession) behind the same handler: a
 * request runs its queries in a D1 session (src/http/d1-session.ts), which a wrapper of the binding
 * alone would never see.
 */
export function wrapDb(db: D1Database, handler: ProxyHandler<D1Database>): D1Database {
  return new Proxy(db, {
    ...handler,
    get(target, prop, receiver) {
      const value = handler.get ? handler.get(target, prop, receiver) : Reflect.get(target, prop, receiver);
      if (prop !== "withSession" || typeof value !== "function") return value;
      return (...args: unknown[]) => new Proxy(value.apply(target, args) as D1Database, handler);
    },
  });
}

/**
 * The D1 binding, wrapped so that every call that reaches D1 lands in `calls` (method and SQL: prepare,
 * batch, exec…) and the SQL of every statement prepared or executed in `statements`, before D1 sees it,
 * whether on the binding or in a session opened on it. Opening a session is no work for D1 (every request
 * opens one, src/http/d1-session.ts): its constraint or bookmark goes to `sessions` instead.
 */
export function recordingDb(db: D1Database = env.DB): { db: D1Database; statements: string[]; calls: string[]; sessions: string[] } {
  const statements: string[] = [];
  const calls: string[] = [];
  const sessions: string[] = [];
  const wrapped = wrapDb(db, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (typeof value !== "function") return value;
      return (...args: unknown[]) => {
        if (prop === "withSession") sessions.push(String(args[0]));
        // Reading a session's bookmark is local too: the middleware does it for every answer.
        else if (prop !== "getBookmark") calls.push(`${String(prop)} ${typeof args[0] === "string" ? args[0] : ""}`.trim());
        if ((prop === "prepare" || prop === "exec") && typeof args[0] === "string") statements.push(args[0]);
        return value.apply(target, args);
      };
    },
  });
  return { db: wrapped, statements, calls, sessions };
}

/** The recorded calls that change R2 or D1. */
export function writesIn(r2Calls: string[], sql: string[]): string[] {
  const r2 = r2Calls.filter((call) => !/^(get|head|list)\b/.test(call));
  const d1 = sql.filter((statement) => !/^\s*(select|with|pragma)\b/i.test(statement));
  return [...r2, ...d1];
}
