import { and, asc, eq } from "drizzle-orm";
import type { Database } from "../../db/client";
import { type DeviceGroup, deviceGroups, deviceModels } from "../../db/schema";
import { AppError } from "../../errors";

/** A device is in a group when it carries every one of the group's tags. */
export function inGroup(deviceTags: readonly string[], groupTags: readonly string[]): boolean {
  return groupTags.every((tag) => deviceTags.includes(tag));
}

export async function createGroup(db: Database, modelKey: string, input: { key: string; tags: string[] }): Promise<DeviceGroup> {
  const model = await db.query.deviceModels.findFirst({ where: eq(deviceModels.key, modelKey) });
  if (!model) throw new AppError("not_found", `No device model "${modelKey}".`);
  const [row] = await db.insert(deviceGroups).values({ modelKey, key: input.key, tags: input.tags }).onConflictDoNothing().returning();
  if (!row) throw new AppError("conflict", `Model "${modelKey}" already has a group "${input.key}".`);
  return row;
}

export async function listGroups(db: Database, modelKey: string): Promise<DeviceGroup[]> {
  const model = await db.query.deviceModels.findFirst({ where: eq(deviceModels.key, modelKey) });
  if (!model) throw new AppError("not_found", `No device model "${modelKey}".`);
  return db.select().from(deviceGroups).where(eq(deviceGroups.modelKey, modelKey)).orderBy(asc(deviceGroups.key));
}

export async function findGroup(db: Database, modelKey: string, key: string): Promise<DeviceGroup | undefined> {
  return db.query.deviceGroups.findFirst({ where: and(eq(deviceGroups.modelKey, modelKey), eq(deviceGroups.key, key)) });
}

/**
 * Deletes a group no live rollout names (draft, running, paused or halted:
 * 409 otherwise). Finished and cancelled rollouts keep the group's tags as
 * they were, so deleting it changes nothing they say.
 */
export async function deleteGroup(d1: D1Database, modelKey: string, key: string): Promise<void> {
  const [live, gone] = await d1.batch<{ id: number }>([
    d1
      .prepare("SELECT id FROM rollouts WHERE model_key = ?1 AND group_key = ?2 AND state IN ('draft', 'running', 'paused', 'halted') LIMIT 1")
      .bind(modelKey, key),
    d1
      .prepare(
        `DELETE FROM device_groups WHERE model_key = ?1 AND key = ?2
           AND NOT EXISTS (SELECT 1 FROM rollouts WHERE model_key = ?1 AND group_key = ?2 AND state IN ('draft', 'running', 'paused', 'halted'))
         RETURNING key`,
      )
      .bind(modelKey, key),
  ]);
  const blocking = live!.results[0];
  if (blocking) throw new AppError("conflict", `Rollout ${blocking.id} of group "${key}" is not over; cancel or finish it first.`);
  if (gone!.results.length === 0) throw new AppError("not_found", `Model "${modelKey}" has no group "${key}".`);
}
