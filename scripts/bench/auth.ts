/**
 * npm run bench:auth [-- --seconds 5 --rounds 3 --connections 10 --smoke]
 *
 * Requests per second of an authenticated PUT of a blob that is already
 * stored (the dedup path: the guard, one R2 head, no body read), with a
 * service account's JWT and with the static CAS_WRITE_TOKEN, against the
 * same local worker in the same run. Rounds alternate between the two so
 * drift in the machine's load hits both alike. Target: JWT ≥ 0.9× static.
 * Exit codes: 0 measured, 1 a request failed, 2 usage.
 */
import { createHash, randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { exportJWK, generateKeyPair } from "jose";
import type { Schemas } from "../lib/api-client.ts";
import { printTable, ratio, requestsPerSecond, smokeOption, startWorker } from "./harness.ts";

const { values } = parseArgs({
  options: {
    seconds: { type: "string", default: "5" },
    rounds: { type: "string", default: "3" },
    connections: { type: "string", default: "10" },
    ...smokeOption,
    help: { type: "boolean", short: "h" },
  },
});
if (values.help) {
  console.log("usage: npm run bench:auth [-- --seconds N --rounds N --connections N --smoke]");
  process.exit(0);
}
if (values.smoke) Object.assign(values, { seconds: "1", rounds: "1", connections: "2" });
const seconds = Number(values.seconds);
const rounds = Number(values.rounds);
const connections = Number(values.connections);
if (![seconds, rounds, connections].every((n) => Number.isInteger(n) && n > 0)) {
  console.error("--seconds, --rounds and --connections must be positive integers");
  process.exit(2);
}

const STATIC = "bench-cas-write-token";
const ADMIN = "bench-admin-token";
const { privateKey } = await generateKeyPair("ES256", { extractable: true });
const jwks = JSON.stringify({ keys: [{ ...(await exportJWK(privateKey)), kid: "bench", alg: "ES256" }] });

console.log("starting the worker…");
const worker = await startWorker("wrangler.toml", 0, { CAS_WRITE_TOKEN: STATIC, ADMIN_TOKEN: ADMIN, JWT_PRIVATE_JWKS: jwks });
try {
  const created = await fetch(`${worker.url}/api/admin/accounts`, {
    method: "POST",
    headers: { Authorization: `Bearer ${ADMIN}`, "Content-Type": "application/json" },
    body: JSON.stringify({ name: "bench", scopes: ["cas:write"] }),
  });
  if (created.status !== 201) throw new Error(`create account: ${created.status} ${await created.text()}`);
  const account = (await created.json()) as Schemas["AccountWithSecret"];
  const issued = await fetch(`${worker.url}/api/oauth/token`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ grant_type: "client_credentials", client_id: account.client_id, client_secret: account.client_secret }),
  });
  if (issued.status !== 200) throw new Error(`token: ${issued.status} ${await issued.text()}`);
  const { access_token: jwt } = (await issued.json()) as Schemas["Token"];

  const body = randomBytes(1024);
  const url = `${worker.url}/api/cas/${createHash("sha256").update(body).digest("hex")}`;
  const first = await fetch(url, { method: "PUT", body, headers: { Authorization: `Bearer ${STATIC}` } });
  if (first.status !== 201) throw new Error(`first PUT: ${first.status} ${await first.text()}`);

  const again = (token: string) => ({ method: "PUT", body, headers: { Authorization: `Bearer ${token}` } });
  const measure = (token: string, secs = seconds) => requestsPerSecond(url, { connections, seconds: secs, ...again(token), expectStatus: 200 });

  // Warm both paths (JIT, the isolate's key import and caches) until a whole burst succeeds:
  // wrangler dev reloads the worker once soon after it first answers, and a PUT caught by
  // that reload fails with 503 "worker restarted mid-request" (only GET/HEAD are retried).
  const settleBy = Date.now() + 60_000;
  for (;;) {
    const burst = await Promise.all([jwt, STATIC, jwt, STATIC].flatMap((token) => Array.from({ length: 5 }, () => fetch(url, again(token)))));
    for (const res of burst) await res.arrayBuffer();
    if (burst.every((res) => res.status === 200)) break;
    if (Date.now() > settleBy) throw new Error(`the worker does not settle: statuses ${burst.map((r) => r.status).join(",")}`);
    await new Promise((r) => setTimeout(r, 1000));
  }
  await measure(jwt, 1);
  await measure(STATIC, 1);

  const results = { static: [] as number[], jwt: [] as number[] };
  for (let round = 0; round < rounds; round++) {
    results.static.push(await measure(STATIC));
    results.jwt.push(await measure(jwt));
    console.log(`  round ${round + 1}/${rounds}: static ${results.static.at(-1)!.toFixed(0)} req/s, JWT ${results.jwt.at(-1)!.toFixed(0)} req/s`);
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  // The spread shows how much the machine's load moved the figures during the run.
  const spread = (xs: number[]) => `${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)}`;
  const staticRps = median(results.static);
  const jwtRps = median(results.jwt);
  console.log("");
  printTable([
    [`PUT of a stored 1 KB blob (median of ${rounds}×${seconds} s, ${connections} connections)`, "req/s", "rounds min–max", "vs static token"],
    ["static CAS_WRITE_TOKEN (baseline)", staticRps.toFixed(0), spread(results.static), "1.00×"],
    ["service-account JWT (ES256)", jwtRps.toFixed(0), spread(results.jwt), ratio(jwtRps, staticRps)],
  ]);
  console.log(`\nJWT / static = ${(jwtRps / staticRps).toFixed(2)} (target ≥ 0.90)`);
} catch (err) {
  console.error((err as Error).message);
  process.exitCode = 1;
} finally {
  await worker.stop();
}
