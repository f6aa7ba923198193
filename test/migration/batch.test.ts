import { createExecutionContext, createScheduledController, env, runDurableObjectAlarm, waitOnExecutionContext } from "cloudflare:test";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import worker from "../../src/index";
import { runBatch } from "../../src/migration/batch";
import { migrationLock } from "../../src/migration/lock";
import { migrateRow } from "../../src/migration/migrate-row";
import { migrationStatus } from "../../src/migration/status";
import { randomBytes, sha256 } from "../support/blobs";
import { releaseMigrationLock, resetMigrationState, rowHash, seedLegacyPart } from "../support/legacy";
import { recordingBucket } from "../support/worker";

const batch = (overrides: Partial<Parameters<typeof runBatch>[1]> = {}, bindings: Partial<Env> = {}) =>
  migrationLock(env)
    .acquire(`test-${crypto.randomUUID()}`, 60_000)
    .then((lease) => runBatch({ ...env, ...bindings }, { token: lease!.token, batchSize: 100, budgetMs: 60_000, dryRun: false, ...overrides }));

// Fault-injection tests expect the batch to log the error it stopped on; they capture it.
afterEach(() => vi.restoreAllMocks());
const captureErrors = () => vi.spyOn(console, "error").mockImplementation(() => {});

async function cron() {
  const ctx = createExecutionContext();
  await worker.scheduled(createScheduledController({ cron: "* * * * *" }), env, ctx);
  await waitOnExecutionContext(ctx).catch(() => undefined);
}

beforeEach(async () => {
  await releaseMigrationLock();
  await resetMigrationState();
});

describe("legacy rows move to CAS", () => {
  it("migrates a legacy row to its CAS key on the cron trigger", async () => {
    const { rows } = await seedLegacyPart([{}]);
    const row = rows[0]!;

    await cron();

    const hash = await sha256(row.bytes!);
    expect(await rowHash(row.id)).toBe(hash);
    const stored = await env.BUCKET.get(`cas/${hash}`);
    expect(new Uint8Array(await stored!.arrayBuffer())).toEqual(row.bytes);
    expect((await migrationStatus(env)).done).toBe(true);
  });

  it("skips rows already migrated: a rerun writes nothing", async () => {
    await seedLegacyPart([{}, {}]);
    await batch();
    await releaseMigrationLock();
    const { bucket, calls } = recordingBucket();

    const again = await batch({}, { BUCKET: bucket });

    expect(again.migrated).toEqual([]);
    expect(calls.filter((c) => c.startsWith("put"))).toEqual([]);
  });

  it("stores two rows with identical bytes as one blob with the same hash", async () => {
    const bytes = randomBytes(5000);
    const { rows } = await seedLegacyPart([{ bytes }, { bytes }]);

    await batch();

    const hash = await sha256(bytes);
    expect(await rowHash(rows[0]!.id)).toBe(hash);
    expect(await rowHash(rows[1]!.id)).toBe(hash);
    expect((await env.BUCKET.list({ prefix: `cas/${hash}` })).objects).toHaveLength(1);
  });

  it("migrates a zero-byte legacy file like any other", async () => {
    const { rows } = await seedLegacyPart([{ bytes: new Uint8Array(0) }, {}]);

    const result = await batch();

    expect(result).toMatchObject({ stoppedBy: "done", failed: [] });
    expect(result.migrated).toEqual(rows.map((r) => r.id));
    expect(await rowHash(rows[0]!.id)).toBe(await sha256(new Uint8Array(0)));
  });

  it("hashes a large object in two streaming reads", async () => {
    const bytes = randomBytes(9 * 1024 * 1024);
    const { rows } = await seedLegacyPart([{ bytes }]);

    const result = await batch();

    expect(result.migrated).toEqual([rows[0]!.id]);
    expect(await rowHash(rows[0]!.id)).toBe(await sha256(bytes));
  });
});

describe("failures are loud", () => {
  it("marks a row whose legacy object is missing as failed, continues, and is not done", async () => {
    const { rows } = await seedLegacyPart([{ bytes: null }, {}]);

    const result = await batch();

    expect(result.failed).toEqual([{ id: rows[0]!.id, error: expect.stringContaining("missing") }]);
    expect(result.migrated).toEqual([rows[1]!.id]);
    const status = await migrationStatus(env);
    expect(status).toMatchObject({ failed: 1, pending: 0, done: false });
    expect(status.failures[0]).toMatchObject({ attachment_id: rows[0]!.id, retryable: false });
  });

  it("stops the batch on an unexpected R2 error and records it", async () => {
    const { rows } = await seedLegacyPart([{}, {}]);
    const broken = new Proxy(env.BUCKET, {
      get(target, prop) {
        if (prop === "get") return () => Promise.reject(new Error("R2 is down"));
        const value = Reflect.get(target, prop);
        return typeof value === "function" ? value.bind(target) : value;
      },
    });

    const logged = captureErrors();

    const result = await batch({}, { BUCKET: broken });

    expect(logged).toHaveBeenCalledWith("migration batch stopped", rows[0]!.id, expect.objectContaining({ message: "R2 is down" }));
    expect(result).toMatchObject({ stoppedBy: "error", error: "R2 is down", migrated: [] });
    expect(result.failed).toHaveLength(1);
    expect(await rowHash(rows[1]!.id)).toBeNull();
    const run = await env.DB.prepare("SELECT stopped_by, error FROM migration_runs ORDER BY id DESC").first();
    expect(run).toEqual({ stopped_by: "error", error: "R2 is down" });
    expect((await migrationStatus(env)).done).toBe(false);
  });

  it("fails the cron invocation when the batch stops on an error", async () => {
    await seedLegacyPart([{}]);
    const broken = {
      ...env,
      BUCKET: new Proxy(env.BUCKET, {
        get: (t, p) => (p === "get" ? () => Promise.reject(new Error("boom")) : (Reflect.get(t, p).bind?.(t) ?? Reflect.get(t, p))),
      }),
    };
    const logged = captureErrors();
    const ctx = createExecutionContext();
    await worker.scheduled(createScheduledController(), broken, ctx);
    await expect(waitOnExecutionContext(ctx)).rejects.toThrow(/boom/);
    expect(logged).toHaveBeenCalledWith("migration batch stopped", expect.any(Number), expect.objectContaining({ message: "boom" }));
  });

  it("resumes after a crash between the R2 write and the row update, reusing the blob", async () => {
    const { rows } = await seedLegacyPart([{}]);
    const crashing = new Proxy(env.BUCKET, {
      get(target, prop) {
        const value = Reflect.get(target, prop);
        if (prop === "put")
          return async (...args: Parameters<R2Bucket["put"]>) => {
            await target.put(...args);
            throw new Error("worker died after the put");
          };
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
    const logged = captureErrors();
    await batch({}, { BUCKET: crashing });
    expect(logged).toHaveBeenCalledWith("migration batch stopped", rows[0]!.id, expect.objectContaining({ message: "worker died after the put" }));
    expect(await rowHash(rows[0]!.id)).toBeNull();
    await releaseMigrationLock();
    const { bucket, calls } = recordingBucket();

    const rerun = await batch({}, { BUCKET: bucket });

    expect(rerun.migrated).toEqual([rows[0]!.id]);
    expect(calls.filter((c) => c.startsWith("put"))).toEqual([]);
    expect(await rowHash(rows[0]!.id)).toBe(await sha256(rows[0]!.bytes!));
  });
});

describe("one runner at a time", () => {
  it("makes an overlapping cron invocation return at once while the lease is held", async () => {
    const { rows } = await seedLegacyPart([{}]);
    const holder = await migrationLock(env).acquire("someone-else", 60_000);
    expect(holder).not.toBeNull();

    await cron();

    expect(await rowHash(rows[0]!.id)).toBeNull();
    expect(await env.DB.prepare("SELECT COUNT(*) AS n FROM migration_runs").first("n")).toBe(0);
  });

  it("lets concurrent cron invocations migrate each row exactly once", async () => {
    const { rows } = await seedLegacyPart([{}, {}, {}]);

    await Promise.all([cron(), cron(), cron()]);

    for (const row of rows) expect(await rowHash(row.id)).toBe(await sha256(row.bytes!));
    const migrated = await env.DB.prepare("SELECT COALESCE(SUM(migrated), 0) AS n FROM migration_runs").first("n");
    expect(migrated).toBe(3);
  });

  it("rejects a stale holder's writes once its lease expired (fencing token)", async () => {
    const { rows } = await seedLegacyPart([{}]);
    const lock = migrationLock(env);
    const stale = await lock.acquire("stalled-run", 1);
    await new Promise((r) => setTimeout(r, 20));
    // The expiry alarm may already have fired on its own; run it now if not.
    await runDurableObjectAlarm(lock);
    expect(await lock.status()).toBeNull();

    const write = await migrateRow(
      env,
      { id: rows[0]!.id, legacyKey: rows[0]!.legacyKey, contentType: null, partPrivate: false },
      { token: stale!.token },
    );
    const result = await runBatch(env, { token: stale!.token, batchSize: 10, budgetMs: 60_000, dryRun: false });

    expect(write.updated).toBe(false);
    expect(result.stoppedBy).toBe("fenced");
    expect(await rowHash(rows[0]!.id)).toBeNull();
    const fresh = await lock.acquire("next-run", 60_000);
    expect(fresh!.token).toBeGreaterThan(stale!.token);
  });
});

describe("batches are bounded", () => {
  it("stops at the batch size and the next batch continues", async () => {
    const { rows } = await seedLegacyPart([{}, {}, {}, {}, {}]);

    const first = await batch({ batchSize: 2 });
    await releaseMigrationLock();
    const second = await batch({ batchSize: 2 });
    await releaseMigrationLock();
    const third = await batch({ batchSize: 2 });

    expect([first.stoppedBy, second.stoppedBy, third.stoppedBy]).toEqual(["batch_size", "batch_size", "done"]);
    expect([...first.migrated, ...second.migrated, ...third.migrated]).toEqual(rows.map((r) => r.id));
  });

  it("stops when its time budget is spent, having changed nothing", async () => {
    await seedLegacyPart([{}]);
    const result = await batch({ budgetMs: 0 });
    expect(result).toMatchObject({ stoppedBy: "time_budget", migrated: [] });
  });

  it("writes nothing on a dry run: R2 and D1 are the same before and after", async () => {
    const { rows } = await seedLegacyPart([{}, { bytes: null }]);
    const snapshot = async () => ({
      r2: (await env.BUCKET.list()).objects.map((o) => `${o.key}:${o.size}`).sort(),
      rows: (await env.DB.prepare("SELECT id, sha256 FROM part_attachments ORDER BY id").all()).results,
      failures: (await env.DB.prepare("SELECT * FROM migration_failures").all()).results,
      runs: (await env.DB.prepare("SELECT * FROM migration_runs").all()).results,
    });
    const before = await snapshot();

    const result = await batch({ dryRun: true });

    expect(result.wouldMigrate).toEqual([rows[0]!.id]);
    expect(result.failed.map((f) => f.id)).toEqual([rows[1]!.id]);
    expect(await snapshot()).toEqual(before);
  });
});
