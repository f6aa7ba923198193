/**
 * npm run bench:ota [-- --devices 10000 --small 1000 --seconds 5 --rounds 3 --connections 10 --smoke]
 *
 * A fleet checking for updates under a running rollout. Each fleet size gets
 * its own worker under `wrangler dev`, its D1 seeded before it starts
 * (devices, a device-bound service account per device, a parts:read account
 * per device for the baseline, and a running one-stage rollout of 2.0.0 that
 * has offered it to every device once, so each measured check is the steady
 * state: a device asking again); the firmware goes through the API. Every device has its own token (signed here with the worker's own
 * throwaway JWT key, as the token endpoint would sign it), so the guard works
 * as hard as for a real fleet.
 *
 * 1. OTA checks per second (every device offered the rollout's version, a
 *    200 with a signed manifest naming a signed link, so the check's cost
 *    includes the ES256 signature) against a plain authenticated GET /api/parts/:key
 *    in the same run, with as many distinct reader tokens, rounds alternating.
 *    Target: ≥ 0.8×.
 * 2. D1 rows read per check, from the check's Server-Timing (d1-rows-read), at
 *    the small and the large fleet. Target: the same at both.
 * Exit codes: 0 measured, 1 a request failed, 2 usage.
 */
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { exportJWK, generateKeyPair, SignJWT } from "jose";
import { espBuild, zip } from "../../test/support/esp-build.ts";
import type { Schemas } from "../lib/api-client.ts";
import { type LocalWorker, printTable, ratio, requestsPerSecond, smokeOption, startWorker } from "./harness.ts";

const { values } = parseArgs({
  options: {
    devices: { type: "string", default: "10000" },
    small: { type: "string", default: "1000" },
    seconds: { type: "string", default: "5" },
    rounds: { type: "string", default: "3" },
    connections: { type: "string", default: "10" },
    ...smokeOption,
    help: { type: "boolean", short: "h" },
  },
});
if (values.help) {
  console.log("usage: npm run bench:ota [-- --devices N --small N --seconds N --rounds N --connections N --smoke]");
  process.exit(0);
}
if (values.smoke) Object.assign(values, { devices: "200", small: "20", seconds: "1", rounds: "1", connections: "2" });
const [large, small, seconds, rounds, connections] = [values.devices, values.small, values.seconds, values.rounds, values.connections].map(
  Number,
) as [number, number, number, number, number];
if (![large, small, seconds, rounds, connections].every((n) => Number.isInteger(n) && n > 0) || small >= large) {
  console.error("--devices, --small, --seconds, --rounds and --connections must be positive integers, --small below --devices");
  process.exit(2);
}

const API = "bench-api-token";
const MODEL = "bench-gw";
const ROOT = new URL("../../", import.meta.url).pathname;
const { privateKey } = await generateKeyPair("ES256", { extractable: true });
const jwk = { ...(await exportJWK(privateKey)), kid: "bench", alg: "ES256" };
// Every OTA answer is a signed manifest: without an update-signing key (never the token key) each check is a 503.
const update = await generateKeyPair("ES256", { extractable: true });
const VARS = {
  API_TOKEN: API,
  JWT_PRIVATE_JWKS: JSON.stringify({ keys: [jwk] }),
  LINK_SIGNING_KEYS: JSON.stringify({ keys: [{ kty: "oct", kid: "bench-1", k: randomBytes(32).toString("base64url") }] }),
  UPDATE_SIGNING_KEYS: JSON.stringify({ keys: [{ ...(await exportJWK(update.privateKey)), kid: "bench-update" }] }),
};

const deviceKey = (i: number) => `bench-${String(i).padStart(6, "0")}`;

/** One token per account, as POST /api/oauth/token would issue it (wrangler.toml's TOKEN_ISSUER and TOKEN_AUDIENCE). */
async function tokens(n: number, scope: string, clientId: (i: number) => string, sub: (i: number) => string): Promise<string[]> {
  const now = Math.floor(Date.now() / 1000);
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    out.push(
      await new SignJWT({ scope, client_id: clientId(i) })
        .setProtectedHeader({ alg: "ES256", kid: "bench", typ: "at+jwt" })
        .setIssuer("cas-edge")
        .setAudience("cas-edge")
        .setSubject(sub(i))
        .setIssuedAt(now)
        .setExpirationTime(now + 3600)
        .setJti(crypto.randomUUID())
        .sign(privateKey),
    );
  }
  return out;
}

/** The fleet's rows, written into the worker's local D1 before it starts (a recursive series, not n statements). */
async function seed(state: string, n: number): Promise<void> {
  const series = `WITH RECURSIVE i(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM i WHERE n < ${n - 1})`;
  const key = "'bench-' || printf('%06d', n)";
  const sql = `INSERT INTO device_models (key, name) VALUES ('${MODEL}', 'Bench gateway');
${series} INSERT INTO devices (key, model_key) SELECT ${key}, '${MODEL}' FROM i;
${series} INSERT INTO service_accounts (client_id, name, scopes, device_key) SELECT 'sa_dev' || n, 'bench device', 'device', ${key} FROM i;
${series} INSERT INTO service_accounts (client_id, name, scopes) SELECT 'sa_read' || n, 'bench reader', 'parts:read' FROM i;
INSERT INTO rollouts (id, model_key, target, version, state, plan, open_stage, created_by)
  VALUES (1, '${MODEL}', '${MODEL}', '2.0.0', 'running', '[10000]', 0, 'bench');
INSERT INTO rollout_stages (rollout_id, idx, percent_bp, min_soak_seconds, max_failure_ratio, min_sample, opened_at, offered)
  VALUES (1, 0, 10000, 0, 0.5, 10, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), ${n});
${series} INSERT INTO rollout_devices (rollout_id, device_key, stage, status, offered_at) SELECT 1, ${key}, 0, 'offered', strftime('%Y-%m-%dT%H:%M:%fZ', 'now') FROM i;
`;
  const file = join(state, "bench-seed.sql");
  writeFileSync(file, sql);
  execFileSync(join(ROOT, "node_modules/.bin/wrangler"), ["d1", "execute", "DB", "--local", "--persist-to", state, "--file", file], {
    cwd: ROOT,
    env: { ...process.env, CI: "true", WRANGLER_SEND_METRICS: "false" },
    stdio: "ignore",
  });
}

async function call(worker: LocalWorker, method: string, path: string, body?: unknown, token = API): Promise<Response> {
  const res = await fetch(`${worker.url}${path}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, ...(body instanceof Uint8Array ? {} : { "Content-Type": "application/json" }) },
    body: body instanceof Uint8Array ? (body as Uint8Array<ArrayBuffer>) : body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return res;
}

interface Fleet {
  worker: LocalWorker;
  partPath: string;
}

/** A worker with `n` devices, firmware 1.0.0 and 2.0.0, and the seeded rollout of 2.0.0 to the whole model. */
async function fleet(n: number): Promise<Fleet> {
  console.log(`starting a worker with ${n} devices…`);
  const worker = await startWorker("wrangler.toml", 0, VARS, (state) => seed(state, n));
  try {
    for (const version of ["1.0.0", "2.0.0"]) {
      const build = await espBuild({ version, appSize: 64 * 1024, elfSize: 16 * 1024 });
      await call(worker, "POST", `/api/device-models/${MODEL}/firmware`, zip(build.files));
    }
    const part = (await (await call(worker, "POST", "/api/parts", { name: "Bench part" })).json()) as Schemas["Part"];
    return { worker, partPath: `/api/parts/${part.key}` };
  } catch (err) {
    await worker.stop();
    throw err;
  }
}

const otaPath = (i: number, n: number) => `/api/devices/${deviceKey(i % n)}/firmware?version=1.0.0`;

/** The rows read by `samples` checks of different devices, from their Server-Timing. */
async function rowsPerCheck(worker: LocalWorker, deviceTokens: string[], samples: number): Promise<number[]> {
  const figures: number[] = [];
  for (let s = 0; s < samples; s++) {
    const i = Math.floor((s * deviceTokens.length) / samples);
    const res = await fetch(`${worker.url}${otaPath(i, deviceTokens.length)}`, { headers: { Authorization: `Bearer ${deviceTokens[i]}` } });
    await res.arrayBuffer();
    const figure = /d1-rows-read;desc=(\d+)/.exec(res.headers.get("Server-Timing") ?? "")?.[1];
    if (res.status !== 200 || figure === undefined) throw new Error(`OTA check: ${res.status}, Server-Timing ${res.headers.get("Server-Timing")}`);
    figures.push(Number(figure));
  }
  return figures.sort((a, b) => a - b);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const spread = (xs: number[]) => `${Math.min(...xs)}–${Math.max(...xs)}`;

console.log(`signing ${large} device tokens and ${large} reader tokens…`);
const deviceTokens = await tokens(
  large,
  "device",
  (i) => `sa_dev${i}`,
  (i) => deviceKey(i),
);
const readerTokens = await tokens(
  large,
  "parts:read",
  (i) => `sa_read${i}`,
  (i) => `sa_read${i}`,
);

let exitCode = 0;
const rows: Record<string, number[]> = {};
try {
  // Small fleet: rows per check only.
  const few = await fleet(small);
  try {
    rows.small = await rowsPerCheck(few.worker, deviceTokens.slice(0, small), Math.min(small, 50));
  } finally {
    await few.worker.stop();
  }

  const many = await fleet(large);
  try {
    const base = many.worker.url;
    const ota = (secs: number) =>
      requestsPerSecond(`${base}${otaPath(0, large)}`, {
        connections,
        seconds: secs,
        pathFor: (i) => otaPath(i, large),
        headersFor: (i) => ({ Authorization: `Bearer ${deviceTokens[i % large]}` }),
        expectStatus: 200,
      });
    const parts = (secs: number) =>
      requestsPerSecond(`${base}${many.partPath}`, {
        connections,
        seconds: secs,
        headersFor: (i) => ({ Authorization: `Bearer ${readerTokens[i % large]}` }),
        expectStatus: 200,
      });
    // Warm both (the isolate's JIT and key imports); the rounds alternate so the machine's drift hits both alike.
    console.log("warming up…");
    await parts(1);
    await ota(1);
    const results = { parts: [] as number[], ota: [] as number[] };
    for (let round = 0; round < rounds; round++) {
      results.parts.push(await parts(seconds));
      results.ota.push(await ota(seconds));
      console.log(
        `  round ${round + 1}/${rounds}: GET part ${results.parts.at(-1)!.toFixed(0)} req/s, OTA check ${results.ota.at(-1)!.toFixed(0)} req/s`,
      );
    }
    rows.large = await rowsPerCheck(many.worker, deviceTokens, 50);

    const partsRps = median(results.parts);
    const otaRps = median(results.ota);
    console.log("");
    printTable([
      [`${large} devices, ${connections} connections, median of ${rounds}×${seconds} s`, "req/s", "rounds min–max", "vs GET part", "target"],
      ["GET /api/parts/:key, a reader token each (baseline)", partsRps.toFixed(0), spread(results.parts.map(Math.round)), "1.00×", ""],
      ["OTA check, a device token each, offered 2.0.0", otaRps.toFixed(0), spread(results.ota.map(Math.round)), ratio(otaRps, partsRps), "≥ 0.80×"],
    ]);
    console.log("");
    printTable([
      ["D1 rows read per OTA check (Server-Timing)", "median", "min–max", "target"],
      [`${small} devices`, String(median(rows.small)), spread(rows.small), "the same"],
      [`${large} devices`, String(median(rows.large)), spread(rows.large), `at ${large}`],
    ]);
    const constant = median(rows.small) === median(rows.large);
    console.log(
      `\nOTA / GET part = ${(otaRps / partsRps).toFixed(2)} (target ≥ 0.80); rows per check ${constant ? "constant" : "NOT constant"} in fleet size`,
    );
  } finally {
    await many.worker.stop();
  }
} catch (err) {
  console.error((err as Error).message);
  exitCode = 1;
}
process.exitCode = exitCode;
