import { database } from "../db/client";
import { type AuditDetail, auditLog } from "../db/schema";

/** One audit row as its writer hands it in; the id and the time (`at`) come from D1. */
export interface AuditEntry {
  /** Who: the caller the access guard let in, or "cron". */
  sub: string;
  /** What: a stable dotted name (the policy table's for a route). */
  action: string;
  /** On what: the route's path parameters by name. */
  target?: Readonly<Record<string, string>> | null;
  requestId?: string | null;
  /** The HTTP status a request was answered with (none for a cron run). */
  status?: number | null;
  /** The problem code of a request that failed, or why a cron run failed. */
  error?: string | null;
  detail?: AuditDetail | null;
}

/** Past this many characters of JSON, a row's detail is replaced by a note saying so: a row stays small whatever a writer hands in. */
export const MAX_DETAIL_CHARS = 2048;
const MAX_VALUE_CHARS = 256;

/**
 * Writes one audit row. It never throws: the action it records is done
 * already, and a failed write must not turn it into an error for the caller.
 * The row goes to the log instead, at error level (`audit_write_failed`), so
 * what the table missed can still be found.
 */
export async function writeAudit(db: D1Database, entry: AuditEntry): Promise<boolean> {
  const row = {
    sub: clip(entry.sub),
    action: clip(entry.action),
    target: entry.target ? Object.fromEntries(Object.entries(entry.target).map(([name, value]) => [name, clip(value)])) : null,
    requestId: entry.requestId ?? null,
    status: entry.status ?? null,
    error: entry.error == null ? null : clip(entry.error),
    detail: entry.detail ? boundedDetail(entry.detail) : null,
  };
  try {
    await database(db).insert(auditLog).values(row);
    return true;
  } catch (err) {
    const { requestId, ...rest } = row;
    console.error({ event: "audit_write_failed", request_id: requestId, ...rest, message: err instanceof Error ? err.message : String(err) });
    return false;
  }
}

function clip(text: string): string {
  return text.length > MAX_VALUE_CHARS ? `${text.slice(0, MAX_VALUE_CHARS)}…` : text;
}

function boundedDetail(detail: AuditDetail): AuditDetail {
  const chars = JSON.stringify(detail).length;
  return chars > MAX_DETAIL_CHARS ? { truncated: true, chars } : detail;
}
