import { and, asc, desc, eq, getTableColumns, gt, lt, type SQL, sql } from "drizzle-orm";
import type { Database } from "../db/client";
import { type Coredump, coredumps, type Device, devices } from "../db/schema";
import { getDevice, getModel } from "./catalog";

/** A dump without its parse result, which may be a megabyte: a page of 100 would be a hundred of them. */
export type CoredumpRow = Omit<Coredump, "parseResult">;
const { parseResult: _, ...summaryColumns } = getTableColumns(coredumps);

export interface Page<T> {
  rows: T[];
  next: string | null;
}

/** The page and whether another follows: one row more than asked for is read to know. */
function page<T>(rows: T[], limit: number, cursorOf: (row: T) => string): Page<T> {
  const shown = rows.slice(0, limit);
  return { rows: shown, next: rows.length > limit ? cursorOf(shown.at(-1)!) : null };
}

/**
 * Devices by key, optionally of one model, a page at a time. The cursor
 * condition is always there (from "" on the first page), so every page is a
 * range read of the primary key or of devices_by_model that stops after the
 * page, however many devices the fleet has (test/firmware/listings.explain.test.ts).
 */
export async function listDevices(
  db: Database,
  q: { model?: string | undefined; cursor?: string | undefined; limit: number },
): Promise<Page<Device>> {
  if (q.model !== undefined) await getModel(db, q.model);
  const conditions: SQL[] = [gt(devices.key, q.cursor ?? "")];
  if (q.model !== undefined) conditions.push(eq(devices.modelKey, q.model));
  const rows = await db
    .select()
    .from(devices)
    .where(and(...conditions))
    .orderBy(asc(devices.key))
    .limit(q.limit + 1);
  return page(rows, q.limit, (d) => d.key);
}

/**
 * The coredump queue, newest first, optionally of one device and/or one
 * status. A device's dumps are read through coredumps_by_device (at most
 * MAX_COREDUMPS of them, so its status filter is applied to the rows read:
 * the unary `+` keeps SQLite from picking the status index instead); a
 * status alone through coredumps_by_status; everything through the primary key.
 */
export async function listCoredumpQueue(
  db: Database,
  q: { status?: Coredump["status"] | undefined; device?: string | undefined; cursor?: string | undefined; limit: number },
): Promise<Page<CoredumpRow>> {
  if (q.device !== undefined) await getDevice(db, q.device);
  const conditions: SQL[] = [lt(coredumps.id, q.cursor === undefined ? Number.MAX_SAFE_INTEGER : Number(q.cursor))];
  if (q.device !== undefined) conditions.push(eq(coredumps.deviceKey, q.device));
  if (q.status !== undefined) conditions.push(q.device === undefined ? eq(coredumps.status, q.status) : sql`+${coredumps.status} = ${q.status}`);
  const rows = await db
    .select(summaryColumns)
    .from(coredumps)
    .where(and(...conditions))
    .orderBy(desc(coredumps.id))
    .limit(q.limit + 1);
  return page(rows, q.limit, (c) => String(c.id));
}
