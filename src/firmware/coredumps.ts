import { and, desc, eq } from "drizzle-orm";
import { store } from "../blobs/store";
import { config } from "../config";
import type { Database } from "../db/client";
import { type Coredump, coredumps } from "../db/schema";
import { AppError } from "../errors";
import { getDevice, noteRunningVersion } from "./catalog";
import { elfShaPrefixOf } from "./esp-idf/coredump-format";
import { matchElf } from "./esp-idf/elf-match";
import { noteCoredump } from "./rollouts/reports";

/**
 * Stores a dump as a private blob (private/cas/<hash>: a dump is a RAM image
 * of a device, with its Wi-Fi credentials and keys) and queues it for
 * parsing, matched to its ELF when possible. A dump is at most a megabyte, so it is hashed in memory.
 * The device's newest MAX_COREDUMPS dumps are kept; older rows go (their
 * blobs through GC). A dump soon after the device updated under a rollout
 * counts as a failure of that rollout (rollouts/reports.ts, `noteCoredump`).
 */
export async function receiveCoredump(
  env: Env,
  db: Database,
  deviceKey: string,
  dump: Uint8Array,
  reportedVersion: string | null,
): Promise<Coredump> {
  const device = await getDevice(db, deviceKey);
  if (reportedVersion) await noteRunningVersion(db, deviceKey, reportedVersion);
  const version = reportedVersion ?? device.firmwareVersion;
  const prefix = elfShaPrefixOf(dump);
  const appElfSha256 = await matchElf(env.DB, { modelKey: device.modelKey, prefix, reportedVersion: version });
  const { hash } = await store(env.BUCKET, env.DB, { body: dump, contentType: "application/octet-stream", visibility: "private" });
  const [row] = await db
    .insert(coredumps)
    .values({
      deviceKey,
      sha256: hash,
      size: dump.length,
      firmwareVersion: version,
      elfSha256Prefix: prefix,
      appElfSha256,
      blobVisibility: "private",
    })
    .returning();
  await env.DB.prepare(
    `DELETE FROM coredumps WHERE device_key = ?1
       AND id NOT IN (SELECT id FROM coredumps WHERE device_key = ?1 ORDER BY id DESC LIMIT ?2)`,
  )
    .bind(deviceKey, config(env).maxCoredumps)
    .run();
  await noteCoredump(env.DB, deviceKey, row!.id);
  return row!;
}

export async function listCoredumps(db: Database, deviceKey: string, limit: number): Promise<Coredump[]> {
  await getDevice(db, deviceKey);
  return db.select().from(coredumps).where(eq(coredumps.deviceKey, deviceKey)).orderBy(desc(coredumps.id)).limit(limit);
}

export async function getCoredump(db: Database, id: number): Promise<Coredump> {
  const row = await db.query.coredumps.findFirst({ where: eq(coredumps.id, id) });
  if (!row) throw new AppError("not_found", `No coredump ${id}.`);
  return row;
}

/** Removes the row; the blob is left for GC (another row may share it). */
export async function deleteCoredump(db: Database, id: number): Promise<void> {
  const [gone] = await db
    .delete(coredumps)
    .where(and(eq(coredumps.id, id)))
    .returning({ id: coredumps.id });
  if (!gone) throw new AppError("not_found", `No coredump ${id}.`);
}
