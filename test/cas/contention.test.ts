import { env, SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { putRequest, randomBytes, sha256 } from "../support/blobs";
import { fetchWith } from "../support/worker";

describe("concurrent writers of one blob", () => {
  it("let exactly one PUT create it; the others answer 200", async () => {
    const bytes = randomBytes(200_000);
    const hash = await sha256(bytes);

    const answers = await Promise.all(Array.from({ length: 20 }, () => SELF.fetch(putRequest(hash, bytes))));

    const statuses = answers.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 200)).toHaveLength(19);
    for (const r of answers) await r.arrayBuffer();
    expect((await env.BUCKET.head(`cas/${hash}`))?.size).toBe(bytes.length);
  });

  it("let a writer with the right bytes win after one with wrong bytes failed", async () => {
    const bytes = randomBytes(50_000);
    const hash = await sha256(bytes);
    // The right writer starts once the wrong one's put has begun, so it waits on that write (had it
    // started first, the wrong writer would find the blob stored and answer 200 for a body it dropped).
    let putStarted!: () => void;
    const started = new Promise<void>((resolve) => {
      putStarted = resolve;
    });
    const bucket = new Proxy(env.BUCKET, {
      get(target, prop) {
        const value = Reflect.get(target, prop, target);
        if (typeof value !== "function") return value;
        return (...args: unknown[]) => {
          if (prop === "put") putStarted();
          return value.apply(target, args);
        };
      },
    });
    const wrong = fetchWith(putRequest(hash, randomBytes(50_000)), { BUCKET: bucket });
    await started;
    const right = fetchWith(putRequest(hash, bytes));
    expect((await wrong).status).toBe(400);
    expect((await right).status).toBe(201);
    const stored = await env.BUCKET.get(`cas/${hash}`);
    expect(new Uint8Array(await stored!.arrayBuffer())).toEqual(bytes);
  });
});
