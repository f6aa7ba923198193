/**
 * Checks that each committed .wasm is the file its manifest describes
 * (npm run build:wasm rebuilds them all), then bundles the worker exactly as
 * `wrangler deploy` would, into a temporary folder, without uploading.
 */
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { run } from "./lib/process.ts";

for (const dir of ["jpeg", "png"]) {
  const codecDir = new URL(`../src/images/${dir}/`, import.meta.url);
  const manifest = JSON.parse(readFileSync(new URL("manifest.json", codecDir), "utf8")) as { file: string; sha256: string; size: number };
  const wasm = readFileSync(new URL(manifest.file, codecDir));
  const sha256 = createHash("sha256").update(wasm).digest("hex");
  if (sha256 !== manifest.sha256 || wasm.length !== manifest.size) {
    console.error(
      `src/images/${dir}/${manifest.file} is ${wasm.length} bytes, sha256 ${sha256}; its manifest.json says ${manifest.size} bytes, ${manifest.sha256}.`,
    );
    console.error("Rebuild them with `npm run build:wasm`.");
    process.exit(1);
  }
}

const outdir = mkdtempSync(join(tmpdir(), "cas-edge-build-"));
try {
  await run("wrangler", ["deploy", "--dry-run", "--outdir", outdir]);
} finally {
  rmSync(outdir, { recursive: true, force: true });
}
