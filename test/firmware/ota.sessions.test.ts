import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { ORIGIN } from "../support/blobs";
import { createModel, publish } from "../support/firmware";
import { startedRollout, taggedDevice } from "../support/rollouts";
import { fetchWith, wrapDb } from "../support/worker";

/** Every statement prepared and every batch sent while the OTA check runs, named by where it went: the primary binding or the request's session. */
function recordingWhere() {
  const calls: string[] = [];
  const db = wrapDb(env.DB, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (typeof value !== "function" || (prop !== "prepare" && prop !== "batch")) return value;
      return (...args: unknown[]) => {
        const where = target === env.DB ? "primary" : "session";
        calls.push(prop === "batch" ? `${where} batch` : `${where} ${String(args[0]).trim().split(/\s+/).slice(0, 3).join(" ")}`);
        return value.apply(target, args);
      };
    },
  });
  return { db, calls };
}

describe("the OTA check's D1 trips", { timeout: 30_000 }, () => {
  it("reads in the request's session in one batch and writes on the primary in one trip, offer or not", async () => {
    const model = await createModel();
    await publish(model, "1.0.0");
    await publish(model, "2.0.0");
    const { device, token } = await taggedDevice(model);
    await startedRollout({ model, version: "2.0.0", stages: [{ percent: 100 }] });

    for (const [running, status] of [
      ["1.0.0", 200],
      ["2.0.0", 204],
    ] as const) {
      const { db, calls } = recordingWhere();
      const res = await fetchWith(
        new Request(`${ORIGIN}/api/devices/${device}/firmware`, { headers: { Authorization: `Bearer ${token}`, "X-Firmware-Version": running } }),
        { DB: db },
      );
      expect(res.status, running).toBe(status);
      await res.arrayBuffer();
      // The guard's own reads (token and account checks) come first; the check's start at its read of the device.
      const ota = calls.slice(calls.findIndex((c) => c.startsWith("session SELECT key, model_key")));
      const batches = ota.filter((c) => c.endsWith("batch"));
      // An offer's writes are one batch; without one the running version is the only write, a single statement.
      expect(batches, running).toEqual(status === 200 ? ["session batch", "primary batch"] : ["session batch"]);
      // What the session runs only reads; every write goes to the primary.
      expect(
        ota.filter((c) => c.startsWith("session ") && !/^session (SELECT|batch)/.test(c)),
        running,
      ).toEqual([]);
      expect(ota.filter((c) => /^primary (UPDATE|INSERT)/.test(c)).length, running).toBe(running === "1.0.0" ? 4 : 1);
    }
  });
});
