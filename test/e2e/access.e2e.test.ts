import { randomUUID } from "node:crypto";
import net from "node:net";
import { exportJWK, generateKeyPair } from "jose";
import * as oauth from "oauth4webapi";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LocalWorker, startWorker } from "../../scripts/lib/local-worker.ts";
import { send } from "./support/http.ts";

const WRITE = "e2e-write";
const ADMIN = "e2e-admin";
let worker: LocalWorker;

beforeAll(async () => {
  const { privateKey } = await generateKeyPair("ES256", { extractable: true });
  const jwks = JSON.stringify({ keys: [{ ...(await exportJWK(privateKey)), kid: "e2e", alg: "ES256" }] });
  worker = await startWorker("wrangler.toml", 0, { CAS_WRITE_TOKEN: WRITE, API_TOKEN: "e2e-api", ADMIN_TOKEN: ADMIN, JWT_PRIVATE_JWKS: jwks });
});

afterAll(() => worker?.stop());

const head = (path: string, token?: string) =>
  send(worker.url, undefined, { method: "HEAD", path, headers: token ? { Authorization: `Bearer ${token}` } : {} });

/** One request line written to the socket as is: node:http would not send a lowercase method. */
function rawRequest(requestLine: string): Promise<string> {
  const { hostname, port } = new URL(worker.url);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), hostname, () => socket.write(`${requestLine}\r\nHost: ${hostname}\r\nConnection: close\r\n\r\n`));
    let answer = "";
    socket.on("data", (chunk: Buffer) => (answer += chunk.toString()));
    socket.on("end", () => resolve(answer));
    socket.on("error", reject);
  });
}

describe("HEAD is checked as the GET it stands for, over real HTTP", () => {
  it("answers HEAD of protected GETs 401 without a token, with no body", async () => {
    for (const path of ["/api/admin/accounts", "/api/parts", "/api/admin/mode", `/api/uploads/${randomUUID()}`, "/api/devices/e2e-device"]) {
      const res = await head(path);
      expect(res.status, path).toBe(401);
      expect(res.headers["www-authenticate"], path).toBe('Bearer realm="cas-edge"');
      expect(res.body.length, path).toBe(0);
    }
  });

  it("answers HEAD /api/admin/accounts 403 with the CAS write token, and an unknown upload's HEAD 404 as its GET", async () => {
    expect((await head("/api/admin/accounts", WRITE)).status).toBe(403);
    expect((await head("/api/admin/accounts", ADMIN)).status).toBe(200);
    const upload = await head(`/api/uploads/${randomUUID()}`, WRITE);
    expect(upload.status).toBe(404);
    expect(upload.headers["content-type"]).toBe("application/problem+json");
  });

  it("answers a plain OPTIONS with Content-Length: 0 405 with Allow, and an unknown method 405", async () => {
    const options = await send(worker.url, undefined, { method: "OPTIONS", path: "/api/admin/accounts", headers: { "Content-Length": "0" } });
    expect(options.status).toBe(405);
    expect(options.headers.allow).toBe("GET, HEAD, POST");
    const propfind = await send(worker.url, undefined, { method: "PROPFIND", path: "/api/admin/accounts" });
    expect(propfind.status).toBe(405);
  });

  it("never lets a lowercase method reach the worker (the runtime refuses it before any route)", async () => {
    const answer = await rawRequest("get /api/admin/accounts HTTP/1.1");
    expect(answer).toMatch(/^HTTP\/1\.1 (4|501)/);
    expect(answer.toLowerCase()).not.toContain("x-request-id");
  });
});

describe("a standard OAuth client discovers the token endpoint (RFC 8414) and gets a token", () => {
  // The worker listens on http://127.0.0.1:<port>, and TOKEN_ISSUER is "cas-edge" (no URL), so the
  // metadata names the origin asked as the issuer: the very URL discovery starts from, as §3.3
  // demands. oauth4webapi insists on https unless told otherwise; plain http exists only here.
  const insecure = { [oauth.allowInsecureRequests]: true } as const;

  async function createAccount(scopes: string[]): Promise<{ client_id: string; client_secret: string }> {
    // wrangler dev reloads the worker once shortly after it first answers; a POST caught by that
    // reload gets wrangler's own 503 ("worker restarted mid-request"), so this one is retried.
    for (let attempt = 1; ; attempt++) {
      const res = await fetch(`${worker.url}/api/admin/accounts`, {
        method: "POST",
        headers: { Authorization: `Bearer ${ADMIN}`, "Content-Type": "application/json" },
        body: JSON.stringify({ name: "oauth4webapi", scopes }),
      });
      if (res.status === 201) return (await res.json()) as { client_id: string; client_secret: string };
      if (res.status !== 503 || attempt === 10) throw new Error(`create account: ${res.status} ${await res.text()}`);
      await res.arrayBuffer();
      await new Promise((r) => setTimeout(r, 1000));
    }
  }

  it("with client_secret_basic and client_secret_post, and the token opens a protected route", async () => {
    const issuer = new URL(worker.url);
    const as = await oauth.processDiscoveryResponse(issuer, await oauth.discoveryRequest(issuer, { algorithm: "oauth2", ...insecure }));
    expect(as.token_endpoint).toBe(`${worker.url}/api/oauth/token`);
    expect(as.grant_types_supported).toEqual(["client_credentials"]);

    const account = await createAccount(["parts:read"]);
    const client: oauth.Client = { client_id: account.client_id };
    for (const auth of [oauth.ClientSecretBasic(account.client_secret), oauth.ClientSecretPost(account.client_secret)]) {
      const response = await oauth.clientCredentialsGrantRequest(as, client, auth, { scope: "parts:read" }, insecure);
      const token = await oauth.processClientCredentialsResponse(as, client, response);
      expect(token.token_type).toBe("bearer");
      expect(token.scope).toBe("parts:read");

      const parts = await fetch(`${worker.url}/api/parts`, { headers: { Authorization: `Bearer ${token.access_token}` } });
      expect(parts.status).toBe(200);
      await parts.arrayBuffer();
      const admin = await fetch(`${worker.url}/api/admin/accounts`, { headers: { Authorization: `Bearer ${token.access_token}` } });
      expect(admin.status).toBe(403);
      await admin.arrayBuffer();
    }
  });
});
