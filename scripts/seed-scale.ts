/**
 * npm run seed:scale -- [--rows 100000] [--objects 20000] [--state .wrangler/state]
 *
 * Fills the local state of `npm start` with many attachment rows and R2
 * objects (blobs, orphans, migrated legacy objects) so cleanup and GC can be
 * tried at scale locally:
 *   npm run seed:scale && npm start   # then POST /api/admin/gc?dry_run=false …
 */
import { parseArgs } from "node:util";
import { quietEnv, run } from "./lib/process.ts";
import { seedScale } from "./lib/scale-seed.ts";

const { values } = parseArgs({
  options: {
    rows: { type: "string", default: "100000" },
    objects: { type: "string", default: "20000" },
    state: { type: "string", default: ".wrangler/state" },
    help: { type: "boolean", short: "h" },
  },
});
if (values.help) {
  console.log("usage: npm run seed:scale -- [--rows N] [--objects N] [--state DIR]");
  process.exit(0);
}
const rows = Number(values.rows);
const objects = Number(values.objects);
if (!Number.isInteger(rows) || rows < 1 || !Number.isInteger(objects) || objects < 4) {
  console.error("--rows must be a positive whole number and --objects at least 4");
  process.exit(2);
}
await run("wrangler", ["d1", "migrations", "apply", "DB", "--local", "--persist-to", values.state!], {
  env: { ...quietEnv, CI: "true" },
  stdio: "ignore",
});
const started = performance.now();
const seeded = await seedScale({
  persistTo: values.state!,
  rows,
  objects,
  onProgress: (what, done, total) => process.stdout.write(`\r${what}: ${done}/${total}   `),
});
console.log(
  `\n${seeded.rows} rows, ${seeded.blobs} blobs (${seeded.orphans} orphans), ${seeded.legacy} legacy objects in ${((performance.now() - started) / 1000).toFixed(0)} s`,
);
