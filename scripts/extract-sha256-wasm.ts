/**
 * Writes src/uploads/sha256.wasm: the SHA-256 WebAssembly build that ships
 * inside hash-wasm (the version pinned in package.json), as a file.
 *
 * Workers refuse to compile WebAssembly from bytes at run time ("Wasm code
 * generation disallowed by embedder"), which is what hash-wasm does with
 * its embedded base64. A .wasm file imported as a module is compiled at
 * deploy time instead, so the same binary is committed beside its loader.
 * Running this again reproduces the committed file bit for bit.
 *
 *   npx tsx scripts/extract-sha256-wasm.ts [--check]
 */
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";

const { values } = parseArgs({ options: { check: { type: "boolean" }, help: { type: "boolean", short: "h" } } });
if (values.help) {
  console.log(
    "usage: npx tsx scripts/extract-sha256-wasm.ts [--check]\nExtracts hash-wasm's SHA-256 binary to src/uploads/sha256.wasm (--check: only compare).",
  );
  process.exit(0);
}

const pkg = new URL("../node_modules/hash-wasm/", import.meta.url);
const version = JSON.parse(readFileSync(new URL("package.json", pkg), "utf8")).version as string;
const bundle = readFileSync(new URL("dist/index.esm.js", pkg), "utf8");
// The bundle declares each binary as `var name$x = "sha256"; var data$x = "<base64>"; var hash$x = "<hex>";`.
const match = /var name(\$\w+) = "sha256";\s*var data\1 = "([A-Za-z0-9+/=]+)";\s*var hash\1 = "([0-9a-f]+)";/.exec(bundle);
if (!match) {
  console.error(`hash-wasm ${version}: the sha256 binary was not found in dist/index.esm.js`);
  process.exit(1);
}
const wasm = Buffer.from(match[2]!, "base64");
const target = new URL("../src/uploads/sha256.wasm", import.meta.url);
const sha1 = createHash("sha1").update(wasm).digest("hex");
// hash-wasm names each binary by the first 8 hex digits of its SHA-1; it prefixes saved states with them.
if (!sha1.startsWith(match[3]!)) {
  console.error(`hash-wasm ${version}: binary SHA-1 ${sha1} does not start with its declared ${match[3]}`);
  process.exit(1);
}
if (values.check) {
  const same = readFileSync(target).equals(wasm);
  console.log(same ? `src/uploads/sha256.wasm matches hash-wasm ${version} (${match[3]})` : "src/uploads/sha256.wasm differs");
  process.exit(same ? 0 : 1);
}
writeFileSync(target, wasm);
console.log(`wrote src/uploads/sha256.wasm (${wasm.length} bytes) from hash-wasm ${version}, id ${match[3]}`);
