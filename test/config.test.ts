import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { config, logSettings } from "../src/config";
import { putRequest, randomBytes, sha256 } from "./support/blobs";
import { fetchWith, recordingBucket } from "./support/worker";

const withVars = (vars: Record<string, unknown>) => ({ ...env, ...vars }) as Env;
const unset = withVars({
  MAX_UPLOAD_BYTES: undefined,
  ACCESS_TOKEN_TTL: "",
  MAX_FIRMWARES: undefined,
  MAX_FIRMWARE_ZIP_BYTES: undefined,
  MAX_FIRMWARE_UNZIPPED_BYTES: undefined,
  MAX_COREDUMPS: undefined,
  MAX_COREDUMP_BYTES: undefined,
  AUDIT_RETENTION_DAYS: undefined,
  LINK_WINDOW_SECONDS: undefined,
  OTA_LINK_SECONDS: undefined,
});

describe("config", () => {
  it("reads each numeric variable of wrangler.toml", () => {
    expect(config(env)).toEqual({
      maxUploadBytes: 104857600,
      accessTokenTtlSeconds: 900,
      maxFirmwares: 5,
      maxFirmwareZipBytes: 67108864,
      maxFirmwareUnzippedBytes: 268435456,
      maxCoredumps: 20,
      maxCoredumpBytes: 1048576,
      auditRetentionDays: 365,
      linkWindowSeconds: 21600,
      otaLinkSeconds: 86400,
    });
  });

  it("takes the default of a variable that is unset or empty", () => {
    expect(config(unset)).toEqual({
      maxUploadBytes: 100 * 1024 * 1024,
      accessTokenTtlSeconds: 15 * 60,
      maxFirmwares: 5,
      maxFirmwareZipBytes: 64 * 1024 * 1024,
      maxFirmwareUnzippedBytes: 256 * 1024 * 1024,
      maxCoredumps: 20,
      maxCoredumpBytes: 1024 * 1024,
      auditRetentionDays: 365,
      linkWindowSeconds: 6 * 3600,
      otaLinkSeconds: 24 * 3600,
    });
  });

  it("takes a number as written in TOML without quotes", () => {
    expect(config(withVars({ MAX_COREDUMPS: 3 })).maxCoredumps).toBe(3);
  });

  it.each(["100MB", "0", "-5", "1.5", " ", "9007199254740993"])("refuses %j, naming the variable", (value) => {
    expect(() => config(withVars({ MAX_UPLOAD_BYTES: value }))).toThrow(/^MAX_UPLOAD_BYTES must be a positive whole number/);
  });

  it("reads AUDIT_RETENTION_DAYS and refuses one that is no whole number of days", () => {
    expect(config(withVars({ AUDIT_RETENTION_DAYS: "30" })).auditRetentionDays).toBe(30);
    expect(() => config(withVars({ AUDIT_RETENTION_DAYS: "1y" }))).toThrow(/^AUDIT_RETENTION_DAYS must be a positive whole number/);
  });

  it("parses an env object once", () => {
    const vars = withVars({ MAX_FIRMWARES: "7" });
    expect(config(vars)).toBe(config(vars));
    expect(config(withVars({ MAX_FIRMWARES: "8" })).maxFirmwares).toBe(8);
  });

  it("answers 500 and stores nothing when a limit is misconfigured, rather than serving the default", async () => {
    const bytes = randomBytes(16);
    const hash = await sha256(bytes);
    const { bucket, calls } = recordingBucket();
    const res = await fetchWith(putRequest(hash, bytes), { BUCKET: bucket, MAX_UPLOAD_BYTES: "100MB" });
    expect(res.status).toBe(500);
    expect(res.headers.get("Content-Type")).toBe("application/problem+json");
    expect(calls).toEqual([]);
  });
});

describe("logSettings", () => {
  it("reads LOG_SAMPLE_RATE and LOG_SLOW_MS from wrangler.toml", () => {
    expect(logSettings(env)).toEqual({ sampleRate: 0.01, slowMs: 1000 });
  });

  it("takes the defaults when they are unset, and any rate from 0 to 1", () => {
    expect(logSettings(withVars({ LOG_SAMPLE_RATE: undefined, LOG_SLOW_MS: "" }))).toEqual({ sampleRate: 0.01, slowMs: 1000 });
    expect(logSettings(withVars({ LOG_SAMPLE_RATE: "0" })).sampleRate).toBe(0);
    expect(logSettings(withVars({ LOG_SAMPLE_RATE: 1 })).sampleRate).toBe(1);
    expect(logSettings(withVars({ LOG_SAMPLE_RATE: "0.25", LOG_SLOW_MS: "250" }))).toEqual({ sampleRate: 0.25, slowMs: 250 });
  });

  it.each([
    ["LOG_SAMPLE_RATE", "1%", /^LOG_SAMPLE_RATE must be a number from 0 to 1/],
    ["LOG_SAMPLE_RATE", "2", /^LOG_SAMPLE_RATE must be a number from 0 to 1/],
    ["LOG_SAMPLE_RATE", "-0.5", /^LOG_SAMPLE_RATE must be a number from 0 to 1/],
    ["LOG_SLOW_MS", "1s", /^LOG_SLOW_MS must be a positive whole number/],
  ])("never throws on %s=%j: it logs everything and names the variable", (name, value, problem) => {
    const settings = logSettings(withVars({ [name]: value }));
    expect(settings.sampleRate).toBe(1);
    expect(settings.problem).toMatch(problem);
  });
});
