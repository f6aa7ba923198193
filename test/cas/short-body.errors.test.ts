import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { EMPTY_SHA256, STAGING_PREFIX } from "../../src/blobs/keys";
import { API_TOKEN, createPart } from "../support/api";
import { ORIGIN, randomBytes, sha256, WRITE_TOKEN } from "../support/blobs";
import { fetchWith } from "../support/worker";

/** A body that delivers `bytes` and then ends (or fails, as a dropped connection does). */
function cutShort(bytes: Uint8Array, how: "end" | "error"): ReadableStream<Uint8Array> {
  let sent = false;
  return new ReadableStream({
    pull(controller) {
      if (!sent) {
        sent = true;
        for (let at = 0; at < bytes.length; at += 65536) controller.enqueue(bytes.slice(at, at + 65536));
        return;
      }
      if (how === "end") controller.close();
      else controller.error(new Error("Network connection lost."));
    },
  });
}

function request(path: string, token: string, body: ReadableStream<Uint8Array>, length: number, headers: Record<string, string> = {}) {
  return new Request(`${ORIGIN}${path}`, {
    method: path.startsWith("/api/cas/") ? "PUT" : "POST",
    body,
    headers: { Authorization: `Bearer ${token}`, "Content-Length": String(length), ...headers },
    duplex: "half",
  } as RequestInit);
}

async function expectClientError(res: Response) {
  expect(res.status).toBe(400);
  expect(res.headers.get("Content-Type")).toBe("application/problem+json");
  expect(((await res.json()) as { detail: string }).detail).toMatch(/nothing was stored/);
}

describe("a body shorter than its Content-Length is the client's error and stores nothing", () => {
  const sizes: Array<[string, number]> = [
    ["small", 4000],
    // Above the 8 MiB in-memory limit: staged while hashed.
    ["large", 9 * 1024 * 1024],
  ];

  it.each(["end", "error"] as const)("PUT /api/cas/:hash whose body %ss early", async (how) => {
    const whole = randomBytes(4000);
    const hash = await sha256(whole);
    await expectClientError(await fetchWith(request(`/api/cas/${hash}`, WRITE_TOKEN, cutShort(whole.subarray(0, 1000), how), whole.length)));
    expect(await env.BUCKET.head(`cas/${hash}`)).toBeNull();
  });

  for (const [label, size] of sizes) {
    for (const declared of [true, false]) {
      it.each(["end", "error"] as const)(
        `a ${label} attachment upload, hash ${declared ? "declared" : "not declared"}, whose body %ss early`,
        async (how) => {
          const { key } = await createPart();
          const whole = randomBytes(size);
          const hash = await sha256(whole);
          const headers: Record<string, string> = declared ? { "X-Content-SHA256": hash } : {};
          const res = await fetchWith(
            request(`/api/parts/${key}/attachments`, API_TOKEN, cutShort(whole.subarray(0, size - 500), how), size, headers),
          );
          await expectClientError(res);
          expect(await env.BUCKET.head(`cas/${hash}`)).toBeNull();
          expect((await env.BUCKET.list({ prefix: STAGING_PREFIX })).objects).toEqual([]);
          const rows = await env.DB.prepare("SELECT COUNT(*) AS n FROM part_attachments WHERE part_key = ?1").bind(key).first<{ n: number }>();
          expect(rows?.n).toBe(0);
        },
      );
    }
  }
});

describe("a PUT with no body at all", () => {
  it("is 411 for any hash but the empty blob's", async () => {
    const hash = await sha256(randomBytes(10));
    const res = await fetchWith(
      new Request(`${ORIGIN}/api/cas/${hash}`, { method: "PUT", headers: { Authorization: `Bearer ${WRITE_TOKEN}`, "Content-Length": "0" } }),
    );
    expect(res.status).toBe(411);
    expect(res.headers.get("Content-Type")).toBe("application/problem+json");
  });

  it("stores the empty blob", async () => {
    const res = await fetchWith(
      new Request(`${ORIGIN}/api/cas/${EMPTY_SHA256}`, { method: "PUT", headers: { Authorization: `Bearer ${WRITE_TOKEN}`, "Content-Length": "0" } }),
    );
    expect([200, 201]).toContain(res.status);
    expect((await env.BUCKET.head(`cas/${EMPTY_SHA256}`))?.size).toBe(0);
  });
});
