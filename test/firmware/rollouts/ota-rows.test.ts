import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { as, createModel, deviceWithToken, publish } from "../../support/firmware";
import { startedRollout } from "../../support/rollouts";

/** Adds `n` devices of the model straight into D1, each with a row under the rollout when one is given (as if offered). */
async function seed(model: string, from: number, n: number, rolloutId?: number): Promise<void> {
  const series = `WITH RECURSIVE i(n) AS (SELECT ?2 UNION ALL SELECT n + 1 FROM i WHERE n < ?3)`;
  await env.DB.prepare(`INSERT INTO devices (key, model_key) ${series} SELECT ?1 || '-fleet-' || n, ?1 FROM i`)
    .bind(model, from, from + n - 1)
    .run();
  if (rolloutId !== undefined) {
    await env.DB.prepare(
      `INSERT INTO rollout_devices (rollout_id, device_key, stage, status) ${series} SELECT ?4, ?1 || '-fleet-' || n, 0, 'offered' FROM i`,
    )
      .bind(model, from, from + n - 1, rolloutId)
      .run();
  }
}

/** The rows the OTA check says it read (Server-Timing d1-rows-read). */
async function rowsRead(token: string, device: string): Promise<number> {
  const res = await as(token, `/devices/${device}/firmware?version=1.0.0`);
  expect(res.status).toBe(200);
  await res.arrayBuffer();
  const figure = /d1-rows-read;desc=(\d+)/.exec(res.headers.get("Server-Timing") ?? "")?.[1];
  expect(figure, res.headers.get("Server-Timing") ?? "no Server-Timing").toBeDefined();
  return Number(figure);
}

describe("the OTA check's D1 reads", { timeout: 120_000 }, () => {
  it("are the same number of rows in a fleet of 10 devices and of 4 000, with and without a rollout", async () => {
    const model = await createModel();
    await publish(model, "1.0.0");
    await publish(model, "2.0.0");
    const { device, token } = await deviceWithToken(model);
    await seed(model, 1, 10);
    const small = await rowsRead(token, device);
    await seed(model, 11, 4000);
    expect(await rowsRead(token, device)).toBe(small);
    expect(small).toBeGreaterThan(0);

    await publish(model, "3.0.0");
    const rollout = await startedRollout({ model, version: "3.0.0", stages: [{ percent: 100 }] });
    await rowsRead(token, device); // the first offer writes the device's row under the rollout
    const before = await rowsRead(token, device);
    await seed(model, 5000, 4000, rollout.id);
    expect(await rowsRead(token, device)).toBe(before);
  });
});
