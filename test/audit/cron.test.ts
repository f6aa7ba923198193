import { createExecutionContext, createScheduledController, env, waitOnExecutionContext } from "cloudflare:test";
import { beforeEach, describe, expect, it } from "vitest";
import { STAGING_PREFIX } from "../../src/blobs/keys";
import { scheduledCleanup, scheduledGc } from "../../src/housekeeping/cron";
import worker from "../../src/index";
import { scheduledBatch } from "../../src/migration/cron";
import { insertRows, lastAuditId, rowsSince } from "../support/audit";
import { randomBytes } from "../support/blobs";
import { fakeHash, putOrphan, resetStore } from "../support/housekeeping";
import { seedLegacyPart } from "../support/legacy";
import { capturingConsole } from "../support/ops";
import { createUpload } from "../support/uploads";

/** The cron's runs in the audit trail: sub "cron", no request, their figures as detail. */

beforeEach(resetStore);

async function tick(e: Env = env): Promise<void> {
  const ctx = createExecutionContext();
  await worker.scheduled(createScheduledController({ cron: "* * * * *" }), e, ctx);
  await waitOnExecutionContext(ctx);
}

describe("cron runs in the audit trail", () => {
  it("writes one row per job that did something, with its figures, and none for a tick with nothing to do", async () => {
    await putOrphan(fakeHash(1));
    await env.BUCKET.put(`${STAGING_PREFIX}left-by-a-dead-request`, "partial");
    await seedLegacyPart([{}]);
    const session = await createUpload(randomBytes(100));
    await env.DB.prepare("UPDATE upload_sessions SET expires_at = '2000-01-01T00:00:00.000Z' WHERE id = ?1").bind(session.id).run();
    await insertRows([{ at: "2000-01-01T00:00:00.000Z", sub: `old-${crypto.randomUUID()}`, action: "test.ancient" }]);

    const before = await lastAuditId();
    await capturingConsole(() => tick());
    const rows = await rowsSince(before, "cron");

    const byAction = Object.fromEntries(rows.map((row) => [row.action, row]));
    expect(rows.map((row) => row.action).sort()).toEqual([
      "audit.retention",
      "gc.run",
      "migration.run",
      "staging.sweep",
      "uploads.sweep",
      "visibility.run",
    ]);
    for (const row of rows) expect(row, row.action).toMatchObject({ sub: "cron", request_id: null, target: null, status: null, error: null });
    expect(byAction["migration.run"]!.detail).toEqual({ dry_run: false, migrated: 1, failed: 0, stopped_by: "done" });
    expect(byAction["uploads.sweep"]!.detail).toEqual({ removed: 1, failed: 0 });
    expect(byAction["gc.run"]!.detail).toMatchObject({ dry_run: false, deleted: 0, done: true, stopped_by: "done", thumbnails_deleted: 0 });
    expect(byAction["gc.run"]!.detail!.scanned).toBeGreaterThanOrEqual(1);
    // Young staging objects are kept: scanned, not deleted.
    expect(byAction["staging.sweep"]!.detail).toMatchObject({ deleted: 0, done: true });
    expect(byAction["audit.retention"]!.detail).toMatchObject({ deleted: expect.any(Number), before: expect.any(String) });
    // The pass walked the legacy part's row (a public part's: nothing to move).
    expect(byAction["visibility.run"]!.detail).toMatchObject({ dry_run: false, deleted: 0, done: true, moved: 0, missing: 0 });

    // The passes now rest, nothing is pending, nothing has expired: the next tick leaves no trace.
    const quiet = await lastAuditId();
    await capturingConsole(() => tick());
    expect(await rowsSince(quiet, "cron")).toEqual([]);
  });

  it("records a cleanup step once the operator enabled it and the migration is done", async () => {
    await seedLegacyPart([{}]);
    await capturingConsole(() => scheduledBatch(env));
    const before = await lastAuditId();
    await capturingConsole(() => scheduledCleanup({ ...env, CAS_MIGRATION_DELETE_OLD_OBJECTS: "true" }));
    const [row] = await rowsSince(before, "cron");
    expect(row).toMatchObject({ action: "migration.cleanup", detail: { dry_run: false, scanned: 1, deleted: 1, kept: 0, stopped_by: "done" } });
  });

  it("records a run that failed, with why, and still fails it", async () => {
    const broken = new Proxy(env.BUCKET, {
      get(target, prop, receiver) {
        if (prop === "list") return () => Promise.reject(new Error("R2 list failed (test)"));
        const value = Reflect.get(target, prop, receiver);
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
    const before = await lastAuditId();
    await expect(scheduledGc({ ...env, BUCKET: broken })).rejects.toThrow("R2 list failed (test)");
    expect(await rowsSince(before, "cron")).toEqual([
      expect.objectContaining({ action: "gc.run", error: "R2 list failed (test)", detail: null, status: null }),
    ]);
  });
});
