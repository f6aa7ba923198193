import { env, SELF } from "cloudflare:test";
import { decodeJwt, exportJWK, generateKeyPair } from "jose";
import { describe, expect, it } from "vitest";
import { accountActive, STATUS_TTL_MS } from "../../src/access/account-status";
import { InvalidToken, verifyToken } from "../../src/access/tokens";
import { ORIGIN } from "../support/blobs";
import { admin, bearer, secondSigningJwk, signWith, testSigningJwk, tokenWith } from "../support/tokens";
import { fetchWith } from "../support/worker";

const b64url = (text: string) => btoa(text).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");

function listParts(token: string): Promise<Response> {
  return SELF.fetch(`${ORIGIN}/api/parts`, { headers: bearer(token) });
}

async function expectInvalidToken(res: Response, why: RegExp): Promise<void> {
  expect(res.status).toBe(401);
  expect(res.headers.get("Content-Type")).toBe("application/problem+json");
  expect(res.headers.get("WWW-Authenticate")).toBe('Bearer realm="cas-edge", error="invalid_token"');
  const body = (await res.json()) as { type: string; detail: string };
  expect(body.type).toBe("urn:cas-edge:problem:invalid-token");
  expect(body.detail).toMatch(why);
}

/** A token for an existing account, signed with the test key, with some claims or header fields changed. */
async function craftedToken(claims: Record<string, unknown> = {}, header: Record<string, unknown> = {}) {
  const { account } = await tokenWith(["parts:read"]);
  return signWith(testSigningJwk(), { sub: account.client_id, client_id: account.client_id, scope: "parts:read", ...claims }, header);
}

describe("the guard refuses every bad bearer token with 401 invalid_token", () => {
  it("accepts a well-formed token signed with the key (the control case)", async () => {
    expect((await listParts(await craftedToken())).status).toBe(200);
  });

  it("malformed", async () => {
    const head = b64url(JSON.stringify({ alg: "ES256", kid: "test-1", typ: "at+jwt" }));
    await expectInvalidToken(await listParts(`${head}.not-json.c2ln`), /malformed|signature/);
    await expectInvalidToken(await listParts("eyJub3QiOiJjbG9zZWQ.e30.c2ln"), /malformed/);
  });

  it("expired", async () => {
    const past = Math.floor(Date.now() / 1000) - 3600;
    await expectInvalidToken(await listParts(await craftedToken({ iat: past - 900, exp: past })), /expired/);
  });

  it("for another audience", async () => {
    await expectInvalidToken(await listParts(await craftedToken({ aud: "someone-else" })), /"aud"/);
  });

  it("from another issuer", async () => {
    await expectInvalidToken(await listParts(await craftedToken({ iss: "https://evil.example" })), /"iss"/);
  });

  it("alg none", async () => {
    const good = await craftedToken();
    const [, payload] = good.split(".");
    const none = `${b64url(JSON.stringify({ alg: "none", typ: "at+jwt", kid: "test-1" }))}.${payload}.`;
    await expectInvalidToken(await listParts(none), /algorithm/);
  });

  it("HS256 signed with the public key as the HMAC secret", async () => {
    const good = await craftedToken();
    const [, payload] = good.split(".");
    const { d: _private, ...publicJwk } = testSigningJwk();
    const head = b64url(JSON.stringify({ alg: "HS256", typ: "at+jwt", kid: "test-1" }));
    for (const secret of [JSON.stringify(publicJwk), JSON.stringify({ keys: [publicJwk] })]) {
      const key = await crypto.subtle.importKey("raw", new TextEncoder().encode(secret), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
      const mac = new Uint8Array(await crypto.subtle.sign("HMAC", key, new TextEncoder().encode(`${head}.${payload}`)));
      const signature = b64url(String.fromCharCode(...mac));
      await expectInvalidToken(await listParts(`${head}.${payload}.${signature}`), /algorithm/);
    }
  });

  it("signed by a key the server does not know (unknown kid)", async () => {
    const { privateKey } = await generateKeyPair("ES256", { extractable: true });
    const stranger = { ...(await exportJWK(privateKey)), kid: "stranger" };
    const { account } = await tokenWith(["parts:read"]);
    const token = await signWith(stranger, { sub: account.client_id, client_id: account.client_id, scope: "parts:read" });
    await expectInvalidToken(await listParts(token), /kid/);
  });

  it("signed by a stranger's key under the server's kid", async () => {
    const { privateKey } = await generateKeyPair("ES256", { extractable: true });
    const stranger = { ...(await exportJWK(privateKey)), kid: "test-1" };
    const { account } = await tokenWith(["parts:read"]);
    const token = await signWith(stranger, { sub: account.client_id, client_id: account.client_id, scope: "parts:read" });
    await expectInvalidToken(await listParts(token), /signature/);
  });

  it("tampered: a scope added to a genuine token's payload", async () => {
    const { token } = await tokenWith(["parts:read"]);
    const [head, payload, signature] = token.split(".");
    const claims = JSON.parse(atob(payload!.replaceAll("-", "+").replaceAll("_", "/")));
    const forged = b64url(JSON.stringify({ ...claims, scope: "parts:read admin" }));
    await expectInvalidToken(await listParts(`${head}.${forged}.${signature}`), /signature/);
    const admin = await SELF.fetch(`${ORIGIN}/api/admin/accounts`, { headers: bearer(`${head}.${forged}.${signature}`) });
    expect(admin.status).toBe(401);
  });

  it("not an access token (typ)", async () => {
    await expectInvalidToken(await listParts(await craftedToken({}, { typ: "JWT" })), /typ|malformed/);
  });

  it("an unknown opaque token", async () => {
    await expectInvalidToken(await listParts("not-a-token-we-know"), /not a token/);
  });

  it("no token at all is 401 without an error code", async () => {
    const res = await SELF.fetch(`${ORIGIN}/api/parts`);
    expect(res.status).toBe(401);
    expect(res.headers.get("WWW-Authenticate")).toBe('Bearer realm="cas-edge"');
  });
});

describe("disabled accounts", () => {
  it("stop their live tokens at once in this isolate, and work again when enabled", async () => {
    const { token, account } = await tokenWith(["parts:read"]);
    expect((await listParts(token)).status).toBe(200);
    expect((await admin(`/accounts/${account.client_id}/disable`, { method: "POST" })).status).toBe(200);
    await expectInvalidToken(await listParts(token), /disabled/);
    expect((await admin(`/accounts/${account.client_id}/enable`, { method: "POST" })).status).toBe(200);
    expect((await listParts(token)).status).toBe(200);
  });

  it("are seen by other isolates once their cached status expires (≤ 30 s)", async () => {
    const { account } = await tokenWith(["parts:read"]);
    const t0 = Date.now() + 10 * STATUS_TTL_MS; // a clock no other test's cache entry reaches
    expect(await accountActive(env, account.client_id, t0)).toBe(true);
    // Disabled behind this isolate's back (as another isolate would), not through the endpoint that clears the cache.
    await env.DB.prepare("UPDATE service_accounts SET disabled = 1 WHERE client_id = ?1").bind(account.client_id).run();
    expect(await accountActive(env, account.client_id, t0 + STATUS_TTL_MS - 1)).toBe(true);
    expect(await accountActive(env, account.client_id, t0 + STATUS_TTL_MS)).toBe(false);
  });
});

describe("signing key rotation", () => {
  it("publishes both keys, signs with the newest, and accepts tokens signed by either", async () => {
    const { token: oldToken, account } = await tokenWith(["parts:read"]);
    const rotated = { JWT_PRIVATE_JWKS: JSON.stringify({ keys: [testSigningJwk(), secondSigningJwk()] }) };

    const jwks = (await (await fetchWith(new Request(`${ORIGIN}/.well-known/jwks.json`), rotated)).json()) as { keys: Array<{ kid: string }> };
    expect(jwks.keys.map((k) => k.kid)).toEqual(["test-1", "test-2"]);

    const form = new URLSearchParams({ grant_type: "client_credentials", client_id: account.client_id, client_secret: account.client_secret });
    const issued = await fetchWith(
      new Request(`${ORIGIN}/api/oauth/token`, { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded" }, body: form }),
      rotated,
    );
    const { access_token: newToken } = (await issued.json()) as { access_token: string };
    expect(JSON.parse(atob(newToken.split(".")[0]!)).kid).toBe("test-2");

    for (const token of [oldToken, newToken]) {
      expect((await fetchWith(new Request(`${ORIGIN}/api/parts`, { headers: bearer(token) }), rotated)).status).toBe(200);
    }
    // Once the old key is dropped, its tokens stop verifying.
    const onlyNew = { JWT_PRIVATE_JWKS: JSON.stringify({ keys: [secondSigningJwk()] }) };
    expect((await fetchWith(new Request(`${ORIGIN}/api/parts`, { headers: bearer(oldToken) }), onlyNew)).status).toBe(401);
    expect((await fetchWith(new Request(`${ORIGIN}/api/parts`, { headers: bearer(newToken) }), onlyNew)).status).toBe(200);
  });
});

describe("the per-isolate cache of verified tokens", () => {
  it("still lets a token expire, and never stands in for a different token", async () => {
    const { token } = await tokenWith(["parts:read"]);
    const { exp } = decodeJwt(token);
    const before = (exp! - 60) * 1000;
    expect((await verifyToken(env, token, before)).scopes).toEqual(["parts:read"]);
    expect((await verifyToken(env, token, before)).scopes).toEqual(["parts:read"]);
    await expect(verifyToken(env, token, (exp! + 1) * 1000)).rejects.toThrow(/expired/);
    const [head, payload, signature] = token.split(".");
    await expect(verifyToken(env, `${head}.${payload}.${signature!.slice(0, -2)}AA`, before)).rejects.toThrow(InvalidToken);
  });
});
