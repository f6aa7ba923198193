import { SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { MAX_FAILURES } from "../../src/access/throttle";
import { ORIGIN } from "../support/blobs";
import { admin, createAccount, requestToken } from "../support/tokens";

async function expectOAuthError(res: Response, status: number, error: string): Promise<string> {
  expect(res.status).toBe(status);
  expect(res.headers.get("Content-Type")).toMatch(/^application\/json/);
  expect(res.headers.get("Cache-Control")).toBe("no-store");
  const body = (await res.json()) as { error: string; error_description: string };
  expect(body.error).toBe(error);
  return body.error_description;
}

function post(body: string, headers: Record<string, string> = { "Content-Type": "application/x-www-form-urlencoded" }) {
  return SELF.fetch(`${ORIGIN}/api/oauth/token`, { method: "POST", headers, body });
}

describe("token endpoint errors (RFC 6749 §5.2)", () => {
  it("wrong secret, unknown client: invalid_client 401 with a Basic challenge", async () => {
    const account = await createAccount(["parts:read"]);
    for (const res of [await requestToken(account.client_id, "cs_wrong"), await requestToken("sa_nobody", "cs_wrong", { via: "body" })]) {
      expect(res.headers.get("WWW-Authenticate")).toMatch(/^Basic /);
      await expectOAuthError(res, 401, "invalid_client");
    }
  });

  it("no credentials, or a broken Basic header: invalid_client", async () => {
    await expectOAuthError(await post("grant_type=client_credentials"), 401, "invalid_client");
    await expectOAuthError(
      await post("grant_type=client_credentials", { "Content-Type": "application/x-www-form-urlencoded", Authorization: "Basic !!!" }),
      401,
      "invalid_client",
    );
  });

  it("other grant types: unsupported_grant_type; no grant type: invalid_request", async () => {
    const account = await createAccount(["parts:read"]);
    await expectOAuthError(await requestToken(account.client_id, account.client_secret, { grantType: "password" }), 400, "unsupported_grant_type");
    await expectOAuthError(await post(`client_id=${account.client_id}&client_secret=${account.client_secret}`), 400, "invalid_request");
  });

  it("a JSON body, repeated parameters, or credentials both ways: invalid_request", async () => {
    const account = await createAccount(["parts:read"]);
    await expectOAuthError(
      await post(JSON.stringify({ grant_type: "client_credentials" }), { "Content-Type": "application/json" }),
      400,
      "invalid_request",
    );
    await expectOAuthError(await post("grant_type=client_credentials&grant_type=client_credentials"), 400, "invalid_request");
    const basic = `Basic ${btoa(`${account.client_id}:${account.client_secret}`)}`;
    const both = await post(`grant_type=client_credentials&client_id=${account.client_id}&client_secret=${account.client_secret}`, {
      "Content-Type": "application/x-www-form-urlencoded",
      Authorization: basic,
    });
    await expectOAuthError(both, 400, "invalid_request");
  });

  it("a scope the account does not have: invalid_scope naming it", async () => {
    const account = await createAccount(["parts:read"]);
    const detail = await expectOAuthError(
      await requestToken(account.client_id, account.client_secret, { scope: "parts:read admin" }),
      400,
      "invalid_scope",
    );
    expect(detail).toContain('"admin"');
  });

  it("a disabled account: invalid_client", async () => {
    const account = await createAccount(["parts:read"]);
    await admin(`/accounts/${account.client_id}/disable`, { method: "POST" });
    expect(await expectOAuthError(await requestToken(account.client_id, account.client_secret), 401, "invalid_client")).toMatch(/disabled/);
  });
});

describe("secret rotation", () => {
  it("rotate adds a second secret (both work), retire drops the older", async () => {
    const account = await createAccount(["parts:read"]);
    const rotated = await admin(`/accounts/${account.client_id}/rotate`, { method: "POST" });
    expect(rotated.status).toBe(200);
    const { client_secret: second, secrets } = (await rotated.json()) as { client_secret: string; secrets: string[] };
    expect(second).not.toBe(account.client_secret);
    expect(secrets).toHaveLength(2);
    expect((await requestToken(account.client_id, account.client_secret)).status).toBe(200);
    expect((await requestToken(account.client_id, second)).status).toBe(200);

    // A third secret would leave the operator unsure which one clients use.
    expect((await admin(`/accounts/${account.client_id}/rotate`, { method: "POST" })).status).toBe(409);

    const retired = await admin(`/accounts/${account.client_id}/retire`, { method: "POST" });
    expect(retired.status).toBe(200);
    expect(((await retired.json()) as { secrets: string[] }).secrets).toHaveLength(1);
    expect((await requestToken(account.client_id, account.client_secret)).status).toBe(401);
    expect((await requestToken(account.client_id, second)).status).toBe(200);

    // The last secret is never retired.
    expect((await admin(`/accounts/${account.client_id}/retire`, { method: "POST" })).status).toBe(409);
  });
});

describe("failed attempts are limited per client_id", () => {
  it(`answers 429 with Retry-After after ${MAX_FAILURES} failures a minute, without touching other clients or the right secret`, async () => {
    const target = await createAccount(["parts:read"]);
    const bystander = await createAccount(["parts:read"]);
    for (let i = 0; i < MAX_FAILURES; i++) {
      await expectOAuthError(await requestToken(target.client_id, `cs_guess${i}`), 401, "invalid_client");
    }
    const limited = await requestToken(target.client_id, "cs_one-more");
    const retryAfter = Number(limited.headers.get("Retry-After"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    await expectOAuthError(limited, 429, "slow_down");

    expect((await requestToken(bystander.client_id, "cs_wrong")).status).toBe(401);
    expect((await requestToken(bystander.client_id, bystander.client_secret)).status).toBe(200);
    // The real client still gets its token while its id is being hammered.
    expect((await requestToken(target.client_id, target.client_secret)).status).toBe(200);
    expect((await requestToken(target.client_id, "cs_still-guessing")).status).toBe(429);
  });
});
