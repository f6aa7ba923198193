/**
 * npm run bench:upload-resumable [-- --mb 1024 --part-mb 16 --smoke]
 *
 * A large file through the resumable upload API of a local worker
 * (`wrangler dev`, as `npm start` runs it), the way a user sends it:
 * `npm run upload` is killed (SIGKILL) once half the parts are stored and
 * then run again, and resumes. In the same run, the baseline: one plain
 * PUT /api/cas of a 95 MiB body (the largest single request), whose
 * throughput the resumable path is compared with. Prints wall times,
 * throughput and the peak resident memory (VmHWM) of both workerd
 * processes wrangler runs: its proxy and the runtime holding the worker.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { createWriteStream, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { printTable, smokeOption, startWorker } from "./harness.ts";

const { values } = parseArgs({
  options: {
    mb: { type: "string", default: "1024" },
    "part-mb": { type: "string", default: "16" },
    ...smokeOption,
    help: { type: "boolean", short: "h" },
  },
});
if (values.help) {
  console.log("usage: npm run bench:upload-resumable [-- --mb 1024 --part-mb 16 --smoke]");
  process.exit(0);
}
// A smoke run: two parts of the smallest size the API takes (5 MiB), killed after the first.
if (values.smoke) Object.assign(values, { mb: "10", "part-mb": "5" });
/** The baseline's single PUT: the largest body one request may carry. */
const PUT_MIB = values.smoke ? 5 : 95;
const MiB = 1024 * 1024;
const size = Number(values.mb) * MiB;
const TOKEN = "bench-write-token";
const SCRIPT = new URL("../upload.ts", import.meta.url).pathname;

/** The workerd processes of the wrangler dev listening on `port`: the proxy on the port and its sibling runtime. */
function workerdPeaks(port: number): { proxy: number; runtime: number } {
  const procs = readdirSync("/proc")
    .filter((d) => /^\d+$/.test(d))
    .flatMap((pid) => {
      try {
        const cmd = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").join(" ");
        if (!cmd.includes("workerd serve")) return [];
        const status = readFileSync(`/proc/${pid}/status`, "utf8");
        const ppid = /PPid:\s+(\d+)/.exec(status)![1]!;
        const hwm = Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024;
        return [{ pid, ppid, cmd, hwm }];
      } catch {
        return [];
      }
    });
  const proxy = procs.find((p) => p.cmd.includes(`socket-addr=entry=127.0.0.1:${port} `));
  const runtime = procs.find((p) => p.ppid === proxy?.ppid && p.pid !== proxy?.pid);
  return { proxy: proxy?.hwm ?? Number.NaN, runtime: runtime?.hwm ?? Number.NaN };
}

function runClient(file: string, base: string, stateDir: string, onLine: (line: string, child: ChildProcess) => void) {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", SCRIPT, file, "--url", base, "--token", TOKEN, "--part-size", values["part-mb"]!, "--state-dir", stateDir],
    {
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let buffered = "";
  child.stderr!.on("data", (c: Buffer) => {
    buffered += c.toString();
    const lines = buffered.split("\n");
    buffered = lines.pop()!;
    for (const line of lines) onLine(line, child);
  });
  let stdout = "";
  child.stdout!.on("data", (c: Buffer) => (stdout += c.toString()));
  return new Promise<{ code: number | null; stdout: string }>((resolve) => child.on("exit", (code) => resolve({ code, stdout })));
}

const dir = mkdtempSync(join(tmpdir(), "cas-edge-bench-resumable-"));
console.log(`writing a ${values.mb} MiB file and starting the worker…`);
const file = join(dir, "big.bin");
await new Promise<void>((resolve, reject) => {
  const out = createWriteStream(file);
  out.on("error", reject);
  let written = 0;
  const next = () => {
    while (written < size) {
      const chunk = randomBytes(Math.min(8 * MiB, size - written));
      written += chunk.length;
      if (!out.write(chunk)) return void out.once("drain", next);
    }
    out.end(resolve);
  };
  next();
});
const worker = await startWorker("wrangler.toml", 0, { CAS_WRITE_TOKEN: TOKEN, API_TOKEN: "bench-api", ADMIN_TOKEN: "bench-admin" });
const port = Number(new URL(worker.url).port);
try {
  const before = workerdPeaks(port);

  const stateDir = join(dir, "state");
  let partCount = 0;
  const start = performance.now();
  let hashedAt = 0;
  const first = await runClient(file, worker.url, stateDir, (line, child) => {
    if (line.startsWith("sha256 ")) hashedAt = performance.now();
    const stored = /^(\d+)\/(\d+) parts stored/.exec(line);
    if (stored) {
      partCount = Number(stored[2]);
      if (Number(stored[1]) >= partCount / 2) child.kill("SIGKILL");
    }
  });
  const killedAt = performance.now();
  if (first.code !== null) throw new Error(`the first run was not interrupted (exit ${first.code})`);
  let resumedAt = "";
  const second = await runClient(file, worker.url, stateDir, (line) => {
    const resumed = /resuming upload \S+ at part (\d+)/.exec(line);
    if (resumed) resumedAt = resumed[1]!;
  });
  const end = performance.now();
  if (second.code !== 0) throw new Error(`the resumed run failed (exit ${second.code})`);
  const head = await fetch(second.stdout.trim(), { method: "HEAD" });
  if (head.status !== 200 || Number(head.headers.get("Content-Length")) !== size)
    throw new Error(`stored blob: ${head.status} ${head.headers.get("Content-Length")}`);
  // Read before the baseline, which would otherwise set the peak.
  const after = workerdPeaks(port);

  // Baseline: one request, the worker's plain PUT (R2 verifies the digest while it streams).
  const body = randomBytes(PUT_MIB * MiB);
  const hash = createHash("sha256").update(body).digest("hex");
  const putStart = performance.now();
  const put = await fetch(`${worker.url}/api/cas/${hash}`, { method: "PUT", body, headers: { Authorization: `Bearer ${TOKEN}` } });
  if (put.status !== 201) throw new Error(`baseline PUT: ${put.status} ${await put.text()}`);
  const putSeconds = (performance.now() - putStart) / 1000;
  const afterPut = workerdPeaks(port);

  const total = (end - start) / 1000;
  const hashing = (hashedAt - start) / 1000;
  const mbps = (bytes: number, s: number) => bytes / MiB / s;
  const baseline = mbps(PUT_MIB * MiB, putSeconds);
  console.log("");
  printTable([
    ["path", "MiB", "seconds", "MiB/s", "vs one PUT"],
    ["one PUT /api/cas (baseline)", String(PUT_MIB), putSeconds.toFixed(1), baseline.toFixed(1), "1.00×"],
    [
      `resumable, ${partCount} parts, killed at half, resumed at part ${resumedAt}`,
      values.mb!,
      total.toFixed(1),
      mbps(size, total).toFixed(1),
      `${(mbps(size, total) / baseline).toFixed(2)}×`,
    ],
    ["  of which: client hashing before the first part", "", hashing.toFixed(1), "", ""],
    ["  first run (until killed)", "", ((killedAt - start) / 1000).toFixed(1), "", ""],
    ["  second run (hash again, resume, complete)", "", ((end - killedAt) / 1000).toFixed(1), "", ""],
  ]);
  console.log(
    `\nworkerd peak resident memory (VmHWM): runtime ${before.runtime.toFixed(0)} MB at start, ${after.runtime.toFixed(0)} MB after the resumable upload (${afterPut.runtime.toFixed(0)} MB after the baseline PUT); proxy ${before.proxy.toFixed(0)} → ${after.proxy.toFixed(0)} MB (${afterPut.proxy.toFixed(0)} MB)`,
  );
} finally {
  await worker.stop();
  rmSync(dir, { recursive: true, force: true });
}
