/**
 * npm run bench:serve [-- --seconds 10 --rounds 3 --connections 16 --size 102400 --profile FILE]
 *
 * cas-edge's read paths, each against its bare reference (baseline-worker.ts) in the same run,
 * both under `wrangler dev` as `npm start` runs them: wrangler.toml and wrangler's default log
 * level, with only a write token added. For each case, rounds alternate cas-edge and reference;
 * the table shows the median of the rounds, requests/s and the CPU ms per request of each
 * process wrangler runs (the runtime workerd holding the worker, the proxy workerd on the port,
 * wrangler's node process), read from /proc around each round.
 *
 *   case                                         reference                                 target
 *   GET of a 100 KB blob, edge-cache hit         BUCKET.get → Response                     ≥ 0.9×
 *   304 for If-None-Match                        a no-op worker answering 304 with an ETag ≥ 0.85×
 *   R2 path without cache fill                   BUCKET.get → Response                     ≥ 0.85×
 *   miss with cache fill (new cache key each)    BUCKET.get → Response                     (report)
 *   signed-link GET of the blob, edge-cache hit  cas-edge's public edge-cache hit          ≥ 0.9×
 *
 * The signed-link case is held to the public hit of the same blob measured in the same run: what
 * it adds is the signature check (an HMAC over the URL) before the same cache lookup.
 * --profile FILE also loads one case (--profile-case, default hit) on cas-edge alone for
 * --seconds before the rounds, writes a V8 CPU profile of the worker to FILE and prints the
 * functions with the most self time, located in the sources.
 * Exit codes: 0 measured (whether targets are met or not), 1 a request failed, 2 usage.
 */
import { createHash, randomBytes } from "node:crypto";
import { writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { parseArgs } from "node:util";
import { contentHash } from "../../src/blobs/keys.ts";
import { signWith } from "../../src/cas/link-mac.ts";
import { profileWorker, selfTimeTable } from "../lib/cpu-profile.ts";
import { cpuTimes, PROCESS_ROLES, type ProcessRole, wranglerProcesses } from "../lib/process-cpu.ts";
import { type LoadOptions, type LocalWorker, printTable, ratio, runLoad, smokeOption, startWorker } from "./harness.ts";

const CASE_KEYS = ["hit", "304", "r2", "fill", "signed"] as const;
type CaseKey = (typeof CASE_KEYS)[number];
const USAGE = `usage: npm run bench:serve [-- --seconds N --rounds N --connections N --size BYTES --warmup SECONDS
                                  --profile FILE --profile-case ${CASE_KEYS.join("|")} --smoke]`;

const { values } = parseArgs({
  options: {
    seconds: { type: "string", default: "10" },
    rounds: { type: "string", default: "3" },
    connections: { type: "string", default: "16" },
    size: { type: "string", default: String(100 * 1024) },
    warmup: { type: "string", default: "2" },
    profile: { type: "string" },
    "profile-case": { type: "string", default: "hit" },
    ...smokeOption,
    help: { type: "boolean", short: "h" },
  },
});
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
if (values.smoke) Object.assign(values, { seconds: "1", rounds: "1", connections: "2", size: "1024", warmup: "0" });
const seconds = Number(values.seconds);
const rounds = Number(values.rounds);
const connections = Number(values.connections);
const size = Number(values.size);
const warmup = Number(values.warmup);
const profileCase = values["profile-case"] as CaseKey;
if (![seconds, rounds, connections, size].every((n) => Number.isInteger(n) && n > 0) || !(warmup >= 0) || !CASE_KEYS.includes(profileCase)) {
  console.error(USAGE);
  process.exit(2);
}
const ROOT = new URL("../../", import.meta.url).pathname;
const TOKEN = "bench-token";

/** One side of a case: a path on a worker, and what a request to it looks like. */
interface Side {
  worker: LocalWorker;
  path: string;
  load: Omit<LoadOptions, "connections" | "seconds">;
  /** What cas-edge's Server-Timing must say, so a case measures the path it is named after. */
  timing?: RegExp;
}
interface Case {
  key: CaseKey;
  label: string;
  reference: string;
  target: number | null;
  cas: Side;
  ref: Side;
}
/** A round of one side: requests/s, and CPU ms per request of each process (NaN when wrangler restarted one). */
interface Sample {
  rps: number;
  cpu: Record<ProcessRole, number>;
}

const blob = randomBytes(size);
const hash = createHash("sha256").update(blob).digest("hex");
const blobPath = `/api/cas/${hash}`;
let fresh = 0;

// A signed-link key of this run's own (as `npm run accounts -- link-keygen` makes one), given to the worker as
// LINK_SIGNING_KEYS, and a link to the blob signed with it by the code the worker signs with, valid for a day.
const LINK_KEY = { kty: "oct", kid: "bench", k: randomBytes(32).toString("base64url") };
const linkKey = await crypto.subtle.importKey("raw", Buffer.from(LINK_KEY.k, "base64url"), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
const signedBlobPath = await signWith(linkKey, LINK_KEY.kid, contentHash.parse(hash), {}, Math.floor(Date.now() / 1000) + 86400);

function cases(cas: LocalWorker, baseline: LocalWorker): Case[] {
  const bareGet: Side = { worker: baseline, path: "/", load: { expectStatus: 200 } };
  const revalidate = { "If-None-Match": `"${hash}"` };
  return [
    {
      key: "hit",
      label: `GET ${(size / 1024).toFixed(0)} KB blob, edge-cache hit`,
      reference: "bare BUCKET.get → Response",
      target: 0.9,
      cas: { worker: cas, path: blobPath, load: { expectStatus: 200 }, timing: /cache;desc=hit/ },
      ref: bareGet,
    },
    {
      key: "304",
      label: "304 from If-None-Match",
      reference: "no-op worker: 304 with an ETag",
      target: 0.85,
      cas: { worker: cas, path: blobPath, load: { headers: revalidate, expectStatus: 304 }, timing: /cache;desc=revalidated/ },
      ref: { worker: baseline, path: "/not-modified", load: { headers: revalidate, expectStatus: 304 } },
    },
    {
      key: "r2",
      label: "R2 path without cache fill",
      reference: "bare BUCKET.get → Response",
      target: 0.85,
      // A range (here the whole blob) is read from R2 and never cached (src/cas/edge-cache.ts), and
      // nothing asks for this URL whole, so every request misses the cache and goes to R2.
      cas: {
        worker: cas,
        path: `${blobPath}?filename=uncached.bin`,
        load: { headers: { Range: "bytes=0-" }, expectStatus: 206 },
        timing: /cache;desc=miss/,
      },
      ref: bareGet,
    },
    {
      key: "fill",
      label: "miss with cache fill (new key each request)",
      reference: "bare BUCKET.get → Response",
      target: null,
      cas: {
        worker: cas,
        path: blobPath,
        load: { expectStatus: 200, pathFor: () => `${blobPath}?filename=${fresh++}.bin` },
        timing: /cache;desc=miss/,
      },
      ref: bareGet,
    },
    {
      key: "signed",
      label: `signed-link GET ${(size / 1024).toFixed(0)} KB blob, edge-cache hit`,
      reference: "cas-edge public edge-cache hit",
      target: 0.9,
      // The blob is stored public (the private route falls back to cas/ when private/cas/ lacks it, src/cas/private-routes.ts);
      // a hit reads neither. Its entry is its own: the cache key is the unsigned /api/private/ URL.
      cas: { worker: cas, path: signedBlobPath, load: { expectStatus: 200 }, timing: /cache;desc=hit/ },
      ref: { worker: cas, path: blobPath, load: { expectStatus: 200 }, timing: /cache;desc=hit/ },
    },
  ];
}

/** Checks that a side answers as its case says before measuring it (one request, retried while the cache fills). */
async function check(side: Side): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    const path = side.load.pathFor?.(0) ?? side.path;
    const res = await fetch(`${side.worker.url}${path}`, { headers: side.load.headers });
    await res.arrayBuffer();
    const timing = res.headers.get("Server-Timing") ?? "";
    if (res.status === side.load.expectStatus && (!side.timing || side.timing.test(timing))) return;
    if (attempt === 20) throw new Error(`${path}: ${res.status}, Server-Timing "${timing}"; expected ${side.load.expectStatus} and ${side.timing}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

async function measure(side: Side, secs: number): Promise<Sample> {
  const processes = wranglerProcesses(side.worker.pid, Number(new URL(side.worker.url).port));
  const before = cpuTimes(processes);
  const { rps, requests } = await runLoad(`${side.worker.url}${side.path}`, { connections, seconds: secs, ...side.load });
  const after = cpuTimes(processes);
  const cpu = Object.fromEntries(PROCESS_ROLES.map((role) => [role, (after[role] - before[role]) / requests])) as Sample["cpu"];
  return { rps, cpu };
}

/** Loads one case on cas-edge under the profiler; writes the profile and returns its summary, made while the bundle exists. */
async function profileOne(c: Case, file: string) {
  console.log(`profiling cas-edge's worker during "${c.label}" for ${seconds} s…`);
  const { profile, result } = await profileWorker(c.cas.worker.inspectorPort, () =>
    runLoad(`${c.cas.worker.url}${c.cas.path}`, { connections, seconds, ...c.cas.load }),
  );
  writeFileSync(file, JSON.stringify(profile));
  const { total, table } = selfTimeTable(profile, ROOT, result.requests);
  const summary =
    `${total.toFixed(0)} ms profiled, ${result.requests} requests (${result.rps.toFixed(0)} req/s under the profiler); ` +
    `written to ${file} (open it in Chrome DevTools' Performance panel or VS Code)`;
  return { label: c.label, rows: table, summary };
}

const median = (xs: number[]) => {
  const finite = xs.filter(Number.isFinite).sort((a, b) => a - b);
  return finite.length === 0 ? Number.NaN : finite[Math.floor(finite.length / 2)]!;
};
const fixed = (n: number, digits: number) => (Number.isFinite(n) ? n.toFixed(digits) : "-");
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(" ");

console.log(`starting workers (blob ${size} bytes, ${connections} connections, ${rounds} rounds of ${seconds} s per side)…`);
// The default log level, as `npm start` runs: what the worker logs is shipped to wrangler and printed.
const [cas, baseline] = await Promise.all([
  startWorker("wrangler.toml", 0, { CAS_WRITE_TOKEN: TOKEN, LINK_SIGNING_KEYS: JSON.stringify({ keys: [LINK_KEY] }) }, undefined, "log"),
  startWorker("scripts/bench/baseline.wrangler.toml", 0, {}, undefined, "log"),
]);
try {
  const put = await fetch(`${cas.url}${blobPath}`, { method: "PUT", body: blob, headers: { Authorization: `Bearer ${TOKEN}` } });
  if (put.status !== 201 && put.status !== 200) throw new Error(`PUT failed with ${put.status}: ${await put.text()}`);
  if ((await fetch(`${baseline.url}/`, { method: "PUT", body: blob })).status !== 201) throw new Error("baseline PUT failed");
  const all = cases(cas, baseline);
  for (const c of all) for (const side of [c.cas, c.ref]) await check(side);

  const loadBefore = load();
  if (warmup > 0) {
    console.log(`warming up (${warmup} s per side)…`);
    for (const c of all) for (const side of [c.cas, c.ref]) await measure(side, warmup);
  }
  // Before the rounds: with no DevTools client attached, wrangler's inspector proxy keeps every
  // console.log event of the worker and hands them all to the next client that connects, which
  // stalls the proxy (and every request through it) for as long as that takes.
  const profiled = values.profile ? await profileOne(all.find((k) => k.key === profileCase)!, values.profile) : undefined;
  const samples = new Map(all.map((c) => [c.key, { cas: [] as Sample[], ref: [] as Sample[] }]));
  for (let round = 1; round <= rounds; round++) {
    for (const c of all) {
      const s = samples.get(c.key)!;
      s.cas.push(await measure(c.cas, seconds));
      s.ref.push(await measure(c.ref, seconds));
    }
    const ratios = all.map((c) => `${c.key} ${ratio(samples.get(c.key)!.cas.at(-1)!.rps, samples.get(c.key)!.ref.at(-1)!.rps)}`);
    console.log(`  round ${round}/${rounds}: ${ratios.join(", ")}`);
  }

  const rows: Array<[string, ...string[]]> = [
    ["case", "worker", "req/s", "rounds", ...PROCESS_ROLES.map((r) => `${r} CPU ms/req`), "ratio", "target", "met"],
  ];
  for (const c of all) {
    const s = samples.get(c.key)!;
    const side = (label: string, xs: Sample[]): [string, ...string[]] => {
      const rps = xs.map((x) => x.rps);
      return [
        label,
        fixed(median(rps), 0),
        `${Math.min(...rps).toFixed(0)}–${Math.max(...rps).toFixed(0)}`,
        ...PROCESS_ROLES.map((role) => fixed(median(xs.map((x) => x.cpu[role])), 2)),
      ];
    };
    const r = median(s.cas.map((x) => x.rps)) / median(s.ref.map((x) => x.rps));
    const verdict = c.target === null ? ["(report)", ""] : [`≥ ${c.target}×`, r >= c.target ? "met" : "NOT MET"];
    rows.push([c.label, ...side("cas-edge", s.cas), `${r.toFixed(2)}×`, ...verdict]);
    rows.push(["", ...side(c.reference, s.ref), "", "", ""]);
  }
  console.log(
    `\nmedian of ${rounds} alternating rounds of ${seconds} s, ${connections} connections, ${size} B blob; wrangler dev, default log level\n`,
  );
  printTable(rows);
  console.log(`load average (1, 5, 15 min): ${loadBefore} before the rounds, ${load()} after`);

  if (profiled) {
    console.log(`\nCPU profile of cas-edge's worker during "${profiled.label}", ${seconds} s, taken before the rounds:`);
    printTable(profiled.rows);
    console.log(profiled.summary);
  }
} catch (err) {
  console.error((err as Error).message);
  process.exitCode = 1;
} finally {
  await Promise.all([cas.stop(), baseline.stop()]);
}
