import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { api } from "../../support/api";
import { problemCode } from "../../support/audit";
import { createModel, publish } from "../../support/firmware";
import { act, createRollout, postRollout, taggedDevice } from "../../support/rollouts";

async function model2() {
  const model = await createModel();
  await publish(model, "1.0.0");
  await publish(model, "2.0.0");
  return model;
}

describe("rollout transitions", { timeout: 60_000 }, () => {
  it("answers an action the state does not allow with a 409 naming the state and what it allows", async () => {
    const model = await model2();
    const { id } = await createRollout({ model, version: "2.0.0", stages: [{ percent: 100 }] });
    for (const action of ["pause", "resume", "advance"]) {
      const res = await act(id, action);
      expect(res.status, action).toBe(409);
      expect(await res.json(), action).toMatchObject({ state: "draft", allowed_actions: ["start", "cancel"] });
    }
    expect((await act(id, "start")).status).toBe(200);
    expect((await act(id, "start")).status).toBe(409);
    expect((await act(id, "resume")).status).toBe(409);
    expect((await act(id, "pause")).status).toBe(200);
    expect((await act(id, "advance")).status).toBe(409);
    expect((await act(id, "cancel")).status).toBe(200);
    for (const action of ["start", "pause", "resume", "cancel", "advance"]) {
      const res = await act(id, action);
      expect(await problemCode(res), action).toBe("conflict");
      expect(await res.json(), action).toMatchObject({ state: "cancelled", allowed_actions: [] });
    }
    expect((await act(999_999, "start")).status).toBe(404);
    expect((await act(0, "start")).status).toBe(404);
  });

  it("lets one rollout of a target run at a time, also when two start at once, and the database holds the rule", async () => {
    const model = await model2();
    const stages = [{ percent: 100 }];
    const [a, b] = [await createRollout({ model, version: "2.0.0", stages }), await createRollout({ model, version: "2.0.0", stages })];
    const both = await Promise.all([act(a.id, "start"), act(b.id, "start")]);
    expect(both.map((r) => r.status).sort()).toEqual([200, 409]);
    const loser = both[0]!.status === 409 ? both[0]! : both[1]!;
    const winner = loser === both[0] ? b : a;
    expect(await loser.json()).toMatchObject({ running_rollout_id: winner.id });
    // Paused, the target is free; resuming the first while the second runs is refused.
    expect((await act(winner.id, "pause")).status).toBe(200);
    const other = winner === a ? b : a;
    expect((await act(other.id, "start")).status).toBe(200);
    expect((await act(winner.id, "resume")).status).toBe(409);
    // Code aside, the index refuses a second running row of the same target.
    await expect(env.DB.prepare("UPDATE rollouts SET state = 'running' WHERE id = ?1").bind(winner.id).run()).rejects.toThrow(/UNIQUE/);
  });
});

describe("POST /api/rollouts", { timeout: 60_000 }, () => {
  it("refuses stages that do not add up, and names what it cannot find", async () => {
    const model = await model2();
    const device = await taggedDevice(model);
    const other = await taggedDevice(await createModel());
    const cases: Array<[unknown, number, string]> = [
      [{ model, version: "2.0.0", stages: [] }, 400, "stages"],
      [{ model, version: "2.0.0", stages: [{ percent: 50 }, { percent: 10 }] }, 400, "stages[1].percent"],
      [{ model, version: "2.0.0", stages: [{ percent: 10.001 }] }, 400, "stages[0].percent"],
      [{ model, version: "2.0.0", stages: [{ percent: 10, devices: [device.device] }] }, 400, "stages[0]"],
      [{ model, version: "2.0.0", stages: [{ devices: [device.device] }, { devices: [device.device] }] }, 400, "stages[1].devices"],
      [{ model, version: "2.0.0", stages: [{ percent: 101 }] }, 400, "stages[0].percent"],
      [{ model, version: "9.9.9", stages: [{ percent: 100 }] }, 422, "version"],
      [{ model: "no-such-model", version: "2.0.0", stages: [{ percent: 100 }] }, 422, "model"],
      [{ model, group: "nope", version: "2.0.0", stages: [{ percent: 100 }] }, 422, "group"],
      [{ model, version: "2.0.0", stages: [{ devices: [other.device] }] }, 422, other.device],
      [{ model, version: "2.0.0", stages: [{ devices: ["no-such-device"] }] }, 422, "no-such-device"],
      [{ model, version: "2.0.0", rollback: true, stages: [{ percent: 100 }] }, 422, "rollback"],
    ];
    for (const [body, status, detail] of cases) {
      const res = await postRollout(body as Parameters<typeof postRollout>[0]);
      expect(res.status, JSON.stringify(body)).toBe(status);
      expect(((await res.json()) as { detail: string }).detail, JSON.stringify(body)).toContain(detail);
    }
    // Nothing was recorded for any of them.
    expect((await env.DB.prepare("SELECT count(*) AS n FROM rollouts WHERE model_key = ?1").bind(model).first<{ n: number }>())!.n).toBe(0);
  });

  it("refuses a device's tags that are not short lowercase tokens, or too many", async () => {
    const model = await createModel();
    for (const tags of [["Beta"], ["a b"], ["x".repeat(33)], Array.from({ length: 17 }, (_, i) => `t${i}`)]) {
      expect((await api("/devices/tags-bad", { method: "PUT", json: { model, tags } })).status, JSON.stringify(tags)).toBe(400);
    }
  });

  it("keeps a group a live rollout names", async () => {
    const model = await model2();
    expect((await api(`/device-models/${model}/groups`, { method: "POST", json: { key: "beta", tags: ["beta"] } })).status).toBe(201);
    const { id } = await createRollout({ model, group: "beta", version: "2.0.0", stages: [{ percent: 100 }] });
    expect((await api(`/device-models/${model}/groups/beta`, { method: "DELETE" })).status).toBe(409);
    expect((await act(id, "cancel")).status).toBe(200);
    expect((await api(`/device-models/${model}/groups/beta`, { method: "DELETE" })).status).toBe(204);
  });
});
