/**
 * Shared by the benchmarks: starts workers with `wrangler dev` on loopback
 * (each with its own throwaway state), drives them with autocannon, and
 * prints figures as ratios to a baseline measured in the same run.
 */
import autocannon from "autocannon";

export { type LocalWorker, startWorker } from "../lib/local-worker.ts";

export interface LoadOptions {
  connections: number;
  seconds: number;
  headers?: Record<string, string>;
  /** GET unless given; a body is sent with every request. */
  method?: string;
  body?: Uint8Array;
  /** Rewrites each request's path, e.g. to make every request a cache miss. */
  pathFor?: (n: number) => string;
  expectStatus: number;
}

/** Requests per second of `url` under a fixed concurrency; fails if any answer has another status. */
export async function requestsPerSecond(url: string, options: LoadOptions): Promise<number> {
  let n = 0;
  const base = new URL(url);
  const request: Record<string, unknown> = { method: options.method ?? "GET", path: base.pathname + base.search, headers: options.headers ?? {} };
  if (options.body) request.body = Buffer.from(options.body);
  const pathFor = options.pathFor;
  if (pathFor) request.setupRequest = (req: Record<string, unknown>) => ({ ...req, path: pathFor(n++) });
  const result = await autocannon({
    url: base.origin,
    connections: options.connections,
    duration: options.seconds,
    requests: [request],
  });
  const others = Object.keys(result.statusCodeStats).filter((code) => code !== String(options.expectStatus));
  if (result.errors > 0 || result.timeouts > 0 || others.length > 0) {
    throw new Error(`${url}: ${result.errors} errors, ${result.timeouts} timeouts, statuses ${JSON.stringify(result.statusCodeStats)}`);
  }
  return result.requests.average;
}

export function ratio(value: number, baseline: number): string {
  return `${(value / baseline).toFixed(2)}×`;
}

export function printTable(rows: Array<[string, ...string[]]>): void {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? "").length)));
  for (const row of rows) console.log(row.map((cell, i) => cell.padEnd(widths[i]!)).join("  "));
}
