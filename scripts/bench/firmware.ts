/**
 * npm run bench:firmware [-- --runs 3 --seconds 8 --connections 8 --ota-mb 1 --smoke]
 *
 * 1. Firmware ZIP upload: 4 MB and 16 MB ZIPs of fake ESP-IDF builds (random,
 *    so incompressible), each size on its own fresh worker, timed against a
 *    plain CAS PUT of the same number of bytes on the same worker, with the
 *    workerd process's peak resident memory above its idle level. Memory must
 *    stay flat in the ZIP's size: the 16 MB peak close to the 4 MB one.
 * 2. OTA download: requests/s and MB/s of the app binary's signed link (the
 *    app image is private; its link is what the API hands out) against a plain CAS GET of a same-size blob,
 *    whole (edge-cache hits) and as 64 KiB ranges (ESP-IDF's partial download).
 *    Target: ≥ 0.95× the plain GET.
 */
import { execFileSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { espBuild, zip } from "../../test/support/esp-build.ts";
import type { Schemas } from "../lib/api-client.ts";
import { type LocalWorker, printTable, ratio, requestsPerSecond, smokeOption, startWorker } from "./harness.ts";

const { values } = parseArgs({
  options: {
    runs: { type: "string", default: "3" },
    seconds: { type: "string", default: "8" },
    connections: { type: "string", default: "8" },
    "ota-mb": { type: "string", default: "1" },
    ...smokeOption,
    help: { type: "boolean", short: "h" },
  },
});
if (values.help) {
  console.log("usage: npm run bench:firmware [-- --runs N --seconds N --connections N --ota-mb N --smoke]");
  process.exit(0);
}
if (values.smoke) Object.assign(values, { runs: "1", seconds: "1", connections: "2", "ota-mb": "1" });
/** The two ZIP sizes, small and large (a smoke run keeps the 1:4 but not the megabytes). */
const [SMALL_MB, LARGE_MB] = values.smoke ? [0.5, 2] : [4, 16];
const runs = Number(values.runs);
const TOKEN = "bench-api-token";
const WRITE = "bench-write-token";
const MB = 1024 * 1024;
const auth = { Authorization: `Bearer ${TOKEN}` };
/** Firmware answers carry signed links, so the worker needs a link key (a throwaway one). */
const LINK_SIGNING_KEYS = JSON.stringify({ keys: [{ kty: "oct", kid: "bench-1", k: randomBytes(32).toString("base64url") }] });

/** Peak resident set (VmHWM) and current resident set (VmRSS) of the workerd serving `port`, in MB. */
function workerdMemory(port: number): { peak: number; now: number } {
  const pid = execFileSync("pgrep", ["-f", `socket-addr=entry=127.0.0.1:${port}`])
    .toString()
    .trim()
    .split("\n")[0]!;
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? 0) / 1024;
  return { peak: kb("VmHWM"), now: kb("VmRSS") };
}

async function timed(fn: () => Promise<void>): Promise<number> {
  const start = performance.now();
  await fn();
  return (performance.now() - start) / 1000;
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function createModel(worker: LocalWorker, key: string): Promise<void> {
  const res = await fetch(`${worker.url}/api/device-models`, {
    method: "POST",
    body: JSON.stringify({ key, name: key }),
    headers: { ...auth, "Content-Type": "application/json" },
  });
  if (res.status !== 201) throw new Error(`create model: ${res.status} ${await res.text()}`);
}

/** A build whose files add up to about `mb` MB: app 60 %, ELF 30 %, map 10 %. */
async function buildZip(mb: number, version: string) {
  const total = mb * MB;
  const build = await espBuild({ version, appSize: Math.round(total * 0.6), elfSize: Math.round(total * 0.3), mapSize: Math.round(total * 0.1) });
  return { archive: zip(build.files), appSha256: build.appSha256 };
}

async function putBlob(worker: LocalWorker, bytes: Uint8Array): Promise<string> {
  const hash = createHash("sha256").update(bytes).digest("hex");
  const res = await fetch(`${worker.url}/api/cas/${hash}`, {
    method: "PUT",
    body: bytes as Uint8Array<ArrayBuffer>,
    headers: { Authorization: `Bearer ${WRITE}` },
  });
  if (res.status !== 201 && res.status !== 200) throw new Error(`PUT: ${res.status}`);
  return hash;
}

interface UploadFigures {
  mb: number;
  zipSeconds: number;
  putSeconds: number;
  idle: number;
  peak: number;
}

async function measureUploads(mb: number): Promise<UploadFigures & { worker: LocalWorker; appSha256: string }> {
  // Fresh builds for every run, so dedup never skips the work being measured; made before the
  // worker starts so building them is not timed and no connection idles while they are made.
  const builds = [];
  for (let run = 0; run < runs; run++) builds.push({ ...(await buildZip(mb, `1.0.${run}`)), plain: randomBytes(0) });
  for (const build of builds) build.plain = randomBytes(build.archive.length);
  const worker = await startWorker("wrangler.toml", 0, { API_TOKEN: TOKEN, CAS_WRITE_TOKEN: WRITE, LINK_SIGNING_KEYS });
  const port = Number(new URL(worker.url).port);
  await createModel(worker, "bench");
  const idle = workerdMemory(port).now;
  const zipTimes: number[] = [];
  const putTimes: number[] = [];
  for (const [run, build] of builds.entries()) {
    zipTimes.push(
      await timed(async () => {
        const res = await fetch(`${worker.url}/api/device-models/bench/firmware`, {
          method: "POST",
          body: build.archive as Uint8Array<ArrayBuffer>,
          headers: auth,
        });
        if (res.status !== 201) throw new Error(`upload ${mb} MB: ${res.status} ${await res.text()}`);
      }),
    );
    putTimes.push(await timed(async () => void (await putBlob(worker, build.plain))));
    process.stdout.write(`  ${mb} MB: run ${run + 1}/${runs} (ZIP ${(build.archive.length / MB).toFixed(1)} MB)\n`);
  }
  return {
    mb,
    zipSeconds: median(zipTimes),
    putSeconds: median(putTimes),
    idle,
    peak: workerdMemory(port).peak,
    worker,
    appSha256: builds.at(-1)!.appSha256,
  };
}

console.log(`firmware uploads (${runs} runs per size, each size on a fresh worker)…`);
const small = await measureUploads(SMALL_MB);
await small.worker.stop();
const large = await measureUploads(LARGE_MB);
try {
  console.log("");
  printTable([
    ["ZIP upload (median)", "seconds", "MB/s", "plain CAS PUT, same bytes", "vs PUT", "workerd RSS idle → peak", "peak above idle"],
    ...[small, large].map((f): [string, ...string[]] => [
      `${f.mb} MB firmware ZIP`,
      f.zipSeconds.toFixed(2),
      (f.mb / f.zipSeconds).toFixed(1),
      `${f.putSeconds.toFixed(2)} s`,
      ratio(f.mb / f.zipSeconds, f.mb / f.putSeconds),
      `${f.idle.toFixed(0)} → ${f.peak.toFixed(0)} MB`,
      `${(f.peak - f.idle).toFixed(0)} MB`,
    ]),
  ]);
  console.log(
    `\npeak above idle, ${LARGE_MB} MB vs ${SMALL_MB} MB ZIP: ${(large.peak - large.idle).toFixed(0)} MB vs ${(small.peak - small.idle).toFixed(0)} MB (flat means close, not 4×)`,
  );

  // OTA: the binary of a version uploaded just now, against a blob of the same size.
  const otaBuild = await espBuild({ version: "2.0.0", appSize: Number(values["ota-mb"]) * MB, elfSize: 64 * 1024 });
  const res = await fetch(`${large.worker.url}/api/device-models/bench/firmware`, {
    method: "POST",
    body: zip(otaBuild.files) as Uint8Array<ArrayBuffer>,
    headers: auth,
  });
  if (res.status !== 201) throw new Error(`OTA upload: ${res.status}`);
  const { artifacts } = (await res.json()) as Schemas["FirmwareUpload"];
  const otaPath = artifacts.find((a) => a.kind === "app")!.download_url;
  const plainPath = `/api/cas/${await putBlob(large.worker, randomBytes(otaBuild.files[otaBuild.appName]!.length))}`;
  const load = { connections: Number(values.connections), seconds: Number(values.seconds), expectStatus: 200 };
  const results: Record<string, number> = {};
  for (const [name, path] of [
    ["ota", otaPath],
    ["plain", plainPath],
  ] as const) {
    await fetch(`${large.worker.url}${path}`).then((r) => r.arrayBuffer());
    console.log(`measuring ${name}: whole binary…`);
    results[`${name}-whole`] = await requestsPerSecond(`${large.worker.url}${path}`, load);
    console.log(`measuring ${name}: 64 KiB ranges…`);
    results[`${name}-range`] = await requestsPerSecond(`${large.worker.url}${path}`, {
      ...load,
      expectStatus: 206,
      headers: { Range: "bytes=65536-131071" },
    });
  }
  const size = otaBuild.files[otaBuild.appName]!.length;
  const row = (label: string, key: string, bytes: number): [string, ...string[]] => [
    label,
    results[`ota-${key}`]!.toFixed(0),
    ((results[`ota-${key}`]! * bytes) / MB).toFixed(0),
    results[`plain-${key}`]!.toFixed(0),
    ratio(results[`ota-${key}`]!, results[`plain-${key}`]!),
    "≥ 0.95×",
  ];
  console.log("");
  printTable([
    [`OTA download (${(size / MB).toFixed(1)} MB app)`, "req/s", "MB/s", "plain CAS GET req/s", "vs plain", "target"],
    row("whole binary (edge cache)", "whole", size),
    row("64 KiB range", "range", 65536),
  ]);
} finally {
  await large.worker.stop();
}
