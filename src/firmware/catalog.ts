import { and, asc, eq } from "drizzle-orm";
import type { Database } from "../db/client";
import { type Device, type DeviceModel, deviceModels, devices, firmwareVersions } from "../db/schema";
import { AppError } from "../errors";

/** Device models and devices: the rows firmware and coredumps hang from. */
export async function createModel(db: Database, input: { key: string; name: string }): Promise<DeviceModel> {
  const [row] = await db.insert(deviceModels).values(input).onConflictDoNothing().returning();
  if (!row) throw new AppError("conflict", `A device model "${input.key}" already exists.`);
  return row;
}

export function listModels(db: Database): Promise<DeviceModel[]> {
  return db.select().from(deviceModels).orderBy(asc(deviceModels.key));
}

export async function getModel(db: Database, key: string): Promise<DeviceModel> {
  const row = await db.query.deviceModels.findFirst({ where: eq(deviceModels.key, key) });
  if (!row) throw new AppError("not_found", `No device model "${key}".`);
  return row;
}

/**
 * Creates the device or moves it to another model / renames it; true when it
 * was created. Tags and the pin are kept when the input leaves them out; a
 * pin must name a version of the device's model (its new one, when it moves).
 */
export async function putDevice(
  db: Database,
  key: string,
  input: { model: string; name?: string | null; tags?: string[]; pinned_version?: string | null },
): Promise<{ device: Device; created: boolean }> {
  const model = await db.query.deviceModels.findFirst({ where: eq(deviceModels.key, input.model) });
  if (!model) throw new AppError("unprocessable", `model: no device model "${input.model}".`);
  const existing = await db.query.devices.findFirst({ where: eq(devices.key, key) });
  const tags = input.tags ?? existing?.tags ?? [];
  const pinned = input.pinned_version === undefined ? (existing?.pinnedVersion ?? null) : input.pinned_version;
  if (pinned !== null) {
    const version = await db.query.firmwareVersions.findFirst({
      columns: { id: true },
      where: and(eq(firmwareVersions.modelKey, input.model), eq(firmwareVersions.version, pinned)),
    });
    if (!version) throw new AppError("unprocessable", `pinned_version: model "${input.model}" has no firmware version "${pinned}" (null unpins).`);
  }
  const values = { modelKey: input.model, name: input.name ?? null, tags, pinnedVersion: pinned };
  const [device] = await db
    .insert(devices)
    .values({ key, ...values })
    .onConflictDoUpdate({ target: devices.key, set: values })
    .returning();
  return { device: device!, created: !existing };
}

export async function getDevice(db: Database, key: string): Promise<Device> {
  const row = await db.query.devices.findFirst({ where: eq(devices.key, key) });
  if (!row) throw new AppError("not_found", `No device "${key}".`);
  return row;
}

/** Remembers what the device says it runs, whenever it says so. */
export async function noteRunningVersion(db: Database, key: string, version: string): Promise<void> {
  await runningVersionUpdate(db.$client, key, version).run();
}

/** The statement behind noteRunningVersion, for the OTA check to send in its one batch of reads. */
export function runningVersionUpdate(d1: D1Database, key: string, version: string): D1PreparedStatement {
  return d1
    .prepare("UPDATE devices SET firmware_version = ?2, last_seen_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE key = ?1")
    .bind(key, version);
}
