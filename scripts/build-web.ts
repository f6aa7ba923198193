/**
 * Builds the page's browser files into src/web/assets, the folder Workers
 * Static Assets serves (wrangler.toml [assets]):
 *   build/   the page's TypeScript (src/web/client) bundled and minified by
 *            esbuild; hash-wasm's SHA-256 is split into its own chunk, loaded
 *            only when a file too large for WebCrypto is hashed
 *   vendor/  Swagger UI's standalone bundle from npm, for /api/docs (no CDN)
 * Run by wrangler before every `wrangler dev` and `wrangler deploy` ([build]
 * in wrangler.toml), and by vitest.config.ts before the tests.
 *
 *   npx tsx scripts/build-web.ts [--sizes]
 */
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
export const ASSETS = join(root, "src/web/assets");
const SWAGGER_UI = ["swagger-ui-bundle.js", "swagger-ui.css", "LICENSE"];

export async function buildWeb(): Promise<void> {
  const out = join(ASSETS, "build");
  rmSync(out, { recursive: true, force: true });
  const { metafile } = await build({
    entryPoints: { app: join(root, "src/web/client/main.ts"), "api-docs": join(root, "src/web/client/api-docs.ts") },
    outdir: out,
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
  const vendor = join(ASSETS, "vendor/swagger-ui");
  mkdirSync(vendor, { recursive: true });
  for (const file of SWAGGER_UI) copyFileSync(join(root, "node_modules/swagger-ui-dist", file), join(vendor, file));
}

/** Bytes of each built file, raw and gzipped (what a browser downloads when the server compresses). */
export function builtSizes(): Array<{ file: string; bytes: number; gzip: number }> {
  const files = ["app.css", ...readdirSync(join(ASSETS, "build")).map((f) => `build/${f}`)];
  return files.map((file) => {
    const bytes = readFileSync(join(ASSETS, file));
    return { file, bytes: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await buildWeb();
  if (process.argv.includes("--sizes")) console.table(builtSizes());
}
