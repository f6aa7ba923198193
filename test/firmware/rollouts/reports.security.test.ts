import { describe, expect, it } from "vitest";
import { api } from "../../support/api";
import { as, createModel, publish } from "../../support/firmware";
import { check, getRollout, report, startedRollout, taggedDevice } from "../../support/rollouts";
import { tokenWith } from "../../support/tokens";

describe("update reports", { timeout: 60_000 }, () => {
  it("come from a device's own token for its own device only; another device's report is refused as if it did not exist", async () => {
    const model = await createModel();
    await publish(model, "1.0.0");
    await publish(model, "2.0.0");
    const a = await taggedDevice(model);
    const b = await taggedDevice(model);
    const rollout = await startedRollout({ model, version: "2.0.0", stages: [{ percent: 100, max_failure_ratio: 0, min_sample: 1 }] });
    expect(await check(b.token, b.device, "1.0.0")).not.toBeNull();

    // A cannot report B's failure (which would halt the rollout), nor about a device that does not exist.
    const forged = await report(a.token, b.device, { status: "failure", version: "1.0.0" });
    expect(forged.status).toBe(404);
    expect((await report(a.token, "no-such-device", { status: "failure", version: "1.0.0" })).status).toBe(404);
    expect(await getRollout(rollout.id)).toMatchObject({ state: "running" });
    expect((await getRollout(rollout.id)).stages[0]).toMatchObject({ failure: 0 });
    expect(((await (await api(`/devices/${b.device}`)).json()) as { firmware_version: string }).firmware_version).toBe("1.0.0");

    // Operators and parsers have no device: they cannot report either.
    const { token: parser } = await tokenWith(["coredumps:parse"]);
    expect((await api(`/devices/${b.device}/update-status`, { method: "POST", json: { status: "failure", version: "1.0.0" } })).status).toBe(403);
    expect((await report(parser, b.device, { status: "failure", version: "1.0.0" })).status).toBe(403);
    // And a device token reaches no rollout or group endpoint.
    for (const [method, path] of [
      ["GET", "/rollouts"],
      ["POST", `/rollouts/${rollout.id}/pause`],
      ["GET", `/device-models/${model}/groups`],
    ]) {
      expect((await as(a.token, path!, { method })).status, `${method} ${path}`).toBe(403);
    }
  });
});
