/**
 * npm run bench:contention: 50 concurrent PUTs of one new 1 MB blob, 50 of
 * distinct new blobs and 200 concurrent GETs at once against the worker under
 * wrangler dev, while a probe keeps fetching a small unrelated blob. Prints
 * the status counts (the target: no 5xx, exactly one 201 for the shared blob)
 * and the probe's latency during the burst against its latency when idle,
 * measured in the same run.
 *
 *   npm run bench:contention [-- --puts 50 --gets 200 --size 1048576 --smoke]
 */
import { parseArgs } from "node:util";
import { burst, percentile } from "../../test/e2e/support/burst.ts";
import { blob, keepAliveAgent, send, sha256 } from "../../test/e2e/support/http.ts";
import { printTable, smokeOption, startWorker } from "./harness.ts";

const { values } = parseArgs({
  options: {
    puts: { type: "string", default: "50" },
    gets: { type: "string", default: "200" },
    size: { type: "string", default: String(1024 * 1024) },
    ...smokeOption,
    help: { type: "boolean", short: "h" },
  },
});
if (values.help) {
  console.log("usage: npm run bench:contention [-- --puts N --gets N --size BYTES --smoke]");
  process.exit(0);
}
if (values.smoke) Object.assign(values, { puts: "3", gets: "6", size: "1024" });
const IDLE_PROBES = values.smoke ? 10 : 100;

const TOKEN = "bench-write";
console.error("starting the worker…");
const worker = await startWorker("wrangler.toml", 0, { CAS_WRITE_TOKEN: TOKEN, API_TOKEN: "bench-api", ADMIN_TOKEN: "bench-admin" });
try {
  // Idle baseline for the probe: the same small GET with nothing else going on.
  const small = blob(1000);
  const smallHash = sha256(small);
  await send(worker.url, undefined, { method: "PUT", path: `/api/cas/${smallHash}`, headers: { Authorization: `Bearer ${TOKEN}` }, body: small });
  const idle: number[] = [];
  const agent = keepAliveAgent();
  for (let i = 0; i < IDLE_PROBES; i++) {
    const t = performance.now();
    await send(worker.url, agent, { path: `/api/cas/${smallHash}?probe=${i}` });
    idle.push(performance.now() - t);
  }
  agent.destroy();
  console.error(`burst: ${values.puts} identical PUTs, ${values.puts} distinct PUTs, ${values.gets} GETs…`);
  const result = await burst(worker.url, TOKEN, Number(values.puts), Number(values.gets), Number(values.size));
  // The same burst against a worker that only calls BUCKET.put/get: what the local runtime itself does under it.
  console.error("the same burst against the bare R2 baseline worker…");
  const baselineWorker = await startWorker("scripts/bench/baseline.wrangler.toml");
  const baseline = await burst(baselineWorker.url, TOKEN, Number(values.puts), Number(values.gets), Number(values.size)).finally(() =>
    baselineWorker.stop(),
  );
  const fmt = (c: Record<number, number>) =>
    Object.entries(c)
      .map(([s, n]) => `${n}×${s}`)
      .join(" ");
  const p99 = percentile(result.probeMs, 99);
  const idleP99 = percentile(idle, 99);
  printTable([
    ["what", "answers"],
    ["identical PUTs", fmt(result.identical)],
    ["distinct PUTs", fmt(result.distinct)],
    ["GETs", fmt(result.gets)],
    [
      "failed requests / probe timeouts",
      `${result.failures.length - result.failures.filter((f) => f.startsWith("probe:")).length} / ${result.failures.filter((f) => f.startsWith("probe:")).length}`,
    ],
    ["probe GET p50 / p99 during burst", `${percentile(result.probeMs, 50).toFixed(1)} / ${p99.toFixed(1)} ms (${result.probeMs.length} probes)`],
    ["probe GET p99 idle (baseline)", `${idleP99.toFixed(1)} ms`],
    ["during / idle p99", `${(p99 / idleP99).toFixed(1)}×`],
    ["baseline: identical / distinct PUTs", `${fmt(baseline.identical)} / ${fmt(baseline.distinct)}`],
    [
      "baseline: probe p50 / p99 during burst",
      `${percentile(baseline.probeMs, 50).toFixed(1)} / ${percentile(baseline.probeMs, 99).toFixed(1)} ms (${baseline.probeMs.length} probes)`,
    ],
    ["cas-edge / baseline probe p99", `${(p99 / percentile(baseline.probeMs, 99)).toFixed(2)}×`],
  ]);
  const fiveHundreds = [result.identical, result.distinct, result.gets].flatMap((c) => Object.entries(c)).filter(([s]) => Number(s) >= 500);
  const requestFailures = result.failures.filter((f) => !f.startsWith("probe:"));
  // The probe's own timeouts are reported above; the baseline worker shows whether the local runtime stalls as well.
  const ok = fiveHundreds.length === 0 && result.identical[201] === 1 && requestFailures.length === 0;
  if (!ok) console.error("FAILED: 5xx answers, failed requests, or not exactly one 201 for the shared blob");
  process.exitCode = ok ? 0 : 1;
} finally {
  await worker.stop();
}
