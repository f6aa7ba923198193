import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { createModel, publish } from "../../support/firmware";
import { checkIn } from "../../support/manifests";
import { capturingConsole } from "../../support/ops";
import { getRollout, startedRollout, taggedDevice } from "../../support/rollouts";

describe("OTA checks under a rollout without update-signing keys", { timeout: 20_000 }, () => {
  it("answers 503 manifests_unconfigured and counts no offer under the rollout", async () => {
    const model = await createModel();
    await publish(model, "1.0.0");
    await publish(model, "2.0.0");
    const d = await taggedDevice(model);
    const rollout = await startedRollout({ model, version: "2.0.0", stages: [{ percent: 100 }] });

    const { result: res } = await capturingConsole(() => checkIn(d.token, d.device, "1.0.0", { UPDATE_SIGNING_KEYS: "" }));
    expect(res.status).toBe(503);
    expect(((await res.json()) as { type: string }).type).toBe("urn:cas-edge:problem:manifests-unconfigured");
    // The device was never offered the rollout's version: no row under the rollout, no count in its stage.
    expect((await getRollout(rollout.id)).stages[0]!.offered).toBe(0);
    const under = await env.DB.prepare("SELECT COUNT(*) AS n FROM rollout_devices WHERE rollout_id = ?1").bind(rollout.id).first<{ n: number }>();
    expect(under!.n).toBe(0);
  });
});
