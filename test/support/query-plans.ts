import { env } from "cloudflare:test";

export interface RecordedQuery {
  sql: string;
  params: unknown[];
}

/**
 * The D1 binding, wrapped so that every statement prepared through it is
 * recorded with the values bound to it (drizzle prepares, then binds), for
 * reading its plan afterwards with the same parameters.
 */
export function recordingQueries(db: D1Database = env.DB): { db: D1Database; queries: RecordedQuery[] } {
  const queries: RecordedQuery[] = [];
  const wrapStatement = (statement: D1PreparedStatement, query: RecordedQuery): D1PreparedStatement =>
    new Proxy(statement, {
      get(target, prop, receiver) {
        const value = Reflect.get(target, prop, receiver);
        if (prop !== "bind") return typeof value === "function" ? value.bind(target) : value;
        return (...params: unknown[]) => {
          query.params = params;
          return wrapStatement(target.bind(...params), query);
        };
      },
    });
  // A D1 session (withSession) prepares statements too: it is wrapped the same way.
  const wrapDatabase = <T extends object>(database: T): T =>
    new Proxy(database, {
      get(target, prop, receiver) {
        const value = Reflect.get(target, prop, receiver);
        if (typeof value !== "function") return value;
        if (prop === "withSession") return (...args: unknown[]) => wrapDatabase(value.apply(target, args));
        if (prop !== "prepare") return value.bind(target);
        return (sql: string) => {
          const query: RecordedQuery = { sql, params: [] };
          queries.push(query);
          return wrapStatement(value.call(target, sql), query);
        };
      },
    });
  const wrapped = wrapDatabase(db);
  return { db: wrapped, queries };
}

/** SQLite's EXPLAIN QUERY PLAN of a recorded statement, one line per step ("SEARCH parts USING …"). */
export async function queryPlan(query: RecordedQuery, db: D1Database = env.DB): Promise<string[]> {
  const { results } = await db
    .prepare(`EXPLAIN QUERY PLAN ${query.sql}`)
    .bind(...query.params)
    .all<{ detail: string }>();
  return results.map((row) => row.detail);
}

/**
 * The steps of a plan that read a whole table of `tables` or sort all the rows found: a SCAN
 * (of the table or of all of an index: "SCAN t USING INDEX i" reads every entry too) or a
 * temporary B-tree for ORDER BY. A listing with neither reads its page and stops.
 */
export function fullReads(plan: string[], tables: string[]): string[] {
  return plan.filter((step) => tables.some((t) => new RegExp(`^SCAN ${t}\\b`).test(step)) || /TEMP B-TREE/.test(step));
}
