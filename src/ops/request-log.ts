import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import { matchedRoutes } from "hono/route";
import { type LogSettings, logSettings } from "../config";
import type { AppEnv } from "../env";
import { toAppError } from "../errors";
import { type RequestRecord, writeRequestPoint } from "./metrics";
import { readServerTiming } from "./server-timing";

// Cloudflare sets cf-ray on every request; anything else a client sends there must not reach the logs verbatim.
const RAY = /^[A-Za-z0-9-]{1,64}$/;

/**
 * Mounted first: gives the request its id, and once the response is built
 * (errors included: Hono's onError has already turned them into problems)
 * adds X-Request-Id, writes the metrics point and, when the request is one
 * worth a line (`logLine`), the log line. Nothing here awaits before the
 * handler runs, so the CAS hot path pays for two header reads and one
 * synchronous write after its response exists.
 */
export const requestLog = createMiddleware<AppEnv>(async (c, next) => {
  const started = Date.now();
  const ray = c.req.header("cf-ray");
  const requestId = ray !== undefined && RAY.test(ray) ? ray : crypto.randomUUID();
  c.set("requestId", requestId);
  await next();
  setRequestId(c, requestId);
  const record = requestRecord(c, requestId, Date.now() - started);
  writeRequestPoint(c.env.METRICS, record);
  const line = logLine(record, c.var.route?.policy?.scope === "admin", logSettings(c.env), Math.random());
  if (line) console.log(line);
});

/** A request log line: the record, and the share of its kind that is logged (to weigh counts by). */
export type LogLine = RequestRecord & { sample_rate: number; config_error?: string };

/**
 * Which requests get a line. The Analytics Engine point above counts every
 * request (rates, hit ratio, percentiles come from there), so the log keeps
 * what someone reads one by one: every error, every write, every admin
 * call, every thumbnail made and every slow request; of the rest, successful
 * reads, the CDN's bulk (cache hits, 304s), only a sample. `draw` is a
 * uniform number in [0, 1).
 */
export function logLine(record: RequestRecord, admin: boolean, settings: LogSettings, draw: number): LogLine | null {
  const always =
    record.status >= 400 ||
    !SAFE_METHODS.has(record.method) ||
    admin ||
    record.thumbnail_ms !== null ||
    record.duration_ms >= settings.slowMs ||
    settings.problem !== undefined;
  if (always) return settings.problem === undefined ? { ...record, sample_rate: 1 } : { ...record, sample_rate: 1, config_error: settings.problem };
  return draw < settings.sampleRate ? { ...record, sample_rate: settings.sampleRate } : null;
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

function setRequestId(c: Context<AppEnv>, requestId: string): void {
  try {
    c.res.headers.set("X-Request-Id", requestId);
  } catch {
    // A response with immutable headers (one straight from fetch or the cache API) is copied once.
    c.res = new Response(c.res.body, c.res);
    c.res.headers.set("X-Request-Id", requestId);
  }
}

function requestRecord(c: Context<AppEnv>, requestId: string, durationMs: number): RequestRecord {
  const length = c.res.headers.get("Content-Length");
  const timing = readServerTiming(c.res.headers.get("Server-Timing"));
  return {
    event: "request",
    request_id: requestId,
    method: c.req.method,
    route: routePattern(c),
    status: c.res.status,
    duration_ms: durationMs,
    bytes: length === null ? null : Number(length),
    cache: timing.cache,
    thumbnail_ms: timing.thumbnailMs,
    sub: c.get("principal")?.sub ?? null,
    error: c.error ? toAppError(c.error).code : null,
  };
}

/**
 * The pattern of the route that answered. `c.req.routePath` is not enough
 * here: after `next()` it names the last handler that ran, which is the
 * access guard's `/*` when the guard refuses a request. The first matched
 * route that is not a `/*` middleware is the one the request was for.
 */
export function routePattern(c: Context<AppEnv>): string {
  for (const route of matchedRoutes(c)) if (route.path !== "/*") return route.path;
  return "unmatched";
}

/** Errors at error level with their stack, beside the request id; the client sees only the problem. */
export function logError(c: Context<AppEnv>, err: unknown): void {
  console.error({
    event: "error",
    request_id: c.get("requestId") ?? null,
    method: c.req.method,
    route: routePattern(c),
    message: err instanceof Error ? err.message : String(err),
    stack: err instanceof Error ? (err.stack ?? null) : null,
  });
}
