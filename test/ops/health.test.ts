import { SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { ORIGIN } from "../support/blobs";
import { fetchWith, recordingBucket } from "../support/worker";

describe("GET /health", () => {
  it("answers 200 without a token and is never cached", async () => {
    const res = await SELF.fetch(`${ORIGIN}/health`);
    expect(res.status).toBe(200);
    expect(res.headers.get("Cache-Control")).toBe("no-store");
    expect(await res.json()).toEqual({ status: "ok" });
  });

  it("does no I/O: not even R2 is touched", async () => {
    const { bucket, calls } = recordingBucket();
    const res = await fetchWith(new Request(`${ORIGIN}/health`), { BUCKET: bucket });
    expect(res.status).toBe(200);
    expect(calls).toEqual([]);
  });
});

describe("GET /health/ready", () => {
  it("checks D1, R2 and the Durable Object, each with its latency", async () => {
    const { bucket, calls } = recordingBucket();
    const res = await fetchWith(new Request(`${ORIGIN}/health/ready`), { BUCKET: bucket });

    expect(res.status).toBe(200);
    expect(res.headers.get("Cache-Control")).toBe("no-store");
    const body = (await res.json()) as { status: string; checks: Record<string, { ok: boolean; ms: number }> };
    expect(body.status).toBe("ready");
    expect(Object.keys(body.checks).sort()).toEqual(["d1", "durable_object", "r2"]);
    for (const check of Object.values(body.checks)) {
      expect(check.ok).toBe(true);
      expect(check.ms).toBeGreaterThanOrEqual(0);
    }
    expect(calls).toEqual(["head health/ready"]);
  });
});
