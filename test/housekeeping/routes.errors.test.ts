import { createExecutionContext, createScheduledController, env, waitOnExecutionContext } from "cloudflare:test";
import { beforeEach, describe, expect, it } from "vitest";
import { collectGarbage } from "../../src/housekeeping/gc";
import worker from "../../src/index";
import { ORIGIN } from "../support/blobs";
import { admin, fakeHash, putOrphan, resetStore, step } from "../support/housekeeping";
import { rowHash, seedLegacyPart } from "../support/legacy";
import { fetchWith } from "../support/worker";

beforeEach(resetStore);

const asAdmin = (path: string, method: string, overrides: Partial<Env> = {}) =>
  fetchWith(new Request(`${ORIGIN}/api/admin${path}`, { method, headers: { Authorization: "Bearer test-admin-token" } }), overrides);

describe("housekeeping endpoints refuse", () => {
  it("callers without the admin token", async () => {
    for (const path of ["/gc", "/migration/cleanup"]) {
      expect((await admin(path, "POST", "test-api-token")).status).toBe(403);
      expect((await admin(path, "POST", "wrong")).status).toBe(401);
      expect((await admin(path, "GET", "test-api-token")).status).toBe(403);
    }
  });

  it("bad parameters with a 400 problem", async () => {
    for (const query of ["grace_hours=0", "dry_run=maybe", "budget_ms=abc", "max_objects=0", "cursor="]) {
      const res = await admin(`/gc?${query}`, "POST");
      expect(res.status, query).toBe(400);
      expect(res.headers.get("Content-Type")).toBe("application/problem+json");
    }
    expect((await admin("/migration/cleanup?budget_ms=5", "POST")).status).toBe(400);
  });

  it("to run outside edit mode, while still reporting status", async () => {
    for (const mode of ["rw", "ro"]) {
      const res = await asAdmin("/gc?dry_run=false", "POST", { STORAGE_MODE: mode } as Partial<Env>);
      expect(res.status).toBe(403);
      expect(((await res.json()) as { type: string }).type).toBe("urn:cas-edge:problem:storage-mode");
      expect((await asAdmin("/migration/cleanup", "POST", { STORAGE_MODE: mode } as Partial<Env>)).status).toBe(403);
      expect((await asAdmin("/gc", "GET", { STORAGE_MODE: mode } as Partial<Env>)).status).toBe(200);
    }
  });

  it("with 409 while another run of the same task holds its lease", async () => {
    await env.DB.prepare("INSERT INTO housekeeping_passes (task, mark_at, cutoff_at, held_by, held_until) VALUES ('gc', 1, 1, 'elsewhere', ?1)")
      .bind(Date.now() + 60_000)
      .run();
    expect((await admin("/gc?dry_run=false", "POST")).status).toBe(409);
    // A dry run takes no lease.
    expect((await admin("/gc", "POST")).status).toBe(200);
  });
});

describe("a GC step stops safely", () => {
  it("when its lease is taken over mid-run (fenced): it saves no progress", async () => {
    for (let i = 0; i < 3; i++) await putOrphan(fakeHash(i));
    const stealing = new Proxy(env.BUCKET, {
      get(target, prop) {
        const value = Reflect.get(target, prop);
        if (prop !== "list") return typeof value === "function" ? value.bind(target) : value;
        return async (options: R2ListOptions) => {
          await env.DB.prepare("UPDATE housekeeping_passes SET held_by = 'thief' WHERE task = 'gc'").run();
          return target.list(options);
        };
      },
    });

    const result = await collectGarbage({ ...env, BUCKET: stealing }, step({ maxObjects: 2 }));

    expect(result.stopped_by).toBe("fenced");
    expect(await env.DB.prepare("SELECT cursor, scanned, held_by FROM housekeeping_passes WHERE task = 'gc'").first()).toEqual({
      cursor: null,
      scanned: 0,
      held_by: "thief",
    });
  });

  it("when the store leaves edit mode between pages", async () => {
    for (let i = 0; i < 5; i++) await putOrphan(fakeHash(i));
    let pages = 0;
    const counting = new Proxy(env.BUCKET, {
      get(target, prop) {
        const value = Reflect.get(target, prop);
        if (prop !== "list") return typeof value === "function" ? value.bind(target) : value;
        return (options: R2ListOptions) => {
          if (options.prefix === "cas/") pages++;
          return target.list(options);
        };
      },
    });
    const switching = {
      ...env,
      BUCKET: counting,
      get STORAGE_MODE() {
        return pages >= 1 ? "rw" : "edit";
      },
    } as Env;

    const result = await collectGarbage(switching, step({ pageSize: 2 }));

    expect(pages).toBe(1);
    expect(result).toMatchObject({ stopped_by: "storage_mode", scanned: 2, deleted: 2, done: false });
    expect(await env.BUCKET.head(`cas/${fakeHash(2)}`)).not.toBeNull();
  });
});

describe("the cron", () => {
  it("runs the migration batch even when GC fails, and still fails the invocation", async () => {
    const { rows } = await seedLegacyPart([{}]);
    const failing = new Proxy(env.BUCKET, {
      get(target, prop) {
        const value = Reflect.get(target, prop);
        if (prop !== "list") return typeof value === "function" ? value.bind(target) : value;
        return (options: R2ListOptions) => (options.prefix === "cas/" ? Promise.reject(new Error("list exploded")) : target.list(options));
      },
    });
    const ctx = createExecutionContext();
    await worker.scheduled(createScheduledController(), { ...env, BUCKET: failing }, ctx);

    await expect(waitOnExecutionContext(ctx)).rejects.toThrow(/gc \(list exploded\)/);
    expect(await rowHash(rows[0]!.id)).not.toBeNull();
    expect(await env.DB.prepare("SELECT held_by FROM housekeeping_passes WHERE task = 'gc'").first()).toEqual({ held_by: null });
  });
});
