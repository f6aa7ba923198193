/**
 * npm run bench:migrate [-- --count 2000 --smoke]
 *
 * Seeds the same legacy population (mixed sizes, 10 % duplicate contents,
 * one missing object) into cas-edge and into a baseline worker, then
 * measures end-to-end migrated objects/s through the admin API against a
 * raw loop that only copies the objects R2 → R2 (target ≥ 0.5×), and
 * checks migrated + failed = legacy rows.
 */
import { parseArgs } from "node:util";
import type { Schemas } from "../lib/api-client.ts";
import { seedLegacy } from "../lib/legacy-seed.ts";
import { printTable, smokeOption, startWorker } from "./harness.ts";

const { values } = parseArgs({ options: { count: { type: "string", default: "2000" }, ...smokeOption, help: { type: "boolean", short: "h" } } });
if (values.help) {
  console.log("usage: npm run bench:migrate [-- --count N --smoke]");
  process.exit(0);
}
if (values.smoke) Object.assign(values, { count: "20" });
const count = Number(values.count);
const TOKEN = "bench-admin-token";
const seed = (configPath: string) => async (state: string) => {
  console.log(`seeding ${count} legacy objects for ${configPath}…`);
  await seedLegacy({ persistTo: state, configPath, count, duplicateShare: 0.1, missing: 1 });
};

// One worker at a time: seeding through wrangler's platform proxy restarts a wrangler dev running beside it.
const baseline = await startWorker("scripts/bench/baseline.wrangler.toml", 0, {}, seed("scripts/bench/baseline.wrangler.toml"));
let copied = 0;
let copySeconds: number;
try {
  console.log("measuring: raw R2 → R2 copy…");
  let cursor: string | null = null;
  const copyStart = performance.now();
  do {
    const page = (await (await fetch(`${baseline.url}/copy${cursor ? `?cursor=${encodeURIComponent(cursor)}` : ""}`, { method: "POST" })).json()) as {
      copied: number;
      cursor: string | null;
    };
    copied += page.copied;
    cursor = page.cursor;
  } while (cursor);
  copySeconds = (performance.now() - copyStart) / 1000;
} finally {
  await baseline.stop();
}

const cas = await startWorker("wrangler.toml", 0, { ADMIN_TOKEN: TOKEN }, seed("wrangler.toml"));
try {
  console.log("measuring: migration through the admin API…");
  const headers = { Authorization: `Bearer ${TOKEN}` };
  const migrateStart = performance.now();
  let status: Schemas["MigrationStatus"];
  for (;;) {
    const res = await fetch(`${cas.url}/api/admin/migration/run?batch_size=1000`, { method: "POST", headers });
    const body = (await res.json()) as Schemas["MigrationRun"];
    if (res.status !== 200) throw new Error(`run: ${res.status} ${JSON.stringify(body)}`);
    status = body.status;
    if (body.stoppedBy === "error" || body.stoppedBy === "fenced") throw new Error(`batch stopped: ${body.error}`);
    if (status.pending === 0) break;
  }
  const migrateSeconds = (performance.now() - migrateStart) / 1000;

  const rawRate = copied / copySeconds;
  const migrateRate = (status.migrated + status.failed) / migrateSeconds;
  console.log("");
  printTable([
    ["path", "objects", "seconds", "objects/s", "vs raw copy"],
    ["raw R2 → R2 copy (baseline)", String(copied), copySeconds.toFixed(1), rawRate.toFixed(0), "1.00×"],
    [
      "legacy → CAS migration",
      String(status.migrated + status.failed),
      migrateSeconds.toFixed(1),
      migrateRate.toFixed(0),
      `${(migrateRate / rawRate).toFixed(2)}×`,
    ],
  ]);
  const ok = status.migrated + status.failed === status.total_legacy && status.total_legacy === count;
  console.log(
    `\ncount check: migrated ${status.migrated} + failed ${status.failed} = ${status.migrated + status.failed}; legacy rows ${status.total_legacy} (seeded ${count}): ${ok ? "ok" : "MISMATCH"}`,
  );
  if (!ok) process.exitCode = 1;
} finally {
  await cas.stop();
}
