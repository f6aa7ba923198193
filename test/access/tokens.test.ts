import { env, SELF } from "cloudflare:test";
import { decodeJwt, decodeProtectedHeader } from "jose";
import { describe, expect, it } from "vitest";
import { ORIGIN, randomBytes, sha256 } from "../support/blobs";
import { accessToken, admin, bearer, createAccount, requestToken, tokenWith } from "../support/tokens";

describe("POST /api/oauth/token (client credentials)", () => {
  it("trades a client_id and secret sent by HTTP Basic for a 15-minute ES256 JWT", async () => {
    const account = await createAccount(["cas:write", "parts:read"]);
    const res = await requestToken(account.client_id, account.client_secret);
    expect(res.status).toBe(200);
    expect(res.headers.get("Cache-Control")).toBe("no-store");
    expect(res.headers.get("Pragma")).toBe("no-cache");
    const body = (await res.json()) as { access_token: string; token_type: string; expires_in: number; scope: string };
    expect(body.token_type).toBe("Bearer");
    expect(body.expires_in).toBe(900);
    expect(body.scope).toBe("cas:write parts:read");

    const header = decodeProtectedHeader(body.access_token);
    expect(header).toMatchObject({ alg: "ES256", kid: "test-1", typ: "at+jwt" });
    const claims = decodeJwt(body.access_token);
    expect(claims).toMatchObject({
      iss: "cas-edge",
      aud: "cas-edge",
      sub: account.client_id,
      client_id: account.client_id,
      scope: "cas:write parts:read",
    });
    expect(claims.exp! - claims.iat!).toBe(900);
    expect(claims.jti).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("accepts the credentials in the form body too", async () => {
    const account = await createAccount(["parts:read"]);
    const res = await requestToken(account.client_id, account.client_secret, { via: "body" });
    expect(res.status).toBe(200);
  });

  it("narrows the scopes to those asked for", async () => {
    const account = await createAccount(["parts:read", "parts:write", "parts:delete"]);
    const res = await requestToken(account.client_id, account.client_secret, { scope: "parts:read" });
    const { access_token, scope } = (await res.json()) as { access_token: string; scope: string };
    expect(scope).toBe("parts:read");
    expect(decodeJwt(access_token).scope).toBe("parts:read");
    const write = await SELF.fetch(`${ORIGIN}/api/parts`, {
      method: "POST",
      headers: { ...bearer(access_token), "Content-Type": "application/json" },
      body: '{"name":"x"}',
    });
    expect(write.status).toBe(403);
  });

  it("gives a token that the guard accepts for its scopes", async () => {
    const { token } = await tokenWith(["cas:write"]);
    const bytes = randomBytes(300);
    const hash = await sha256(bytes);
    const put = await SELF.fetch(`${ORIGIN}/api/cas/${hash}`, { method: "PUT", body: bytes, headers: { ...bearer(token), "Content-Length": "300" } });
    expect(put.status).toBe(201);
    const parts = await SELF.fetch(`${ORIGIN}/api/parts`, { headers: bearer(token) });
    expect(parts.status).toBe(403);
    expect(((await parts.json()) as { detail: string }).detail).toContain('"parts:read"');
  });

  it("records when an account last got a token", async () => {
    const account = await createAccount(["parts:read"]);
    expect((await (await admin(`/accounts/${account.client_id}`)).json()) as object).toMatchObject({ last_used_at: null });
    await accessToken(account.client_id, account.client_secret);
    const row = await env.DB.prepare("SELECT last_used_at FROM service_accounts WHERE client_id = ?1")
      .bind(account.client_id)
      .first<{ last_used_at: string | null }>();
    expect(row?.last_used_at).toMatch(/^\d{4}-\d\d-\d\dT/);
  });
});

describe("device-bound accounts", () => {
  it("issue tokens whose sub is the device key and whose only scope is device", async () => {
    const device = `dev-${crypto.randomUUID()}`;
    const account = await createAccount([], { device });
    expect(account.scopes).toEqual(["device"]);
    const token = await accessToken(account.client_id, account.client_secret);
    const claims = decodeJwt(token);
    expect(claims.sub).toBe(device);
    expect(claims.client_id).toBe(account.client_id);
    expect(claims.scope).toBe("device");
  });

  it("refuse a second account for the same device, and the device scope without a device", async () => {
    const device = `dev-${crypto.randomUUID()}`;
    await createAccount(["device"], { device });
    const again = await admin("/accounts", { method: "POST", json: { name: "twin", scopes: ["device"], device_key: device } });
    expect(again.status).toBe(409);
    const unbound = await admin("/accounts", { method: "POST", json: { name: "loose", scopes: ["device"] } });
    expect(unbound.status).toBe(400);
    expect(((await unbound.json()) as { detail: string }).detail).toContain("device_key");
  });
});

describe("GET /.well-known/jwks.json", () => {
  it("publishes the public key with its kid and nothing private", async () => {
    const res = await SELF.fetch(`${ORIGIN}/.well-known/jwks.json`);
    expect(res.status).toBe(200);
    const { keys } = (await res.json()) as { keys: Array<Record<string, string>> };
    expect(keys.map((k) => k.kid)).toEqual(["test-1"]);
    expect(keys[0]).toMatchObject({ kty: "EC", crv: "P-256", alg: "ES256", use: "sig" });
    expect(keys[0]).not.toHaveProperty("d");
  });
});
