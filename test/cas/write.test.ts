import { env, SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { casGet, ORIGIN, putRequest, randomBytes, sha256, WRITE_TOKEN } from "../support/blobs";
import { fetchWith, recordingBucket } from "../support/worker";

describe("PUT /api/cas/:hash", () => {
  it("stores a new blob (201) and serves it back with its content type", async () => {
    const bytes = randomBytes(5000);
    const hash = await sha256(bytes);

    const res = await SELF.fetch(putRequest(hash, bytes, { "Content-Type": "image/webp" }));

    expect(res.status).toBe(201);
    expect(res.headers.get("Location")).toBe(`/api/cas/${hash}`);
    expect(await res.json()).toEqual({ hash, size: 5000, url: `/api/cas/${hash}` });
    const served = await casGet(hash);
    expect(served.headers.get("Content-Type")).toBe("image/webp");
    expect(new Uint8Array(await served.arrayBuffer())).toEqual(bytes);
  });

  it("stores the same bytes once: a second PUT answers 200 and writes nothing", async () => {
    const bytes = randomBytes(100);
    const hash = await sha256(bytes);
    await SELF.fetch(putRequest(hash, bytes));
    const { bucket, calls } = recordingBucket();

    const res = await fetchWith(putRequest(hash, bytes), { BUCKET: bucket });

    expect(res.status).toBe(200);
    expect(calls).toEqual([`head cas/${hash}`]);
  });

  it("refuses a PUT of a stored blob whose Content-Length is not the blob's size (400), leaving the blob as it was", async () => {
    const bytes = randomBytes(100);
    const hash = await sha256(bytes);
    await SELF.fetch(putRequest(hash, bytes));

    const res = await SELF.fetch(putRequest(hash, randomBytes(150)));

    expect(res.status).toBe(400);
    expect(((await res.json()) as { title: string }).title).toBe("Body does not match its hash");
    expect((await env.BUCKET.head(`cas/${hash}`))?.size).toBe(100);
  });

  it("refuses a body whose digest differs and leaves nothing behind", async () => {
    const bytes = randomBytes(100);
    const claimed = await sha256(randomBytes(100));

    const res = await SELF.fetch(putRequest(claimed, bytes));

    expect(res.status).toBe(400);
    expect(((await res.json()) as { title: string }).title).toBe("Body does not match its hash");
    expect(await env.BUCKET.head(`cas/${claimed}`)).toBeNull();
  });

  it("stores a zero-length blob", async () => {
    const hash = await sha256(new Uint8Array(0));
    const res = await SELF.fetch(putRequest(hash, new Uint8Array(0)));
    expect([200, 201]).toContain(res.status);
    expect((await env.BUCKET.head(`cas/${hash}`))?.size).toBe(0);
  });

  it.each([
    ["no Authorization header", undefined],
    ["a wrong token", "Bearer nope"],
    ["another scheme", `Basic ${WRITE_TOKEN}`],
  ])("answers %s with 401 and stores nothing", async (_, authorization) => {
    const bytes = randomBytes(10);
    const hash = await sha256(bytes);
    const headers: Record<string, string> = authorization ? { Authorization: authorization } : {};

    const res = await SELF.fetch(`${ORIGIN}/api/cas/${hash}`, { method: "PUT", body: bytes, headers });

    expect(res.status).toBe(401);
    expect(res.headers.get("Content-Type")).toBe("application/problem+json");
    expect(await env.BUCKET.head(`cas/${hash}`)).toBeNull();
  });

  it("requires Content-Length (411) so the size limit holds before reading", async () => {
    const bytes = randomBytes(10);
    const hash = await sha256(bytes);
    const stream = new ReadableStream({
      start(controller) {
        controller.enqueue(bytes);
        controller.close();
      },
    });

    const res = await fetchWith(
      new Request(`${ORIGIN}/api/cas/${hash}`, { method: "PUT", body: stream, headers: { Authorization: `Bearer ${WRITE_TOKEN}` } }),
    );

    expect(res.status).toBe(411);
  });

  it("refuses a body over the configured maximum with 413 before reading it", async () => {
    const bytes = randomBytes(2048);
    const hash = await sha256(bytes);
    const { bucket, calls } = recordingBucket();

    const res = await fetchWith(putRequest(hash, bytes), { BUCKET: bucket, MAX_UPLOAD_BYTES: "1024" });

    expect(res.status).toBe(413);
    expect(calls).toEqual([]);
  });

  it("rejects a Content-Type that is not a media type", async () => {
    const bytes = randomBytes(10);
    const res = await SELF.fetch(putRequest(await sha256(bytes), bytes, { "Content-Type": "not a type" }));
    expect(res.status).toBe(400);
  });
});

describe("POST /api/cas/exists", () => {
  const exists = (body: unknown, token = WRITE_TOKEN) =>
    SELF.fetch(`${ORIGIN}/api/cas/exists`, {
      method: "POST",
      body: JSON.stringify(body),
      headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
    });

  it("splits hashes into present and missing, once each, in order", async () => {
    const stored = randomBytes(10);
    const hash = await sha256(stored);
    await SELF.fetch(putRequest(hash, stored));
    const absent = await sha256(randomBytes(10));

    const res = await exists({ hashes: [absent, hash, absent] });

    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ present: [hash], missing: [absent] });
  });

  it("answers a batch of 1000 hashes", async () => {
    const hashes = await Promise.all(Array.from({ length: 1000 }, (_, i) => sha256(new TextEncoder().encode(`n${i}`))));
    const res = await exists({ hashes });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { missing: string[] }).missing).toHaveLength(1000);
  });

  it.each([
    ["more than 1000 hashes", { hashes: Array.from({ length: 1001 }, () => "a".repeat(64)) }, "hashes"],
    ["an empty list", { hashes: [] }, "hashes"],
    ["a malformed hash", { hashes: ["a".repeat(64), "XYZ"] }, "hashes[1]"],
    ["no hashes field", {}, "hashes"],
  ])("rejects %s with a 400 naming the field", async (_, body, field) => {
    const res = await exists(body);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { detail: string }).detail).toContain(field);
  });

  it("rejects a body that is not JSON", async () => {
    const res = await SELF.fetch(`${ORIGIN}/api/cas/exists`, {
      method: "POST",
      body: "{not json",
      headers: { Authorization: `Bearer ${WRITE_TOKEN}` },
    });
    expect(res.status).toBe(400);
  });

  it("needs the write token", async () => {
    expect((await exists({ hashes: ["a".repeat(64)] }, "wrong")).status).toBe(401);
  });
});
