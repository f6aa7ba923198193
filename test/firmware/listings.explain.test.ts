import { describe, expect, it } from "vitest";
import { API_TOKEN } from "../support/api";
import { ORIGIN } from "../support/blobs";
import { createDevice, createModel } from "../support/firmware";
import { fullReads, queryPlan, recordingQueries } from "../support/query-plans";
import { fetchWith } from "../support/worker";

/**
 * The console's fleet and queue listings read their page through an index
 * and stop: a fleet of a million devices, each with its dumps, must not be
 * read end to end (or sorted) to show fifty of them.
 */
const TABLES = ["devices", "coredumps"];

async function plansOf(path: string): Promise<string[][]> {
  const { db, queries } = recordingQueries();
  const res = await fetchWith(new Request(`${ORIGIN}/api${path}`, { headers: { Authorization: `Bearer ${API_TOKEN}` } }), { DB: db });
  expect(res.status, await res.clone().text()).toBe(200);
  const reads = queries.filter((q) => /\bfrom "(devices|coredumps)"/i.test(q.sql));
  expect(reads.length).toBeGreaterThan(0);
  return Promise.all(reads.map((q) => queryPlan(q)));
}

const cases: Array<[string, (k: { model: string; device: string }) => string, RegExp]> = [
  ["the first page of devices", () => "/devices", /^SEARCH devices USING INDEX sqlite_autoindex_devices_1 \(key>\?\)$/],
  ["a later page of devices", (k) => `/devices?cursor=${k.device}`, /^SEARCH devices USING INDEX sqlite_autoindex_devices_1 \(key>\?\)$/],
  ["a model's devices", (k) => `/devices?model=${k.model}`, /^SEARCH devices USING (COVERING )?INDEX devices_by_model \(model_key=\? AND key>\?\)$/],
  ["the whole queue", () => "/coredumps", /^SEARCH coredumps USING INTEGER PRIMARY KEY \(rowid<\?\)$/],
  ["a later page of the queue", () => "/coredumps?cursor=1000", /^SEARCH coredumps USING INTEGER PRIMARY KEY \(rowid<\?\)$/],
  ["the queue of one status", () => "/coredumps?status=FAILED", /^SEARCH coredumps USING INDEX coredumps_by_status \(status=\? AND id<\?\)$/],
  ["a device's dumps", (k) => `/coredumps?device=${k.device}`, /^SEARCH coredumps USING INDEX coredumps_by_device \(device_key=\? AND id<\?\)$/],
  [
    "a device's dumps of one status",
    (k) => `/coredumps?device=${k.device}&status=PARSED&cursor=99`,
    /^SEARCH coredumps USING INDEX coredumps_by_device \(device_key=\? AND id<\?\)$/,
  ],
];

describe("listing statements read through an index (EXPLAIN QUERY PLAN)", () => {
  it.each(cases)("%s", async (_name, path, expected) => {
    const model = await createModel();
    const device = await createDevice(model);
    const plans = await plansOf(path({ model, device }));
    for (const plan of plans) expect(fullReads(plan, TABLES), plan.join("\n")).toEqual([]);
    expect(plans.flat()).toContainEqual(expect.stringMatching(expected));
  });
});
