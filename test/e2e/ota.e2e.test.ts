import { randomBytes } from "node:crypto";
import type http from "node:http";
import { exportJWK, generateKeyPair, type JWK } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LocalWorker, startWorker } from "../../scripts/lib/local-worker.ts";
import { checkImage, verifyManifest } from "../../scripts/lib/verify-manifest.ts";
import { espBuild, zip } from "../support/esp-build.ts";
import { keepAliveAgent, send, sha256 } from "./support/http.ts";

/**
 * An OTA update over real HTTP under `wrangler dev`, the way ESP-IDF's
 * esp_https_ota fetches it with CONFIG_ESP_HTTPS_OTA_ENABLE_PARTIAL_DOWNLOAD:
 * the device asks for an update with its own token, gets a signed link to the
 * private app image, learns its size with a HEAD, then reads it as fixed-size
 * Range requests (the last one open-ended, "bytes=N-", as esp_https_ota asks
 * for the tail) on one keep-alive connection, and checks the SHA-256. The
 * device acts on the signed manifest alone, checked with the public key it
 * was built with (read from /.well-known/cas-edge-update-keys before the run).
 */

const API = "e2e-api";
const ADMIN = "e2e-admin";
const KiB = 1024;
/** esp_https_ota's max_http_request_size; its default is MBEDTLS_SSL_IN_CONTENT_LEN, 4 KiB with a small TLS buffer. */
const RANGE = 4 * KiB;
/** Not a multiple of RANGE, so the last range is short. */
const APP_SIZE = 40 * KiB + 1234;
const MODEL = "e2e-ota-model";
const DEVICE = "30:ae:a4:0e:2e:01";

let worker: LocalWorker;
let deviceToken: string;
let app: Uint8Array;
let appSha256: string;
let trusted: { keys: JWK[] };

/** wrangler dev reloads the worker once shortly after it first answers; a request caught by that reload gets its own 503. */
async function call(path: string, init: RequestInit = {}): Promise<Response> {
  for (let attempt = 1; ; attempt++) {
    const res = await fetch(`${worker.url}${path}`, init);
    if (res.status !== 503 || attempt === 10) return res;
    await res.arrayBuffer();
    await new Promise((r) => setTimeout(r, 500));
  }
}

async function made<T>(res: Response): Promise<T> {
  if (!res.ok) throw new Error(`fixture: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

const json = (token: string, body: unknown, method = "POST"): RequestInit => ({
  method,
  headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
  body: JSON.stringify(body),
});

beforeAll(async () => {
  const { privateKey } = await generateKeyPair("ES256", { extractable: true });
  const jwks = JSON.stringify({ keys: [{ ...(await exportJWK(privateKey)), kid: "e2e", alg: "ES256" }] });
  const linkKeys = JSON.stringify({ keys: [{ kty: "oct", kid: "e2e-link", k: randomBytes(32).toString("base64url") }] });
  const update = await generateKeyPair("ES256", { extractable: true });
  const updateKeys = JSON.stringify({ keys: [{ ...(await exportJWK(update.privateKey)), kid: "e2e-update" }] });
  worker = await startWorker("wrangler.toml", 0, {
    API_TOKEN: API,
    ADMIN_TOKEN: ADMIN,
    JWT_PRIVATE_JWKS: jwks,
    LINK_SIGNING_KEYS: linkKeys,
    UPDATE_SIGNING_KEYS: updateKeys,
  });
  trusted = await made<{ keys: JWK[] }>(await call("/.well-known/cas-edge-update-keys"));

  await made(await call("/api/device-models", json(API, { key: MODEL, name: "e2e OTA model" })));
  await made(await call(`/api/devices/${encodeURIComponent(DEVICE)}`, json(API, { model: MODEL }, "PUT")));
  const account = await made<{ client_id: string; client_secret: string }>(
    await call("/api/admin/accounts", json(ADMIN, { name: "e2e OTA device", scopes: ["device"], device_key: DEVICE })),
  );
  const form = new URLSearchParams({ grant_type: "client_credentials", client_id: account.client_id, client_secret: account.client_secret });
  const token = await call("/api/oauth/token", { method: "POST", body: form, headers: { "Content-Type": "application/x-www-form-urlencoded" } });
  deviceToken = (await made<{ access_token: string }>(token)).access_token;

  const build = await espBuild({ version: "2.0.0", appSize: APP_SIZE });
  app = build.files[build.appName]!;
  appSha256 = build.appSha256;
  const archive = zip(build.files);
  await made(
    await call(`/api/device-models/${MODEL}/firmware`, {
      method: "POST",
      body: archive as Uint8Array<ArrayBuffer>,
      headers: { Authorization: `Bearer ${API}`, "Content-Type": "application/zip" },
    }),
  );
}, 180_000);

afterAll(() => worker?.stop());

/** The OTA check as the device makes it: its running version in X-Firmware-Version; what it uses is the verified payload. */
async function offer() {
  const res = await call(`/api/devices/${encodeURIComponent(DEVICE)}/firmware`, {
    headers: { Authorization: `Bearer ${deviceToken}`, "X-Firmware-Version": "1.0.0" },
  });
  expect(res.status).toBe(200);
  expect(res.headers.get("cache-control")).toContain("no-store");
  const { manifest } = (await res.json()) as { manifest: string };
  const device = { key: DEVICE, model: MODEL, runningVersion: "1.0.0", securityVersion: 0 };
  return verifyManifest(manifest, { trusted, device, now: Math.floor(Date.now() / 1000) });
}

const get = (agent: http.Agent, path: string, headers: Record<string, string> = {}, method = "GET") =>
  send(worker.url, agent, { method, path, headers, timeoutMs: 30_000 });

describe("an OTA update through its signed link, as esp_https_ota's partial download reads it", () => {
  it("reads the size with a HEAD, then the image as 4 KiB ranges on one keep-alive connection, and it hashes to the offer", async () => {
    const update = await offer();
    expect(update).toMatchObject({ version: "2.0.0", sha256: appSha256, size: APP_SIZE });
    expect(update.url).toMatch(new RegExp(`^/api/private/${appSha256}\\?.*&sig=`));

    const agent = keepAliveAgent();
    try {
      const head = await get(agent, update.url, {}, "HEAD");
      expect(head.status).toBe(200);
      expect(head.headers["content-length"]).toBe(String(APP_SIZE));
      expect(head.headers["accept-ranges"]).toBe("bytes");
      expect(head.body.length).toBe(0);
      const size = Number(head.headers["content-length"]);

      const parts: Buffer[] = [];
      let requests = 0;
      for (let start = 0; start < size; start += RANGE) {
        // esp_https_ota asks for the tail open-ended once less than a whole range is left.
        const range = start + RANGE >= size ? `bytes=${start}-` : `bytes=${start}-${start + RANGE - 1}`;
        const res = await get(agent, update.url, { Range: range });
        requests++;
        expect(res.status, range).toBe(206);
        const end = Math.min(start + RANGE, size) - 1;
        expect(res.headers["content-range"], range).toBe(`bytes ${start}-${end}/${size}`);
        expect(res.body.length, range).toBe(end - start + 1);
        // Every request after the HEAD went out on the connection the HEAD opened.
        expect(res.reused, range).toBe(true);
        parts.push(res.body);
      }
      expect(requests).toBe(Math.ceil(APP_SIZE / RANGE));
      expect(parts.at(-1)!.length).toBe(APP_SIZE % RANGE);
      const image = Buffer.concat(parts);
      expect(sha256(image)).toBe(update.sha256);
      await checkImage(update, image);
      expect(image.equals(Buffer.from(app))).toBe(true);

      // A range that starts past the end, in the open-ended form esp_https_ota asks for a tail:
      // 416 with the size, as RFC 9110 §15.5.17 has it.
      const past = await get(agent, update.url, { Range: `bytes=${size}-` });
      expect(past.status).toBe(416);
      expect(past.headers["content-range"]).toBe(`bytes */${size}`);
    } finally {
      agent.destroy();
    }
  });

  it("refuses the same link with one character of its signature changed (403), and never serves the image publicly", async () => {
    const update = await offer();
    const url = new URL(update.url, worker.url);
    const sig = url.searchParams.get("sig")!;
    // Change one character in the middle (the last one carries padding bits some decoders ignore).
    const at = Math.floor(sig.length / 2);
    url.searchParams.set("sig", `${sig.slice(0, at)}${sig[at] === "A" ? "B" : "A"}${sig.slice(at + 1)}`);
    const agent = keepAliveAgent();
    try {
      const tampered = await get(agent, `${url.pathname}${url.search}`, { Range: `bytes=0-${RANGE - 1}` });
      expect(tampered.status).toBe(403);
      expect(tampered.headers["content-type"]).toBe("application/problem+json");
      expect(tampered.body.includes(Buffer.from(app.subarray(0, 64)))).toBe(false);

      const ok = await get(agent, update.url, { Range: `bytes=0-${RANGE - 1}` });
      expect(ok.status).toBe(206);

      const publicRoute = await get(agent, `/api/cas/${appSha256}`);
      expect(publicRoute.status).toBe(404);
    } finally {
      agent.destroy();
    }
  });
});
