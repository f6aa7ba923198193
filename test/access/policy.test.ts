import { SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { checkAuditColumn, IMPLIED_SCOPES, mustAudit, policyFor, ROUTE_POLICIES } from "../../src/access/policy";
import { SCOPES } from "../../src/access/scopes";
import { buildApp } from "../../src/app";
import type { Scope } from "../../src/env";
import { ORIGIN, WRITE_TOKEN } from "../support/blobs";
import { concrete } from "../support/routes";
import { bearer, tokenWith } from "../support/tokens";

/** Every scope but `device`, which a device-bound account holds alone. */
const OPERATOR_SCOPES = SCOPES.filter((s) => s !== "device");

/** The scopes that grant `scope`: itself and those implying it (admin implies parts:* and cas:write). */
const grantersOf = (scope: Scope) => SCOPES.filter((s) => s === scope || IMPLIED_SCOPES[s]?.includes(scope));

/** A token with every scope that does not grant `missing`: a device's token lacks all the others, an operator's lacks `device` too. */
async function tokenWithout(missing: Scope): Promise<string> {
  if (missing === "device") return (await tokenWith(OPERATOR_SCOPES)).token;
  return (await tokenWith(OPERATOR_SCOPES.filter((s) => !grantersOf(missing).includes(s)))).token;
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
    const guarded = ROUTE_POLICIES.filter(([, , scope]) => scope !== "public" && scope !== "authenticated");
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

  it("lets an admin token through every route needing a scope admin implies, and refuses it the machine roles", async () => {
    const adminOnly = (await tokenWith(["admin"])).token;
    const implied = IMPLIED_SCOPES.admin!;
    expect(implied).toEqual(expect.arrayContaining(["parts:read", "parts:write", "parts:delete", "cas:write"]));
    for (const [method, path, scope] of ROUTE_POLICIES) {
      if (scope === "public" || scope === "authenticated" || scope === "admin") continue;
      const res = await SELF.fetch(`${ORIGIN}${concrete(path)}`, { method: method === "GET" ? "GET" : "OPTIONS", headers: bearer(adminOnly) });
      await res.body?.cancel();
      if (method !== "GET") continue;
      if ((implied as readonly string[]).includes(scope)) expect([401, 403], `GET ${path} as admin`).not.toContain(res.status);
      else expect(res.status, `GET ${path} as admin`).toBe(403);
    }
    // A write the admin scope implies goes through too: the operator can create a part.
    const created = await SELF.fetch(`${ORIGIN}/api/parts`, {
      method: "POST",
      headers: { ...bearer(adminOnly), "Content-Type": "application/json" },
      body: JSON.stringify({ name: "made by an operator" }),
    });
    expect(created.status).toBe(201);
    // The machine roles stay out of reach: a parser's claim and a device's dump.
    const claim = await SELF.fetch(`${ORIGIN}/api/coredumps/claim`, {
      method: "POST",
      headers: { ...bearer(adminOnly), "Content-Type": "application/json" },
      body: "{}",
    });
    expect(claim.status).toBe(403);
    expect(((await claim.json()) as { detail: string }).detail).toContain('"coredumps:parse"');
  });

  it("lets any valid token through an authenticated row, and no token or a bad one not", async () => {
    const rows = ROUTE_POLICIES.filter(([, , scope]) => scope === "authenticated");
    expect(rows.length).toBeGreaterThan(0);
    const device = (await tokenWith([], { device: `dev-${crypto.randomUUID()}` })).token;
    for (const [method, path] of rows) {
      for (const token of [WRITE_TOKEN, device, (await tokenWith(["parts:read"])).token]) {
        const res = await SELF.fetch(`${ORIGIN}${concrete(path)}`, { method, headers: bearer(token) });
        await res.body?.cancel();
        expect(res.status, `${method} ${path}`).toBe(200);
      }
      for (const headers of [{}, bearer("nope")]) {
        const res = await SELF.fetch(`${ORIGIN}${concrete(path)}`, { method, headers });
        await res.body?.cancel();
        expect(res.status, `${method} ${path}`).toBe(401);
      }
    }
  });

  it("answers 401 with WWW-Authenticate for an unknown token", async () => {
    const res = await SELF.fetch(`${ORIGIN}/api/parts`, { headers: { Authorization: "Bearer nope" } });
    expect(res.status).toBe(401);
    expect(res.headers.get("WWW-Authenticate")).toMatch(/^Bearer/);
  });
});

describe("the table's audit column", () => {
  it("names an action on every delete, every operator setting and every admin call but a read", () => {
    const unnamed = ROUTE_POLICIES.filter(([method, , scope, effect, , audit]) => mustAudit(method, scope, effect) && audit === undefined);
    expect(unnamed).toEqual([]);
    expect(ROUTE_POLICIES.filter(([, , , , , audit]) => audit !== undefined).length).toBeGreaterThan(10);
  });

  it.each([
    ["a delete without a name", [["DELETE", "/api/things/:id", "parts:delete", "delete"]], /DELETE \/api\/things\/:id .* must name its audit action/],
    ["a setting without a name", [["PUT", "/api/admin/knob", "admin", "setting", "json"]], /must name its audit action/],
    ["an admin write without a name", [["POST", "/api/admin/run", "admin", "write"]], /must name its audit action/],
    ["a public row with a name", [["POST", "/api/open", "public", "write", undefined, "open.post"]], /public: there is nobody to audit/],
    ["a malformed name", [["DELETE", "/api/x/:id", "parts:delete", "delete", undefined, "Delete X"]], /not an audit action name/],
    [
      "a name used twice",
      [
        ["DELETE", "/api/x/:id", "parts:delete", "delete", undefined, "x.delete"],
        ["DELETE", "/api/y/:id", "parts:delete", "delete", undefined, "x.delete"],
      ],
      /names another route already/,
    ],
  ] as const)("refuses a table with %s", (_, rows, message) => {
    expect(() => checkAuditColumn(rows)).toThrow(message);
  });

  it("takes a name on any other write (how a private flag's change is audited) and none on reads", () => {
    expect(() =>
      checkAuditColumn([
        ["PATCH", "/api/parts/:key", "parts:write", "write", "json", "parts.private"],
        ["GET", "/api/admin/things", "admin", "read"],
        ["POST", "/api/oauth/token", "public", "setting", "token-form"],
      ]),
    ).not.toThrow();
  });
});
