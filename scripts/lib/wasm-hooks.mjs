// Node module hooks: `import module from "./x.wasm"` yields a compiled WebAssembly.Module,
// as wrangler and the Workers test pool do, so worker code that imports a .wasm runs in Node.
export async function load(url, context, nextLoad) {
  if (!url.endsWith(".wasm")) return nextLoad(url, context);
  return {
    format: "module",
    shortCircuit: true,
    source: `import { readFileSync } from "node:fs";\nexport default new WebAssembly.Module(readFileSync(new URL(${JSON.stringify(url)})));\n`,
  };
}
