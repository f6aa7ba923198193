import { createExecutionContext, createScheduledController, env, waitOnExecutionContext } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import worker from "../../src/index";
import { migrationLock } from "../../src/migration/lock";
import { API_TOKEN } from "../support/api";
import { ORIGIN, randomBytes, storeBytes } from "../support/blobs";
import { fixture } from "../support/fixtures";
import { resetMigrationState, seedLegacyPart } from "../support/legacy";
import { recordingDataset } from "../support/ops";
import { fetchWith } from "../support/worker";

describe("one Analytics Engine point per request", () => {
  it("writes route, status class, cache status, account, bytes and duration", async () => {
    const hash = await storeBytes(randomBytes(2048));
    const { dataset, points } = recordingDataset();
    const url = `${ORIGIN}/api/cas/${hash}?filename=m.bin`;

    await fetchWith(new Request(url), { METRICS: dataset });
    await fetchWith(new Request(url), { METRICS: dataset });
    await fetchWith(new Request(url, { headers: { "If-None-Match": `"${hash}"` } }), { METRICS: dataset });

    expect(points).toHaveLength(3);
    expect(points.map((p) => p.blobs)).toEqual([
      ["request", "/api/cas/:hash", "GET", "2xx", "miss", "anonymous"],
      ["request", "/api/cas/:hash", "GET", "2xx", "hit", "anonymous"],
      ["request", "/api/cas/:hash", "GET", "3xx", "revalidated", "anonymous"],
    ]);
    expect(points.map((p) => p.indexes)).toEqual([["/api/cas/:hash"], ["/api/cas/:hash"], ["/api/cas/:hash"]]);
    const [bytes, duration, thumbnailMs, status] = points[0]!.doubles!;
    expect(bytes).toBe(2048);
    expect(duration).toBeGreaterThanOrEqual(0);
    expect(thumbnailMs).toBe(0);
    expect(status).toBe(200);
  });

  it("names the account and the status class of an API call", async () => {
    const { dataset, points } = recordingDataset();
    await fetchWith(new Request(`${ORIGIN}/api/parts/nosuchpart`, { headers: { Authorization: `Bearer ${API_TOKEN}` } }), { METRICS: dataset });
    expect(points).toEqual([
      expect.objectContaining({ indexes: ["/api/parts/:key"], blobs: ["request", "/api/parts/:key", "GET", "4xx", "none", "static:API_TOKEN"] }),
    ]);
  });

  it("records the thumbnail generation time when a thumbnail is made, and none when it is read back", async () => {
    const hash = await storeBytes(fixture("baseline.jpg"));
    const { dataset, points } = recordingDataset();

    const made = await fetchWith(new Request(`${ORIGIN}/api/cas/${hash}?thumbnail=41`), { METRICS: dataset });
    const stored = await fetchWith(new Request(`${ORIGIN}/api/cas/${hash}?thumbnail=41&filename=other.jpg`), { METRICS: dataset });

    expect([made.status, stored.status]).toEqual([200, 200]);
    const timing = made.headers.get("Server-Timing")!;
    const steps = [...timing.matchAll(/(?:probe|decode|resize|encode|r2-read|r2-write);dur=(\d+)/g)].reduce((sum, m) => sum + Number(m[1]), 0);
    expect(points[0]!.doubles![2]).toBe(steps);
    expect(points[0]!.blobs![4]).toBe("miss");
    expect(stored.headers.get("Server-Timing")).not.toContain("decode");
    expect(points[1]!.doubles![2]).toBe(0);
  });
});

describe("one Analytics Engine point per migration batch", () => {
  it("writes the rows migrated and failed and the batch time from the cron trigger", async () => {
    const lease = await migrationLock(env).status();
    if (lease) await migrationLock(env).release(lease.owner, lease.token);
    await resetMigrationState();
    await seedLegacyPart([{}, {}, { bytes: null }]);
    const { dataset, points } = recordingDataset();

    const ctx = createExecutionContext();
    await worker.scheduled(createScheduledController({ cron: "* * * * *" }), { ...env, METRICS: dataset }, ctx);
    await waitOnExecutionContext(ctx);

    expect(points).toHaveLength(1);
    expect(points[0]).toMatchObject({ indexes: ["migration"], blobs: ["migration", "done"] });
    const [migrated, failed, ms] = points[0]!.doubles!;
    expect([migrated, failed]).toEqual([2, 1]);
    expect(ms).toBeGreaterThanOrEqual(0);
  });
});
