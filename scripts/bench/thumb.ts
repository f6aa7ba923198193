/**
 * npm run bench:thumb [-- --runs 5 --seconds 8 --skip-serve --out /tmp/thumbs --smoke]
 *
 * Makes 512 and 150 px thumbnails of photo-like 12 MP and 24 MP baseline
 * JPEGs, a 24 MP progressive JPEG and a 12 MP PNG with the worker's own code
 * (src/images, in Node's V8) and with sharp (libvips) as the baseline, same
 * sources, same run. Prints median ms, the ratio to sharp against its
 * target, the peak wasm memory of one run in a fresh process, the peak the
 * memory plan reserved, and the luma PSNR of our JPEG against sharp's
 * lossless (PNG) resize of the same source. Writes the thumbnails to --out
 * for a look. Then serves a cached thumbnail and a plain blob of the same
 * size from the local worker and prints requests/s as a ratio (≥ 0.9×).
 */
import { execFileSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import sharp from "sharp";
import { printTable, ratio, requestsPerSecond, smokeOption, startWorker } from "./harness.ts";
import { workerThumbnail } from "./thumb-run.ts";
import { benchSources } from "./thumb-sources.ts";

const { values } = parseArgs({
  options: {
    runs: { type: "string", default: "5" },
    seconds: { type: "string", default: "8" },
    "skip-serve": { type: "boolean", default: false },
    out: { type: "string", default: join(tmpdir(), "cas-edge-thumbs") },
    ...smokeOption,
    help: { type: "boolean", short: "h" },
  },
});
if (values.help) {
  console.log("usage: npm run bench:thumb [-- --runs N --seconds N --skip-serve --out DIR --smoke]");
  process.exit(0);
}
// A smoke run: the same kinds of source at an eighth of the size, one thumbnail size, one run.
if (values.smoke) Object.assign(values, { runs: "1", seconds: "1" });
const sizes = values.smoke ? [150] : [512, 150];
const runs = Number(values.runs);
const TARGET = { baseline: 1.5, progressive: 3, png: 1.5 } as const;
const MIN_PSNR = 35;
const MAX_PEAK = 100 * 2 ** 20;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
/** Wall-clock ms, and the process's CPU ms (all threads): the latter moves less when other work shares the machine. */
async function timed<T>(fn: () => Promise<T>): Promise<[number, T, number]> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const value = await fn();
  const used = process.cpuUsage(cpu);
  return [performance.now() - start, value, (used.user + used.system) / 1000];
}
const viaSharp = (bytes: Buffer, size: number) =>
  sharp(bytes)
    .rotate()
    .resize(size, size, { fit: "inside", withoutEnlargement: true })
    .flatten({ background: "#fff" })
    .jpeg({ quality: 80 })
    .toBuffer();

/** Luma (BT.601) PSNR of our JPEG against sharp's lossless resize of the same source. */
async function lumaPsnr(ours: Uint8Array, source: Buffer, size: number): Promise<number | undefined> {
  const a = await sharp(ours).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const b = await sharp(source).resize(size, size, { fit: "inside" }).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  if (a.info.width !== b.info.width || a.info.height !== b.info.height) return undefined;
  let sum = 0;
  for (let i = 0; i < a.data.length; i += 3) {
    const d = 0.299 * (a.data[i]! - b.data[i]!) + 0.587 * (a.data[i + 1]! - b.data[i + 1]!) + 0.114 * (a.data[i + 2]! - b.data[i + 2]!);
    sum += d * d;
  }
  return 10 * Math.log10((255 * 255) / (sum / (a.info.width * a.info.height)));
}

const sources = await benchSources(values.smoke ? 8 : 1);
mkdirSync(values.out, { recursive: true });
const dir = mkdtempSync(join(tmpdir(), "cas-edge-thumb-"));
const rows: Array<[string, ...string[]]> = [
  ["source", "px", "path", "ours ms", "sharp ms", "ratio (target)", "cpu ratio", "peak wasm MB", "planned MB", "Y-PSNR dB", "met"],
];
const missed: string[] = [];
try {
  for (const { label, kind, bytes } of sources) {
    const file = join(dir, "source");
    writeFileSync(file, bytes);
    for (const size of sizes) {
      const tsx = new URL("../../node_modules/.bin/tsx", import.meta.url).pathname;
      const mem = JSON.parse(execFileSync(tsx, [new URL("./thumb-memory.ts", import.meta.url).pathname, file, String(size)]).toString()) as
        | { peak: number; planned: number; path: string }
        | { error: string };
      if ("error" in mem) {
        rows.push([label, `${size}`, "refused", "-", "-", "-", "-", "-", "-", "-", "no"]);
        missed.push(`${label} → ${size}: ${mem.error}`);
        continue;
      }
      const ours: number[] = [];
      const vips: number[] = [];
      const oursCpu: number[] = [];
      const vipsCpu: number[] = [];
      let jpeg: Uint8Array | undefined;
      for (let run = 0; run < runs; run++) {
        const [ms, made, cpu] = await timed(() => workerThumbnail(bytes, size));
        ours.push(ms);
        oursCpu.push(cpu);
        jpeg = made.jpeg;
        const [sharpMs, , sharpCpu] = await timed(() => viaSharp(bytes, size));
        vips.push(sharpMs);
        vipsCpu.push(sharpCpu);
      }
      writeFileSync(join(values.out, `${label.replace(/[^A-Za-z0-9]+/g, "-")}${size}.jpg`), jpeg!);
      const psnr = await lumaPsnr(jpeg!, bytes, size);
      const r = median(ours) / median(vips);
      const met = r <= TARGET[kind] && (psnr ?? 0) >= MIN_PSNR && mem.peak < MAX_PEAK;
      if (!met) missed.push(`${label} → ${size}`);
      rows.push([
        label,
        `${size}`,
        mem.path,
        median(ours).toFixed(0),
        median(vips).toFixed(0),
        `${r.toFixed(2)}× (≤ ${TARGET[kind]}×)`,
        `${(median(oursCpu) / median(vipsCpu)).toFixed(2)}×`,
        (mem.peak / 2 ** 20).toFixed(1),
        (mem.planned / 2 ** 20).toFixed(1),
        psnr === undefined ? "size differs" : psnr.toFixed(1),
        met ? "yes" : "NO",
      ]);
      console.log(`  ${label} → ${size}px measured`);
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
console.log(`\n${runs} runs each; sharp ${sharp.versions.vips} with ${sharp.concurrency()} threads; thumbnails written to ${values.out}\n`);
printTable(rows);
console.log(
  `targets: wall-clock ratio as shown, Y-PSNR ≥ ${MIN_PSNR} dB, peak wasm < ${MAX_PEAK / 2 ** 20} MB (cpu ratio: process CPU time, for a loaded machine)`,
);
console.log(
  `load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(" ")} on ${cpus().length} CPUs`,
);
if (missed.length > 0) console.log(`missed:\n  ${missed.join("\n  ")}`);

if (!values["skip-serve"]) {
  console.log("\nserving: cached thumbnail vs plain CAS GET of a blob of the same size…");
  const TOKEN = "bench-token";
  const cas = await startWorker("wrangler.toml", 0, { CAS_WRITE_TOKEN: TOKEN });
  try {
    const put = async (body: Buffer) => {
      const hash = createHash("sha256").update(body).digest("hex");
      const res = await fetch(`${cas.url}/api/cas/${hash}`, {
        method: "PUT",
        body: new Uint8Array(body),
        headers: { Authorization: `Bearer ${TOKEN}` },
      });
      if (res.status !== 201 && res.status !== 200) throw new Error(`PUT ${res.status}`);
      return hash;
    };
    const source = await put(sources[0]!.bytes);
    const thumbPath = `/api/cas/${source}?thumbnail=512`;
    const thumb = Buffer.from(await (await fetch(`${cas.url}${thumbPath}`)).arrayBuffer());
    const blobPath = `/api/cas/${await put(randomBytes(thumb.length))}`;
    await (await fetch(`${cas.url}${blobPath}`)).arrayBuffer();
    const load = { connections: 10, seconds: Number(values.seconds), expectStatus: 200 };
    const blobRps = await requestsPerSecond(`${cas.url}${blobPath}`, load);
    const thumbRps = await requestsPerSecond(`${cas.url}${thumbPath}`, load);
    printTable([
      ["path", "req/s", "vs blob"],
      [`plain CAS GET, ${thumb.length} B blob (cache hit)`, blobRps.toFixed(0), "1.00×"],
      [`cached 512 px thumbnail, ${thumb.length} B`, thumbRps.toFixed(0), ratio(thumbRps, blobRps)],
    ]);
  } finally {
    await cas.stop();
  }
}
