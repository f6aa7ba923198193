/**
 * Shared by the benchmarks: starts workers with `wrangler dev` on loopback
 * (each with its own throwaway state), drives them with autocannon, and
 * prints figures as ratios to a baseline measured in the same run.
 */
import autocannon from "autocannon";

export { type LocalWorker, startWorker } from "../lib/local-worker.ts";

/**
 * `--smoke`, which every benchmark takes: one tiny run (smallest sizes, a second of load) through
 * the same code and the same status checks, so `npm test` fails when a benchmark no longer runs
 * (test/scripts/bench.smoke.test.ts). Its figures mean nothing.
 */
export const smokeOption = { smoke: { type: "boolean", default: false } } as const;

export interface LoadOptions {
  connections: number;
  seconds: number;
  headers?: Record<string, string>;
  /** GET unless given; a body is sent with every request. */
  method?: string;
  body?: Uint8Array;
  /** Rewrites each request's path, e.g. to make every request a cache miss. */
  pathFor?: (n: number) => string;
  /** Each request's own headers on top of `headers`, e.g. one token per simulated device. */
  headersFor?: (n: number) => Record<string, string>;
  expectStatus: number;
}

export interface LoadResult {
  /** Mean requests per second. */
  rps: number;
  /** Answers received, for figures per request. */
  requests: number;
}

/** Requests per second of `url` under a fixed concurrency; fails if any answer has another status. */
export async function requestsPerSecond(url: string, options: LoadOptions): Promise<number> {
  return (await runLoad(url, options)).rps;
}

/** Drives `url` under a fixed concurrency for a while; fails if any answer has another status. */
export async function runLoad(url: string, options: LoadOptions): Promise<LoadResult> {
  let n = 0;
  const base = new URL(url);
  const request: Record<string, unknown> = { method: options.method ?? "GET", path: base.pathname + base.search, headers: options.headers ?? {} };
  if (options.body) request.body = Buffer.from(options.body);
  const { pathFor, headersFor } = options;
  if (pathFor || headersFor) {
    request.setupRequest = (req: Record<string, unknown>) => {
      const i = n++;
      return {
        ...req,
        ...(pathFor ? { path: pathFor(i) } : {}),
        ...(headersFor ? { headers: { ...(req.headers as Record<string, string>), ...headersFor(i) } } : {}),
      };
    };
  }
  const result = await autocannon({
    url: base.origin,
    connections: options.connections,
    duration: options.seconds,
    requests: [request],
  });
  const others = Object.keys(result.statusCodeStats).filter((code) => code !== String(options.expectStatus));
  const requests = Object.values(result.statusCodeStats).reduce((sum, { count }) => sum + count, 0);
  if (result.errors > 0 || result.timeouts > 0 || others.length > 0 || requests === 0) {
    throw new Error(`${url}: ${result.errors} errors, ${result.timeouts} timeouts, statuses ${JSON.stringify(result.statusCodeStats)}`);
  }
  return { rps: result.requests.average, requests };
}

export function ratio(value: number, baseline: number): string {
  return `${(value / baseline).toFixed(2)}×`;
}

export function printTable(rows: Array<[string, ...string[]]>): void {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? "").length)));
  for (const row of rows) console.log(row.map((cell, i) => cell.padEnd(widths[i]!)).join("  "));
}
