/**
 * npm run seed:legacy -- [--count 200] [--state .wrangler/state]
 *
 * Fills the local state of `npm start` with legacy (pre-CAS) attachment
 * rows and objects: mixed sizes, about 10 % duplicate contents and one row
 * whose object is missing, so the migration can be tried locally:
 *   npm run seed:legacy -- --count 200 && npm run migrate
 */
import { parseArgs } from "node:util";
import { seedLegacy } from "./lib/legacy-seed.ts";
import { run } from "./lib/process.ts";

const { values } = parseArgs({
  options: {
    count: { type: "string", default: "200" },
    state: { type: "string", default: ".wrangler/state" },
    help: { type: "boolean", short: "h" },
  },
});
if (values.help) {
  console.log("usage: npm run seed:legacy -- [--count N] [--state DIR]");
  process.exit(0);
}
const count = Number(values.count);
if (!Number.isInteger(count) || count < 1) {
  console.error("--count must be a positive whole number");
  process.exit(2);
}
await run("wrangler", ["d1", "migrations", "apply", "DB", "--local", "--persist-to", values.state!], {
  env: { ...process.env, WRANGLER_SEND_METRICS: "false", CI: "true" },
  stdio: "ignore",
});
const result = await seedLegacy({
  persistTo: values.state!,
  count,
  duplicateShare: 0.1,
  missing: 1,
  onProgress: (done) => {
    if (done % 50 === 0 || done === count) process.stdout.write(`\rseeded ${done}/${count}`);
  },
});
console.log(`\n${result.rows} legacy rows (${(result.bytes / 1e6).toFixed(1)} MB of objects, ${result.missing} with its object missing)`);
