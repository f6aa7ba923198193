/** Bundles the worker exactly as `wrangler deploy` would, into a temporary folder, without uploading. */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { run } from "./lib/process.ts";

const outdir = mkdtempSync(join(tmpdir(), "cas-edge-build-"));
try {
  await run("wrangler", ["deploy", "--dry-run", "--outdir", outdir]);
} finally {
  rmSync(outdir, { recursive: true, force: true });
}
