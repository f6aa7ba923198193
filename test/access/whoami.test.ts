import { SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { API_TOKEN } from "../support/api";
import { ORIGIN, WRITE_TOKEN } from "../support/blobs";
import { ADMIN_TOKEN, admin, bearer, tokenWith } from "../support/tokens";

interface Whoami {
  sub: string;
  client_id: string | null;
  device: string | null;
  scopes: string[];
  granted: string[];
  mode: { mode: string; source: string };
}

async function whoami(token: string): Promise<Whoami> {
  const res = await SELF.fetch(`${ORIGIN}/api/whoami`, { headers: bearer(token) });
  expect(res.status).toBe(200);
  expect(res.headers.get("Cache-Control")).toBe("private, no-store");
  return res.json();
}

describe("GET /api/whoami", () => {
  it("says what an admin token carries and what it may do: admin implies parts:* and cas:write, not the machine roles", async () => {
    const me = await whoami(ADMIN_TOKEN);
    expect(me).toMatchObject({ sub: "static:ADMIN_TOKEN", client_id: null, device: null, scopes: ["admin"] });
    expect(me.granted).toEqual(["cas:write", "parts:read", "parts:write", "parts:delete", "admin"]);
    expect(me.mode).toEqual({ mode: "edit", source: "STORAGE_MODE" });
  });

  it("grants a token without admin exactly what it carries", async () => {
    expect((await whoami(WRITE_TOKEN)).granted).toEqual(["cas:write"]);
    expect((await whoami(API_TOKEN)).granted).toEqual(["cas:write", "parts:read", "parts:write", "parts:delete"]);
    const { token, account } = await tokenWith(["parts:read", "coredumps:parse"]);
    const me = await whoami(token);
    expect(me).toMatchObject({ sub: account.client_id, client_id: account.client_id, device: null });
    expect(me.granted).toEqual(["parts:read", "coredumps:parse"]);
  });

  it("names a device-bound account's device", async () => {
    const device = `dev-${crypto.randomUUID().slice(0, 8)}`;
    const me = await whoami((await tokenWith([], { device })).token);
    expect(me.device).toBe(device);
    expect(me.sub).toBe(device);
    expect(me.granted).toEqual(["device"]);
  });

  it("shows a runtime mode switch and where it comes from", async () => {
    expect((await admin("/mode", { method: "PUT", json: { mode: "ro" } })).status).toBe(200);
    try {
      expect((await whoami(WRITE_TOKEN)).mode).toEqual({ mode: "ro", source: "runtime" });
    } finally {
      expect((await admin("/mode", { method: "PUT", json: { mode: null } })).status).toBe(200);
    }
  });

  it("answers 401 problem+json without a token", async () => {
    const res = await SELF.fetch(`${ORIGIN}/api/whoami`);
    expect(res.status).toBe(401);
    expect(res.headers.get("Content-Type")).toBe("application/problem+json");
  });
});
