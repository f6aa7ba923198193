import type { RolloutState } from "../../db/schema";
import { bucketOf, stageForBucket } from "./assign";
import { inGroup } from "./groups";
import { advanceIfDue } from "./lifecycle";
import { offerStatements } from "./reports";

/** The device as an OTA check reads it: one row. */
export interface OtaDevice {
  key: string;
  model_key: string;
  tags: string[];
  pinned_version: string | null;
}

/** A version of the model, as the OTA check reads them all at once (a model keeps a handful). */
export interface ModelVersion {
  id: number;
  version: string;
  /** Whether any rollout names it: then it is never the model's default. */
  named: number;
}

/** A started, not cancelled, rollout of the device's model, with the device's row under it if it has one. */
export interface Candidate {
  id: number;
  version: string;
  rollback: number;
  state: RolloutState;
  target: string;
  group_tags: string | null;
  plan: string;
  open_stage: number;
  stage: number | null;
  status: string | null;
}

/**
 * The rollouts an OTA check weighs, newest first, with the device's row
 * under each: rows in proportion to the model's rollouts, never to its
 * devices. Bound to the device key as ?1.
 */
export const CANDIDATES_SQL = `SELECT r.id, r.version, r.rollback, r.state, r.target, r.group_tags, r.plan, r.open_stage, rd.stage, rd.status
  FROM rollouts r LEFT JOIN rollout_devices rd ON rd.rollout_id = r.id AND rd.device_key = ?1
  WHERE r.model_key = (SELECT model_key FROM devices WHERE key = ?1) AND r.state IN ('running', 'paused', 'halted', 'finished')
  ORDER BY r.id DESC`;

/** The version a device may be offered, and under what. */
export interface Target {
  version: string;
  rolloutId: number | null;
  allowDowngrade: boolean;
  /** What the offer writes besides the version's count: the device's first offer under its rollout. */
  offered: (d1: D1Database) => D1PreparedStatement[];
}

const none = () => [];

/**
 * What a device may be offered, whatever the fleet's size: the reads depend
 * on the model's rollouts and versions, never on how many devices there are
 * (no device is counted; a device's stage is a hash, its row under a rollout
 * one lookup).
 *
 * 1. A pinned device: its pinned version, or nothing; a pin may go back
 *    (allow_downgrade), as the operator chose that exact build for it.
 * 2. Else the rollout that governs it: the newest started, not cancelled,
 *    rollout of its model whose target holds it (the whole model, or a group
 *    whose tags it carries) and that places it in a stage (a named list, or
 *    a bucket its stages' shares cover). Running: its version once the
 *    device's stage is open; finished: its version, every stage open;
 *    paused or halted: nothing. A device whose report under it was a failure
 *    is not offered it again: it stays on what it runs until an operator acts.
 * 3. Else (no started rollout holds it) the model's newest version that no
 *    rollout names, as before rollouts existed: a build uploaded for a
 *    rollout, even a draft one, reaches devices only through it.
 */
export async function targetFor(
  d1: D1Database,
  device: OtaDevice,
  candidates: readonly Candidate[],
  versions: readonly ModelVersion[],
  now = Date.now(),
): Promise<Target | null> {
  if (device.pinned_version !== null) return { version: device.pinned_version, rolloutId: null, allowDowngrade: true, offered: none };
  for (const r of candidates) {
    if (r.group_tags !== null && !inGroup(device.tags, JSON.parse(r.group_tags) as string[])) continue;
    const plan = JSON.parse(r.plan) as Array<number | null>;
    const stage = r.stage ?? stageForBucket(plan, await bucketOf(r.id, device.key));
    if (stage === null) continue;
    if (r.state === "paused" || r.state === "halted" || r.status === "failure") return null;
    if (r.state === "running" && stage > r.open_stage) {
      // A device of a later stage asks: the open stage may be done by now.
      const open = await advanceIfDue(d1, { id: r.id, open_stage: r.open_stage, stages: plan.length, target: r.target }, now);
      if (stage > open) return null;
    }
    // Only a device not offered it yet writes anything under the rollout.
    const offered = r.status === null ? (db: D1Database) => offerStatements(db, r.id, device.key, stage) : none;
    return { version: r.version, rolloutId: r.id, allowDowngrade: r.rollback === 1, offered };
  }
  const fallback = versions.find((v) => v.named === 0);
  return fallback ? { version: fallback.version, rolloutId: null, allowDowngrade: false, offered: none } : null;
}
