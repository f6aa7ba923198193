import { createExecutionContext, createScheduledController, env, SELF, waitOnExecutionContext } from "cloudflare:test";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { MODE_CACHE_MS, runtimeMode } from "../../src/access/mode";
import { ROUTE_POLICIES } from "../../src/access/policy";
import { SCOPES } from "../../src/access/scopes";
import worker from "../../src/index";
import { ORIGIN, randomBytes, sha256 } from "../support/blobs";
import { rowHash, seedLegacyPart } from "../support/legacy";
import { concrete } from "../support/routes";
import { admin, bearer, tokenWith } from "../support/tokens";
import { fetchWith } from "../support/worker";

/** Every scope but `device`, which a device-bound account holds alone; `device` has a token of its own. */
let everything: string;
let deviceToken: string;
beforeAll(async () => {
  everything = (await tokenWith(SCOPES.filter((s) => s !== "device"))).token;
  deviceToken = (await tokenWith([], { device: `dev-${crypto.randomUUID()}` })).token;
});

async function setMode(mode: string | null): Promise<Response> {
  return admin("/mode", { method: "PUT", json: { mode } });
}
afterEach(async () => {
  await setMode(null);
});

async function expectModeRefusal(res: Response, mode: string, label: string): Promise<void> {
  expect(res.status, label).toBe(403);
  const body = (await res.json()) as { type: string; detail: string };
  expect(body.type, label).toBe("urn:cas-edge:problem:storage-mode");
  expect(body.detail, label).toContain(`"${mode}"`);
}

function call(method: string, path: string, scope: string): Promise<Response> {
  const hasBody = method !== "GET" && method !== "HEAD" && method !== "DELETE";
  return SELF.fetch(`${ORIGIN}${concrete(path)}`, {
    method,
    headers: {
      ...bearer(scope === "device" ? deviceToken : everything),
      ...(hasBody ? { "Content-Type": "application/json", "Content-Length": "2" } : {}),
    },
    body: hasBody ? "{}" : undefined,
  });
}

const guarded = ROUTE_POLICIES.filter(([, , scope]) => scope !== "public");
const ofEffect = (effect: string) => guarded.filter(([, , , e]) => e === effect);

describe("GET/PUT /api/admin/mode", () => {
  it("shows STORAGE_MODE until an operator switches it, then the switch, and clears it with null", async () => {
    expect(await (await admin("/mode")).json()).toEqual({
      mode: "edit",
      source: "STORAGE_MODE",
      configured: "edit",
      cache_seconds: MODE_CACHE_MS / 1000,
    });
    expect(await (await setMode("rw")).json()).toMatchObject({ mode: "rw", source: "runtime", configured: "edit" });
    expect(await (await admin("/mode")).json()).toMatchObject({ mode: "rw", source: "runtime" });
    expect(await (await setMode(null)).json()).toMatchObject({ mode: "edit", source: "STORAGE_MODE" });
  });

  it("refuses modes that do not exist", async () => {
    const res = await setMode("frozen");
    expect(res.status).toBe(400);
    expect(((await res.json()) as { detail: string }).detail).toContain("mode");
  });

  it("falls back to the STORAGE_MODE var", async () => {
    const res = await fetchWith(new Request(`${ORIGIN}/api/parts/x1`, { method: "DELETE", headers: bearer(everything) }), { STORAGE_MODE: "rw" });
    await expectModeRefusal(res, "rw", "DELETE with STORAGE_MODE=rw");
  });
});

describe("ro refuses every write and delete route in the policy table; reads and settings still work", () => {
  it("refuses each write and delete route with the storage-mode problem", async () => {
    expect(ofEffect("write").length).toBeGreaterThan(5);
    await setMode("ro");
    for (const [method, path, scope] of [...ofEffect("write"), ...ofEffect("delete")]) {
      await expectModeRefusal(await call(method, path, scope), "ro", `${method} ${path}`);
    }
  });

  it("never refuses a read route", async () => {
    await setMode("ro");
    for (const [method, path, scope] of ofEffect("read")) {
      const res = await call(method, path, scope);
      const type = res.status === 403 ? ((await res.json()) as { type: string }).type : "";
      expect(type, `${method} ${path}`).not.toBe("urn:cas-edge:problem:storage-mode");
    }
  });

  it("still takes the switch back out of ro, and account changes (settings)", async () => {
    await setMode("ro");
    expect(ofEffect("setting").map(([m, p]) => `${m} ${p}`)).toContain("PUT /api/admin/mode");
    const account = await admin("/accounts", { method: "POST", json: { name: "incident responder", scopes: ["admin"] } });
    expect(account.status).toBe(201);
    expect(((await (await setMode("edit")).json()) as { mode: string }).mode).toBe("edit");
  });

  it("stores nothing when it refuses a blob", async () => {
    await setMode("ro");
    const bytes = randomBytes(500);
    const hash = await sha256(bytes);
    const res = await SELF.fetch(`${ORIGIN}/api/cas/${hash}`, {
      method: "PUT",
      body: bytes,
      headers: { ...bearer(everything), "Content-Length": "500" },
    });
    await expectModeRefusal(res, "ro", "PUT blob");
    expect(await env.BUCKET.head(`cas/${hash}`)).toBeNull();
    await setMode("edit");
    const again = await SELF.fetch(`${ORIGIN}/api/cas/${hash}`, {
      method: "PUT",
      body: bytes,
      headers: { ...bearer(everything), "Content-Length": "500" },
    });
    expect(again.status).toBe(201);
  });
});

describe("rw refuses deletes only", () => {
  it("refuses each delete route and lets writes through", async () => {
    await setMode("rw");
    for (const [method, path, scope] of ofEffect("delete")) {
      await expectModeRefusal(await call(method, path, scope), "rw", `${method} ${path}`);
    }
    const created = await SELF.fetch(`${ORIGIN}/api/parts`, {
      method: "POST",
      headers: { ...bearer(everything), "Content-Type": "application/json" },
      body: JSON.stringify({ name: "made in rw" }),
    });
    expect(created.status).toBe(201);
  });
});

describe("the cron migration", () => {
  async function cron() {
    const ctx = createExecutionContext();
    await worker.scheduled(createScheduledController({ cron: "* * * * *" }), env, ctx);
    await waitOnExecutionContext(ctx);
  }

  it("skips its batch in ro and runs it again in edit", async () => {
    const { rows } = await seedLegacyPart([{}]);
    await setMode("ro");
    await cron();
    expect(await rowHash(rows[0]!.id)).toBeNull();
    await setMode("edit");
    await cron();
    expect(await rowHash(rows[0]!.id)).toBe(await sha256(rows[0]!.bytes!));
  });
});

describe("the runtime mode cache", () => {
  it("sees a switch made by another isolate within MODE_CACHE_MS", async () => {
    const t0 = Date.now() + 1_000_000; // past any entry this isolate cached
    expect(await runtimeMode(env, t0)).toBeNull();
    await env.DB.prepare("INSERT INTO settings (key, value) VALUES ('storage_mode', 'ro')").run();
    try {
      expect(await runtimeMode(env, t0 + MODE_CACHE_MS - 1)).toBeNull();
      expect(await runtimeMode(env, t0 + MODE_CACHE_MS)).toBe("ro");
    } finally {
      await env.DB.prepare("DELETE FROM settings WHERE key = 'storage_mode'").run();
    }
  });
});
