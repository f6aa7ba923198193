import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { api } from "../../support/api";
import { lastAuditId, rowsSince } from "../../support/audit";
import { noise } from "../../support/esp-build";
import { createModel, publish, sendCoredump } from "../../support/firmware";
import { act, check, getRollout, report, reportedSecondsAgo, startedRollout, taggedDevice } from "../../support/rollouts";

type Device = { device: string; token: string };

/** A running rollout of 2.0.0 whose first stage names `n` devices (each already offered it), with these stage settings. */
async function offeredTo(n: number, stage: { max_failure_ratio: number; min_sample?: number; min_soak_seconds?: number }) {
  const model = await createModel();
  await publish(model, "1.0.0");
  await publish(model, "2.0.0");
  const devices: Device[] = [];
  for (let i = 0; i < n; i++) devices.push(await taggedDevice(model));
  const rollout = await startedRollout({ model, version: "2.0.0", stages: [{ devices: devices.map((d) => d.device), ...stage }, { percent: 100 }] });
  for (const d of devices) expect(await check(d.token, d.device, "1.0.0")).toMatchObject({ rollout_id: rollout.id });
  return { model, rollout, devices };
}

async function reports(d: Device, ...steps: Array<Record<string, unknown>>) {
  for (const step of steps) {
    const res = await report(d.token, d.device, step);
    expect(res.status, JSON.stringify(step)).toBe(200);
  }
}

describe("POST /api/devices/:device/update-status", { timeout: 60_000 }, () => {
  it("keeps each stage's live counts as devices report, and notes the running version", async () => {
    const { rollout, devices } = await offeredTo(3, { max_failure_ratio: 0.5 });
    const [a, b, c] = devices as [Device, Device, Device];
    await reports(a, { status: "downloading", version: "1.0.0" }, { status: "installing", version: "1.0.0" });
    await reports(b, { status: "downloading", version: "1.0.0" });
    await reports(c, { status: "downloading", version: "1.0.0" }, { status: "rebooted", version: "2.0.0" }, { status: "success", version: "2.0.0" });
    const stage = (await getRollout(rollout.id)).stages[0]!;
    expect(stage).toMatchObject({ offered: 3, downloading: 1, installing: 1, rebooted: 0, success: 1, failure: 0, failure_ratio: 0 });
    expect(await (await api(`/devices/${c.device}`)).json()).toMatchObject({ firmware_version: "2.0.0" });
  });

  it("records a success on another version than the one offered as a failure with the reason", async () => {
    const { rollout, devices } = await offeredTo(1, { max_failure_ratio: 1 });
    const res = await report(devices[0]!.token, devices[0]!.device, { status: "success", version: "1.0.0", rollout_id: rollout.id });
    expect(await res.json()).toMatchObject({ rollout_id: rollout.id, stage: 0, status: "failure", reason_code: "version_mismatch" });
    const row = await env.DB.prepare("SELECT status, reason FROM rollout_devices WHERE rollout_id = ?1")
      .bind(rollout.id)
      .first<{ status: string; reason: string }>();
    expect(row).toMatchObject({ status: "failure", reason: expect.stringContaining('"2.0.0"') });
    expect((await getRollout(rollout.id)).stages[0]).toMatchObject({ success: 0, failure: 1, failure_ratio: 1 });
  });

  it("halts the rollout once a stage's failures pass its threshold over its minimum sample, and offers it to nobody more", async () => {
    const { rollout, devices } = await offeredTo(5, { max_failure_ratio: 0.25, min_sample: 4 });
    const [a, b, c, d, e] = devices as [Device, Device, Device, Device, Device];
    const before = await lastAuditId();
    // One failure of a sample of four is 25 %: not past the threshold.
    await reports(a, { status: "failure", version: "1.0.0", reason_code: "ota_verify", reason: "image hash mismatch" });
    await reports(b, { status: "success", version: "2.0.0" });
    expect(await getRollout(rollout.id)).toMatchObject({ state: "running" });
    // A second is 2 of 4 at least, whatever comes next: halted.
    const res = await report(c.token, c.device, { status: "failure", version: "1.0.0" });
    expect(await res.json()).toMatchObject({ status: "failure", halted: true });
    const halted = await getRollout(rollout.id);
    expect(halted).toMatchObject({ state: "halted", actions: ["resume", "cancel"], halt_reason: expect.stringContaining("2 of 3 reports failed") });
    expect(await rowsSince(before, "system")).toMatchObject([
      { action: "rollouts.halt", target: { id: String(rollout.id) }, detail: { stage: 0, failure: 2, success: 1, reason: halted.halt_reason } },
    ]);
    // No more offers, not even to a device of the open stage that had one.
    expect(await check(d.token, d.device, "1.0.0")).toBeNull();
    // Reports still count; the halt is written once.
    await reports(e, { status: "failure", version: "1.0.0" });
    expect((await getRollout(rollout.id)).stages[0]).toMatchObject({ failure: 3 });
    expect((await rowsSince(before, "system")).length).toBe(1);
    // Resumed by an operator: the next failure while over the threshold halts it again.
    expect((await act(rollout.id, "resume")).status).toBe(200);
    expect(await check(d.token, d.device, "1.0.0")).not.toBeNull();
    await reports(d, { status: "failure", version: "1.0.0" });
    expect(await getRollout(rollout.id)).toMatchObject({ state: "halted" });
  });

  it("counts a coredump soon after an update as a failure of the rollout, and halts it; a dump after the soak window does not count", async () => {
    const { rollout, devices } = await offeredTo(2, { max_failure_ratio: 0, min_sample: 1, min_soak_seconds: 3600 });
    const [a, b] = devices as [Device, Device];
    await reports(a, { status: "success", version: "2.0.0" });
    await reports(b, { status: "success", version: "2.0.0" });
    // b's update is older than the stage's soak time: its dump is just a dump.
    await reportedSecondsAgo(rollout.id, b.device, 3601);
    expect((await sendCoredump(b.token, b.device, noise(200))).status).toBe(201);
    expect((await getRollout(rollout.id)).stages[0]).toMatchObject({ success: 2, failure: 0 });
    expect(await getRollout(rollout.id)).toMatchObject({ state: "running" });

    const before = await lastAuditId();
    expect((await sendCoredump(a.token, a.device, noise(200))).status).toBe(201);
    const after = await getRollout(rollout.id);
    expect(after.stages[0]).toMatchObject({ success: 1, failure: 1 });
    expect(after).toMatchObject({ state: "halted" });
    const row = await env.DB.prepare("SELECT reason_code FROM rollout_devices WHERE rollout_id = ?1 AND device_key = ?2")
      .bind(rollout.id, a.device)
      .first<{ reason_code: string }>();
    expect(row!.reason_code).toBe("coredump");
    expect(await rowsSince(before, "system")).toMatchObject([{ action: "rollouts.halt" }]);
  });

  it("answers a device no rollout offered anything without counting, and refuses one naming a rollout that made it no offer", async () => {
    const model = await createModel();
    await publish(model, "1.0.0");
    const d = await taggedDevice(model);
    expect(await (await report(d.token, d.device, { status: "success", version: "1.0.0" })).json()).toMatchObject({ rollout_id: null, status: null });
    expect((await report(d.token, d.device, { status: "success", version: "1.0.0", rollout_id: 424242 })).status).toBe(409);
    for (const body of [
      { status: "offered", version: "1.0.0" },
      { status: "success" },
      { status: "failure", version: "1.0.0", reason: "x".repeat(501) },
      {},
    ]) {
      expect((await report(d.token, d.device, body)).status, JSON.stringify(body)).toBe(400);
    }
  });
});
