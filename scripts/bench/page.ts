/**
 * The page's weight and its first draw, in Debian's Chromium against
 * `wrangler dev` on the default configuration:
 *   - the parts list's first load (JS + CSS, gzipped as built) against its
 *     50 KB budget, and what opening a console section adds;
 *   - the time from navigation to the parts list drawn, and to a console
 *     section drawn, each against the same page's GET /health round trip
 *     measured in the same run (the cost of one request on this machine).
 *
 *   npm run bench:page [-- --rounds 15] [-- --smoke]
 */
import { parseArgs } from "node:util";
import { chromium } from "playwright-core";
import { chromiumPath } from "../../test/browser/support/chromium.ts";
import { buildWeb, builtSizes, firstLoadGzip } from "../build-web.ts";
import { printTable, ratio, smokeOption, startWorker } from "./harness.ts";

const { values } = parseArgs({ options: { rounds: { type: "string", default: "15" }, ...smokeOption } });
const rounds = values.smoke ? 1 : Number(values.rounds);
const BUDGET = 50_000;
const TOKEN = "bench-page-admin-token";

const firstLoad = await buildWeb();
const sizes = builtSizes();
const firstLoadBytes = firstLoadGzip(firstLoad);
const lazyBytes = sizes.filter((s) => s.file.startsWith("build/") && !firstLoad.files.includes(s.file)).reduce((sum, s) => sum + s.gzip, 0);

const worker = await startWorker("wrangler.toml", 0, { ADMIN_TOKEN: TOKEN });
const browser = await chromium.launch({ executablePath: chromiumPath(), args: ["--no-sandbox"] });
try {
  // A catalogue to draw: 25 parts, one page of the list.
  for (let i = 0; i < 25; i++) {
    const res = await fetch(`${worker.url}/api/parts`, {
      method: "POST",
      headers: { Authorization: `Bearer ${TOKEN}`, "Content-Type": "application/json" },
      body: JSON.stringify({ name: `Bench part ${i}` }),
    });
    if (res.status !== 201) throw new Error(`create part: ${res.status} ${await res.text()}`);
  }

  const health: number[] = [];
  const partsList: number[] = [];
  const section: number[] = [];
  const sectionBytes: number[] = [];
  for (let round = 0; round < rounds; round++) {
    // A fresh context each round: an empty cache, as a first visit.
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.addInitScript((token) => sessionStorage.setItem("cas-edge.token", token), TOKEN);
    const page = await context.newPage();
    const fetched: Array<{ url: string; bytes: number }> = [];
    page.on("response", async (r) => {
      if (/\/build\/|\.css$/.test(r.url())) fetched.push({ url: r.url(), bytes: (await r.body().catch(() => Buffer.alloc(0))).length });
    });
    const started = Date.now();
    await page.goto(worker.url);
    await page.getByRole("link", { name: "Bench part 24" }).waitFor();
    partsList.push(Date.now() - started);
    health.push(
      await page.evaluate(async () => {
        const t = performance.now();
        await (await fetch("/health")).text();
        return performance.now() - t;
      }),
    );
    const before = fetched.length;
    const opened = Date.now();
    await page.getByRole("link", { name: "Accounts" }).click();
    await page.getByRole("heading", { name: "Accounts", level: 1 }).waitFor();
    section.push(Date.now() - opened);
    sectionBytes.push(fetched.slice(before).reduce((sum, f) => sum + f.bytes, 0));
    await context.close();
  }

  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const base = median(health);
  console.log(`\n${rounds} rounds, medians; ratios against GET /health from the same page (${base.toFixed(1)} ms)\n`);
  printTable([
    ["measure", "value", "ratio"],
    ["first load, JS + CSS gzipped", `${firstLoadBytes} B`, `${ratio(firstLoadBytes, BUDGET)} of the 50 KB budget`],
    ["code loaded only when used: console sections, big uploads, hash-wasm (gzipped)", `${lazyBytes} B`, "-"],
    ["bytes fetched opening Accounts (uncompressed)", `${median(sectionBytes)} B`, "-"],
    ["GET /health from the page (baseline)", `${base.toFixed(1)} ms`, "1.00×"],
    ["navigation → parts list drawn", `${median(partsList)} ms`, ratio(median(partsList), base)],
    ["click → Accounts section drawn", `${median(section)} ms`, ratio(median(section), base)],
  ]);
  if (firstLoadBytes >= BUDGET) process.exitCode = 1;
} finally {
  await browser.close();
  await worker.stop();
}
