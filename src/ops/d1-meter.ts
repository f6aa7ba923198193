import { primaryOf, sessionBinding } from "../db/session";

/**
 * Counts the rows D1 reads for one piece of work (`meta.rows_read`, what D1
 * bills and what makes a query slow as tables grow), so a route can report
 * it in Server-Timing: the OTA check says how many rows it read, and
 * `npm run bench:ota` checks that the figure does not grow with the fleet.
 * `first()` and `raw()` carry no meta, so through the meter they run as
 * `all()` (the same statement, the same rows) and answer as they would.
 */
export interface D1Meter {
  db: D1Database;
  rowsRead(): number;
}

type Meta = { meta?: { rows_read?: number } };

export function meteredD1(db: D1Database): D1Meter {
  let rows = 0;
  const count = <T extends Meta>(result: T): T => {
    rows += result.meta?.rows_read ?? 0;
    return result;
  };
  const statement = (stmt: D1PreparedStatement): D1PreparedStatement =>
    new Proxy(stmt, {
      get(target, prop) {
        if (prop === "bind") return (...values: unknown[]) => statement(target.bind(...values));
        if (prop === "all" || prop === "run") return async () => count(await target.all());
        if (prop === "first") {
          return async (column?: string) => {
            const row = count(await target.all<Record<string, unknown>>()).results[0];
            if (row === undefined) return null;
            return column === undefined ? row : (row[column] ?? null);
          };
        }
        if (prop === "raw") {
          return async (options?: { columnNames?: boolean }) => {
            const { results } = count(await target.all<Record<string, unknown>>());
            const rowsOut = results.map((r) => Object.values(r));
            return options?.columnNames ? [Object.keys(results[0] ?? {}), ...rowsOut] : rowsOut;
          };
        }
        const value = Reflect.get(target, prop, target);
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
  const wrap = (binding: D1Database): D1Database =>
    new Proxy(binding, {
      get(target, prop) {
        if (prop === "prepare") return (query: string) => statement(target.prepare(query));
        if (prop === "batch") {
          return async (statements: D1PreparedStatement[]) => {
            const results = await target.batch(statements);
            for (const r of results) count(r);
            return results;
          };
        }
        const value = Reflect.get(target, prop, target);
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
  // A request's session binding (src/db/session.ts) keeps its way to the primary, counted as well:
  // the OTA check reads in the session and writes on the primary, and both read rows.
  const primary = primaryOf(db);
  const metered = primary === db ? wrap(db) : sessionBinding(wrap(primary), wrap(db) as unknown as D1DatabaseSession);
  return { db: metered, rowsRead: () => rows };
}
