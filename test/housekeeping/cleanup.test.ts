import { createExecutionContext, createScheduledController, env, waitOnExecutionContext } from "cloudflare:test";
import { beforeEach, describe, expect, it } from "vitest";
import { cleanupBlockedBy, cleanupLegacy } from "../../src/housekeeping/cleanup";
import worker from "../../src/index";
import { randomBytes } from "../support/blobs";
import { admin, resetStore, step } from "../support/housekeeping";
import { seedLegacyPart } from "../support/legacy";
import { recordingBucket } from "../support/worker";

const enabled = { ...env, CAS_MIGRATION_DELETE_OLD_OBJECTS: "true" };
const cleanup = async (e: Env, overrides: Parameters<typeof step>[0] = {}) => cleanupLegacy(e, step(overrides), await cleanupBlockedBy(e));
const exists = async (key: string) => (await env.BUCKET.head(key)) !== null;
const migrateAll = async () => expect((await admin("/migration/run?batch_size=1000", "POST")).status).toBe(200);

beforeEach(resetStore);

describe("cleanup of legacy objects", () => {
  it("deletes nothing unless CAS_MIGRATION_DELETE_OLD_OBJECTS is true", async () => {
    const { rows } = await seedLegacyPart([{}]);
    await migrateAll();

    const result = await cleanup({ ...env, CAS_MIGRATION_DELETE_OLD_OBJECTS: "false" });

    expect(result).toMatchObject({
      dry_run: true,
      blocked_by: expect.stringContaining("CAS_MIGRATION_DELETE_OLD_OBJECTS"),
      deleted_ids: [rows[0]!.id],
    });
    expect(await exists(rows[0]!.legacyKey)).toBe(true);
  });

  it("deletes nothing while any row is pending or failed", async () => {
    const { rows } = await seedLegacyPart([{}, { bytes: null }]);
    await migrateAll();

    const result = await cleanup(enabled);

    expect(result.blocked_by).toBe("0 rows pending and 1 failed");
    expect(await exists(rows[0]!.legacyKey)).toBe(true);
  });

  it("deletes only migrated legacy objects whose CAS copy matches, and never a cas/ object", async () => {
    const shared = randomBytes(700);
    const { rows } = await seedLegacyPart([{ bytes: shared }, { bytes: shared }, {}]);
    await migrateAll();
    await env.BUCKET.put("parts/1/attachments/unknown.bin", "no row names me");
    const casBefore = (await env.BUCKET.list({ prefix: "cas/" })).objects.map((o) => o.key).sort();

    const dry = await cleanup(enabled, { dryRun: true });
    expect(await exists(rows[0]!.legacyKey)).toBe(true);
    const result = await cleanup(enabled);

    expect(dry.deleted_ids.sort()).toEqual(result.deleted_ids.sort());
    expect(result).toMatchObject({ dry_run: false, blocked_by: null, kept_unreferenced: 1, deleted: 3, kept: 1, done: true });
    expect(result.deleted_ids.sort()).toEqual(rows.map((r) => r.id).sort());
    for (const row of rows) expect(await exists(row.legacyKey)).toBe(false);
    expect(await exists("parts/1/attachments/unknown.bin")).toBe(true);
    expect((await env.BUCKET.list({ prefix: "cas/" })).objects.map((o) => o.key).sort()).toEqual(casBefore);
  });

  it("checks sizes from the listing and the row's cas_size: no R2 head per object", async () => {
    await seedLegacyPart(Array.from({ length: 12 }, () => ({})));
    await migrateAll();
    const { bucket, calls } = recordingBucket();

    const result = await cleanup({ ...enabled, BUCKET: bucket });

    expect(result.deleted).toBe(12);
    expect(calls).toEqual(["list", "delete"]);
  });

  it("keeps an object whose size differs from the blob its row points at", async () => {
    const { rows } = await seedLegacyPart([{}, {}]);
    await migrateAll();
    await env.DB.prepare("UPDATE part_attachments SET cas_size = cas_size + 1 WHERE id = ?1").bind(rows[0]!.id).run();

    const result = await cleanup(enabled);

    expect(result).toMatchObject({ deleted_ids: [rows[1]!.id], kept_unverified: 1 });
    expect(await exists(rows[0]!.legacyKey)).toBe(true);
  });

  it("verifies rows migrated before cas_size was recorded with a head of their blob", async () => {
    const { rows } = await seedLegacyPart([{}, {}]);
    await migrateAll();
    await env.DB.prepare("UPDATE part_attachments SET cas_size = NULL WHERE legacy_key IS NOT NULL").run();
    const hash = (await env.DB.prepare("SELECT sha256 FROM part_attachments WHERE id = ?1").bind(rows[1]!.id).first<{ sha256: string }>())!.sha256;
    await env.BUCKET.delete(`cas/${hash}`);

    const result = await cleanup(enabled);

    expect(result).toMatchObject({ deleted_ids: [rows[0]!.id], kept_unverified: 1 });
    expect(await exists(rows[1]!.legacyKey)).toBe(true);
  });

  it("resumes from its cursor in D1 and reports the pass", async () => {
    const { rows } = await seedLegacyPart(Array.from({ length: 7 }, () => ({})));
    await migrateAll();

    const steps = [];
    for (let i = 0; i < 5; i++) {
      steps.push(await cleanup(enabled, { maxObjects: 3 }));
      if (steps.at(-1)!.done) break;
    }

    expect(steps.map((s) => s.scanned)).toEqual([3, 3, 1]);
    expect(steps.flatMap((s) => s.deleted_ids).sort()).toEqual(rows.map((r) => r.id).sort());
    expect(steps.at(-1)!.pass).toMatchObject({ scanned: 7, deleted: 7, kept: 0 });
  });
});

describe("cleanup through the admin API and the cron", () => {
  it("answers a dry run by default with the progress fields", async () => {
    const { rows } = await seedLegacyPart([{}]);
    await migrateAll();

    const res = await admin("/migration/cleanup", "POST");

    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ dry_run: true, scanned: 1, deleted: 1, kept: 0, cursor: null, done: true, deleted_ids: [rows[0]!.id] });
    expect(await exists(rows[0]!.legacyKey)).toBe(true);
    expect(await (await admin("/migration/cleanup")).json()).toMatchObject({ pass: null, blocked_by: expect.stringContaining("CAS_MIGRATION") });
  });

  it("runs from the cron once enabled and the migration is done", async () => {
    const { rows } = await seedLegacyPart([{}, {}]);
    await migrateAll();

    const idle = createExecutionContext();
    await worker.scheduled(createScheduledController(), env, idle);
    await waitOnExecutionContext(idle);
    expect(await exists(rows[0]!.legacyKey)).toBe(true);

    const ctx = createExecutionContext();
    await worker.scheduled(createScheduledController(), enabled, ctx);
    await waitOnExecutionContext(ctx);
    for (const row of rows) expect(await exists(row.legacyKey)).toBe(false);
  });
});
