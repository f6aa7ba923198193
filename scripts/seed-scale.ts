/**
 * npm run seed:scale -- --parts 1000000 --attachments 3000000 [--state .wrangler/state]
 * npm run seed:scale -- [--rows 100000] [--objects 20000] [--state .wrangler/state]
 *
 * With --parts/--attachments: grows the local state of `npm start` to that
 * many parts and attachments of a made-up electronics inventory
 * (scripts/lib/scale-catalog.ts), adding to what is there, so the same state
 * can go 10 000 → 100 000 → 1 000 000 parts; no blobs are written.
 *   npm run seed:scale -- --parts 100000 --attachments 300000 && npm start
 *
 * With --rows/--objects: many attachment rows and R2 objects (blobs, orphans,
 * migrated legacy objects) so cleanup and GC can be tried at scale locally:
 *   npm run seed:scale && npm start   # then POST /api/admin/gc?dry_run=false …
 */
import { parseArgs } from "node:util";
import { quietEnv, run } from "./lib/process.ts";
import { growCatalog, seedScale } from "./lib/scale-seed.ts";

const { values } = parseArgs({
  options: {
    parts: { type: "string" },
    attachments: { type: "string" },
    rows: { type: "string", default: "100000" },
    objects: { type: "string", default: "20000" },
    state: { type: "string", default: ".wrangler/state" },
    help: { type: "boolean", short: "h" },
  },
});
if (values.help) {
  console.log("usage: npm run seed:scale -- --parts N [--attachments N] [--state DIR]");
  console.log("       npm run seed:scale -- [--rows N] [--objects N] [--state DIR]");
  process.exit(0);
}
const whole = (text: string | undefined, min: number) => {
  const n = Number(text);
  return Number.isInteger(n) && n >= min ? n : undefined;
};
const catalog = values.parts !== undefined || values.attachments !== undefined;
const parts = whole(values.parts, 1);
const attachments = values.attachments === undefined ? (parts ?? 0) * 3 : whole(values.attachments, 0);
const rows = whole(values.rows, 1);
const objects = whole(values.objects, 4);
if (catalog && (parts === undefined || attachments === undefined)) {
  console.error("--parts must be a positive whole number and --attachments (default: 3 per part) a whole number");
  process.exit(2);
}
if (!catalog && (rows === undefined || objects === undefined)) {
  console.error("--rows must be a positive whole number and --objects at least 4");
  process.exit(2);
}
await run("wrangler", ["d1", "migrations", "apply", "DB", "--local", "--persist-to", values.state!], {
  env: { ...quietEnv, CI: "true" },
  stdio: "ignore",
});
const started = performance.now();
const elapsed = () => (performance.now() - started) / 1000;
if (catalog) {
  const grown = await growCatalog({
    persistTo: values.state!,
    parts: parts!,
    attachments: attachments!,
    onProgress: (done) =>
      process.stdout.write(`\rparts ${done.parts}/${parts}, attachments ${done.attachments}/${attachments} (${elapsed().toFixed(0)} s)   `),
  });
  const rate = (grown.addedParts + grown.addedAttachments) / Math.max(grown.seconds, 0.001);
  console.log(
    `\n${grown.parts} parts, ${grown.attachments} attachments (${grown.addedParts} and ${grown.addedAttachments} added) in ${grown.seconds.toFixed(0)} s, ${rate.toFixed(0)} rows/s`,
  );
} else {
  const seeded = await seedScale({
    persistTo: values.state!,
    rows: rows!,
    objects: objects!,
    onProgress: (what, done, total) => process.stdout.write(`\r${what}: ${done}/${total}   `),
  });
  console.log(
    `\n${seeded.rows} rows, ${seeded.blobs} blobs (${seeded.orphans} orphans), ${seeded.legacy} legacy objects in ${elapsed().toFixed(0)} s`,
  );
}
