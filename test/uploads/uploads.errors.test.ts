import { env, SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { blobKey, contentHash } from "../../src/blobs/keys";
import { bodyBytes, casGet, ORIGIN, randomBytes, sha256, storeBytes } from "../support/blobs";
import { tokenWith } from "../support/tokens";
import { complete, createUpload, MiB, PART, partOf, partRequest, putAllParts, putPart, session, uploads } from "../support/uploads";
import { fetchWith } from "../support/worker";

async function problem(res: Response, status: number): Promise<string> {
  expect(res.status).toBe(status);
  expect(res.headers.get("Content-Type")).toBe("application/problem+json");
  return ((await res.json()) as { detail: string }).detail;
}

// Each test moves several MiB through local R2: on a busy machine that exceeds the 5 s default.
describe("creating an upload: bad input", { timeout: 30_000 }, () => {
  const hash = "a".repeat(64);
  it.each([
    [{ sha256: "ABC", size: 10 }, "sha256"],
    [{ sha256: hash, size: 0 }, "size"],
    [{ sha256: hash, size: 1.5 }, "size"],
    [{ sha256: hash, size: 10, part_size: PART - 1 }, "part_size"],
    [{ sha256: hash, size: 10, part_size: 96 * MiB }, "part_size"],
    [{ sha256: hash, size: 10_001 * PART, part_size: PART }, "part_size"],
    [{ sha256: hash, size: 10, content_type: "not a type" }, "content_type"],
  ])("refuses %j", async (body, field) => {
    expect(await problem(await uploads("", { method: "POST", json: body }), 400)).toContain(field);
  });

  it("refuses a declared size that differs from the stored blob's", async () => {
    const bytes = randomBytes(500);
    const stored = await storeBytes(bytes);
    const mismatch = await uploads("", { method: "POST", json: { sha256: stored, size: 501 } });
    expect(await problem(mismatch, 400)).toContain("500 bytes");
  });

  it("needs a token with cas:write", async () => {
    const body = JSON.stringify({ sha256: hash, size: 10 });
    const anonymous = await SELF.fetch(`${ORIGIN}/api/uploads`, { method: "POST", body });
    expect(anonymous.status).toBe(401);
    // A token for the catalogue only (admin would do: it implies cas:write).
    const { token } = await tokenWith(["parts:read", "parts:write"]);
    const reader = await SELF.fetch(`${ORIGIN}/api/uploads`, { method: "POST", body, headers: { Authorization: `Bearer ${token}` } });
    expect(await problem(reader, 403)).toContain("cas:write");
  });
});

describe("sending parts: bad input", { timeout: 30_000 }, () => {
  it("refuses a wrong part size, an out-of-range or out-of-order part, and a missing length, changing nothing", async () => {
    const bytes = randomBytes(2 * PART + 100);
    const created = await createUpload(bytes);
    expect(await problem(await putPart(created.id, 1, partOf(bytes, 1).subarray(1)), 400)).toContain(`exactly ${PART} bytes`);
    expect(await problem(await putPart(created.id, 3, randomBytes(99)), 400)).toContain("exactly 100 bytes");
    expect(await problem(await putPart(created.id, 0, randomBytes(10)), 400)).toContain("parts 1 to 3");
    expect(await problem(await putPart(created.id, 4, randomBytes(10)), 400)).toContain("parts 1 to 3");
    expect(await problem(await uploads(`/${created.id}/parts/x`, { method: "PUT", body: "x" }), 400)).toContain("part");
    expect(await problem(await putPart(created.id, 3, partOf(bytes, 3)), 409)).toContain("send part 1 next");
    const noLength = new Request(partRequest(created.id, 1, partOf(bytes, 1)));
    noLength.headers.delete("Content-Length");
    expect((await fetchWith(noLength)).status).toBe(411);
    expect(await session(created.id)).toMatchObject({ parts_received: 0, next_part: 1 });
  });

  it("refuses a body shorter than its Content-Length and keeps the digest state as it was", async () => {
    const bytes = randomBytes(PART + 100);
    const created = await createUpload(bytes);
    // Straight into the worker's entry: over the in-process transport a short body would break the connection instead.
    const short = await fetchWith(partRequest(created.id, 1, partOf(bytes, 1).subarray(0, PART - 1000), PART));
    expect(await problem(short, 400)).toContain("ended after");
    expect(await session(created.id)).toMatchObject({ parts_received: 0, next_part: 1 });
    // A body longer than declared is refused the same way.
    const long = await fetchWith(partRequest(created.id, 1, randomBytes(PART + 10), PART));
    expect(await problem(long, 400)).toContain("longer than");
    // The state was not advanced by the broken attempts: the right bytes still complete.
    await putAllParts(created, bytes);
    expect((await complete(created.id)).status).toBe(201);
  });

  it("refuses to complete with parts missing", async () => {
    const bytes = randomBytes(2 * PART);
    const created = await createUpload(bytes);
    expect((await putPart(created.id, 1, partOf(bytes, 1))).status).toBe(200);
    expect(await problem(await complete(created.id), 409)).toContain("send part 2 next");
    expect((await casGet(created.sha256)).status).toBe(404);
  });

  it("refuses bytes that do not hash to the declared SHA-256: nothing under cas/, parts discarded, session closed", async () => {
    const bytes = randomBytes(PART + 100);
    const claimed = await sha256(randomBytes(10));
    const created = await createUpload(bytes, { sha256: claimed });
    const uploadId = (await env.DB.prepare("SELECT r2_upload_id FROM upload_sessions WHERE id = ?")
      .bind(created.id)
      .first<{ r2_upload_id: string }>())!.r2_upload_id;
    await putAllParts(created, bytes);
    expect(await problem(await complete(created.id), 400)).toContain(await sha256(bytes));
    expect(await env.BUCKET.head(blobKey(contentHash.parse(claimed)))).toBeNull();
    await expect(env.BUCKET.resumeMultipartUpload(blobKey(contentHash.parse(claimed)), uploadId).uploadPart(1, new Uint8Array(5))).rejects.toThrow();
    expect(await session(created.id)).toMatchObject({ status: "failed", next_part: null });
    expect(await problem(await putPart(created.id, 1, partOf(bytes, 1)), 409)).toContain("failed");
    expect(await problem(await complete(created.id), 409)).toContain("failed");
  });

  it("lets exactly one of two requests racing on the same part write it", async () => {
    const bytes = randomBytes(PART + 100);
    const created = await createUpload(bytes);
    // The first request's part stays in flight until the second has been answered.
    let reached!: () => void;
    const inFlight = new Promise<void>((r) => (reached = r));
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const slowBucket = new Proxy(env.BUCKET, {
      get(target, prop) {
        if (prop !== "resumeMultipartUpload") return Reflect.get(target, prop).bind(target);
        return (key: string, id: string) => {
          const upload = target.resumeMultipartUpload(key, id);
          return new Proxy(upload, {
            get(u, p) {
              if (p !== "uploadPart") return Reflect.get(u, p).bind(u);
              return async (n: number, value: ReadableStream) => {
                reached();
                await gate;
                return u.uploadPart(n, value);
              };
            },
          });
        };
      },
    });
    const first = fetchWith(partRequest(created.id, 1, partOf(bytes, 1)), { BUCKET: slowBucket });
    await inFlight;
    const second = await putPart(created.id, 1, partOf(bytes, 1));
    expect(await problem(second, 409)).toContain("being received by another request");
    expect(Number(second.headers.get("Retry-After"))).toBeGreaterThan(0);
    release();
    expect((await first).status).toBe(200);
    expect(await session(created.id)).toMatchObject({ parts_received: 1, next_part: 2 });
    await putPart(created.id, 2, partOf(bytes, 2));
    expect((await complete(created.id)).status).toBe(201);
    expect(await sha256(await bodyBytes(await casGet(created.sha256)))).toBe(created.sha256);
  });
});

describe("sessions that are gone", { timeout: 30_000 }, () => {
  it("answers 410 once expired and 404 for an unknown or malformed id", async () => {
    const bytes = randomBytes(100);
    const created = await createUpload(bytes);
    await env.DB.prepare("UPDATE upload_sessions SET expires_at = '2000-01-01T00:00:00.000Z' WHERE id = ?").bind(created.id).run();
    expect(await problem(await uploads(`/${created.id}`), 410)).toContain("expired");
    expect(await problem(await putPart(created.id, 1, bytes), 410)).toContain("expired");
    expect(await problem(await complete(created.id), 410)).toContain("expired");
    expect((await uploads(`/${crypto.randomUUID()}`)).status).toBe(404);
    expect((await uploads("/not-a-session")).status).toBe(404);
  });

  it("answers 405 with Allow for other methods", async () => {
    const res = await uploads(`/${crypto.randomUUID()}/complete`, { method: "GET" });
    expect(res.status).toBe(405);
    expect(res.headers.get("Allow")).toBe("POST");
  });
});
