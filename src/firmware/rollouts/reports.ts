import type { RolloutState, UpdateStatus } from "../../db/schema";
import { AppError } from "../../errors";
import { haltIfOver } from "./lifecycle";
import type { ReportOutcome, UpdateStatusBody } from "./schemas";

/**
 * The per-stage counters, kept by each offer and report rather than counted
 * over devices: `offered` counts devices offered the version, the others the
 * devices whose last report says so. A report moves its device from one
 * counter to another in the same batch (one transaction) that records it, so
 * concurrent reports never leave a counter off.
 */
const COUNTED = ["downloading", "installing", "rebooted", "success", "failure"] as const;
const MOVE_COUNTERS = `UPDATE rollout_stages SET ${COUNTED.map((c) => `${c} = ${c} + (?3 = '${c}') - (d.status IS '${c}')`).join(", ")}
  FROM (SELECT stage, status FROM rollout_devices WHERE rollout_id = ?1 AND device_key = ?2) AS d
  WHERE rollout_stages.rollout_id = ?1 AND rollout_stages.idx = d.stage`;
const SET_STATUS = `UPDATE rollout_devices SET status = ?3, updated_at = ?4, reason_code = ?5, reason = ?6
  WHERE rollout_id = ?1 AND device_key = ?2`;

/**
 * The device's first offer under a rollout (a named device's row is there
 * already, without a status), counted once: to be sent in one batch, where
 * changes() is what the upsert before it changed, so two first checks at
 * once count one offer (the second upsert changes nothing).
 */
export function offerStatements(d1: D1Database, rolloutId: number, deviceKey: string, stage: number): D1PreparedStatement[] {
  return [
    d1
      .prepare(
        `INSERT INTO rollout_devices (rollout_id, device_key, stage, status, offered_at, updated_at) VALUES (?1, ?2, ?3, 'offered', ?4, ?4)
         ON CONFLICT (rollout_id, device_key) DO UPDATE SET status = 'offered', offered_at = ?4, updated_at = ?4 WHERE rollout_devices.status IS NULL`,
      )
      .bind(rolloutId, deviceKey, stage, new Date().toISOString()),
    d1.prepare("UPDATE rollout_stages SET offered = offered + changes() WHERE rollout_id = ?1 AND idx = ?2").bind(rolloutId, stage),
  ];
}

interface Assignment {
  rollout_id: number;
  stage: number;
  status: UpdateStatus;
  version: string;
  state: RolloutState;
}

async function setStatus(
  d1: D1Database,
  a: Assignment,
  deviceKey: string,
  status: UpdateStatus,
  reasonCode: string | null,
  reason: string | null,
): Promise<boolean> {
  await d1.batch([
    d1.prepare(MOVE_COUNTERS).bind(a.rollout_id, deviceKey, status),
    d1.prepare(SET_STATUS).bind(a.rollout_id, deviceKey, status, new Date().toISOString(), reasonCode, reason),
  ]);
  // Only a failure can raise a stage's failure ratio (stage-rules.ts), so only a failure is checked.
  return status === "failure" && a.state === "running" && (await haltIfOver(d1, a.rollout_id, a.stage));
}

/**
 * A device's report on its update, counted under the rollout that offered
 * it one: the one it names, else its newest. A success must name the version
 * offered; any other is recorded as a failure ("version_mismatch"), since
 * the device runs something the rollout did not give it. A device no
 * rollout offered anything (it updated outside rollouts) is answered, and
 * nothing is counted; naming a rollout that made it no offer is a 409.
 */
export async function recordReport(d1: D1Database, deviceKey: string, body: UpdateStatusBody): Promise<ReportOutcome> {
  const select = `SELECT rd.rollout_id, rd.stage, rd.status, r.version, r.state FROM rollout_devices rd JOIN rollouts r ON r.id = rd.rollout_id
    WHERE rd.device_key = ?1 AND rd.status IS NOT NULL`;
  const a =
    body.rollout_id === undefined
      ? await d1.prepare(`${select} ORDER BY rd.rollout_id DESC LIMIT 1`).bind(deviceKey).first<Assignment>()
      : await d1.prepare(`${select} AND rd.rollout_id = ?2`).bind(deviceKey, body.rollout_id).first<Assignment>();
  if (!a && body.rollout_id !== undefined) throw new AppError("conflict", `Rollout ${body.rollout_id} offered this device no update.`);
  if (!a) return { rollout_id: null, stage: null, status: null, reason_code: null, halted: false };
  let { status } = body;
  let reasonCode = body.reason_code ?? null;
  let reason = body.reason ?? null;
  if (status === "success" && body.version !== a.version) {
    status = "failure";
    reasonCode = "version_mismatch";
    reason = `reported success running "${body.version}"; the rollout offered "${a.version}"`;
  }
  const halted = await setStatus(d1, a, deviceKey, status, reasonCode, reason);
  return { rollout_id: a.rollout_id, stage: a.stage, status, reason_code: reasonCode, halted };
}

/**
 * A coredump from a device that updated under a live rollout (it reported
 * rebooted or success) within its stage's soak time after that report is a
 * failure of the rollout: the new build crashes in the field. One dump turns
 * one device's report into a failure; more dumps change nothing.
 */
export async function noteCoredump(d1: D1Database, deviceKey: string, coredumpId: number, now = Date.now()): Promise<boolean> {
  const a = await d1
    .prepare(
      `SELECT rd.rollout_id, rd.stage, rd.status, rd.updated_at, r.version, r.state, s.min_soak_seconds
       FROM rollout_devices rd JOIN rollouts r ON r.id = rd.rollout_id
       JOIN rollout_stages s ON s.rollout_id = rd.rollout_id AND s.idx = rd.stage
       WHERE rd.device_key = ?1 AND rd.status IN ('rebooted', 'success') AND r.state IN ('running', 'paused')
       ORDER BY rd.rollout_id DESC LIMIT 1`,
    )
    .bind(deviceKey)
    .first<Assignment & { updated_at: string; min_soak_seconds: number }>();
  if (!a) return false;
  const seconds = Math.max(0, Math.round((now - Date.parse(a.updated_at)) / 1000));
  if (seconds > a.min_soak_seconds) return false;
  await setStatus(d1, a, deviceKey, "failure", "coredump", `coredump ${coredumpId} received ${seconds} s after the device reported ${a.status}`);
  return true;
}
