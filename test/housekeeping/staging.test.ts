import { createExecutionContext, createScheduledController, env, waitOnExecutionContext } from "cloudflare:test";
import { beforeEach, describe, expect, it } from "vitest";
import { OLD_STAGING_PREFIX, STAGING_PREFIX } from "../../src/blobs/keys";
import { STAGING_GRACE_HOURS, sweepStaging } from "../../src/housekeeping/staging";
import worker from "../../src/index";
import { DAY, resetStore, step } from "../support/housekeeping";

beforeEach(resetStore);

const exists = async (key: string) => (await env.BUCKET.head(key)) !== null;
const keys = async (prefix: string) => (await env.BUCKET.list({ prefix })).objects.map((o) => o.key).sort();
/** A sweep whose clock reads `now`: R2's upload dates cannot be faked, the sweep's clock can. */
const sweepAt = (now: number, overrides = {}) => sweepStaging(env, step({ now, graceHours: STAGING_GRACE_HOURS, ...overrides }));

describe("the staging sweep", () => {
  it("keeps a staging object younger than the grace period and deletes it once older", async () => {
    await env.BUCKET.put(`${STAGING_PREFIX}fresh`, "bytes of a request still streaming");

    const now = await sweepAt(Date.now());
    expect(now).toMatchObject({ scanned: 1, deleted: 0, kept: 1, done: true });
    expect(await exists(`${STAGING_PREFIX}fresh`)).toBe(true);

    const dayLater = await sweepAt(Date.now() + DAY + 3_600_000);
    expect(dayLater).toMatchObject({ scanned: 1, deleted: 1, done: true });
    expect(await exists(`${STAGING_PREFIX}fresh`)).toBe(false);
  });

  it("empties the uploads/ prefix earlier versions staged under, and touches nothing else", async () => {
    const others = ["cas/" + "a".repeat(64), `thumbnails/${"a".repeat(64)}_150.jpg`, "parts/1/attachments/x.bin"];
    for (const key of [...others, `${OLD_STAGING_PREFIX}left-1`, `${OLD_STAGING_PREFIX}left-2`, `${STAGING_PREFIX}left-3`])
      await env.BUCKET.put(key, "x");

    const result = await sweepAt(Date.now() + 2 * DAY);

    expect(result).toMatchObject({ scanned: 3, deleted: 3, done: true });
    expect(await keys(STAGING_PREFIX)).toEqual([]);
    expect(await keys(OLD_STAGING_PREFIX)).toEqual([]);
    for (const key of others) expect(await exists(key)).toBe(true);
  });

  it("walks both prefixes across invocations with its cursor and object budget", async () => {
    const all = [`${STAGING_PREFIX}s1`, `${STAGING_PREFIX}s2`, `${OLD_STAGING_PREFIX}u1`, `${OLD_STAGING_PREFIX}u2`];
    for (const key of all) await env.BUCKET.put(key, "x");
    const later = Date.now() + 2 * DAY;

    const first = await sweepAt(later, { pageSize: 1, maxObjects: 3 });
    expect(first).toMatchObject({ scanned: 3, deleted: 3, done: false, stopped_by: "object_budget" });
    expect(await keys(OLD_STAGING_PREFIX)).toEqual([`${OLD_STAGING_PREFIX}u2`]);

    const second = await sweepAt(later, { pageSize: 1, maxObjects: 3 });
    expect(second).toMatchObject({ deleted: 1, done: true, stopped_by: "done" });
    expect(second.pass).toMatchObject({ scanned: 4, deleted: 4 });
    for (const key of all) expect(await exists(key)).toBe(false);
  });

  it("deletes nothing on a dry run", async () => {
    await env.BUCKET.put(`${STAGING_PREFIX}old`, "x");
    expect(await sweepAt(Date.now() + 2 * DAY, { dryRun: true })).toMatchObject({ scanned: 1, deleted: 1, dry_run: true });
    expect(await exists(`${STAGING_PREFIX}old`)).toBe(true);
  });

  it("runs a step from the cron, which keeps what is younger than a day", async () => {
    await env.BUCKET.put(`${STAGING_PREFIX}young`, "x");
    const ctx = createExecutionContext();
    await worker.scheduled(createScheduledController(), env, ctx);
    await waitOnExecutionContext(ctx);

    const pass = await env.DB.prepare("SELECT scanned, grace_hours, finished_at FROM housekeeping_passes WHERE task = 'staging'").first();
    expect(pass).toMatchObject({ scanned: 1, grace_hours: STAGING_GRACE_HOURS });
    expect(pass!.finished_at).not.toBeNull();
    expect(await exists(`${STAGING_PREFIX}young`)).toBe(true);
  });
});
