/**
 * The worker's own thumbnail path, callable from Node: probe the header,
 * plan the decode against the image budget, make the thumbnail. The source
 * comes from memory instead of R2 (a whole buffer, or a stream of it in
 * 64 KB chunks, about what an R2 body delivers).
 */
import "../lib/wasm-node.ts";
import type { Plan } from "../../src/images/plan.ts";
import type { Thumbnail } from "../../src/images/thumbnail.ts";

// Dynamic: the JPEG codec's module imports jpeg.wasm, which needs the hook registered above.
const { imageBudget } = await import("../../src/images/budget.ts");
const { planThumbnail } = await import("../../src/images/plan.ts");
const { probeImage } = await import("../../src/images/probe.ts");
const { makeThumbnail } = await import("../../src/images/thumbnail.ts");

export function planFor(bytes: Uint8Array, size: number): Plan {
  const info = probeImage(bytes);
  return planThumbnail(info, bytes.length, size, { images: false, capacity: imageBudget.capacity, available: imageBudget.capacity });
}

export async function workerThumbnail(bytes: Uint8Array, size: number): Promise<Thumbnail & { plan: Plan }> {
  const info = probeImage(bytes);
  const plan = planFor(bytes, size);
  const source = {
    bytes: async () => bytes,
    stream: async () =>
      new ReadableStream<Uint8Array>({
        start(controller) {
          for (let at = 0; at < bytes.length; at += 65536) controller.enqueue(bytes.subarray(at, at + 65536));
          controller.close();
        },
      }),
  };
  return { ...(await makeThumbnail(source, info, size, plan)), plan };
}
