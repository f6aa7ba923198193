import { createExecutionContext, createScheduledController, env, waitOnExecutionContext } from "cloudflare:test";
import { beforeEach, describe, expect, it } from "vitest";
import { collectGarbage } from "../../src/housekeeping/gc";
import worker from "../../src/index";
import { casGet, randomBytes, sha256, storeBytes } from "../support/blobs";
import { fixture } from "../support/fixtures";
import { admin, fakeHash, putOrphan, referenceFromRow, resetStore, step } from "../support/housekeeping";
import { recordingBucket } from "../support/worker";

beforeEach(resetStore);

const exists = async (key: string) => (await env.BUCKET.head(key)) !== null;

describe("orphan blob GC", () => {
  it("keeps referenced and young blobs and collects old orphans with their thumbnails", async () => {
    const referenced = await storeBytes(fixture("small.png"));
    await referenceFromRow(referenced);
    const orphan = await storeBytes(fixture("alpha.png"));
    for (const hash of [referenced, orphan]) expect((await casGet(hash, "?thumbnail=20")).status).toBe(200);
    await env.BUCKET.put(`thumbnails/${orphan}.undecodable`, "");

    const young = await collectGarbage(env, step({ now: Date.now() }));
    expect(young).toMatchObject({ collected: [], kept_young: 2, done: true, stopped_by: "done" });

    const later = await collectGarbage(env, step());

    expect(later).toMatchObject({
      dry_run: false,
      collected: [orphan],
      scanned: 2,
      deleted: 1,
      kept: 1,
      kept_in_use: 1,
      thumbnails_deleted: 2,
      done: true,
    });
    expect(await exists(`cas/${orphan}`)).toBe(false);
    expect(await exists(`thumbnails/${orphan}_20.jpg`)).toBe(false);
    expect(await exists(`thumbnails/${orphan}.undecodable`)).toBe(false);
    expect(await exists(`cas/${referenced}`)).toBe(true);
    expect(await exists(`thumbnails/${referenced}_20.jpg`)).toBe(true);
  });

  it("keeps a blob that an upload claimed after the cutoff, even with no row yet", async () => {
    const bytes = randomBytes(100);
    const hash = await sha256(bytes);
    await putOrphan(hash, bytes);
    const before = Date.now();
    await storeBytes(bytes); // a PUT that deduplicates: it claims the blob
    const claimedAt = (await env.DB.prepare("SELECT claimed_at FROM blob_claims WHERE hash = ?1").bind(hash).first<{ claimed_at: number }>())!
      .claimed_at;
    expect(claimedAt).toBeGreaterThanOrEqual(before);

    // A pass whose cutoff is the claim's time keeps the blob; one a millisecond later collects it.
    const kept = await collectGarbage(env, step({ now: claimedAt, graceHours: 0 }));
    const collected = await collectGarbage(env, step({ now: claimedAt + 1, graceHours: 0 }));

    expect(kept).toMatchObject({ collected: [], kept_in_use: 1 });
    expect(collected.collected).toEqual([hash]);
  });

  it("deletes leftover thumbnails whose blob is gone", async () => {
    const live = fakeHash(5);
    await putOrphan(live);
    await referenceFromRow(live);
    await env.BUCKET.put(`thumbnails/${fakeHash(1)}_150.jpg`, "left over");
    await env.BUCKET.put(`thumbnails/${fakeHash(9)}_150.jpg`, "left over");
    await env.BUCKET.put(`thumbnails/${live}_150.jpg`, "live");

    const result = await collectGarbage(env, step());

    expect(result.thumbnails_deleted).toBe(2);
    expect((await env.BUCKET.list({ prefix: "thumbnails/" })).objects.map((o) => o.key)).toEqual([`thumbnails/${live}_150.jpg`]);
  });

  it("lists without deleting on a dry run, and pages with the cursor it returns", async () => {
    const orphans = Array.from({ length: 5 }, (_, i) => fakeHash(i));
    for (const hash of orphans) await putOrphan(hash);

    const first = await collectGarbage(env, step({ dryRun: true, maxObjects: 3 }));
    const second = await collectGarbage(env, step({ dryRun: true, maxObjects: 3, cursor: first.cursor }));

    expect(first).toMatchObject({
      dry_run: true,
      collected: orphans.slice(0, 3),
      done: false,
      stopped_by: "object_budget",
      cursor: `cas/${orphans[2]}`,
    });
    expect(second).toMatchObject({ collected: orphans.slice(3), done: true, pass: null });
    for (const hash of orphans) expect(await exists(`cas/${hash}`)).toBe(true);
    expect((await env.DB.prepare("SELECT COUNT(*) AS n FROM blob_claims").first<{ n: number }>())!.n).toBe(0);
    expect(await env.DB.prepare("SELECT * FROM housekeeping_passes").all()).toMatchObject({ results: [] });
  });

  it("resumes from its cursor in D1 across invocations, with its thumbnails decided page by page", async () => {
    const hashes = Array.from({ length: 25 }, (_, i) => fakeHash(i));
    for (const [i, hash] of hashes.entries()) {
      await putOrphan(hash);
      await env.BUCKET.put(`thumbnails/${hash}_150.jpg`, "t");
      if (i % 5 === 0) await referenceFromRow(hash);
    }
    const steps = [];
    for (let i = 0; i < 10; i++) {
      const result = await collectGarbage(env, step({ maxObjects: 7 }));
      steps.push(result);
      const cas = (await env.BUCKET.list({ prefix: "cas/" })).objects.map((o) => o.key.slice(4));
      const thumbs = (await env.BUCKET.list({ prefix: "thumbnails/" })).objects.map((o) => o.key.slice(11, 75));
      // A thumbnail never outlives its blob's decision and never goes before it.
      expect(thumbs).toEqual(cas);
      if (result.done) break;
    }

    expect(steps.map((s) => s.scanned)).toEqual([7, 7, 7, 4]);
    expect(steps.map((s) => s.done)).toEqual([false, false, false, true]);
    expect(steps[1]!.cursor).toBe(`cas/${hashes[13]}`);
    expect(steps.at(-1)!.pass).toMatchObject({ scanned: 25, deleted: 20, kept: 5 });
    expect(steps.at(-1)!.pass!.finished_at).not.toBeNull();
    expect((await env.BUCKET.list({ prefix: "cas/" })).objects.map((o) => o.key)).toEqual(
      hashes.filter((_, i) => i % 5 === 0).map((h) => `cas/${h}`),
    );
  });

  it("decides each page in bulk: one list of cas/, one of thumbnails/, one delete, no head; then the same for the private space", async () => {
    for (let i = 0; i < 30; i++) await putOrphan(fakeHash(i));
    const { bucket, calls } = recordingBucket();

    await collectGarbage({ ...env, BUCKET: bucket }, step());

    // The empty private/cas/ costs its list and the list of private/thumbnails/ (leftovers), and deletes nothing.
    expect(calls).toEqual(["list", "list", "delete", "list", "list"]);
  });

  it("stops at its time budget and saves its place", async () => {
    for (let i = 0; i < 3; i++) await putOrphan(fakeHash(i));
    const result = await collectGarbage(env, step({ budgetMs: 0 }));
    expect(result).toMatchObject({ scanned: 0, done: false, stopped_by: "time_budget" });
  });

  it("starts a finished pass again only after its rest period", async () => {
    await putOrphan(fakeHash(1));
    expect((await collectGarbage(env, step({ restMs: 3_600_000 }))).done).toBe(true);
    await putOrphan(fakeHash(2));

    const resting = await collectGarbage(env, step({ restMs: 3_600_000 }));
    const again = await collectGarbage(env, step({ restMs: 0 }));

    expect(resting).toMatchObject({ stopped_by: "resting", scanned: 0 });
    expect(again).toMatchObject({ collected: [fakeHash(2)], done: true });
  });
});

describe("GC through the admin API and the cron", () => {
  it("reports progress: scanned, deleted, kept, cursor, done and the pass so far", async () => {
    await putOrphan(fakeHash(1));
    const res = await admin("/gc?dry_run=false&grace_hours=1", "POST");
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ dry_run: false, scanned: 1, deleted: 0, kept: 1, cursor: null, done: true, grace_hours: 1 });

    const status = (await (await admin("/gc")).json()) as { pass: Record<string, unknown> };
    expect(status.pass).toMatchObject({ scanned: 1, deleted: 0, kept: 1, grace_hours: 1 });
  });

  it("runs a GC step from the cron beside the migration batch", async () => {
    await putOrphan(fakeHash(1));
    const ctx = createExecutionContext();
    await worker.scheduled(createScheduledController(), env, ctx);
    await waitOnExecutionContext(ctx);

    const pass = await env.DB.prepare("SELECT scanned, finished_at, held_by FROM housekeeping_passes WHERE task = 'gc'").first();
    expect(pass).toMatchObject({ scanned: 1, held_by: null });
    expect(pass!.finished_at).not.toBeNull();
    // Young under the cron's 24 h grace period.
    expect(await exists(`cas/${fakeHash(1)}`)).toBe(true);
  });

  it("does not collect from the cron outside edit mode", async () => {
    await putOrphan(fakeHash(1));
    const ctx = createExecutionContext();
    await worker.scheduled(createScheduledController(), { ...env, STORAGE_MODE: "rw" } as Env, ctx);
    await waitOnExecutionContext(ctx);
    expect(await env.DB.prepare("SELECT * FROM housekeeping_passes WHERE task = 'gc'").first()).toBeNull();
  });
});
