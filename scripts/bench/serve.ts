/**
 * npm run bench:serve [-- --seconds 10 --connections 10 --size 102400]
 *
 * Serves the same blob from cas-edge and from a baseline worker that only
 * does `env.BUCKET.get(key)` → Response, both under `wrangler dev`, and
 * prints requests/s for each path as a ratio to the baseline. A worker
 * that does nothing is measured too: it is the local harness's ceiling.
 * Targets: CAS GET ≥ 0.9× baseline, 304 ≥ 2× baseline.
 */
import { createHash, randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { printTable, ratio, requestsPerSecond, startWorker } from "./harness.ts";

const { values } = parseArgs({
  options: {
    seconds: { type: "string", default: "10" },
    connections: { type: "string", default: "10" },
    size: { type: "string", default: String(100 * 1024) },
    help: { type: "boolean", short: "h" },
  },
});
if (values.help) {
  console.log("usage: npm run bench:serve [-- --seconds N --connections N --size BYTES]");
  process.exit(0);
}
const seconds = Number(values.seconds);
const connections = Number(values.connections);
const blob = randomBytes(Number(values.size));
const hash = createHash("sha256").update(blob).digest("hex");
const TOKEN = "bench-token";

console.log(`starting workers (blob ${blob.length} bytes, ${connections} connections, ${seconds}s per run)…`);
const [cas, baseline] = await Promise.all([
  startWorker("wrangler.toml", 8791, { CAS_WRITE_TOKEN: TOKEN }),
  startWorker("scripts/bench/baseline.wrangler.toml", 8792),
]);
try {
  const put = await fetch(`${cas.url}/api/cas/${hash}`, {
    method: "PUT",
    body: blob,
    headers: { Authorization: `Bearer ${TOKEN}`, "Content-Type": "image/jpeg" },
  });
  if (put.status !== 201 && put.status !== 200) throw new Error(`PUT failed with ${put.status}`);
  if ((await fetch(`${baseline.url}/`, { method: "PUT", body: blob })).status !== 201) throw new Error("baseline PUT failed");

  const load = { connections, seconds, expectStatus: 200 };
  const casPath = `/api/cas/${hash}?content_type=image/jpeg`;
  const results: Record<string, number> = {};
  console.log("measuring: harness ceiling (worker that does nothing)…");
  results.noop = await requestsPerSecond(`${baseline.url}/noop`, { ...load, expectStatus: 204 });
  console.log("measuring: baseline R2 get…");
  results.baseline = await requestsPerSecond(`${baseline.url}/`, load);
  console.log("measuring: CAS GET, R2 path (every request a new cache key)…");
  results.r2 = await requestsPerSecond(`${cas.url}${casPath}`, { ...load, pathFor: (n) => `${casPath}&filename=${n}.jpg` });
  console.log("measuring: CAS GET, R2 path without a cache write (whole-blob range, never cached)…");
  results.r2range = await requestsPerSecond(`${cas.url}${casPath}`, {
    ...load,
    headers: { Range: "bytes=0-" },
    expectStatus: 206,
    pathFor: (n) => `${casPath}&filename=${n}.jpg`,
  });
  console.log("measuring: CAS GET, edge-cache hit…");
  await fetch(`${cas.url}${casPath}`).then((r) => r.arrayBuffer());
  results.hit = await requestsPerSecond(`${cas.url}${casPath}`, load);
  console.log("measuring: CAS 304 revalidation…");
  results.revalidate = await requestsPerSecond(`${cas.url}${casPath}`, { ...load, headers: { "If-None-Match": `"${hash}"` }, expectStatus: 304 });

  const b = results.baseline!;
  const c = results.noop!;
  console.log("");
  printTable([
    ["path", "req/s", "vs baseline", "vs ceiling", "target"],
    ["baseline: BUCKET.get → Response", b.toFixed(0), "1.00×", ratio(b, c), ""],
    ["CAS GET (R2 path + cache fill)", results.r2!.toFixed(0), ratio(results.r2!, b), ratio(results.r2!, c), "≥ 0.9× baseline"],
    ["CAS GET (R2 path, no cache write)", results.r2range!.toFixed(0), ratio(results.r2range!, b), ratio(results.r2range!, c), ""],
    ["CAS GET (edge-cache hit)", results.hit!.toFixed(0), ratio(results.hit!, b), ratio(results.hit!, c), ""],
    ["CAS 304 revalidation", results.revalidate!.toFixed(0), ratio(results.revalidate!, b), ratio(results.revalidate!, c), "≥ 2× baseline"],
    ["ceiling: worker that does nothing", c.toFixed(0), ratio(c, b), "1.00×", ""],
  ]);
} finally {
  await Promise.all([cas.stop(), baseline.stop()]);
}
