/**
 * Builds the page's browser files into src/web/assets, the folder Workers
 * Static Assets serves (wrangler.toml [assets]):
 *   build/   the page's TypeScript (src/web/client) bundled and minified by
 *            esbuild; hash-wasm's SHA-256 is split into its own chunk, loaded
 *            only when a file too large for WebCrypto is hashed, and so is
 *            the resumable-upload code, loaded when a big file is chosen;
 *            hash-worker.js is the module worker that hashes big files
 *   vendor/  Swagger UI's standalone bundle from npm, for /api/docs (no CDN)
 * Run by wrangler before every `wrangler dev` and `wrangler deploy` ([build]
 * in wrangler.toml), and by vitest.config.ts before the tests.
 *
 *   npx tsx scripts/build-web.ts [--sizes]   (--sizes: each file's bytes, and the first load's)
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build, type Metafile } from "esbuild";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
export const ASSETS = join(root, "src/web/assets");
const SWAGGER_UI = ["swagger-ui-bundle.js", "swagger-ui.css", "LICENSE"];

/**
 * Several `wrangler dev` may build at once (the e2e, browser and bench tests
 * each start their own) while others already serve the folder: a build never
 * empties it. It bundles into a scratch folder next to it, then moves in only
 * the files that changed, each by a rename (a reader sees the old file or the
 * new one, never a half-written one), and removes only files the new build no
 * longer has. Chunk names carry their content's hash, so two builds of the
 * same source agree and a second build changes nothing.
 */
export async function buildWeb(): Promise<FirstLoad> {
  const out = join(ASSETS, "build");
  const scratch = mkdtempSync(join(root, "src/web/.building-"));
  try {
    const { metafile } = await build({
      entryPoints: {
        app: join(root, "src/web/client/main.ts"),
        "api-docs": join(root, "src/web/client/api-docs.ts"),
        // Its own entry: the page starts it by URL (new Worker), next to the chunk that does.
        "hash-worker": join(root, "src/web/client/hash-worker.ts"),
      },
      outdir: scratch,
      bundle: true,
      splitting: true,
      format: "esm",
      target: "es2022",
      minify: true,
      legalComments: "none",
      chunkNames: "chunk-[hash]",
      logLevel: "warning",
      metafile: true,
      absWorkingDir: root,
    });
    // The page may take types from the worker's code (erased here), never the code itself.
    const workerCode = Object.keys(metafile.inputs).filter((input) => input.startsWith("src/") && !input.startsWith("src/web/client/"));
    if (workerCode.length > 0) throw new Error(`src/web/client bundles worker code: ${workerCode.join(", ")}; import only types from it`);
    const built = readdirSync(scratch);
    mkdirSync(out, { recursive: true });
    for (const file of built) replaceIfChanged(join(out, file), readFileSync(join(scratch, file)), scratch);
    for (const file of readdirSync(out)) if (!built.includes(file)) rmSync(join(out, file), { force: true });
    const vendor = join(ASSETS, "vendor/swagger-ui");
    mkdirSync(vendor, { recursive: true });
    for (const file of SWAGGER_UI) replaceIfChanged(join(vendor, file), readFileSync(join(root, "node_modules/swagger-ui-dist", file)), scratch);
    return firstLoadOf(metafile);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/**
 * What the parts list makes a browser fetch before it can draw: app.css,
 * app.js and every chunk app.js imports statically, through each other; a
 * dynamic import() (the console's sections, hash-wasm) is fetched only when
 * the code that needs it runs. `inputs` are the source files those chunks hold.
 */
export interface FirstLoad {
  files: string[];
  inputs: string[];
  /** Every source file in the build, first load or not. */
  allInputs: string[];
}

function firstLoadOf(metafile: Metafile): FirstLoad {
  const outputs = metafile.outputs;
  const entry = Object.keys(outputs).find((out) => outputs[out]!.entryPoint === "src/web/client/main.ts");
  if (!entry) throw new Error("The build has no output for src/web/client/main.ts");
  const seen = new Set<string>();
  const visit = (out: string) => {
    if (seen.has(out)) return;
    seen.add(out);
    for (const imported of outputs[out]?.imports ?? []) if (imported.kind === "import-statement") visit(imported.path);
  };
  visit(entry);
  return {
    files: ["app.css", ...[...seen].map((out) => `build/${basename(out)}`)],
    inputs: [...new Set([...seen].flatMap((out) => Object.keys(outputs[out]!.inputs)))].sort(),
    allInputs: Object.keys(metafile.inputs).sort(),
  };
}

/** Writes `bytes` to `target` by a rename from the scratch folder (same file system), unless it already holds them. */
function replaceIfChanged(target: string, bytes: Buffer, scratch: string): void {
  if (existsSync(target) && readFileSync(target).equals(bytes)) return;
  const staged = join(scratch, `.next-${target.split("/").pop()}`);
  writeFileSync(staged, bytes);
  renameSync(staged, target);
}

/** Bytes of each built file, raw and gzipped (what a browser downloads when the server compresses). */
export function builtSizes(): Array<{ file: string; bytes: number; gzip: number }> {
  const files = ["app.css", ...readdirSync(join(ASSETS, "build")).map((f) => `build/${f}`)];
  return files.map((file) => {
    const bytes = readFileSync(join(ASSETS, file));
    return { file, bytes: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  });
}

/** The first load's files and their gzipped bytes in all (the page's budget: under 50 KB). */
export function firstLoadGzip(firstLoad: FirstLoad): number {
  const sizes = builtSizes();
  return firstLoad.files.reduce((sum, file) => sum + (sizes.find((s) => s.file === file)?.gzip ?? 0), 0);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const firstLoad = await buildWeb();
  if (process.argv.includes("--sizes")) {
    console.table(builtSizes());
    console.log(`first load of the parts list: ${firstLoad.files.join(" + ")} = ${firstLoadGzip(firstLoad)} bytes gzipped`);
  }
}
