import { env } from "cloudflare:test";
import { decodeJwt } from "jose";
import { describe, expect, it } from "vitest";
import { SCOPES } from "../../src/access/scopes";
import { noise } from "../support/esp-build";
import { as, createModel, deviceWithToken, sendCoredump } from "../support/firmware";
import { accessToken, admin, createAccount, requestToken } from "../support/tokens";

describe("the device scope excludes every other scope", () => {
  it("refuses to create a device-bound account with any other scope, naming it, and creates nothing", async () => {
    for (const other of SCOPES.filter((s) => s !== "device")) {
      const device = `dev-${crypto.randomUUID()}`;
      const res = await admin("/accounts", { method: "POST", json: { name: `board ${other}`, scopes: ["device", other], device_key: device } });
      expect(res.status, other).toBe(400);
      expect(res.headers.get("Content-Type")).toBe("application/problem+json");
      const { detail } = (await res.json()) as { detail: string };
      expect(detail, other).toContain(`"${other}"`);
      expect(detail, other).toContain("device");
      // The device is still free for an account of its own.
      expect((await createAccount([], { device })).scopes).toEqual(["device"]);
    }
  });

  it("refuses the README's old example: a board's account with coredumps:parse", async () => {
    const res = await admin("/accounts", {
      method: "POST",
      json: { name: "board-17", scopes: ["coredumps:parse"], device_key: `30:ae:a4:${crypto.randomUUID().slice(0, 8)}` },
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { detail: string }).detail).toContain('"coredumps:parse"');
  });

  it("never issues a token combining device with another scope, even for an account stored with both", async () => {
    // A row written before the rule: a device-bound account that also holds coredumps:parse.
    const model = await createModel();
    const victim = await deviceWithToken(model);
    await sendCoredump(victim.token, victim.device, noise(200));
    const device = `dev-${crypto.randomUUID()}`;
    const account = await createAccount([], { device });
    await env.DB.prepare("UPDATE service_accounts SET scopes = 'device coredumps:parse admin' WHERE client_id = ?1").bind(account.client_id).run();

    const token = await accessToken(account.client_id, account.client_secret);
    expect(decodeJwt(token).scope).toBe("device");
    expect(decodeJwt(token).sub).toBe(device);
    for (const scope of ["coredumps:parse", "device coredumps:parse", "admin"]) {
      const res = await requestToken(account.client_id, account.client_secret, { scope });
      expect(res.status, scope).toBe(400);
      expect(((await res.json()) as { error: string }).error, scope).toBe("invalid_scope");
    }
    // So the board cannot claim another device's dump.
    const claim = await as(token, "/coredumps/claim", { method: "POST" });
    expect(claim.status).toBe(403);
  });
});
