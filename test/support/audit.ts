import { env } from "cloudflare:test";
import { wrapDb } from "./worker";

/** An audit row as D1 holds it (JSON columns still text). */
export interface AuditDbRow {
  id: number;
  at: string;
  sub: string;
  action: string;
  target: string | null;
  request_id: string | null;
  status: number | null;
  error: string | null;
  detail: string | null;
}

/** An audit row with its JSON columns parsed, as a test compares it. */
export interface AuditRecord extends Omit<AuditDbRow, "target" | "detail"> {
  target: Record<string, string> | null;
  detail: Record<string, unknown> | null;
}

const parsed = (row: AuditDbRow): AuditRecord => ({
  ...row,
  target: row.target === null ? null : JSON.parse(row.target),
  detail: row.detail === null ? null : JSON.parse(row.detail),
});

/** The audit rows a request wrote, found by the X-Request-Id of its answer. */
export async function rowsOfRequest(res: Response): Promise<AuditRecord[]> {
  const id = res.headers.get("X-Request-Id");
  if (!id) throw new Error("the answer has no X-Request-Id");
  const { results } = await env.DB.prepare("SELECT * FROM audit_log WHERE request_id = ?1 ORDER BY id").bind(id).all<AuditDbRow>();
  return results.map(parsed);
}

/** The one audit row a request wrote (fails the test when there is none, or more). */
export async function rowOfRequest(res: Response): Promise<AuditRecord> {
  const rows = await rowsOfRequest(res);
  if (rows.length !== 1) throw new Error(`expected one audit row for request ${res.headers.get("X-Request-Id")}, found ${rows.length}`);
  return rows[0]!;
}

/** The highest audit row id so far: rows written later have higher ones. */
export async function lastAuditId(): Promise<number> {
  return (await env.DB.prepare("SELECT coalesce(max(id), 0) AS id FROM audit_log").first<{ id: number }>())!.id;
}

/** Rows written after `afterId`, optionally by one sub, oldest first. */
export async function rowsSince(afterId: number, sub?: string): Promise<AuditRecord[]> {
  const { results } = await env.DB.prepare("SELECT * FROM audit_log WHERE id > ?1 AND (?2 IS NULL OR sub = ?2) ORDER BY id")
    .bind(afterId, sub ?? null)
    .all<AuditDbRow>();
  return results.map(parsed);
}

/** Puts rows straight into the table, at the times given (ISO 8601), for paging and retention tests. */
export async function insertRows(rows: Array<{ at: string; sub: string; action: string; target?: object; detail?: object }>): Promise<void> {
  await env.DB.batch(
    rows.map((row) =>
      env.DB.prepare("INSERT INTO audit_log (at, sub, action, target, detail) VALUES (?1, ?2, ?3, ?4, ?5)").bind(
        row.at,
        row.sub,
        row.action,
        row.target ? JSON.stringify(row.target) : null,
        row.detail ? JSON.stringify(row.detail) : null,
      ),
    ),
  );
}

const AUDIT_INSERT = /^\s*insert\s+into\s+"?audit_log"?/i;

/** The D1 binding with every insert into audit_log failing, as an unavailable or full database would; all else passes. */
export function failingAuditDb(db: D1Database = env.DB): D1Database {
  return wrapDb(db, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (typeof value !== "function") return value;
      if (prop === "prepare") {
        return (query: string) => {
          if (AUDIT_INSERT.test(query)) throw new Error("D1_ERROR: audit_log refused the write (test)");
          return value.call(target, query);
        };
      }
      return value.bind(target);
    },
  });
}

/** A proxy of `object` whose method calls go through `wrap` (given the method's name, its arguments and its result). */
function wrapCalls<T extends object>(object: T, wrap: (name: string | symbol, args: unknown[], result: unknown) => unknown): T {
  return new Proxy(object, {
    get(target, prop) {
      const value = Reflect.get(target, prop);
      return typeof value === "function" ? (...args: unknown[]) => wrap(prop, args, value.apply(target, args)) : value;
    },
  });
}

/** The D1 binding, calling `written` each time an insert into audit_log has finished (drizzle prepares, binds, then runs). */
export function watchedAuditDb(written: () => void, db: D1Database = env.DB): D1Database {
  const finished = (_: unknown, __: unknown, result: unknown) =>
    result instanceof Promise
      ? result.then((value) => {
          written();
          return value;
        })
      : result;
  // A request's queries run in a D1 session opened on the binding: its sessions are watched too.
  const watched = (binding: D1Database): D1Database =>
    wrapCalls(binding, (prop, [query], result) => {
      if (prop === "withSession") return watched(result as D1Database);
      return prop === "prepare" && AUDIT_INSERT.test(String(query))
        ? wrapCalls(result as D1PreparedStatement, (op, _, bound) => (op === "bind" ? wrapCalls(bound as D1PreparedStatement, finished) : bound))
        : result;
    });
  return watched(db);
}

/** The problem code of a problem+json answer (its type's last part), or null for any other answer. */
export async function problemCode(res: Response): Promise<string | null> {
  if (res.headers.get("Content-Type") !== "application/problem+json") return null;
  const { type } = (await res.clone().json()) as { type: string };
  return type.replace("urn:cas-edge:problem:", "").replaceAll("-", "_");
}
