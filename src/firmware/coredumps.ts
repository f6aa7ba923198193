import { and, desc, eq } from "drizzle-orm";
import { hex } from "../blobs/bytes";
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

/**
 * A dump brought over from another store by an operator (npm run import:fleet),
 * named by its SHA-256: idempotent by (device, hash), so a second run of an
 * import adds nothing. A device that sent the same bytes twice keeps both rows
 * through POST; an import never makes a second one.
 */
export async function importCoredump(
  env: Env,
  db: Database,
  deviceKey: string,
  sha256: string,
  dump: Uint8Array,
): Promise<{ row: Coredump; created: boolean }> {
  const actual = hex(new Uint8Array(await crypto.subtle.digest("SHA-256", dump)));
  if (actual !== sha256) throw new AppError("digest_mismatch", `The body hashes to ${actual}, not ${sha256}; nothing was stored.`);
  await getDevice(db, deviceKey);
  const existing = await db.query.coredumps.findFirst({ where: and(eq(coredumps.deviceKey, deviceKey), eq(coredumps.sha256, sha256)) });
  if (existing) return { row: existing, created: false };
  return { row: await receiveCoredump(env, db, deviceKey, dump, null), created: true };
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
