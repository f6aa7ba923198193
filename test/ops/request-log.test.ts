import { SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { API_TOKEN, createPart } from "../support/api";
import { ORIGIN, randomBytes, storeBytes } from "../support/blobs";
import { capturingConsole, requestLines } from "../support/ops";
import { fetchWith } from "../support/worker";

describe("request ids", () => {
  it("returns a generated X-Request-Id on a success", async () => {
    const res = await SELF.fetch(`${ORIGIN}/health`);
    expect(res.status).toBe(200);
    expect(res.headers.get("X-Request-Id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("uses cf-ray as the request id when Cloudflare sets it", async () => {
    const res = await SELF.fetch(`${ORIGIN}/health`, { headers: { "cf-ray": "8f1c2a3b4d5e6f70-AMS" } });
    expect(res.headers.get("X-Request-Id")).toBe("8f1c2a3b4d5e6f70-AMS");
  });

  it("gives each request its own id", async () => {
    const [a, b] = await Promise.all([SELF.fetch(`${ORIGIN}/health`), SELF.fetch(`${ORIGIN}/health`)]);
    expect(a.headers.get("X-Request-Id")).not.toBe(b.headers.get("X-Request-Id"));
  });

  it("returns X-Request-Id on errors, refusals and unknown routes", async () => {
    const responses = await Promise.all([
      SELF.fetch(`${ORIGIN}/api/cas/not-a-hash`),
      SELF.fetch(`${ORIGIN}/api/parts`),
      SELF.fetch(`${ORIGIN}/no/such/route`),
    ]);
    expect(responses.map((r) => r.status)).toEqual([400, 401, 404]);
    for (const res of responses) expect(res.headers.get("X-Request-Id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("returns X-Request-Id on an edge-cache hit and a 304 of the hot path", async () => {
    const hash = await storeBytes(randomBytes(300));
    const miss = await SELF.fetch(`${ORIGIN}/api/cas/${hash}`);
    await miss.arrayBuffer();
    const hit = await SELF.fetch(`${ORIGIN}/api/cas/${hash}`);
    await hit.arrayBuffer();
    const notModified = await SELF.fetch(`${ORIGIN}/api/cas/${hash}`, { headers: { "If-None-Match": `"${hash}"` } });
    expect(hit.headers.get("Server-Timing")).toBe("cache;desc=hit");
    // The id is added after the cache copy is taken: a hit gets its own, never the stored one.
    expect(hit.headers.get("X-Request-Id")).toMatch(/^[0-9a-f-]{36}$/);
    expect(hit.headers.get("X-Request-Id")).not.toBe(miss.headers.get("X-Request-Id"));
    expect(notModified.status).toBe(304);
    expect(notModified.headers.get("X-Request-Id")).toBeTruthy();
  });
});

// Successful reads are sampled (1 % by default); these tests read every line.
const LOG_ALL = { LOG_SAMPLE_RATE: "1" };

describe("the request log's lines", () => {
  it("logs the route pattern, status, bytes and cache status of a CAS read", async () => {
    const bytes = randomBytes(1234);
    const hash = await storeBytes(bytes);
    const url = `${ORIGIN}/api/cas/${hash}?filename=a.bin`;

    const { result: responses, logs } = await capturingConsole(async () => [
      await fetchWith(new Request(url, { headers: { "cf-ray": "ray-miss" } }), LOG_ALL),
      await fetchWith(new Request(url, { headers: { "cf-ray": "ray-hit" } }), LOG_ALL),
      await fetchWith(new Request(url, { headers: { "cf-ray": "ray-304", "If-None-Match": `"${hash}"` } }), LOG_ALL),
    ]);

    expect(responses.map((r) => r.status)).toEqual([200, 200, 304]);
    const lines = requestLines(logs);
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatchObject({
      request_id: "ray-miss",
      method: "GET",
      route: "/api/cas/:hash",
      status: 200,
      bytes: 1234,
      cache: "miss",
      sub: null,
      error: null,
    });
    expect(lines[1]).toMatchObject({ request_id: "ray-hit", cache: "hit", bytes: 1234 });
    expect(lines[2]).toMatchObject({ request_id: "ray-304", status: 304, cache: "revalidated" });
    expect(typeof lines[0]!.duration_ms).toBe("number");
  });

  it("logs the account that called, never its token or the query string", async () => {
    const { key } = await createPart();
    const { logs } = await capturingConsole(() =>
      fetchWith(new Request(`${ORIGIN}/api/parts/${key}?secret-looking=sig123`, { headers: { Authorization: `Bearer ${API_TOKEN}` } }), LOG_ALL),
    );

    const [line] = requestLines(logs);
    expect(line).toMatchObject({ route: "/api/parts/:key", status: 200, sub: "static:API_TOKEN", cache: null });
    const text = JSON.stringify(logs);
    expect(text).not.toContain(API_TOKEN);
    expect(text).not.toContain("sig123");
    expect(text).not.toContain(key);
  });

  it("logs the route a refused request was for, with the problem code", async () => {
    const { logs } = await capturingConsole(() => fetchWith(new Request(`${ORIGIN}/api/parts`, { headers: { Authorization: "Bearer wrong" } })));
    expect(requestLines(logs)).toEqual([expect.objectContaining({ route: "/api/parts", status: 401, error: "invalid_token", sub: null })]);
  });

  it("logs an unknown route as unmatched", async () => {
    const { logs } = await capturingConsole(() => fetchWith(new Request(`${ORIGIN}/nowhere/at/all`)));
    expect(requestLines(logs)).toEqual([expect.objectContaining({ route: "unmatched", status: 404, error: "not_found" })]);
  });
});
