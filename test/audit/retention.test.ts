import { createExecutionContext, createScheduledController, env, waitOnExecutionContext } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { pruneAudit, RETENTION_BUDGET, retentionCutoff } from "../../src/audit/retention";
import worker from "../../src/index";
import { insertRows, lastAuditId, rowsSince } from "../support/audit";
import { capturingConsole } from "../support/ops";

const DAY = 24 * 3_600_000;

/** Which of a sub's rows are left, oldest first. */
async function left(sub: string): Promise<string[]> {
  const { results } = await env.DB.prepare("SELECT action FROM audit_log WHERE sub = ?1 ORDER BY at, id").bind(sub).all<{ action: string }>();
  return results.map((r) => r.action);
}

describe("audit retention", () => {
  it("deletes rows older than the cutoff, oldest first, no more than its budget per run", async () => {
    const sub = `retention-${crypto.randomUUID()}`;
    const old = Array.from({ length: 25 }, (_, i) => ({ at: new Date(Date.UTC(2001, 0, 1) + i * 1000).toISOString(), sub, action: `test.old${i}` }));
    const recent = [{ at: new Date().toISOString(), sub, action: "test.recent" }];
    await insertRows([...old, ...recent]);
    const cutoff = "2002-01-01T00:00:00.000Z";

    expect(await pruneAudit(env.DB, cutoff, { batch: 10, batches: 2 })).toBe(20);
    expect(await left(sub)).toEqual(["test.old20", "test.old21", "test.old22", "test.old23", "test.old24", "test.recent"]);
    expect(await pruneAudit(env.DB, cutoff, { batch: 10, batches: 2 })).toBe(5);
    expect(await pruneAudit(env.DB, cutoff, { batch: 10, batches: 2 })).toBe(0);
    expect(await left(sub)).toEqual(["test.recent"]);
  });

  it("runs from the housekeeping cron with AUDIT_RETENTION_DAYS, and leaves a row saying what it deleted", async () => {
    const sub = `retention-${crypto.randomUUID()}`;
    const now = Date.now();
    await insertRows([
      { at: new Date(now - 31 * DAY).toISOString(), sub, action: "test.expired" },
      { at: new Date(now - 29 * DAY).toISOString(), sub, action: "test.kept" },
    ]);
    const before = await lastAuditId();

    const ctx = createExecutionContext();
    await capturingConsole(async () => {
      await worker.scheduled(createScheduledController({ cron: "* * * * *" }), { ...env, AUDIT_RETENTION_DAYS: "30" }, ctx);
      await waitOnExecutionContext(ctx);
    });

    expect(await left(sub)).toEqual(["test.kept"]);
    const [row] = (await rowsSince(before, "cron")).filter((r) => r.action === "audit.retention");
    expect(row).toMatchObject({ sub: "cron", status: null, error: null });
    expect(row!.detail!.deleted).toBeGreaterThanOrEqual(1);
    expect(Date.parse(row!.detail!.before as string)).toBeGreaterThan(now - 31 * DAY);
    expect(Date.parse(row!.detail!.before as string)).toBeLessThan(now - 29 * DAY);
  });

  it("keeps a year by default and deletes at most 5000 rows a tick", () => {
    expect(retentionCutoff(365, Date.UTC(2027, 0, 1))).toBe("2026-01-01T00:00:00.000Z");
    expect(RETENTION_BUDGET.batch * RETENTION_BUDGET.batches).toBe(5000);
  });
});
