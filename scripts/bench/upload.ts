/**
 * npm run bench:upload [-- --mb 100 --runs 3 --smoke]
 *
 * Uploads a body through the local worker as an attachment, with and
 * without a declared X-Content-SHA256, and in the same run hashes the same
 * bytes with node's crypto (the baseline) and stores them through a worker
 * that only does BUCKET.put (the local R2 write cost). Prints throughput as
 * ratios to node's hashing, raw and with the R2 write time subtracted, and
 * the worker process's peak resident memory.
 */
import { execFileSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import type { Schemas } from "../lib/api-client.ts";
import { printTable, smokeOption, startWorker } from "./harness.ts";

const { values } = parseArgs({
  options: { mb: { type: "string", default: "100" }, runs: { type: "string", default: "3" }, ...smokeOption, help: { type: "boolean", short: "h" } },
});
if (values.help) {
  console.log("usage: npm run bench:upload [-- --mb N --runs N --smoke]");
  process.exit(0);
}
if (values.smoke) Object.assign(values, { mb: "1", runs: "1" });
const size = Number(values.mb) * 1024 * 1024;
const runs = Number(values.runs);
const TOKEN = "bench-api-token";

/** Peak resident set (VmHWM) of the workerd serving `port`, in MB. */
function workerdPeakMb(port: number): number {
  const pid = execFileSync("pgrep", ["-f", `socket-addr=entry=127.0.0.1:${port}`])
    .toString()
    .trim()
    .split("\n")[0]!;
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024;
}

async function timed(fn: () => Promise<void>): Promise<number> {
  const start = performance.now();
  await fn();
  return (performance.now() - start) / 1000;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

console.log(`starting workers (${values.mb} MB bodies, ${runs} runs each)…`);
const [cas, baseline] = await Promise.all([
  startWorker("wrangler.toml", 0, { API_TOKEN: TOKEN, MAX_UPLOAD_BYTES: String(size) }),
  startWorker("scripts/bench/baseline.wrangler.toml", 0),
]);
const casPort = Number(new URL(cas.url).port);
try {
  const part = await fetch(`${cas.url}/api/parts`, {
    method: "POST",
    body: JSON.stringify({ name: "bench" }),
    headers: { Authorization: `Bearer ${TOKEN}`, "Content-Type": "application/json" },
  }).then((r) => r.json() as Promise<Schemas["Part"]>);
  const peakBefore = workerdPeakMb(casPort);

  const times: Record<"node" | "r2" | "declared" | "undeclared", number[]> = { node: [], r2: [], declared: [], undeclared: [] };
  for (let run = 0; run < runs; run++) {
    // Fresh bytes for every upload, so dedup never skips the work being measured.
    const fresh = () => randomBytes(size);
    const forNode = fresh();
    times.node.push(await timed(async () => void createHash("sha256").update(forNode).digest("hex")));
    const forR2 = fresh();
    times.r2.push(await timed(async () => void (await fetch(`${baseline.url}/`, { method: "PUT", body: forR2 })).arrayBuffer()));
    for (const mode of ["declared", "undeclared"] as const) {
      const body = fresh();
      const headers: Record<string, string> = { Authorization: `Bearer ${TOKEN}`, "Content-Type": "application/octet-stream" };
      if (mode === "declared") headers["X-Content-SHA256"] = createHash("sha256").update(body).digest("hex");
      times[mode].push(
        await timed(async () => {
          const res = await fetch(`${cas.url}/api/parts/${part.key}/attachments?filename=bench.bin`, { method: "POST", body, headers });
          if (res.status !== 201) throw new Error(`${mode} upload: ${res.status} ${await res.text()}`);
        }),
      );
    }
    process.stdout.write(`  run ${run + 1}/${runs} done\n`);
  }

  const mbps = (s: number) => size / 1024 / 1024 / s;
  const node = mbps(median(times.node));
  const r2 = median(times.r2);
  const row = (label: string, t: number): [string, ...string[]] => {
    const adjusted = t > r2 ? mbps(t - r2) : Number.POSITIVE_INFINITY;
    return [
      label,
      mbps(t).toFixed(0),
      `${(mbps(t) / node).toFixed(2)}×`,
      Number.isFinite(adjusted) ? adjusted.toFixed(0) : "-",
      Number.isFinite(adjusted) ? `${(adjusted / node).toFixed(2)}×` : "-",
    ];
  };
  console.log("");
  printTable([
    ["path (median)", "MB/s", "vs node sha256", "MB/s less R2 write", "adjusted vs node"],
    ["node crypto sha256 (baseline)", node.toFixed(0), "1.00×", "", ""],
    ["R2 local write only (BUCKET.put)", mbps(r2).toFixed(0), `${(mbps(r2) / node).toFixed(2)}×`, "", ""],
    row("upload, declared X-Content-SHA256", median(times.declared)),
    row("upload, no declared hash (staged)", median(times.undeclared)),
  ]);
  console.log(
    `\nworkerd peak resident memory: ${peakBefore.toFixed(0)} MB before uploads, ${workerdPeakMb(casPort).toFixed(0)} MB after (bodies of ${values.mb} MB)`,
  );
} finally {
  await Promise.all([cas.stop(), baseline.stop()]);
}
