/**
 * Child process of bench:thumb: makes one thumbnail with fresh wasm
 * instances and prints the peak size of their memories (wasm memory only
 * grows, so its size afterwards is the high-water mark of the run) and the
 * peak the plan reserved for it.
 *
 *   tsx scripts/bench/thumb-memory.ts <image file> <size>
 */
import { readFileSync } from "node:fs";

const memories: WebAssembly.Memory[] = [];
// Catch each wasm instance as it is created (photon, the JPEG codec), to read its memory afterwards.
// A Proxy keeps `WebAssembly.Instance` a constructor: photon's Node entry calls it with `new`.
WebAssembly.Instance = new Proxy(WebAssembly.Instance, {
  construct(target, args: [WebAssembly.Module, WebAssembly.Imports?]) {
    const instance = Reflect.construct(target, args) as WebAssembly.Instance;
    const memory =
      Object.values(instance.exports).find((e) => e instanceof WebAssembly.Memory) ??
      Object.values(args[1] ?? {})
        .flatMap((ns) => Object.values(ns))
        .find((e) => e instanceof WebAssembly.Memory);
    if (memory) memories.push(memory as WebAssembly.Memory);
    return instance;
  },
});
const instantiate = WebAssembly.instantiate;
WebAssembly.instantiate = (async (source: BufferSource | WebAssembly.Module, imports?: WebAssembly.Imports) => {
  const result = await instantiate(source as BufferSource, imports);
  const instance = "instance" in result ? result.instance : (result as WebAssembly.Instance);
  const memory = Object.values(instance.exports).find((e) => e instanceof WebAssembly.Memory);
  if (memory) memories.push(memory as WebAssembly.Memory);
  return result;
}) as typeof WebAssembly.instantiate;

const { workerThumbnail } = await import("./thumb-run.ts");
const source = new Uint8Array(readFileSync(process.argv[2]!));
try {
  const made = await workerThumbnail(source, Number(process.argv[3]));
  const peak = memories.reduce((sum, m) => sum + m.buffer.byteLength, 0);
  console.log(JSON.stringify({ peak, planned: made.plan.peakBytes, path: made.plan.path, instances: memories.map((m) => m.buffer.byteLength) }));
} catch (err) {
  console.log(JSON.stringify({ error: String((err as Error).message ?? err) }));
}
