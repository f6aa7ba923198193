import { SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import type { LogSettings } from "../../src/config";
import type { RequestRecord } from "../../src/ops/metrics";
import { logLine } from "../../src/ops/request-log";
import { API_TOKEN, createPart } from "../support/api";
import { ORIGIN, putRequest, randomBytes, sha256, storeBytes } from "../support/blobs";
import { capturingConsole, recordingDataset, requestLines } from "../support/ops";
import { ADMIN_TOKEN } from "../support/tokens";
import { fetchWith } from "../support/worker";

const read: RequestRecord = {
  event: "request",
  request_id: "r",
  method: "GET",
  route: "/api/cas/:hash",
  status: 200,
  duration_ms: 3,
  bytes: 100,
  cache: "hit",
  thumbnail_ms: null,
  sub: null,
  error: null,
};
const settings: LogSettings = { sampleRate: 0.01, slowMs: 1000 };

describe("which requests get a log line", () => {
  it.each([
    ["an error", { status: 404, error: "blob_not_found" }],
    ["a server error", { status: 503, error: "unavailable" }],
    ["a write", { method: "PUT", status: 201 }],
    ["a delete", { method: "DELETE", status: 204 }],
    ["a thumbnail made", { thumbnail_ms: 120 }],
    ["a slow read", { duration_ms: 1000 }],
  ])("logs %s every time, with sample_rate 1", (_, change) => {
    expect(logLine({ ...read, ...change }, false, settings, 0.999)).toEqual({ ...read, ...change, sample_rate: 1 });
  });

  it("logs every admin call, reads included", () => {
    expect(logLine({ ...read, route: "/api/admin/accounts" }, true, settings, 0.999)).toMatchObject({ sample_rate: 1 });
  });

  it("samples successful reads, 304s and preflights at the configured rate", () => {
    for (const record of [read, { ...read, status: 304, cache: "revalidated" }, { ...read, method: "OPTIONS", status: 204 }]) {
      expect(logLine(record, false, settings, 0.005)).toEqual({ ...record, sample_rate: 0.01 });
      expect(logLine(record, false, settings, 0.01)).toBeNull();
    }
  });

  it("logs no read at rate 0 and every read at rate 1", () => {
    expect(logLine(read, false, { ...settings, sampleRate: 0 }, 0)).toBeNull();
    expect(logLine(read, false, { ...settings, sampleRate: 1 }, 0.999999)).toMatchObject({ sample_rate: 1 });
  });

  it("logs everything, naming the variable, when the settings could not be read", () => {
    const broken = { sampleRate: 1, slowMs: 1000, problem: 'LOG_SAMPLE_RATE must be a number from 0 to 1, not "1%"' };
    expect(logLine(read, false, broken, 0.5)).toMatchObject({ sample_rate: 1, config_error: broken.problem });
  });
});

describe("the request log under the worker", () => {
  it("at rate 0 logs no cache hit or 304, but counts each of them in the metrics", async () => {
    const hash = await storeBytes(randomBytes(500));
    const url = `${ORIGIN}/api/cas/${hash}`;
    await (await SELF.fetch(url)).arrayBuffer();
    const { dataset, points } = recordingDataset();
    const quiet = { LOG_SAMPLE_RATE: "0", METRICS: dataset };
    const { result, logs } = await capturingConsole(async () => [
      await fetchWith(new Request(url), quiet),
      await fetchWith(new Request(url, { headers: { "If-None-Match": `"${hash}"` } }), quiet),
    ]);
    expect(result.map((r) => r.status)).toEqual([200, 304]);
    expect(requestLines(logs)).toEqual([]);
    expect(points.map((p) => p.blobs?.[4])).toEqual(["hit", "revalidated"]);
  });

  it("at rate 0 still logs the writes, errors and admin calls", async () => {
    const bytes = randomBytes(64);
    const hash = await sha256(bytes);
    const quiet = { LOG_SAMPLE_RATE: "0" };
    const { logs } = await capturingConsole(async () => {
      await fetchWith(putRequest(hash, bytes), quiet);
      await fetchWith(new Request(`${ORIGIN}/api/cas/${"0".repeat(64)}`), quiet);
      await fetchWith(new Request(`${ORIGIN}/api/admin/accounts`, { headers: { Authorization: `Bearer ${ADMIN_TOKEN}` } }), quiet);
    });
    expect(requestLines(logs).map((l) => [l.method, l.route, l.status, l.sample_rate])).toEqual([
      ["PUT", "/api/cas/:hash", 201, 1],
      ["GET", "/api/cas/:hash", 404, 1],
      ["GET", "/api/admin/accounts", 200, 1],
    ]);
  });

  it("logs an API read when it is drawn, with the rate it was drawn at", async () => {
    const { key } = await createPart();
    const request = () => new Request(`${ORIGIN}/api/parts/${key}`, { headers: { Authorization: `Bearer ${API_TOKEN}` } });
    const { logs } = await capturingConsole(async () => {
      await fetchWith(request(), { LOG_SAMPLE_RATE: "1" });
      await fetchWith(request(), { LOG_SAMPLE_RATE: "0" });
    });
    expect(requestLines(logs).map((l) => [l.route, l.sample_rate])).toEqual([["/api/parts/:key", 1]]);
  });

  it("answers normally when LOG_SAMPLE_RATE is unreadable, and says so on every line", async () => {
    const { result, logs } = await capturingConsole(() => fetchWith(new Request(`${ORIGIN}/health`), { LOG_SAMPLE_RATE: "1%" }));
    expect(result.status).toBe(200);
    expect(requestLines(logs)).toEqual([
      expect.objectContaining({ route: "/health", sample_rate: 1, config_error: 'LOG_SAMPLE_RATE must be a number from 0 to 1, not "1%"' }),
    ]);
  });
});
