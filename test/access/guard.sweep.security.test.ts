import { describe, expect, it } from "vitest";
import { grantedScopes, ROUTE_POLICIES } from "../../src/access/policy";
import { buildApp } from "../../src/app";
import { API_TOKEN } from "../support/api";
import { ORIGIN, WRITE_TOKEN } from "../support/blobs";
import { ADMIN_TOKEN } from "../support/tokens";
import { fetchWith, recordingBucket, recordingDb } from "../support/worker";

/**
 * Every method to every route, without a token and with tokens that lack the
 * route's scope: each is refused (401/403/404/405) before any handler runs,
 * which the wrapped D1 and R2 bindings prove by seeing no call at all. The
 * tokens are the static ones, checked against env alone, so a call the
 * bindings see can only come from a handler (a JWT would read the account's
 * status from D1).
 */

// Every route path the table names or the app mounts (middleware and mounts are `*` paths), and a few it does not.
const UNKNOWN = ["/api", "/api/admin", "/api/nothing", "/api/parts/sweep1/unknown", "/build", "/robots.txt", "/.well-known/openid-configuration"];
const PATHS = [...new Set([...ROUTE_POLICIES.map(([, path]) => path), ...buildApp().routes.map((r) => r.path), ...UNKNOWN])].filter(
  (p) => !p.includes("*"),
);

// A lowercase `get` becomes GET in the Request constructor (Fetch normalises the six standard
// methods), a lowercase `patch` stays as it is: the table is case-sensitive, so it has no row.
const METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "PROPFIND", "get", "patch"];

/** Values the handlers would accept, so a handler that did run would reach D1 or R2 rather than stop at its own validation. */
function plausible(name: string, path: string): string {
  if (name === "id" && path.startsWith("/api/uploads/")) return crypto.randomUUID();
  if (name === "file") return path.startsWith("/vendor/") ? "swagger-ui.css" : "app.js";
  const values: Record<string, string> = {
    hash: "5e".repeat(32),
    key: "sweep1",
    id: "1",
    part: "1",
    model: "sweep-model",
    version: "1.0.0",
    device: "sweep-device-1",
    group: "sweep-group",
    clientId: "sa_sweep00000000",
    section: "accounts",
    variant: "original",
  };
  const value = values[name];
  if (value === undefined) throw new Error(`the sweep has no plausible value for :${name} (${path}): add one`);
  return value;
}

const concrete = (path: string) => path.replace(/:(\w+)/g, (_, name: string) => plausible(name, path));

/** Whether a concrete path fits a route pattern of the table (a parameter is one non-empty segment). */
const fits = (pattern: string, path: string) => new RegExp(`^${pattern.replace(/:\w+/g, "[^/]+")}$`).test(path);

/** The row that answers this method on this concrete path (the first that fits, as in the table's router); HEAD needs what GET needs. */
function rowOf(method: string, path: string) {
  return ROUTE_POLICIES.find(([m, p]) => m === (method === "HEAD" ? "GET" : method) && fits(p, path));
}

/** The static tokens and their scopes (vitest.config.ts, src/access/static-tokens.ts). */
const STATIC_SCOPES: Record<string, string[]> = {
  [WRITE_TOKEN]: ["cas:write"],
  [API_TOKEN]: ["parts:read", "parts:write", "parts:delete", "cas:write"],
  [ADMIN_TOKEN]: ["admin"],
};

/**
 * Static tokens that may not call a route needing `scope`: neither carry it
 * nor one implying it (admin implies parts:* and cas:write, so no static
 * token lacks cas:write; JWTs cover that case in policy.test.ts). None has
 * `device` or `coredumps:parse`, and any valid token may call an
 * "authenticated" route.
 */
function tokensLacking(scope: string): string[] {
  if (scope === "authenticated") return [];
  return Object.keys(STATIC_SCOPES).filter((token) => !grantedScopes(STATIC_SCOPES[token]!).has(scope));
}

async function send(method: string, url: string, headers: Record<string, string>) {
  const database = recordingDb();
  const bucket = recordingBucket();
  const res = await fetchWith(new Request(url, { method, headers }), { DB: database.db, BUCKET: bucket.bucket });
  return { res, body: await res.arrayBuffer(), calls: [...database.calls, ...bucket.calls] };
}

describe("the access guard fails closed on every method of every route", () => {
  it("refuses each request it has no public row for before any handler runs", async () => {
    expect(PATHS.length).toBeGreaterThan(50);
    let checked = 0;
    for (const path of PATHS) {
      const target = concrete(path);
      const url = `${ORIGIN}${target}`;
      // The path exists for some method: others are 405, not 404.
      const known = ROUTE_POLICIES.some(([, p]) => fits(p, target));
      for (const asked of METHODS) {
        const method = new Request(url, { method: asked }).method;
        const row = rowOf(method, target);
        // Public rows (blobs, health, the page, the token endpoint) run their handlers for anyone.
        if (row?.[2] === "public") continue;
        // A route without a row stays shut for every token, even ones holding every scope the statics have.
        const tokens = row ? tokensLacking(row[2]) : [ADMIN_TOKEN, API_TOKEN, WRITE_TOKEN];
        for (const token of [undefined, ...tokens]) {
          const what = `${asked} ${path} ${token ? `with ${token}` : "without a token"}`;
          const { res, body, calls } = await send(method, url, token ? { Authorization: `Bearer ${token}` } : {});
          expect(calls, `${what}: no handler may run`).toEqual([]);
          expect(res.status, what).toBe(row ? (token ? 403 : 401) : known ? 405 : 404);
          expect(res.headers.get("Content-Type"), what).toBe("application/problem+json");
          if (res.status === 405) expect(res.headers.get("Allow")?.split(", "), what).not.toContain(method);
          if (method === "HEAD") expect(body.byteLength, what).toBe(0);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(1000);
  });

  it("answers preflights from the table alone: 204 for a route it has, 404/405 for any other, and never runs a handler", async () => {
    for (const path of PATHS) {
      const target = concrete(path);
      const known = ROUTE_POLICIES.some(([, p]) => fits(p, target));
      for (const asked of METHODS) {
        const what = `preflight for ${asked} ${path}`;
        const { res, calls } = await send("OPTIONS", `${ORIGIN}${target}`, {
          Origin: "https://inventory.test",
          "Access-Control-Request-Method": asked,
        });
        expect(calls, what).toEqual([]);
        expect(res.status, what).toBe(rowOf(asked, target) ? 204 : known ? 405 : 404);
      }
    }
  });
});
