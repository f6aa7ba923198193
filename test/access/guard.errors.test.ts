import { SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { ORIGIN, WRITE_TOKEN } from "../support/blobs";
import { ADMIN_TOKEN, bearer } from "../support/tokens";
import { fetchWith, recordingBucket, recordingDb } from "../support/worker";

/** A request through the worker entry with D1 and R2 wrapped: what it answered, and every call a handler made. */
async function traced(path: string, init: RequestInit = {}) {
  const database = recordingDb();
  const bucket = recordingBucket();
  const res = await fetchWith(new Request(`${ORIGIN}${path}`, init), { DB: database.db, BUCKET: bucket.bucket });
  return { res, body: await res.text(), calls: [...database.calls, ...bucket.calls] };
}

async function expectProblem(res: Response, status: number, body: string): Promise<void> {
  expect(res.status).toBe(status);
  expect(res.headers.get("Content-Type")).toBe("application/problem+json");
  expect((JSON.parse(body) as { status: number }).status).toBe(status);
}

describe("HEAD is checked as the GET it stands for", () => {
  it("refuses HEAD of a protected GET without a token (401), as GET is", async () => {
    for (const path of ["/api/admin/accounts", "/api/parts", "/api/admin/migration", `/api/uploads/${crypto.randomUUID()}`]) {
      const { res, body, calls } = await traced(path, { method: "HEAD" });
      expect(res.status, path).toBe(401);
      expect(res.headers.get("WWW-Authenticate"), path).toBe('Bearer realm="cas-edge"');
      expect(body, path).toBe("");
      expect(calls, path).toEqual([]);
    }
  });

  it("refuses HEAD /api/admin/accounts with the CAS write token (403), running nothing", async () => {
    const { res, body, calls } = await traced("/api/admin/accounts", { method: "HEAD", headers: bearer(WRITE_TOKEN) });
    expect(res.status).toBe(403);
    expect(res.headers.get("Content-Type")).toBe("application/problem+json");
    expect(body).toBe("");
    expect(calls).toEqual([]);
  });

  it("answers HEAD with the scope as the GET would, without the body", async () => {
    const get = await SELF.fetch(`${ORIGIN}/api/admin/accounts`, { headers: bearer(ADMIN_TOKEN) });
    const head = await SELF.fetch(`${ORIGIN}/api/admin/accounts`, { method: "HEAD", headers: bearer(ADMIN_TOKEN) });
    expect(get.status).toBe(200);
    expect(head.status).toBe(200);
    expect(head.headers.get("Content-Type")).toBe(get.headers.get("Content-Type"));
    expect(await head.text()).toBe("");
    await get.body?.cancel();
  });

  it("answers HEAD of an unknown upload session 404 with the token (as GET does) and 401 without", async () => {
    const path = `/api/uploads/${crypto.randomUUID()}`;
    const get = await SELF.fetch(`${ORIGIN}${path}`, { headers: bearer(WRITE_TOKEN) });
    expect(get.status).toBe(404);
    await get.body?.cancel();
    const head = await SELF.fetch(`${ORIGIN}${path}`, { method: "HEAD", headers: bearer(WRITE_TOKEN) });
    expect(head.status).toBe(404);
    expect(head.headers.get("Content-Type")).toBe("application/problem+json");
    expect(await head.text()).toBe("");
    expect((await SELF.fetch(`${ORIGIN}${path}`, { method: "HEAD" })).status).toBe(401);
  });
});

describe("OPTIONS only answers preflights", () => {
  it("answers a plain OPTIONS (Content-Length: 0) on /api/admin/accounts 405 with Allow, running nothing", async () => {
    const variants: Array<Record<string, string>> = [{ "Content-Length": "0" }, {}, { "Content-Length": "0", ...bearer(ADMIN_TOKEN) }];
    for (const headers of variants) {
      const { res, body, calls } = await traced("/api/admin/accounts", { method: "OPTIONS", headers });
      await expectProblem(res, 405, body);
      expect(res.headers.get("Allow")).toBe("GET, HEAD, POST");
      expect(calls).toEqual([]);
    }
  });

  it("answers a plain OPTIONS on a path no route has 404", async () => {
    const { res, body } = await traced("/api/nothing-here", { method: "OPTIONS", headers: { "Content-Length": "0" } });
    await expectProblem(res, 404, body);
  });

  it("refuses a preflight for a method the route does not have (no CORS approval for it)", async () => {
    const { res, body, calls } = await traced("/api/admin/accounts", {
      method: "OPTIONS",
      headers: { Origin: "https://inventory.test", "Access-Control-Request-Method": "DELETE" },
    });
    await expectProblem(res, 405, body);
    expect(res.headers.get("Access-Control-Allow-Methods")).toBeNull();
    expect(calls).toEqual([]);
  });
});

describe("methods and paths the policy table does not name", () => {
  it("answers an unknown or lowercase method 405 with the route's methods in Allow", async () => {
    for (const method of ["PROPFIND", "patch", "PURGE"]) {
      const { res, body, calls } = await traced("/api/parts", { method, headers: bearer(ADMIN_TOKEN) });
      await expectProblem(res, 405, body);
      expect(res.headers.get("Allow"), method).toBe("GET, HEAD, POST");
      expect(calls).toEqual([]);
    }
  });

  it("answers a path no route has 404 for every method, whatever the token", async () => {
    for (const method of ["GET", "HEAD", "POST", "DELETE"]) {
      const res = await SELF.fetch(`${ORIGIN}/api/admin/nothing`, { method, headers: bearer(ADMIN_TOKEN) });
      expect(res.status, method).toBe(404);
      await res.body?.cancel();
    }
  });

  it("serves the page's files by their rows, and refuses any other file (404 problem, no asset lookup needed)", async () => {
    const css = await SELF.fetch(`${ORIGIN}/app.css`, { method: "HEAD" });
    expect(css.status).toBe(200);
    expect(css.headers.get("Content-Type")).toMatch(/css/);
    expect(await css.text()).toBe("");
    for (const path of ["/build/app.js", "/vendor/swagger-ui/swagger-ui.css", "/favicon.svg"]) {
      const res = await SELF.fetch(`${ORIGIN}${path}`);
      expect(res.status, path).toBe(200);
      await res.body?.cancel();
    }
    for (const path of ["/robots.txt", "/build/nope.js", "/vendor/swagger-ui/LICENSE-nope", "/src/index.ts"]) {
      const res = await SELF.fetch(`${ORIGIN}${path}`);
      expect(res.status, path).toBe(404);
      expect(res.headers.get("Content-Type"), path).toBe("application/problem+json");
      await res.body?.cancel();
    }
    const post = await SELF.fetch(`${ORIGIN}/app.css`, { method: "POST" });
    expect(post.status).toBe(405);
    expect(post.headers.get("Allow")).toBe("GET, HEAD");
  });
});
