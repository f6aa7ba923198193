import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { ORIGIN } from "../support/blobs";
import { capturingConsole } from "../support/ops";
import { fetchWith, wrapDb } from "../support/worker";

/** A D1 binding whose every query fails, as during a D1 outage. */
const failingDb = wrapDb(env.DB, {
  get(target, prop, receiver) {
    if (prop === "prepare") {
      return () => {
        throw new Error("D1_ERROR: internal error; reference = secret-ref-123");
      };
    }
    return Reflect.get(target, prop, receiver);
  },
});

/** An R2 binding whose HEAD rejects. */
const failingBucket = new Proxy(env.BUCKET, {
  get(target, prop, receiver) {
    if (prop === "head") return () => Promise.reject(new Error("R2 unavailable"));
    return Reflect.get(target, prop, receiver);
  },
});

/** A Durable Object namespace whose stub's RPC rejects. */
const failingLock = {
  idFromName: (name: string) => env.MIGRATION_LOCK.idFromName(name),
  get: () => ({ ping: () => Promise.reject(new Error("Durable Object reset")) }),
} as unknown as Env["MIGRATION_LOCK"];

type Problem = { type: string; status: number; detail: string; checks: Record<string, { ok: boolean; ms: number; error?: string }> };

async function ready(overrides: Partial<Env>) {
  const { result: res, errors } = await capturingConsole(() => fetchWith(new Request(`${ORIGIN}/health/ready`), overrides));
  return { res, body: (await res.json()) as Problem, errors };
}

describe("GET /health/ready with a failing dependency", () => {
  it("answers 503 naming D1 when D1 fails, and keeps the cause out of the body", async () => {
    const { res, body, errors } = await ready({ DB: failingDb });

    expect(res.status).toBe(503);
    expect(res.headers.get("Content-Type")).toBe("application/problem+json");
    expect(res.headers.get("Cache-Control")).toBe("no-store");
    expect(res.headers.get("X-Request-Id")).toBeTruthy();
    expect(body).toMatchObject({ type: "urn:cas-edge:problem:not-ready", status: 503, detail: "Failing: d1." });
    expect(body.checks.d1).toMatchObject({ ok: false, error: "unavailable" });
    expect(body.checks.r2?.ok).toBe(true);
    expect(body.checks.durable_object?.ok).toBe(true);
    expect(JSON.stringify(body)).not.toContain("secret-ref-123");
    expect(errors).toEqual(expect.arrayContaining([expect.objectContaining({ event: "readiness_check_failed", check: "d1" })]));
  });

  it("answers 503 naming R2 when R2 fails", async () => {
    const { res, body } = await ready({ BUCKET: failingBucket });
    expect(res.status).toBe(503);
    expect(body.detail).toBe("Failing: r2.");
    expect(body.checks.r2).toMatchObject({ ok: false, error: "unavailable" });
  });

  it("answers 503 naming the Durable Object when its RPC fails", async () => {
    const { res, body } = await ready({ MIGRATION_LOCK: failingLock });
    expect(res.status).toBe(503);
    expect(body.detail).toBe("Failing: durable_object.");
  });

  it("names every failing dependency at once", async () => {
    const { res, body } = await ready({ DB: failingDb, BUCKET: failingBucket });
    expect(res.status).toBe(503);
    expect(body.detail).toBe("Failing: d1, r2.");
  });

  it("is never cached: a failing answer is not served again once the dependency is back", async () => {
    const first = await ready({ DB: failingDb });
    const second = await fetchWith(new Request(`${ORIGIN}/health/ready`));
    expect([first.res.status, second.status]).toEqual([503, 200]);
  });
});
