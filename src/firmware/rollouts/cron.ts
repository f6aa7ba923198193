import { advanceIfDue } from "./lifecycle";

/**
 * Each cron tick opens the next stage of every running rollout whose open
 * stage is done (or finishes it), so a rollout moves on time even while no
 * device of its next stage checks in and nobody reads it. Running rollouts
 * are few (one per model or group at most): one read each.
 */
export async function scheduledRollouts(env: Env): Promise<number> {
  const { results } = await env.DB.prepare(
    "SELECT id, open_stage, json_array_length(plan) AS stages, target FROM rollouts WHERE state = 'running'",
  ).all<{ id: number; open_stage: number; stages: number; target: string }>();
  let moved = 0;
  for (const r of results) if ((await advanceIfDue(env.DB, r)) !== r.open_stage) moved++;
  return moved;
}
