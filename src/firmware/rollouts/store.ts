import { and, asc, desc, eq, type SQL } from "drizzle-orm";
import type { Database } from "../../db/client";
import { type Rollout, type RolloutStage, type RolloutState, rolloutStages, rollouts } from "../../db/schema";
import { AppError } from "../../errors";
import { findGroup, inGroup } from "./groups";
import { advanceIfDue } from "./lifecycle";
import { DEFAULT_MIN_SAMPLE, type RolloutCreate } from "./schemas";

export interface RolloutWithStages {
  rollout: Rollout;
  stages: RolloutStage[];
}

/**
 * Records a draft. Everything it names must exist now: the model, the group
 * (whose tags are copied: the rollout's devices are fixed by what the group
 * was), the version, and every named device, which must be of the model and
 * in the group. A rollback must name a version older than the model's
 * newest: it is how a fleet goes back, with allow_downgrade in its offers.
 * The rollout, its stages and its named devices are one batch.
 */
export async function createRollout(db: Database, d1: D1Database, input: RolloutCreate, createdBy: string): Promise<number> {
  const model = await d1.prepare("SELECT key FROM device_models WHERE key = ?1").bind(input.model).first();
  if (!model) throw new AppError("unprocessable", `model: no device model "${input.model}".`);
  const group = input.group === undefined ? undefined : await findGroup(db, input.model, input.group);
  if (input.group !== undefined && !group) throw new AppError("unprocessable", `group: model "${input.model}" has no group "${input.group}".`);
  const version = await d1
    .prepare(
      `SELECT id, (SELECT max(id) FROM firmware_versions WHERE model_key = ?1) AS newest
       FROM firmware_versions WHERE model_key = ?1 AND version = ?2`,
    )
    .bind(input.model, input.version)
    .first<{ id: number; newest: number }>();
  if (!version) throw new AppError("unprocessable", `version: model "${input.model}" has no firmware version "${input.version}".`);
  if (input.rollback && version.id === version.newest) {
    throw new AppError("unprocessable", `rollback: "${input.version}" is the model's newest version; a rollback goes to an older one.`);
  }
  const named = input.stages.flatMap((s) => s.devices ?? []);
  if (named.length > 0) await checkNamedDevices(d1, input.model, group?.tags ?? null, named);

  const at = new Date().toISOString();
  const id = "(SELECT max(id) FROM rollouts)";
  const results = await d1.batch<{ id: number }>([
    d1
      .prepare(
        `INSERT INTO rollouts (model_key, group_key, group_tags, target, version, rollback, plan, created_by, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9)`,
      )
      .bind(
        input.model,
        group?.key ?? null,
        group ? JSON.stringify(group.tags) : null,
        group ? `${input.model}/${group.key}` : input.model,
        input.version,
        input.rollback ? 1 : 0,
        JSON.stringify(input.stages.map((s) => (s.percent === undefined ? null : Math.round(s.percent * 100)))),
        createdBy,
        at,
      ),
    ...input.stages.flatMap((s, idx) => [
      d1
        .prepare(
          `INSERT INTO rollout_stages (rollout_id, idx, percent_bp, devices, min_soak_seconds, max_failure_ratio, min_sample)
           VALUES (${id}, ?1, ?2, ?3, ?4, ?5, ?6)`,
        )
        .bind(
          idx,
          s.percent === undefined ? null : Math.round(s.percent * 100),
          s.devices ? JSON.stringify(s.devices) : null,
          s.min_soak_seconds,
          s.max_failure_ratio,
          s.min_sample ?? Math.min(DEFAULT_MIN_SAMPLE, s.devices?.length ?? DEFAULT_MIN_SAMPLE),
        ),
      ...(s.devices
        ? [
            d1
              .prepare(`INSERT INTO rollout_devices (rollout_id, device_key, stage) SELECT ${id}, value, ?1 FROM json_each(?2)`)
              .bind(idx, JSON.stringify(s.devices)),
          ]
        : []),
    ]),
    // Read inside the batch's transaction: no other rollout can be inserted between.
    d1.prepare(`SELECT ${id} AS id`),
  ]);
  return results.at(-1)!.results[0]!.id;
}

/** Every named device must exist, be of the model and, for a group's rollout, carry the group's tags. */
async function checkNamedDevices(d1: D1Database, model: string, groupTags: string[] | null, keys: string[]): Promise<void> {
  const { results } = await d1
    .prepare("SELECT key, model_key, tags FROM devices WHERE key IN (SELECT value FROM json_each(?1))")
    .bind(JSON.stringify(keys))
    .all<{ key: string; model_key: string; tags: string }>();
  const found = new Map(results.map((r) => [r.key, r]));
  for (const key of keys) {
    const device = found.get(key);
    if (!device) throw new AppError("unprocessable", `stages: no device "${key}".`);
    if (device.model_key !== model) throw new AppError("unprocessable", `stages: device "${key}" is a "${device.model_key}", not a "${model}".`);
    if (groupTags && !inGroup(JSON.parse(device.tags) as string[], groupTags)) {
      throw new AppError("unprocessable", `stages: device "${key}" is not in the group (tags ${groupTags.join(", ")}).`);
    }
  }
}

async function withStages(db: Database, rollout: Rollout): Promise<RolloutWithStages> {
  const stages = await db.select().from(rolloutStages).where(eq(rolloutStages.rolloutId, rollout.id)).orderBy(asc(rolloutStages.idx));
  return { rollout, stages };
}

/** One rollout with its stages' live counts, moved on first if its open stage is done. */
export async function getRollout(db: Database, d1: D1Database, id: number): Promise<RolloutWithStages> {
  let rollout = await db.query.rollouts.findFirst({ where: eq(rollouts.id, id) });
  if (!rollout) throw new AppError("not_found", `No rollout ${id}.`);
  if (rollout.state === "running") {
    const open = await advanceIfDue(d1, { id, open_stage: rollout.openStage, stages: rollout.plan.length, target: rollout.target });
    if (open !== rollout.openStage || rollout.openStage === rollout.plan.length - 1)
      rollout = (await db.query.rollouts.findFirst({ where: eq(rollouts.id, id) }))!;
  }
  return withStages(db, rollout);
}

/** Rollouts, newest first, optionally of one model or in one state. */
export async function listRollouts(db: Database, filter: { model?: string; state?: RolloutState; limit: number }): Promise<RolloutWithStages[]> {
  const where: SQL[] = [];
  if (filter.model) where.push(eq(rollouts.modelKey, filter.model));
  if (filter.state) where.push(eq(rollouts.state, filter.state));
  const rows = await db
    .select()
    .from(rollouts)
    .where(and(...where))
    .orderBy(desc(rollouts.id))
    .limit(filter.limit);
  return Promise.all(rows.map((r) => withStages(db, r)));
}
