import { SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { policyFor, ROUTE_POLICIES } from "../../src/access/policy";
import { buildApp } from "../../src/app";
import { ORIGIN, WRITE_TOKEN } from "../support/blobs";

describe("the route policy table", () => {
  it("has a row for every route the app mounts", () => {
    const routes = buildApp().routes.filter((r) => r.method !== "ALL");
    const missing = routes.filter((r) => policyFor(r.method, r.path.replace(/:(\w+)/g, "x1")) === undefined);
    expect(missing.map((r) => `${r.method} ${r.path}`)).toEqual([]);
  });

  it("names no route twice", () => {
    const keys = ROUTE_POLICIES.map(([method, path]) => `${method} ${path}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("answers 403 naming the scope when a valid token lacks it", async () => {
    const res = await SELF.fetch(`${ORIGIN}/api/parts`, { headers: { Authorization: `Bearer ${WRITE_TOKEN}` } });
    expect(res.status).toBe(403);
    expect(res.headers.get("Content-Type")).toBe("application/problem+json");
    expect(((await res.json()) as { detail: string }).detail).toContain("parts:read");
  });

  it("answers 401 with WWW-Authenticate for an unknown token", async () => {
    const res = await SELF.fetch(`${ORIGIN}/api/parts`, { headers: { Authorization: "Bearer nope" } });
    expect(res.status).toBe(401);
    expect(res.headers.get("WWW-Authenticate")).toMatch(/^Bearer/);
  });
});
