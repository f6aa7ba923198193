import { env, SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { ORIGIN, randomBytes, storeBytes } from "../support/blobs";
import { capturingConsole, throwingDataset } from "../support/ops";
import { fetchWith } from "../support/worker";

describe("a broken metrics binding", () => {
  it("never fails the request it counts", async () => {
    const bytes = randomBytes(500);
    const hash = await storeBytes(bytes);

    const { result: res, errors } = await capturingConsole(() => fetchWith(new Request(`${ORIGIN}/api/cas/${hash}`), { METRICS: throwingDataset }));

    expect(res.status).toBe(200);
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(bytes);
    expect(errors).toEqual([expect.objectContaining({ event: "metrics_write_failed", message: "dataset unavailable" })]);
  });

  it("never fails an error response either", async () => {
    const { result: res } = await capturingConsole(() => fetchWith(new Request(`${ORIGIN}/api/cas/nothex`), { METRICS: throwingDataset }));
    expect(res.status).toBe(400);
    expect(res.headers.get("Content-Type")).toBe("application/problem+json");
  });

  it("is the binding wrangler.toml declares, and it accepts points locally", async () => {
    expect(typeof env.METRICS.writeDataPoint).toBe("function");
    expect(() => env.METRICS.writeDataPoint({ indexes: ["test"], blobs: ["request"], doubles: [1] })).not.toThrow();
    const res = await SELF.fetch(`${ORIGIN}/health`);
    expect(res.status).toBe(200);
  });
});
