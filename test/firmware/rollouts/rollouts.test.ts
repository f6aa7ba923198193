import { describe, expect, it } from "vitest";
import { api } from "../../support/api";
import { lastAuditId, rowsSince } from "../../support/audit";
import { createModel, publish, uniqueKey } from "../../support/firmware";
import {
  act,
  check,
  createRollout,
  getRollout,
  openedSecondsAgo,
  type RolloutJson,
  report,
  stageOf,
  startedRollout,
  taggedDevice,
} from "../../support/rollouts";

/** A model with 1.0.0 and 2.0.0 uploaded, the devices running 1.0.0. */
async function fleet(devices: number) {
  const model = await createModel();
  await publish(model, "1.0.0");
  await publish(model, "2.0.0");
  const list = [];
  for (let i = 0; i < devices; i++) list.push(await taggedDevice(model));
  return { model, devices: list };
}

describe("staged rollouts", { timeout: 60_000 }, () => {
  it("offers the version to named devices first and to the rest once their stage opens; a draft offers nothing", async () => {
    const { model, devices } = await fleet(2);
    const [canary, other] = devices as [{ device: string; token: string }, { device: string; token: string }];
    const draft = await createRollout({ model, version: "2.0.0", stages: [{ devices: [canary.device] }, { percent: 100 }] });
    expect(draft).toMatchObject({ state: "draft", open_stage: null, actions: ["start", "cancel"] });
    // A draft already keeps its version from the model's default offer.
    expect(await check(canary.token, canary.device, "1.0.0")).toBeNull();

    expect((await act(draft.id, "start")).status).toBe(200);
    const offer = await check(canary.token, canary.device, "1.0.0");
    expect(offer).toMatchObject({ version: "2.0.0", rollout_id: draft.id, allow_downgrade: false });
    expect(await check(other.token, other.device, "1.0.0")).toBeNull();

    const advanced = (await (await act(draft.id, "advance")).json()) as RolloutJson;
    expect(advanced).toMatchObject({ state: "running", open_stage: 1 });
    expect(await check(other.token, other.device, "1.0.0")).toMatchObject({ version: "2.0.0", rollout_id: draft.id });
    // Asking again is the same offer, counted once.
    expect(await check(other.token, other.device, "1.0.0")).toMatchObject({ version: "2.0.0" });
    const live = await getRollout(draft.id);
    expect(live.stages.map((s) => [s.open, s.offered])).toEqual([
      [true, 1],
      [true, 1],
    ]);

    // Past the last stage the rollout is finished, and it still offers its version to devices that had not asked.
    const finished = (await (await act(draft.id, "advance")).json()) as RolloutJson;
    expect(finished).toMatchObject({ state: "finished", actions: [] });
    expect(await check(other.token, other.device, "1.0.0")).toMatchObject({ version: "2.0.0", rollout_id: draft.id });
  });

  it("places devices in percent stages by their hash, as the stage assignment computes it", async () => {
    const { model, devices } = await fleet(12);
    const rollout = await startedRollout({ model, version: "2.0.0", stages: [{ percent: 50 }, { percent: 100 }] });
    let offered = 0;
    for (const { device, token } of devices) {
      const stage = await stageOf(rollout.id, device, [50, 100]);
      const offer = await check(token, device, "1.0.0");
      expect(offer === null, `${device} in stage ${stage}`).toBe(stage !== 0);
      if (offer) offered++;
    }
    expect((await getRollout(rollout.id)).stages[0]!.offered).toBe(offered);
  });

  it("opens the next stage by itself once the open one has soaked, has its sample and is under its threshold", async () => {
    const { model, devices } = await fleet(2);
    const [canary, other] = devices as [{ device: string; token: string }, { device: string; token: string }];
    const rollout = await startedRollout({
      model,
      version: "2.0.0",
      stages: [
        { devices: [canary.device], min_soak_seconds: 3600, min_sample: 1 },
        { percent: 100, min_soak_seconds: 3600, min_sample: 1 },
      ],
    });
    expect(await check(canary.token, canary.device, "1.0.0")).not.toBeNull();
    // Soaked, but no report yet: the sample is not there.
    await openedSecondsAgo(rollout.id, 0, 3601);
    expect(await check(other.token, other.device, "1.0.0")).toBeNull();
    // A success, but the soak is not over.
    await openedSecondsAgo(rollout.id, 0, 60);
    expect((await report(canary.token, canary.device, { status: "success", version: "2.0.0" })).status).toBe(200);
    expect(await check(other.token, other.device, "1.0.0")).toBeNull();
    // Both: the next device to ask opens stage 1 and is offered the version; the trail says the system did it.
    await openedSecondsAgo(rollout.id, 0, 3601);
    const before = await lastAuditId();
    expect(await check(other.token, other.device, "1.0.0")).toMatchObject({ version: "2.0.0", rollout_id: rollout.id });
    expect(await rowsSince(before, "system")).toMatchObject([
      { action: "rollouts.auto_advance", target: { id: String(rollout.id) }, detail: { opened_stage: 1 } },
    ]);

    // The last stage soaked with its sample: reading the rollout finishes it.
    expect((await report(other.token, other.device, { status: "success", version: "2.0.0" })).status).toBe(200);
    await openedSecondsAgo(rollout.id, 1, 3601);
    expect(await getRollout(rollout.id)).toMatchObject({ state: "finished" });
  });

  it("keeps a group's rollout to the devices carrying its tags; the others keep the model's default", async () => {
    const model = await createModel();
    await publish(model, "1.0.0");
    const beta = await taggedDevice(model, ["beta", "eu"]);
    const plain = await taggedDevice(model, ["eu"]);
    expect((await api(`/device-models/${model}/groups`, { method: "POST", json: { key: "beta", tags: ["beta"] } })).status).toBe(201);
    await publish(model, "2.0.0");
    const rollout = await startedRollout({ model, group: "beta", version: "2.0.0", stages: [{ percent: 100 }] });
    expect(rollout.group).toBe("beta");
    expect(await check(beta.token, beta.device, "1.0.0")).toMatchObject({ version: "2.0.0", rollout_id: rollout.id });
    // 2.0.0 belongs to the rollout: a device outside the group is offered nothing newer than it has.
    expect(await check(plain.token, plain.device, "1.0.0")).toBeNull();
    // A model-wide rollout may run beside the group's: its target is another.
    expect((await act((await createRollout({ model, version: "1.0.0", stages: [{ percent: 100 }] })).id, "start")).status).toBe(200);
  });
});

describe("device tags and groups", () => {
  it("stores tags sorted and unique, keeps them and the pin when a PUT leaves them out, and lists and deletes groups", async () => {
    const model = await createModel();
    const key = uniqueKey("tagged");
    const put = (json: unknown) => api(`/devices/${key}`, { method: "PUT", json });
    expect((await put({ model, tags: ["eu", "beta", "eu"] })).status).toBe(201);
    expect(await (await put({ model, name: "Hall" })).json()).toMatchObject({ tags: ["beta", "eu"], pinned_version: null, name: "Hall" });
    expect(await (await put({ model, tags: [] })).json()).toMatchObject({ tags: [] });

    expect((await api(`/device-models/${model}/groups`, { method: "POST", json: { key: "eu", tags: ["eu"] } })).status).toBe(201);
    expect((await api(`/device-models/${model}/groups`, { method: "POST", json: { key: "eu", tags: ["eu"] } })).status).toBe(409);
    expect(await (await api(`/device-models/${model}/groups`)).json()).toMatchObject([{ key: "eu", tags: ["eu"], model }]);
    expect((await api(`/device-models/${model}/groups/eu`, { method: "DELETE" })).status).toBe(204);
    expect((await api(`/device-models/${model}/groups/eu`, { method: "DELETE" })).status).toBe(404);
  });
});
