/**
 * Child process of bench:thumb: makes one thumbnail with a fresh photon
 * instance and prints the peak size of its wasm memory (wasm memory only
 * grows, so its size afterwards is the high-water mark of the run).
 *
 *   tsx scripts/bench/thumb-memory.ts <image file> <size>
 */
import { readFileSync } from "node:fs";

let memory: WebAssembly.Memory | undefined;
const Instance = WebAssembly.Instance;
// Catch photon's instance as it is created, to read its memory afterwards.
WebAssembly.Instance = function (module: WebAssembly.Module, imports?: WebAssembly.Imports) {
  const instance = new Instance(module, imports);
  memory ??= instance.exports.memory as WebAssembly.Memory;
  return instance;
} as unknown as typeof WebAssembly.Instance;

const { probeImage } = await import("../../src/images/probe.ts");
const { makeThumbnail } = await import("../../src/images/thumbnail.ts");
const source = new Uint8Array(readFileSync(process.argv[2]!));
const before = memory?.buffer.byteLength ?? 0;
makeThumbnail(source, probeImage(source), Number(process.argv[3]));
console.log(JSON.stringify({ before, peak: memory?.buffer.byteLength ?? 0 }));
