/**
 * npm run bench:gc [-- --small-rows 2000 --small-objects 400 --rows 100000 --objects 20000 --smoke]
 *
 * Seeds two local states (see seed:scale), a small one and a large one, and
 * runs GC and then cleanup to the end of a full pass through the admin API of
 * a `wrangler dev` worker, one budgeted step per call as the cron does.
 * Prints objects/s for each and the large run's rate as a ratio of the small
 * one's, measured in the same run: a pass that scales keeps the ratio near 1.
 * Checks that GC deleted exactly the orphans and cleanup exactly the legacy objects.
 */
import { parseArgs } from "node:util";
import type { Schemas } from "../lib/api-client.ts";
import { type ScaleSeed, seedScale } from "../lib/scale-seed.ts";
import { printTable, ratio, smokeOption, startWorker } from "./harness.ts";

const { values } = parseArgs({
  options: {
    "small-rows": { type: "string", default: "2000" },
    "small-objects": { type: "string", default: "400" },
    rows: { type: "string", default: "100000" },
    objects: { type: "string", default: "20000" },
    ...smokeOption,
    help: { type: "boolean", short: "h" },
  },
});
if (values.help) {
  console.log("usage: npm run bench:gc [-- --small-rows N --small-objects N --rows N --objects N --smoke]");
  process.exit(0);
}
if (values.smoke) Object.assign(values, { "small-rows": "100", "small-objects": "40", rows: "400", objects: "80" });
const TOKEN = "bench-admin-token";
// The admin API's smallest grace period: blobs seeded a minute ago count as old.
const GRACE_HOURS = 1 / 60;

interface Run {
  label: string;
  seed: ScaleSeed;
  gc: { scanned: number; deleted: number; seconds: number; calls: number };
  cleanup: { scanned: number; deleted: number; seconds: number; calls: number };
}

async function pass(url: string, path: string): Promise<Run["gc"]> {
  const started = performance.now();
  const totals = { scanned: 0, deleted: 0, seconds: 0, calls: 0 };
  for (;;) {
    const res = await fetch(`${url}${path}`, { method: "POST", headers: { Authorization: `Bearer ${TOKEN}` } });
    const body = (await res.json()) as Schemas["GcProgress"];
    if (res.status !== 200) throw new Error(`${path}: ${res.status} ${JSON.stringify(body)}`);
    totals.scanned += body.scanned;
    totals.deleted += body.deleted;
    totals.calls++;
    if (body.done) break;
  }
  totals.seconds = (performance.now() - started) / 1000;
  return totals;
}

async function measure(label: string, rows: number, objects: number): Promise<Run> {
  let seed: ScaleSeed | undefined;
  let seededAt = 0;
  console.log(`${label}: seeding ${rows} rows and ${objects} objects…`);
  const worker = await startWorker("wrangler.toml", 0, { ADMIN_TOKEN: TOKEN, CAS_MIGRATION_DELETE_OLD_OBJECTS: "true" }, async (state) => {
    seed = await seedScale({ persistTo: state, rows, objects });
    seededAt = Date.now();
  });
  try {
    const wait = seededAt + GRACE_HOURS * 3_600_000 + 2_000 - Date.now();
    if (wait > 0) {
      console.log(`${label}: waiting ${Math.ceil(wait / 1000)} s for the seeded blobs to pass the grace period…`);
      await new Promise((r) => setTimeout(r, wait));
    }
    console.log(`${label}: GC pass…`);
    const gc = await pass(worker.url, `/api/admin/gc?dry_run=false&grace_hours=${GRACE_HOURS}`);
    console.log(`${label}: cleanup pass…`);
    const cleanup = await pass(worker.url, "/api/admin/migration/cleanup?dry_run=false");
    return { label, seed: seed!, gc, cleanup };
  } finally {
    await worker.stop();
  }
}

const measureSmall = () => measure("small", Number(values["small-rows"]), Number(values["small-objects"]));
const measureLarge = () => measure("large", Number(values.rows), Number(values.objects));
// One at a time, so neither run slows the other; a smoke run waits out the minute of grace for both at once.
const [small, large] = values.smoke ? await Promise.all([measureSmall(), measureLarge()]) : [await measureSmall(), await measureLarge()];
const rate = (p: Run["gc"]) => p.scanned / p.seconds;
console.log("");
printTable([
  ["pass", "rows", "objects scanned", "deleted", "calls", "seconds", "objects/s", "vs small"],
  ...[small, large].flatMap(
    (r): Array<[string, ...string[]]> => [
      [
        `GC (${r.label})`,
        String(r.seed.rows),
        String(r.gc.scanned),
        String(r.gc.deleted),
        String(r.gc.calls),
        r.gc.seconds.toFixed(1),
        rate(r.gc).toFixed(0),
        ratio(rate(r.gc), rate(small.gc)),
      ],
      [
        `cleanup (${r.label})`,
        String(r.seed.rows),
        String(r.cleanup.scanned),
        String(r.cleanup.deleted),
        String(r.cleanup.calls),
        r.cleanup.seconds.toFixed(1),
        rate(r.cleanup).toFixed(0),
        ratio(rate(r.cleanup), rate(small.cleanup)),
      ],
    ],
  ),
]);
let ok = true;
for (const r of [small, large]) {
  const gcOk = r.gc.deleted === r.seed.orphans && r.gc.scanned === r.seed.blobs;
  const cleanupOk = r.cleanup.deleted === r.seed.legacy;
  console.log(
    `${r.label}: GC deleted ${r.gc.deleted} of ${r.seed.orphans} orphans, cleanup deleted ${r.cleanup.deleted} of ${r.seed.legacy} legacy objects: ${gcOk && cleanupOk ? "ok" : "MISMATCH"}`,
  );
  ok &&= gcOk && cleanupOk;
}
if (!ok) process.exitCode = 1;
