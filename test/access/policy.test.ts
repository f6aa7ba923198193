import { SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { policyFor, ROUTE_POLICIES } from "../../src/access/policy";
import { SCOPES } from "../../src/access/scopes";
import { buildApp } from "../../src/app";
import type { Scope } from "../../src/env";
import { ORIGIN, WRITE_TOKEN } from "../support/blobs";
import { concrete } from "../support/routes";
import { bearer, tokenWith } from "../support/tokens";

/** Every scope but `device`, which a device-bound account holds alone. */
const OPERATOR_SCOPES = SCOPES.filter((s) => s !== "device");

/** A token with every scope but `missing`: a device's token lacks all the others, an operator's lacks `device` too. */
async function tokenWithout(missing: Scope): Promise<string> {
  if (missing === "device") return (await tokenWith(OPERATOR_SCOPES)).token;
  return (await tokenWith(OPERATOR_SCOPES.filter((s) => s !== missing))).token;
}

/** A token holding `scope`. */
async function tokenHolding(scope: Scope): Promise<string> {
  if (scope === "device") return (await tokenWith([], { device: `dev-${crypto.randomUUID()}` })).token;
  return (await tokenWith(OPERATOR_SCOPES)).token;
}

describe("the route policy table", () => {
  it("has a row for every route the app mounts", () => {
    const routes = buildApp().routes.filter((r) => r.method !== "ALL");
    const missing = routes.filter((r) => policyFor(r.method, concrete(r.path)) === undefined);
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

  it("answers 403 naming the scope on every non-public route for a JWT that lacks it, and lets one that has it through", async () => {
    const without = new Map<Scope, string>();
    for (const scope of SCOPES) without.set(scope, await tokenWithout(scope));
    const holding = new Map<Scope, string>();
    for (const scope of SCOPES) holding.set(scope, await tokenHolding(scope));
    const guarded = ROUTE_POLICIES.filter(([, , scope]) => scope !== "public");
    expect(guarded.length).toBeGreaterThan(20);
    for (const [method, path, scope] of guarded) {
      const url = `${ORIGIN}${concrete(path)}`;
      const refused = await SELF.fetch(url, { method, headers: bearer(without.get(scope as Scope)!) });
      expect(refused.status, `${method} ${path}`).toBe(403);
      expect(((await refused.json()) as { detail: string }).detail, `${method} ${path}`).toContain(`"${scope}"`);
      const anonymous = await SELF.fetch(url, { method });
      expect(anonymous.status, `${method} ${path} without a token`).toBe(401);
      await anonymous.body?.cancel();
      // With the scope the guard steps aside: whatever the handler answers, it is not an access refusal.
      // (Only GET/HEAD: other methods would really change things.)
      if (method === "GET") {
        const allowed = await SELF.fetch(url, { method, headers: bearer(holding.get(scope as Scope)!) });
        expect([401, 403], `${method} ${path} with the scope`).not.toContain(allowed.status);
        await allowed.body?.cancel();
      }
    }
  });

  it("answers 401 with WWW-Authenticate for an unknown token", async () => {
    const res = await SELF.fetch(`${ORIGIN}/api/parts`, { headers: { Authorization: "Bearer nope" } });
    expect(res.status).toBe(401);
    expect(res.headers.get("WWW-Authenticate")).toMatch(/^Bearer/);
  });
});
