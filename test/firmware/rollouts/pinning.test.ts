import { describe, expect, it } from "vitest";
import { api } from "../../support/api";
import { createModel, publish } from "../../support/firmware";
import { act, check, createRollout, postRollout, startedRollout, taggedDevice } from "../../support/rollouts";

describe("pinned devices and rollbacks", { timeout: 60_000 }, () => {
  it("offers a pinned device exactly its pinned version, or nothing, whatever a rollout offers the others", async () => {
    const model = await createModel();
    await publish(model, "1.0.0");
    await publish(model, "2.0.0");
    await publish(model, "3.0.0");
    const pinned = await taggedDevice(model);
    const free = await taggedDevice(model);
    expect((await api(`/devices/${pinned.device}`, { method: "PUT", json: { model, pinned_version: "2.0.0" } })).status).toBe(200);
    const rollout = await startedRollout({ model, version: "3.0.0", stages: [{ percent: 100 }] });
    expect(await check(free.token, free.device, "1.0.0")).toMatchObject({ version: "3.0.0", rollout_id: rollout.id });
    expect(await check(pinned.token, pinned.device, "1.0.0")).toMatchObject({ version: "2.0.0", rollout_id: null, allow_downgrade: true });
    expect(await check(pinned.token, pinned.device, "2.0.0")).toBeNull();
    // Pinned back from a newer build: the pin goes down with it.
    expect(await check(pinned.token, pinned.device, "3.0.0")).toMatchObject({ version: "2.0.0", allow_downgrade: true });
    // A pin must name a version of the model; null unpins.
    const bad = await api(`/devices/${pinned.device}`, { method: "PUT", json: { model, pinned_version: "9.9.9" } });
    expect(bad.status).toBe(422);
    expect(await check(pinned.token, pinned.device, "1.0.0")).toMatchObject({ version: "2.0.0" });
    expect(await (await api(`/devices/${pinned.device}`, { method: "PUT", json: { model, pinned_version: null } })).json()).toMatchObject({
      pinned_version: null,
    });
    expect(await check(pinned.token, pinned.device, "1.0.0")).toMatchObject({ version: "3.0.0", rollout_id: rollout.id });
  });

  it("rolls a model back to an older version with allow_downgrade, which an ordinary rollout never does", async () => {
    const model = await createModel();
    await publish(model, "1.0.0");
    await publish(model, "2.0.0");
    const d = await taggedDevice(model);
    const forward = await createRollout({ model, version: "1.0.0", stages: [{ percent: 100 }] });
    expect((await act(forward.id, "start")).status).toBe(200);
    // Not a rollback: a device on 2.0.0 is not taken down to 1.0.0.
    expect(await check(d.token, d.device, "2.0.0")).toBeNull();
    expect((await act(forward.id, "cancel")).status).toBe(200);

    const back = await startedRollout({ model, version: "1.0.0", rollback: true, stages: [{ percent: 100 }] });
    expect(back.rollback).toBe(true);
    expect(await check(d.token, d.device, "2.0.0")).toMatchObject({ version: "1.0.0", rollout_id: back.id, allow_downgrade: true });
    expect(await check(d.token, d.device, "1.0.0")).toBeNull();
    // A rollback to the newest version is no rollback.
    expect((await postRollout({ model, version: "2.0.0", rollback: true, stages: [{ percent: 100 }] })).status).toBe(422);
  });
});
