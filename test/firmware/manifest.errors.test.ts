import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { createModel, deviceWithToken, publish } from "../support/firmware";
import { checkIn, keySet, updateKey } from "../support/manifests";
import { capturingConsole } from "../support/ops";

const downloads = async (model: string) =>
  (await env.DB.prepare("SELECT downloads FROM firmware_versions WHERE model_key = ?1").bind(model).first<{ downloads: number }>())!.downloads;
const seen = async (device: string) =>
  (await env.DB.prepare("SELECT firmware_version FROM devices WHERE key = ?1").bind(device).first<{ firmware_version: string | null }>())!
    .firmware_version;

describe("OTA checks without update-signing keys", { timeout: 20_000 }, () => {
  it("answers 503 manifests_unconfigured, counts no offer and notes nothing, whether or not there is an update", async () => {
    const model = await createModel();
    await publish(model, "2.0.0");
    const { device, token } = await deviceWithToken(model);
    for (const running of ["1.0.0", "2.0.0"]) {
      const { result: res } = await capturingConsole(() => checkIn(token, device, running, { UPDATE_SIGNING_KEYS: "" }));
      expect(res.status, running).toBe(503);
      expect(res.headers.get("Content-Type")).toBe("application/problem+json");
      const problem = (await res.json()) as { type: string; detail: string };
      expect(problem.type).toBe("urn:cas-edge:problem:manifests-unconfigured");
      expect(problem.detail).toContain("UPDATE_SIGNING_KEYS");
    }
    expect(await downloads(model)).toBe(0);
    expect(await seen(device)).toBeNull();
  });

  it.each([
    ["not JSON", "{keys"],
    ["a link key (oct)", keySet({ kty: "oct", kid: "k", k: "AAAA" })],
    ["a public key without d", keySet({ kty: "EC", crv: "P-256", kid: "p", x: updateKey().x, y: updateKey().y })],
    ["a key id twice", keySet(updateKey(), updateKey())],
  ])("answers 500 for an UPDATE_SIGNING_KEYS that is %s, never an unsigned offer", async (_, keys) => {
    const model = await createModel();
    await publish(model, "2.0.0");
    const { device, token } = await deviceWithToken(model);
    const { result: res } = await capturingConsole(() => checkIn(token, device, "1.0.0", { UPDATE_SIGNING_KEYS: keys }));
    expect(res.status).toBe(500);
    expect(res.headers.get("Content-Type")).toBe("application/problem+json");
    expect(await downloads(model)).toBe(0);
  });
});
