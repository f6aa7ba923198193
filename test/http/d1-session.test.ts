import { SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { ROUTE_POLICIES } from "../../src/access/policy";
import { API_TOKEN, api } from "../support/api";
import { ORIGIN, WRITE_TOKEN } from "../support/blobs";
import { concrete } from "../support/routes";
import { ADMIN_TOKEN } from "../support/tokens";
import { fetchWith, recordingDb } from "../support/worker";

const BOOKMARK = /^[0-9a-f]{8}(-[0-9a-f]{8,64}){1,7}$/;

/** A bookmark D1 gave out for a write: what a client holds after its last write. */
async function bookmarkOfWrite(): Promise<string> {
  const res = await api("/parts", { method: "POST", json: { name: "Bookmark holder" } });
  expect(res.status).toBe(201);
  const bookmark = res.headers.get("x-d1-bookmark");
  expect(bookmark).toMatch(BOOKMARK);
  return bookmark!;
}

/** The D1 sessions a request opened (their constraint or bookmark), through a wrapped binding. */
async function sessionsOf(request: Request): Promise<{ res: Response; sessions: string[] }> {
  const { db, sessions } = recordingDb();
  const res = await fetchWith(request, { DB: db });
  return { res, sessions };
}

const authorized = (path: string, init: RequestInit = {}) => {
  const headers = new Headers(init.headers);
  headers.set("Authorization", `Bearer ${API_TOKEN}`);
  return new Request(`${ORIGIN}${path}`, { ...init, headers });
};

describe("D1 sessions and bookmarks", () => {
  it("lets a client read its own write on the bookmark the write answered with", async () => {
    const created = await api("/parts", { method: "POST", json: { name: "Read your writes" } });
    expect(created.status).toBe(201);
    const { key } = (await created.json()) as { key: string };
    const bookmark = created.headers.get("x-d1-bookmark")!;
    expect(bookmark).toMatch(BOOKMARK);

    const { res, sessions } = await sessionsOf(authorized(`/api/parts/${key}`, { headers: { "x-d1-bookmark": bookmark } }));

    expect(res.status).toBe(200);
    expect(((await res.json()) as { name: string }).name).toBe("Read your writes");
    // The read started from the client's bookmark, and answered one at least as new.
    expect(sessions).toEqual([bookmark]);
    expect(res.headers.get("x-d1-bookmark")! >= bookmark).toBe(true);
  });

  it("starts a read route anywhere and every other route on the primary", async () => {
    const read = await sessionsOf(authorized("/api/parts"));
    expect(read.res.status).toBe(200);
    expect(read.sessions).toEqual(["first-unconstrained"]);
    expect(read.res.headers.get("x-d1-bookmark")).toMatch(BOOKMARK);

    const write = await sessionsOf(
      authorized("/api/parts", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ name: "On the primary" }) }),
    );
    expect(write.res.status).toBe(201);
    expect(write.sessions).toEqual(["first-primary"]);
    expect(write.res.headers.get("x-d1-bookmark")).toMatch(BOOKMARK);
  });

  it("keeps a write route on the primary whatever bookmark the client sends", async () => {
    const bookmark = await bookmarkOfWrite();
    const { res, sessions } = await sessionsOf(
      authorized("/api/parts", {
        method: "POST",
        headers: { "Content-Type": "application/json", "x-d1-bookmark": bookmark },
        body: JSON.stringify({ name: "Still primary" }),
      }),
    );
    expect(res.status).toBe(201);
    expect(sessions).toEqual(["first-primary"]);
    expect(res.headers.get("x-d1-bookmark")! >= bookmark).toBe(true);
  });

  it("opens no session for a CORS preflight", async () => {
    const { res, sessions } = await sessionsOf(
      new Request(`${ORIGIN}/api/parts`, {
        method: "OPTIONS",
        headers: { Origin: "https://inventory.test", "Access-Control-Request-Method": "GET" },
      }),
    );
    expect(res.status).toBe(204);
    expect(sessions).toEqual([]);
  });
});

/** A static token with the row's scope, where one exists (none has `device` or `coredumps:parse`: those are refused). */
function tokenFor(scope: string): string | undefined {
  if (scope === "admin") return ADMIN_TOKEN;
  if (scope === "cas:write") return WRITE_TOKEN;
  if (scope.startsWith("parts:")) return API_TOKEN;
  return undefined;
}

describe("every route answers with a bookmark", () => {
  // Generated from the access table, like the other sweeps: successes, refusals and errors alike.
  it.each(ROUTE_POLICIES.map(([method, path, scope, effect]) => ({ method, path, scope, effect })))(
    "$method $path ($effect) carries a bookmark at least as new as the client's",
    async ({ method, path, scope }) => {
      const bookmark = await bookmarkOfWrite();
      const headers: Record<string, string> = { "x-d1-bookmark": bookmark };
      const token = tokenFor(scope);
      if (token) headers.Authorization = `Bearer ${token}`;

      const res = await SELF.fetch(`${ORIGIN}${concrete(path)}`, { method, headers, redirect: "manual" });
      await res.arrayBuffer();

      const answered = res.headers.get("x-d1-bookmark");
      expect(answered, `${res.status} ${method} ${path}`).toMatch(BOOKMARK);
      expect(answered! >= bookmark).toBe(true);
    },
  );
});
