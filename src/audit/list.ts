import { and, desc, eq, gte, lt, type SQL, sql } from "drizzle-orm";
import { database } from "../db/client";
import { type AuditRow, auditLog } from "../db/schema";
import { AppError } from "../errors";
import type { AuditPage, AuditQuery } from "./schemas";

/** Where a page ended: the last row's time and id (rows are ordered by both, newest first). */
interface Position {
  at: string;
  id: number;
}

const POSITION = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)~([1-9][0-9]{0,15})$/;

/** Opaque to clients: base64url of the position, so nobody builds one by hand or relies on its shape. */
export function encodeCursor(position: Position): string {
  return btoa(`${position.at}~${position.id}`).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
}

export function decodeCursor(cursor: string): Position {
  let text: string;
  try {
    text = atob(cursor.replaceAll("-", "+").replaceAll("_", "/"));
  } catch {
    text = "";
  }
  const match = POSITION.exec(text);
  const at = match?.[1] ?? "";
  const id = Number(match?.[2]);
  // The time must be a real one, written as the column writes it (no 13th month).
  if (!match || !Number.isSafeInteger(id) || Number.isNaN(Date.parse(at)) || new Date(at).toISOString() !== at) {
    throw new AppError("invalid_parameter", "cursor: not a cursor this endpoint gave out.");
  }
  return { at, id };
}

/**
 * One page of the trail, newest first, with the filters applied. Keyset paging
 * on (at, id): a row written while someone pages lands before their first page
 * and never shifts the later ones.
 */
export async function listAudit(d1: D1Database, query: AuditQuery): Promise<AuditPage> {
  const rows = await pageQuery(d1, query);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return { entries: page.map(entryJson), next_cursor: rows.length > query.limit && last ? encodeCursor(last) : null };
}

/**
 * The page's SELECT, one row more than the limit (to know whether another page
 * follows). Each filter has an index that ends in (at, id), so SQLite walks it
 * backwards and stops after the page: about `limit` rows read, whatever the
 * trail's length (test/audit/query-plans.test.ts).
 */
export function pageQuery(d1: D1Database, query: AuditQuery) {
  const conditions: SQL[] = [];
  if (query.sub !== undefined) conditions.push(eq(auditLog.sub, query.sub));
  if (query.action !== undefined) conditions.push(eq(auditLog.action, query.action));
  if (query.since !== undefined) conditions.push(gte(auditLog.at, query.since));
  if (query.until !== undefined) conditions.push(lt(auditLog.at, query.until));
  if (query.cursor !== undefined) {
    const after = decodeCursor(query.cursor);
    conditions.push(sql`(${auditLog.at}, ${auditLog.id}) < (${after.at}, ${after.id})`);
  }
  return database(d1)
    .select()
    .from(auditLog)
    .where(and(...conditions))
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(query.limit + 1);
}

function entryJson(row: AuditRow): AuditPage["entries"][number] {
  return {
    id: row.id,
    at: row.at,
    sub: row.sub,
    action: row.action,
    target: row.target ? { ...row.target } : null,
    request_id: row.requestId,
    status: row.status,
    error: row.error,
    detail: row.detail ? { ...row.detail } : null,
  };
}
