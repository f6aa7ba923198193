import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { scheduledRollouts } from "../../../src/firmware/rollouts/cron";
import { createModel, publish } from "../../support/firmware";
import { check, getRollout, openedSecondsAgo, report, startedRollout, taggedDevice } from "../../support/rollouts";

describe("the rollouts' cron", { timeout: 60_000 }, () => {
  it("opens the next stage of a running rollout once the open one is done, and finishes it after the last, with nobody asking", async () => {
    const model = await createModel();
    await publish(model, "1.0.0");
    await publish(model, "2.0.0");
    const [a, b] = [await taggedDevice(model), await taggedDevice(model)];
    const rollout = await startedRollout({
      model,
      version: "2.0.0",
      stages: [
        { devices: [a.device], min_soak_seconds: 600 },
        { devices: [b.device], min_soak_seconds: 600 },
      ],
    });
    const openStage = async () =>
      (await env.DB.prepare("SELECT open_stage, state FROM rollouts WHERE id = ?1").bind(rollout.id).first<{ open_stage: number; state: string }>())!;
    expect(await check(a.token, a.device, "1.0.0")).not.toBeNull();
    expect((await report(a.token, a.device, { status: "success", version: "2.0.0" })).status).toBe(200);
    // Not soaked yet: the tick leaves it.
    await scheduledRollouts(env);
    expect(await openStage()).toEqual({ open_stage: 0, state: "running" });
    await openedSecondsAgo(rollout.id, 0, 601);
    await scheduledRollouts(env);
    expect(await openStage()).toEqual({ open_stage: 1, state: "running" });

    expect(await check(b.token, b.device, "1.0.0")).not.toBeNull();
    expect((await report(b.token, b.device, { status: "success", version: "2.0.0" })).status).toBe(200);
    await openedSecondsAgo(rollout.id, 1, 601);
    await scheduledRollouts(env);
    expect(await openStage()).toEqual({ open_stage: 1, state: "finished" });
    expect((await getRollout(rollout.id)).stages.map((s) => s.success)).toEqual([1, 1]);
  });
});
