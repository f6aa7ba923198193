import { SELF } from "cloudflare:test";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROUTE_POLICIES } from "../../src/access/policy";
import { SCOPES } from "../../src/access/scopes";
import { API_TOKEN } from "../support/api";
import { problemCode, rowsOfRequest } from "../support/audit";
import { ORIGIN, WRITE_TOKEN } from "../support/blobs";
import { concrete } from "../support/routes";
import { admin, bearer, tokenWith } from "../support/tokens";

/**
 * Generated from the policy table: every route, called by a token holding its
 * scope, writes exactly one audit row when its row names an audit action (with
 * the caller, the action, the path's parameters and the answer's status and
 * problem code) and none when it does not, whatever the handler answers. Then
 * every audited route, refused by the guard (no token, a token without the
 * scope, the storage mode), writes none. No request sends a body: the handlers
 * refuse most of them, which is as much an outcome to record as a success.
 */

type Row = (typeof ROUTE_POLICIES)[number];
const audited = ROUTE_POLICIES.filter((row) => row[5] !== undefined);

let operator: { token: string; sub: string };
let device: { token: string; sub: string };
beforeAll(async () => {
  const everything = await tokenWith(SCOPES.filter((s) => s !== "device"));
  operator = { token: everything.token, sub: everything.account.client_id };
  const key = `dev-${crypto.randomUUID()}`;
  device = { token: (await tokenWith([], { device: key })).token, sub: key };
});

/** The parameters `concrete` fills in, by name: each is "x1". */
const paramsOf = (path: string) => Object.fromEntries([...path.matchAll(/:(\w+)/g)].map(([, name]) => [name!, "x1"]));

function call(row: Row, token: string | undefined): Promise<Response> {
  const [method, path] = row;
  return SELF.fetch(`${ORIGIN}${concrete(path)}`, { method, headers: token ? bearer(token) : {} });
}

describe("the audit trail, route by route", () => {
  it("has an audited row for each admin and destructive action", () => {
    expect(audited.map((row) => row[5]).sort()).toEqual([
      "accounts.create",
      "accounts.disable",
      "accounts.enable",
      "accounts.retire",
      "accounts.rotate",
      "attachments.delete",
      "coredumps.delete",
      "coredumps.import",
      "firmware.upload",
      "gc.run",
      "groups.create",
      "groups.delete",
      "migration.cleanup",
      "migration.run",
      "mode.set",
      "parts.delete",
      "parts.update",
      "rollouts.advance",
      "rollouts.cancel",
      "rollouts.create",
      "rollouts.pause",
      "rollouts.resume",
      "rollouts.start",
      "visibility.run",
    ]);
  });

  it("writes one row for every request to an audited route and none for any other", async () => {
    expect(ROUTE_POLICIES.length).toBeGreaterThan(60);
    for (const row of ROUTE_POLICIES) {
      const [method, path, scope, , , action] = row;
      const caller = scope === "public" ? undefined : scope === "device" ? device : operator;
      const res = await call(row, caller?.token);
      const what = `${method} ${path} (${res.status})`;
      const code = await problemCode(res);
      await res.body?.cancel();
      const rows = await rowsOfRequest(res);
      if (action === undefined) {
        expect(rows, what).toEqual([]);
        continue;
      }
      expect(rows, what).toHaveLength(1);
      expect(rows[0], what).toMatchObject({
        sub: caller!.sub,
        action,
        target: path.includes(":") ? paramsOf(path) : null,
        status: res.status,
        error: code,
      });
    }
  });

  it("writes no row for an audited request the guard refuses: no token, or a token without the scope", async () => {
    expect(audited.length).toBeGreaterThan(10);
    for (const row of audited) {
      const [method, path, scope] = row;
      // The audited rows need admin or parts:*; admin implies parts:*, so the CAS write token is the one lacking them.
      const lacking = scope === "admin" ? API_TOKEN : WRITE_TOKEN;
      for (const [token, status] of [
        [undefined, 401],
        [lacking, 403],
      ] as const) {
        const res = await call(row, token);
        await res.body?.cancel();
        expect(res.status, `${method} ${path}`).toBe(status);
        expect(await rowsOfRequest(res), `${method} ${path}`).toEqual([]);
      }
    }
  });

  describe("in ro mode", () => {
    beforeAll(async () => expect((await admin("/mode", { method: "PUT", json: { mode: "ro" } })).status).toBe(200));
    afterAll(async () => expect((await admin("/mode", { method: "PUT", json: { mode: null } })).status).toBe(200));

    it("writes no row for an audited write or delete the storage mode refuses", async () => {
      const refusable = audited.filter(([, , , effect]) => effect === "write" || effect === "delete");
      expect(refusable.length).toBeGreaterThan(5);
      for (const row of refusable) {
        const res = await call(row, operator.token);
        expect(await problemCode(res), `${row[0]} ${row[1]}`).toBe("storage_mode");
        await res.body?.cancel();
        expect(await rowsOfRequest(res), `${row[0]} ${row[1]}`).toEqual([]);
      }
    });
  });
});
