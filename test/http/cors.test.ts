import { SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { API_TOKEN } from "../support/api";
import { casGet, ORIGIN, putRequest, randomBytes, sha256, storeBytes } from "../support/blobs";

const ALLOWED = "https://inventory.test";
const STRANGER = "https://evil.test";

function preflight(path: string, method: string, origin: string, headers = "") {
  return SELF.fetch(`${ORIGIN}${path}`, {
    method: "OPTIONS",
    headers: { Origin: origin, "Access-Control-Request-Method": method, ...(headers ? { "Access-Control-Request-Headers": headers } : {}) },
  });
}

describe("blobs are readable from any origin", () => {
  it("answers a Range preflight with 204, * and a long max-age, before any token", async () => {
    const res = await preflight(`/api/cas/${"a".repeat(64)}`, "GET", STRANGER, "range, if-none-match");
    expect(res.status).toBe(204);
    expect(res.headers.get("Access-Control-Allow-Origin")).toBe("*");
    expect(res.headers.get("Access-Control-Allow-Headers")).toMatch(/Range/);
    expect(res.headers.get("Access-Control-Allow-Headers")).toMatch(/If-None-Match/);
    expect(Number(res.headers.get("Access-Control-Max-Age"))).toBeGreaterThanOrEqual(7200);
    expect(res.headers.get("Vary") ?? "").not.toMatch(/Origin/);
  });

  it("marks every public read readable from any origin: a 304, a missing blob, and the page's files straight from ASSETS", async () => {
    const hash = await storeBytes(randomBytes(40));
    const answers = [
      await casGet(hash, "", { headers: { Origin: STRANGER, "If-None-Match": `"${hash}"` } }),
      await casGet("b".repeat(64), "", { headers: { Origin: STRANGER } }),
      await SELF.fetch(`${ORIGIN}/app.css`, { headers: { Origin: STRANGER } }),
    ];
    expect(answers.map((r) => r.status)).toEqual([304, 404, 200]);
    for (const res of answers) {
      expect(res.headers.get("Access-Control-Allow-Origin")).toBe("*");
      expect(res.headers.get("Timing-Allow-Origin")).toBe("*");
      expect(res.headers.get("Access-Control-Expose-Headers")).toContain("X-Request-Id");
      await res.arrayBuffer();
    }
  });

  it("exposes the validator and range headers on the R2 path and on an edge-cache hit alike", async () => {
    const hash = await storeBytes(randomBytes(3000));
    for (const path of ["r2", "cache"]) {
      const res = await casGet(hash, "", { headers: { Origin: STRANGER, Range: "bytes=0-9" } });
      expect(res.status, path).toBe(206);
      expect(res.headers.get("Access-Control-Allow-Origin"), path).toBe("*");
      expect(res.headers.get("Timing-Allow-Origin"), path).toBe("*");
      const exposed = res.headers.get("Access-Control-Expose-Headers") ?? "";
      for (const h of ["ETag", "Content-Range", "Accept-Ranges", "Content-Length", "Content-Disposition", "Server-Timing"])
        expect(exposed, path).toContain(h);
      expect(res.headers.get("Vary"), path).toBeNull();
      await res.arrayBuffer();
      // Fill the cache with a full GET so the second round is served from it.
      await (await casGet(hash)).arrayBuffer();
    }
    const hit = await casGet(hash, "", { headers: { Origin: STRANGER } });
    expect(hit.headers.get("Server-Timing")).toContain("hit");
    expect(hit.headers.get("Access-Control-Allow-Origin")).toBe("*");
  });

  it("lets a page read a 304 and a 404 problem too", async () => {
    const hash = await storeBytes(randomBytes(100));
    const notModified = await casGet(hash, "", { headers: { Origin: STRANGER, "If-None-Match": `"${hash}"` } });
    expect(notModified.status).toBe(304);
    expect(notModified.headers.get("Access-Control-Allow-Origin")).toBe("*");
    const missing = await casGet("b".repeat(64), "", { headers: { Origin: STRANGER } });
    expect(missing.status).toBe(404);
    expect(missing.headers.get("Access-Control-Allow-Origin")).toBe("*");
  });
});

describe("the API and uploads answer only the configured origins", () => {
  it("answers the preflight of an authenticated route before authentication", async () => {
    const res = await preflight("/api/parts", "POST", ALLOWED, "authorization, content-type");
    expect(res.status).toBe(204);
    expect(res.headers.get("Access-Control-Allow-Origin")).toBe(ALLOWED);
    expect(res.headers.get("Access-Control-Allow-Headers")).toMatch(/Authorization/);
    expect(res.headers.get("Vary")).toMatch(/Origin/);
  });

  it("accepts an origin listed with a trailing slash", async () => {
    const res = await preflight("/api/parts", "GET", "https://other.test");
    expect(res.headers.get("Access-Control-Allow-Origin")).toBe("https://other.test");
  });

  it("tells a PUT preflight on a blob URL apart from a GET one", async () => {
    const hash = "c".repeat(64);
    const put = await preflight(`/api/cas/${hash}`, "PUT", ALLOWED, "authorization, x-content-sha256");
    expect(put.status).toBe(204);
    expect(put.headers.get("Access-Control-Allow-Origin")).toBe(ALLOWED);
    expect(put.headers.get("Access-Control-Allow-Headers")).toMatch(/X-Content-SHA256/);
    const stranger = await preflight(`/api/cas/${hash}`, "PUT", STRANGER);
    expect(stranger.status).toBe(204);
    expect(stranger.headers.get("Access-Control-Allow-Origin")).toBeNull();
  });

  it("exposes Location on a real cross-origin call and varies by Origin", async () => {
    const res = await SELF.fetch(`${ORIGIN}/api/parts`, {
      method: "POST",
      headers: { Origin: ALLOWED, Authorization: `Bearer ${API_TOKEN}`, "Content-Type": "application/json" },
      body: JSON.stringify({ name: "cors part" }),
    });
    expect(res.status).toBe(201);
    expect(res.headers.get("Access-Control-Allow-Origin")).toBe(ALLOWED);
    expect(res.headers.get("Access-Control-Expose-Headers")).toContain("Location");
    expect(res.headers.get("Vary")).toMatch(/Origin/);
  });

  it("gives a disallowed origin no CORS headers, and never a 5xx", async () => {
    for (const res of [
      await preflight("/api/parts", "POST", STRANGER),
      await SELF.fetch(`${ORIGIN}/api/parts`, { headers: { Origin: STRANGER, Authorization: `Bearer ${API_TOKEN}` } }),
      await SELF.fetch(`${ORIGIN}/api/parts`, { headers: { Origin: "null" } }),
    ]) {
      expect(res.status).toBeLessThan(500);
      expect(res.headers.get("Access-Control-Allow-Origin")).toBeNull();
      await res.arrayBuffer();
    }
  });

  it("lets an allowed page read a 401 problem", async () => {
    const bytes = randomBytes(10);
    const res = await SELF.fetch(putRequest(await sha256(bytes), bytes, { Authorization: "Bearer wrong", Origin: ALLOWED }));
    expect(res.status).toBe(401);
    expect(res.headers.get("Access-Control-Allow-Origin")).toBe(ALLOWED);
  });

  it("leaves a non-preflight OPTIONS to the routes", async () => {
    const res = await SELF.fetch(`${ORIGIN}/api/cas/${"d".repeat(64)}`, { method: "OPTIONS" });
    expect(res.status).toBe(405);
  });
});
