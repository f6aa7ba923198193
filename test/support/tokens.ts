import { env, SELF } from "cloudflare:test";
import { importJWK, type JWK, SignJWT } from "jose";
import { ORIGIN } from "./blobs";

export const ADMIN_TOKEN = "test-admin-token";

export interface NewAccount {
  client_id: string;
  client_secret: string;
  scopes: string[];
  device_key: string | null;
  secrets: string[];
}

/** Calls an admin endpoint of the worker with the static admin token. */
export function admin(path: string, init: { method?: string; json?: unknown; token?: string } = {}): Promise<Response> {
  return SELF.fetch(`${ORIGIN}/api/admin${path}`, {
    method: init.method ?? "GET",
    headers: { Authorization: `Bearer ${init.token ?? ADMIN_TOKEN}`, ...(init.json !== undefined ? { "Content-Type": "application/json" } : {}) },
    body: init.json !== undefined ? JSON.stringify(init.json) : undefined,
  });
}

export async function createAccount(scopes: string[], options: { device?: string; name?: string } = {}): Promise<NewAccount> {
  const res = await admin("/accounts", { method: "POST", json: { name: options.name ?? "test client", scopes, device_key: options.device } });
  if (res.status !== 201) throw new Error(`create account: ${res.status} ${await res.text()}`);
  return res.json();
}

/** POST /api/oauth/token with the credentials in HTTP Basic (default) or in the form body. */
export function requestToken(
  clientId: string,
  secret: string,
  options: { scope?: string; via?: "basic" | "body"; grantType?: string } = {},
): Promise<Response> {
  const form = new URLSearchParams({ grant_type: options.grantType ?? "client_credentials" });
  if (options.scope !== undefined) form.set("scope", options.scope);
  const headers: Record<string, string> = { "Content-Type": "application/x-www-form-urlencoded" };
  if (options.via === "body") {
    form.set("client_id", clientId);
    form.set("client_secret", secret);
  } else {
    headers.Authorization = `Basic ${btoa(`${encodeURIComponent(clientId)}:${encodeURIComponent(secret)}`)}`;
  }
  return SELF.fetch(`${ORIGIN}/api/oauth/token`, { method: "POST", headers, body: form.toString() });
}

export async function accessToken(clientId: string, secret: string, scope?: string): Promise<string> {
  const res = await requestToken(clientId, secret, { scope });
  if (res.status !== 200) throw new Error(`token: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { access_token: string }).access_token;
}

/** A fresh account with these scopes and a token for it. */
export async function tokenWith(scopes: string[], options: { device?: string } = {}): Promise<{ token: string; account: NewAccount }> {
  const account = await createAccount(scopes, options);
  return { token: await accessToken(account.client_id, account.client_secret), account };
}

/** The suite's signing key (vitest.config.ts), for crafting tokens the server did not issue. */
export function testSigningJwk(): JWK {
  return (JSON.parse(env.JWT_PRIVATE_JWKS) as { keys: JWK[] }).keys[0]!;
}
export function secondSigningJwk(): JWK {
  return JSON.parse((env as Env & { TEST_SECOND_JWK: string }).TEST_SECOND_JWK) as JWK;
}

/** Signs claims with a private JWK as the server would, with overrides for the header and claims. */
export async function signWith(jwk: JWK, claims: Record<string, unknown>, header: Record<string, unknown> = {}): Promise<string> {
  const key = await importJWK(jwk, "ES256");
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ iss: "cas-edge", aud: "cas-edge", iat: now, exp: now + 600, jti: crypto.randomUUID(), ...claims })
    .setProtectedHeader({ alg: "ES256", kid: jwk.kid, typ: "at+jwt", ...header })
    .sign(key);
}

export function bearer(token: string): Record<string, string> {
  return { Authorization: `Bearer ${token}` };
}
