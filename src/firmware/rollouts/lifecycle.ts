import { writeAudit } from "../../audit/record";
import type { RolloutState } from "../../db/schema";
import { AppError } from "../../errors";
import type { RolloutAction } from "./schemas";
import { overThreshold, type StageFigures, stageDone } from "./stage-rules";

/** The `sub` of the audit rows the rollouts write themselves: an automatic halt, a stage opened by time. */
export const SYSTEM_SUB = "system";

/**
 * The operator's actions and the states each is allowed from. Anything else
 * is a 409 naming the state and the actions it allows. "halted" is entered
 * only by the failure rule (`haltIfOver`), "finished" by advancing past the
 * last stage (by hand, or by time: `advanceIfDue`). A halted rollout can be
 * resumed: the operator has looked and accepts the risk; the next failure
 * while its stage is still over the threshold halts it again.
 */
export const TRANSITIONS: Readonly<Record<RolloutAction, { from: readonly RolloutState[]; to: RolloutState }>> = {
  start: { from: ["draft"], to: "running" },
  pause: { from: ["running"], to: "paused" },
  resume: { from: ["paused", "halted"], to: "running" },
  cancel: { from: ["draft", "running", "paused", "halted"], to: "cancelled" },
  advance: { from: ["running"], to: "running" },
};

export function actionsFrom(state: RolloutState): RolloutAction[] {
  return (Object.keys(TRANSITIONS) as RolloutAction[]).filter((action) => TRANSITIONS[action].from.includes(state));
}

interface RolloutHead {
  id: number;
  state: RolloutState;
  target: string;
  open_stage: number;
  stages: number;
}

const nowIso = (now: number) => new Date(now).toISOString();

async function head(d1: D1Database, id: number): Promise<RolloutHead> {
  const row = await d1
    .prepare("SELECT id, state, target, open_stage, json_array_length(plan) AS stages FROM rollouts WHERE id = ?1")
    .bind(id)
    .first<RolloutHead>();
  if (!row) throw new AppError("not_found", `No rollout ${id}.`);
  return row;
}

function illegal(r: RolloutHead, action: RolloutAction): AppError {
  const allowed = actionsFrom(r.state);
  return new AppError(
    "conflict",
    `Rollout ${r.id} is ${r.state}: it cannot ${action}${allowed.length ? ` (it can ${allowed.join(", ")})` : ""}.`,
    {},
    { state: r.state, allowed_actions: allowed },
  );
}

/** A start or resume that met rollouts_one_running: another rollout of the same target runs. */
async function alreadyRunning(d1: D1Database, r: RolloutHead, err: unknown): Promise<never> {
  if (!(err instanceof Error) || !/UNIQUE constraint failed: rollouts\.target/.test(err.message)) throw err;
  const other = await d1.prepare("SELECT id FROM rollouts WHERE target = ?1 AND state = 'running'").bind(r.target).first<{ id: number }>();
  throw new AppError(
    "conflict",
    `Rollout ${other?.id ?? "?"} of "${r.target}" is running; at most one runs per model or group.`,
    {},
    {
      running_rollout_id: other?.id ?? null,
    },
  );
}

/**
 * Applies an operator's action. Every update names the state it expects, so
 * two operators acting at once cannot both win; whoever loses gets the 409
 * the state they lost to calls for.
 */
export async function applyAction(d1: D1Database, id: number, action: RolloutAction, now = Date.now()): Promise<void> {
  const r = await head(d1, id);
  const rule = TRANSITIONS[action];
  if (!rule.from.includes(r.state)) throw illegal(r, action);
  const at = nowIso(now);
  let changed: number;
  try {
    if (action === "start") {
      const [moved] = await d1.batch([
        d1.prepare("UPDATE rollouts SET state = 'running', open_stage = 0, updated_at = ?2 WHERE id = ?1 AND state = 'draft'").bind(id, at),
        d1
          .prepare(
            `UPDATE rollout_stages SET opened_at = ?2 WHERE rollout_id = ?1 AND idx = 0 AND opened_at IS NULL
               AND EXISTS (SELECT 1 FROM rollouts WHERE id = ?1 AND state = 'running')`,
          )
          .bind(id, at),
      ]);
      changed = moved!.meta.changes;
    } else if (action === "advance") {
      changed = await openNext(d1, r, at);
    } else {
      const from = rule.from.map((s) => `'${s}'`).join(", ");
      const result = await d1
        .prepare(
          `UPDATE rollouts SET state = ?2, updated_at = ?3, halt_reason = CASE WHEN ?2 = 'running' THEN NULL ELSE halt_reason END
           WHERE id = ?1 AND state IN (${from})`,
        )
        .bind(id, rule.to, at)
        .run();
      changed = result.meta.changes;
    }
  } catch (err) {
    return alreadyRunning(d1, r, err);
  }
  if (changed === 0) throw illegal(await head(d1, id), action);
}

/** Opens the stage after `r.open_stage`, or finishes the rollout when that was the last; the number of rows changed. */
async function openNext(d1: D1Database, r: RolloutHead, at: string): Promise<number> {
  if (r.open_stage >= r.stages - 1) {
    const done = await d1
      .prepare("UPDATE rollouts SET state = 'finished', updated_at = ?3 WHERE id = ?1 AND state = 'running' AND open_stage = ?2")
      .bind(r.id, r.open_stage, at)
      .run();
    return done.meta.changes;
  }
  const next = r.open_stage + 1;
  const [moved] = await d1.batch([
    d1
      .prepare("UPDATE rollouts SET open_stage = ?3, updated_at = ?4 WHERE id = ?1 AND state = 'running' AND open_stage = ?2")
      .bind(r.id, r.open_stage, next, at),
    d1
      .prepare(
        `UPDATE rollout_stages SET opened_at = ?3 WHERE rollout_id = ?1 AND idx = ?2 AND opened_at IS NULL
           AND EXISTS (SELECT 1 FROM rollouts WHERE id = ?1 AND open_stage = ?2)`,
      )
      .bind(r.id, next, at),
  ]);
  return moved!.meta.changes;
}

const STAGE_FIGURES =
  "SELECT opened_at, min_soak_seconds, max_failure_ratio, min_sample, success, failure FROM rollout_stages WHERE rollout_id = ?1 AND idx = ?2";

/**
 * Opens the next stage (or finishes the rollout) when the open one is done
 * (`stageDone`): run when a device of a later stage checks in, when a
 * rollout is read, and by the cron, so a rollout moves on time whether or
 * not anyone asks. Two rows read; returns the open stage after it.
 */
export async function advanceIfDue(
  d1: D1Database,
  r: { id: number; open_stage: number; stages: number; target: string },
  now = Date.now(),
): Promise<number> {
  const stage = await d1.prepare(STAGE_FIGURES).bind(r.id, r.open_stage).first<StageFigures>();
  if (!stage || !stageDone(stage, now)) return r.open_stage;
  const last = r.open_stage >= r.stages - 1;
  const changed = await openNext(d1, { ...r, state: "running" }, nowIso(now));
  if (changed === 0) return r.open_stage;
  await writeAudit(d1, {
    sub: SYSTEM_SUB,
    action: "rollouts.auto_advance",
    target: { id: String(r.id) },
    detail: last ? { finished: true, stage: r.open_stage } : { opened_stage: r.open_stage + 1 },
  });
  return last ? r.open_stage : r.open_stage + 1;
}

/**
 * Halts a running rollout whose stage `stage` is over its failure threshold
 * (`overThreshold`): no device is offered it any more. The update names the
 * running state, so the halt is written (and audited) once.
 */
export async function haltIfOver(d1: D1Database, rolloutId: number, stage: number, now = Date.now()): Promise<boolean> {
  const s = await d1.prepare(STAGE_FIGURES).bind(rolloutId, stage).first<StageFigures>();
  if (!s || !overThreshold(s)) return false;
  const settled = s.success + s.failure;
  const reason = `stage ${stage}: ${s.failure} of ${settled} reports failed (${((100 * s.failure) / Math.max(settled, 1)).toFixed(1)} %), over its threshold of ${(100 * s.max_failure_ratio).toFixed(1)} % (minimum sample ${s.min_sample})`;
  const halted = await d1
    .prepare("UPDATE rollouts SET state = 'halted', halt_reason = ?2, updated_at = ?3 WHERE id = ?1 AND state = 'running' RETURNING id")
    .bind(rolloutId, reason, nowIso(now))
    .first<{ id: number }>();
  if (!halted) return false;
  await writeAudit(d1, {
    sub: SYSTEM_SUB,
    action: "rollouts.halt",
    target: { id: String(rolloutId) },
    detail: { reason, stage, failure: s.failure, success: s.success, max_failure_ratio: s.max_failure_ratio, min_sample: s.min_sample },
  });
  return true;
}
