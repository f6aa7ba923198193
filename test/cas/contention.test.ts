import { env, SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { putRequest, randomBytes, sha256 } from "../support/blobs";

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
    const [wrong, right] = await Promise.all([SELF.fetch(putRequest(hash, randomBytes(50_000))), SELF.fetch(putRequest(hash, bytes))]);
    expect(wrong.status).toBe(400);
    expect(right.status).toBe(201);
    await wrong.arrayBuffer();
    await right.arrayBuffer();
  });
});
