/**
 * npm run migrate -- [--url http://127.0.0.1:8787] [--dry-run] [--cleanup] [--batch-size 200]
 *
 * Drives the legacy-to-CAS migration of a running cas-edge (the local one
 * from `npm start`, or a deployed one with --url) through its admin API,
 * one batch after another, with a progress line, until nothing is pending.
 * The token comes from $ADMIN_TOKEN (locally, from .dev.vars).
 * Exit codes: 0 done, 1 rows failed or a batch stopped on an error, 2 usage or connection error.
 */
import { parseArgs } from "node:util";
import { adminToken } from "./lib/local-token.ts";

const { values } = parseArgs({
  options: {
    url: { type: "string", default: "http://127.0.0.1:8787" },
    "dry-run": { type: "boolean", default: false },
    cleanup: { type: "boolean", default: false },
    "batch-size": { type: "string", default: "200" },
    help: { type: "boolean", short: "h" },
  },
});
if (values.help) {
  console.log(`usage: npm run migrate -- [--url URL] [--dry-run] [--cleanup] [--batch-size N]

  --url         the worker (default http://127.0.0.1:8787, the one \`npm start\` runs)
  --dry-run     report what one batch would do and change nothing
  --cleanup     when every row is migrated, delete the legacy objects
                (the worker must have CAS_MIGRATION_DELETE_OLD_OBJECTS=true)
  --batch-size  rows per batch (default 200)

The admin token is read from $ADMIN_TOKEN, else from .dev.vars.`);
  process.exit(0);
}

const token = adminToken();
const base = values.url!.replace(/\/$/, "");

interface Status {
  total_legacy: number;
  migrated: number;
  pending: number;
  failed: number;
  done: boolean;
  failures: Array<{ attachment_id: number; error: string }>;
}
interface Run {
  migrated: number[];
  failed: Array<{ id: number; error: string }>;
  wouldMigrate: number[];
  stoppedBy: string;
  error: string | null;
  status: Status;
}

async function call<T>(method: string, path: string): Promise<{ status: number; body: T }> {
  let res: Response;
  try {
    res = await fetch(`${base}${path}`, { method, headers: { Authorization: `Bearer ${token}` } });
  } catch (err) {
    console.error(`cannot reach ${base}: ${(err as Error).message}`);
    process.exit(2);
  }
  const body = (await res.json()) as T;
  if (res.status >= 400 && res.status !== 409) {
    console.error(`${method} ${path}: ${res.status} ${JSON.stringify(body)}`);
    process.exit(res.status === 401 ? 2 : 1);
  }
  return { status: res.status, body };
}

function progress(s: Status, rate: number): string {
  const width = 30;
  const filled = s.total_legacy === 0 ? width : Math.round((s.migrated / s.total_legacy) * width);
  return `[${"#".repeat(filled)}${".".repeat(width - filled)}] migrated ${s.migrated}/${s.total_legacy}  pending ${s.pending}  failed ${s.failed}  ${rate.toFixed(1)} rows/s`;
}

const batchSize = Number(values["batch-size"]);
if (values["dry-run"]) {
  const { body } = await call<Run>("POST", `/api/admin/migration/run?dry_run=1&batch_size=${batchSize}`);
  console.log(`dry run: would migrate ${body.wouldMigrate.length} rows in this batch, ${body.failed.length} would fail (missing objects)`);
  for (const f of body.failed) console.log(`  attachment ${f.id}: ${f.error}`);
  console.log(progress(body.status, 0));
  process.exit(0);
}

const started = Date.now();
let status = (await call<Status>("GET", "/api/admin/migration")).body;
const startMigrated = status.migrated;
console.log(progress(status, 0));
while (status.pending > 0) {
  const { status: http, body } = await call<Run>("POST", `/api/admin/migration/run?batch_size=${batchSize}`);
  if (http === 409) {
    process.stdout.write("\rlease held by another run (probably the cron); waiting…");
    await new Promise((r) => setTimeout(r, 2000));
    status = (await call<Status>("GET", "/api/admin/migration")).body;
    continue;
  }
  status = body.status;
  const rate = (status.migrated - startMigrated) / ((Date.now() - started) / 1000);
  process.stdout.write(`\r${progress(status, rate)}`);
  if (body.stoppedBy === "error" || body.stoppedBy === "fenced") {
    console.error(`\nbatch stopped (${body.stoppedBy}): ${body.error}`);
    process.exit(1);
  }
}
console.log("");
if (status.failed > 0) {
  console.error(`${status.failed} rows failed:`);
  for (const f of status.failures) console.error(`  attachment ${f.attachment_id}: ${f.error}`);
  process.exit(1);
}
console.log("migration done: every legacy row points at cas/<sha256>");
if (values.cleanup) {
  // One budgeted step per call, resuming from the cursor the worker keeps, until the pass is done.
  let deleted = 0;
  let unreferenced = 0;
  for (;;) {
    const { body } = await call<{ blocked_by: string | null; deleted: number; kept_unreferenced: number; done: boolean }>(
      "POST",
      "/api/admin/migration/cleanup?dry_run=0",
    );
    if (body.blocked_by) {
      console.error(`cleanup refused: ${body.blocked_by}`);
      process.exit(1);
    }
    deleted += body.deleted;
    unreferenced += body.kept_unreferenced;
    process.stdout.write(`\rcleanup: deleted ${deleted} legacy objects…`);
    if (body.done) break;
  }
  console.log(`\rcleanup: deleted ${deleted} legacy objects; kept ${unreferenced} that no row names`);
}
