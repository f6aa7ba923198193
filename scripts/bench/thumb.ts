/**
 * npm run bench:thumb [-- --runs 5 --seconds 8]
 *
 * Makes 512 and 150 px thumbnails of a ~3 MP JPEG, the largest JPEG the
 * pixel cap admits and a ~3 MP PNG with the worker's own code (photon,
 * in Node's V8), and with sharp (libvips) as the baseline, in the same
 * run. Prints median ms, the ratio to sharp (target ≤ 5×) and photon's
 * peak wasm memory per source (must stay under 128 MB). Then serves a
 * cached thumbnail and a plain blob of the same size from the local worker
 * and prints requests/s as a ratio (target ≥ 0.9×).
 */
import { execFileSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import sharp from "sharp";
import { MAX_PIXELS, probeImage } from "../../src/images/probe.ts";
import { makeThumbnail } from "../../src/images/thumbnail.ts";
import { printTable, ratio, requestsPerSecond, startWorker } from "./harness.ts";

const { values } = parseArgs({
  options: { runs: { type: "string", default: "5" }, seconds: { type: "string", default: "8" }, help: { type: "boolean", short: "h" } },
});
if (values.help) {
  console.log("usage: npm run bench:thumb [-- --runs N --seconds N]");
  process.exit(0);
}
const runs = Number(values.runs);

/** A photo-like test card: smooth gradients with fine noise, at any size. */
async function testImage(width: number, height: number, format: "jpeg" | "png"): Promise<Buffer> {
  const gradient = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3;
      gradient[i] = (x * 255) / width;
      gradient[i + 1] = (y * 255) / height;
      gradient[i + 2] = ((x + y) * 127) / (width + height) + (((x * 7919) ^ (y * 104729)) & 31);
    }
  }
  const image = sharp(gradient, { raw: { width, height, channels: 3 } });
  return format === "jpeg" ? image.jpeg({ quality: 85 }).toBuffer() : image.png().toBuffer();
}

// The largest 3:2 JPEG the pixel cap admits.
const capWidth = Math.floor(Math.sqrt((MAX_PIXELS * 3) / 2));
const capHeight = Math.floor((capWidth * 2) / 3);
const sources: Array<[string, Buffer]> = [
  ["JPEG 2000×1500 (3 MP)", await testImage(2000, 1500, "jpeg")],
  [`JPEG ${capWidth}×${capHeight} (cap)`, await testImage(capWidth, capHeight, "jpeg")],
  ["PNG 2000×1500 (3 MP)", await testImage(2000, 1500, "png")],
];
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
function time(fn: () => unknown): number {
  const start = performance.now();
  fn();
  return performance.now() - start;
}
async function timeAsync(fn: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

const dir = mkdtempSync(join(tmpdir(), "cas-edge-thumb-"));
const rows: Array<[string, ...string[]]> = [["source", "size", "photon ms", "sharp ms", "photon/sharp", "photon peak wasm MB"]];
try {
  for (const [label, bytes] of sources) {
    const file = join(dir, "source");
    writeFileSync(file, bytes);
    const info = probeImage(bytes);
    for (const size of [512, 150]) {
      const photon: number[] = [];
      const vips: number[] = [];
      for (let run = 0; run < runs; run++) {
        photon.push(time(() => makeThumbnail(bytes, info, size)));
        vips.push(await timeAsync(() => sharp(bytes).rotate().resize(size, size, { fit: "inside", withoutEnlargement: true }).flatten({ background: "#fff" }).jpeg({ quality: 80 }).toBuffer()));
      }
      const tsx = new URL("../../node_modules/.bin/tsx", import.meta.url).pathname;
      const mem = JSON.parse(execFileSync(tsx, [new URL("./thumb-memory.ts", import.meta.url).pathname, file, String(size)]).toString()) as { peak: number };
      rows.push([label, `${size}`, median(photon).toFixed(0), median(vips).toFixed(0), `${(median(photon) / median(vips)).toFixed(1)}×`, (mem.peak / 2 ** 20).toFixed(0)]);
      console.log(`  ${label} → ${size}px measured`);
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
console.log("");
printTable(rows);

console.log("\nserving: cached thumbnail vs plain CAS GET of a blob of the same size…");
const TOKEN = "bench-token";
const cas = await startWorker("wrangler.toml", 8795, { CAS_WRITE_TOKEN: TOKEN });
try {
  const put = async (bytes: Buffer) => {
    const hash = createHash("sha256").update(bytes).digest("hex");
    const res = await fetch(`${cas.url}/api/cas/${hash}`, { method: "PUT", body: new Uint8Array(bytes), headers: { Authorization: `Bearer ${TOKEN}` } });
    if (res.status !== 201 && res.status !== 200) throw new Error(`PUT ${res.status}`);
    return hash;
  };
  const source = await put(sources[0]![1]);
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
