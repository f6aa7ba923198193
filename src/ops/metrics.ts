/** One line per request, as Workers Logs stores it: fields only, never a token, secret or query string. */
export interface RequestRecord {
  event: "request";
  request_id: string;
  method: string;
  /** The matched route pattern (`/api/cas/:hash`), never the path: paths and queries carry signatures. */
  route: string;
  status: number;
  duration_ms: number;
  /** Content-Length of the response, when the response declares one. */
  bytes: number | null;
  /** From the Server-Timing the CAS path sets: hit, miss or revalidated; null elsewhere. */
  cache: string | null;
  /** Milliseconds spent making a thumbnail in this request, when one was made. */
  thumbnail_ms: number | null;
  /** Who called, as the access guard authenticated them; null for public routes. */
  sub: string | null;
  /** The problem code of an error response. */
  error: string | null;
}

/**
 * Workers Analytics Engine points, one dataset for the whole worker. The
 * layout is positional, so it is written down once here and in README:
 *
 * request   index1 route; blob1 "request", blob2 route, blob3 method,
 *           blob4 status class (2xx…), blob5 cache (hit|miss|revalidated|none;
 *           every miss is an R2 read), blob6 account sub ("anonymous" if none);
 *           double1 response bytes, double2 duration ms, double3 thumbnail ms,
 *           double4 status.
 * migration index1 "migration"; blob1 "migration", blob2 stopped by;
 *           double1 rows migrated, double2 rows failed, double3 batch ms.
 */
export function writeRequestPoint(dataset: AnalyticsEngineDataset | undefined, r: RequestRecord): void {
  write(dataset, {
    indexes: [r.route],
    blobs: ["request", r.route, r.method, `${Math.floor(r.status / 100)}xx`, r.cache ?? "none", r.sub ?? "anonymous"],
    doubles: [r.bytes ?? 0, r.duration_ms, r.thumbnail_ms ?? 0, r.status],
  });
}

export interface BatchFigures {
  migrated: number;
  failed: number;
  ms: number;
  stoppedBy: string;
}

export function writeMigrationPoint(dataset: AnalyticsEngineDataset | undefined, batch: BatchFigures): void {
  write(dataset, {
    indexes: ["migration"],
    blobs: ["migration", batch.stoppedBy],
    doubles: [batch.migrated, batch.failed, batch.ms],
  });
}

/** Counting a request must never fail it: a missing or throwing binding costs one log line, not a 500. */
function write(dataset: AnalyticsEngineDataset | undefined, point: AnalyticsEngineDataPoint): void {
  try {
    dataset?.writeDataPoint(point);
  } catch (err) {
    console.error({ event: "metrics_write_failed", message: err instanceof Error ? err.message : String(err) });
  }
}
