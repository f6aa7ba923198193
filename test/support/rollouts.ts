import { env } from "cloudflare:test";
import { bucketOf, stageForBucket } from "../../src/firmware/rollouts/assign";
import { api } from "./api";
import { as, createDevice, deviceToken } from "./firmware";

export interface StageJson {
  index: number;
  percent: number | null;
  devices: string[] | null;
  open: boolean;
  opened_at: string | null;
  min_sample: number;
  offered: number;
  downloading: number;
  installing: number;
  rebooted: number;
  success: number;
  failure: number;
  failure_ratio: number | null;
}

export interface RolloutJson {
  id: number;
  model: string;
  group: string | null;
  version: string;
  rollback: boolean;
  state: string;
  actions: string[];
  open_stage: number | null;
  halt_reason: string | null;
  stages: StageJson[];
}

export interface OfferJson {
  version: string;
  url: string;
  sha256: string;
  rollout_id: number | null;
  allow_downgrade: boolean;
}

export interface StageInput {
  percent?: number;
  devices?: string[];
  min_soak_seconds?: number;
  max_failure_ratio?: number;
  min_sample?: number;
}

/** POST /api/rollouts; stages default to no soak and a 50 % threshold, so each test states only what it is about. */
export function postRollout(body: { model: string; version: string; group?: string; rollback?: boolean; stages: StageInput[] }): Promise<Response> {
  const stages = body.stages.map((s) => ({ min_soak_seconds: 0, max_failure_ratio: 0.5, ...s }));
  return api("/rollouts", { method: "POST", json: { ...body, stages } });
}

export async function createRollout(body: Parameters<typeof postRollout>[0]): Promise<RolloutJson> {
  const res = await postRollout(body);
  if (res.status !== 201) throw new Error(`create rollout: ${res.status} ${await res.text()}`);
  return res.json();
}

export function act(id: number, action: string): Promise<Response> {
  return api(`/rollouts/${id}/${action}`, { method: "POST" });
}

export async function startedRollout(body: Parameters<typeof postRollout>[0]): Promise<RolloutJson> {
  const rollout = await createRollout(body);
  const res = await act(rollout.id, "start");
  if (res.status !== 200) throw new Error(`start rollout: ${res.status} ${await res.text()}`);
  return res.json();
}

export async function getRollout(id: number): Promise<RolloutJson> {
  return (await api(`/rollouts/${id}`)).json();
}

/** Moves a stage's opening back in time: the tests control soak time by writing timestamps, never by waiting. */
export async function openedSecondsAgo(rolloutId: number, stage: number, seconds: number): Promise<void> {
  const at = new Date(Date.now() - seconds * 1000).toISOString();
  await env.DB.prepare("UPDATE rollout_stages SET opened_at = ?3 WHERE rollout_id = ?1 AND idx = ?2").bind(rolloutId, stage, at).run();
}

/** Moves a device's last report back in time (the coredump window starts there). */
export async function reportedSecondsAgo(rolloutId: number, device: string, seconds: number): Promise<void> {
  const at = new Date(Date.now() - seconds * 1000).toISOString();
  await env.DB.prepare("UPDATE rollout_devices SET updated_at = ?3 WHERE rollout_id = ?1 AND device_key = ?2").bind(rolloutId, device, at).run();
}

/** The OTA check as the device makes it: the offer, or null for 204. */
export async function check(token: string, device: string, running: string): Promise<OfferJson | null> {
  const res = await as(token, `/devices/${device}/firmware?version=${encodeURIComponent(running)}`);
  if (res.status === 204) return null;
  if (res.status !== 200) throw new Error(`OTA check: ${res.status} ${await res.text()}`);
  return res.json();
}

export function report(token: string, device: string, body: Record<string, unknown>): Promise<Response> {
  return as(token, `/devices/${device}/update-status`, {
    method: "POST",
    body: JSON.stringify(body),
    headers: { "Content-Type": "application/json" },
  });
}

/** A device and its token, with tags. */
export async function taggedDevice(model: string, tags: string[] = []): Promise<{ device: string; token: string }> {
  const device = await createDevice(model);
  if (tags.length > 0) {
    const res = await api(`/devices/${device}`, { method: "PUT", json: { model, tags } });
    if (res.status !== 200) throw new Error(`tag device: ${res.status} ${await res.text()}`);
  }
  return { device, token: await deviceToken(device) };
}

/** The stage a device falls in under a rollout's percent stages, as the worker computes it. */
export async function stageOf(rolloutId: number, device: string, percents: number[]): Promise<number | null> {
  return stageForBucket(
    percents.map((p) => Math.round(p * 100)),
    await bucketOf(rolloutId, device),
  );
}
