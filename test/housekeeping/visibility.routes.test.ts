import { createExecutionContext, createScheduledController, env, waitOnExecutionContext } from "cloudflare:test";
import { beforeEach, describe, expect, it } from "vitest";
import worker from "../../src/index";
import { lastAuditId, rowOfRequest, rowsSince } from "../support/audit";
import { randomBytes, storeBytes } from "../support/blobs";
import { admin, coredumpRow, resetStore, rowVisibility } from "../support/housekeeping";
import { capturingConsole } from "../support/ops";

beforeEach(resetStore);

describe("the visibility pass through the admin API", () => {
  it("runs one step, answers its progress and writes the audit row of the run", async () => {
    const hash = await storeBytes(randomBytes(300));
    const row = await coredumpRow(hash);

    const res = await admin("/visibility?dry_run=false&grace_hours=1", "POST");

    expect(res.status).toBe(200);
    // Stored a moment ago: the hash's claim is younger than the grace period, so the public copy stays for GC.
    expect(await res.json()).toMatchObject({
      dry_run: false,
      moved: [`coredumps:${row}`],
      copied: 1,
      kept_source: 1,
      scanned: 1,
      deleted: 0,
      done: true,
      cursor: null,
    });
    expect(await rowVisibility("coredumps", row)).toBe("private");
    expect(await rowOfRequest(res)).toMatchObject({
      action: "visibility.run",
      sub: expect.any(String),
      status: 200,
      error: null,
      detail: { dry_run: false, scanned: 1, deleted: 0, kept: 0, done: true, stopped_by: "done", moved: 1, copied: 1, kept_source: 1, missing: 0 },
    });
    const status = (await (await admin("/visibility")).json()) as { pass: Record<string, unknown> };
    expect(status.pass).toMatchObject({ scanned: 1, kept: 0, grace_hours: 1 });
  });

  it("is a dry run unless told otherwise, and refuses what GC's route refuses", async () => {
    const row = await coredumpRow(await storeBytes(randomBytes(300)));

    const dry = await admin("/visibility", "POST");
    expect(await dry.json()).toMatchObject({ dry_run: true, moved: [`coredumps:${row}`] });
    expect(await rowVisibility("coredumps", row)).toBe("public");

    expect((await admin("/visibility", "POST", "test-api-token")).status).toBe(403);
    expect((await admin("/visibility", "GET", "test-api-token")).status).toBe(403);
    for (const query of ["cursor=cas/abc", "cursor=coredumps:x", "grace_hours=0", "max_objects=0"]) {
      const res = await admin(`/visibility?${query}`, "POST");
      expect(res.status, query).toBe(400);
      expect(res.headers.get("Content-Type")).toBe("application/problem+json");
    }
    await env.DB.prepare(
      "INSERT INTO housekeeping_passes (task, mark_at, cutoff_at, held_by, held_until) VALUES ('visibility', 1, 1, 'elsewhere', ?1)",
    )
      .bind(Date.now() + 60_000)
      .run();
    expect((await admin("/visibility?dry_run=false", "POST")).status).toBe(409);
  });
});

describe("the visibility pass from the cron", () => {
  it("moves rows each tick in edit mode and records the run under sub cron", async () => {
    const row = await coredumpRow(await storeBytes(randomBytes(300)));
    const before = await lastAuditId();

    const ctx = createExecutionContext();
    await capturingConsole(async () => {
      await worker.scheduled(createScheduledController(), env, ctx);
      await waitOnExecutionContext(ctx);
    });

    expect(await rowVisibility("coredumps", row)).toBe("private");
    const runs = (await rowsSince(before, "cron")).filter((r) => r.action === "visibility.run");
    expect(runs).toEqual([expect.objectContaining({ request_id: null, error: null, detail: expect.objectContaining({ moved: 1, scanned: 1 }) })]);
  });

  it("leaves rows alone outside edit mode", async () => {
    const row = await coredumpRow(await storeBytes(randomBytes(300)));
    const ctx = createExecutionContext();
    await capturingConsole(async () => {
      await worker.scheduled(createScheduledController(), { ...env, STORAGE_MODE: "rw" } as Env, ctx);
      await waitOnExecutionContext(ctx);
    });
    expect(await rowVisibility("coredumps", row)).toBe("public");
  });
});
