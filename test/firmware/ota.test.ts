import { env, SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { api } from "../support/api";
import { bodyBytes, ORIGIN } from "../support/blobs";
import { as, createModel, deviceWithToken, privateBytes, publish, signedLink } from "../support/firmware";

interface Offer {
  manifest: string;
  version: string;
  url: string;
  sha256: string;
  size: number;
  app_elf_sha256: string;
  rollout_id: number | null;
  allow_downgrade: boolean;
}

describe("GET /api/devices/:device/firmware (OTA)", { timeout: 20_000 }, () => {
  it("offers the newest version as a signed link when the device runs an older one, and 204 once it runs it", async () => {
    const model = await createModel();
    await publish(model, "1.0.0");
    const newest = await publish(model, "1.1.0");
    const { device, token } = await deviceWithToken(model);

    const res = await as(token, `/devices/${device}/firmware?version=1.0.0`);
    expect(res.status).toBe(200);
    expect(res.headers.get("Cache-Control")).toBe("private, no-store");
    const offer = (await res.json()) as Offer;
    expect(offer).toEqual({
      manifest: expect.stringMatching(/^[\w-]+\.[\w-]+\.[\w-]+$/),
      device,
      model,
      version: "1.1.0",
      url: expect.stringMatching(`^/api/private/${newest.appSha256}\\?exp=`),
      sha256: newest.appSha256,
      size: newest.files[newest.appName]!.length,
      app_elf_sha256: newest.elfSha256,
      security_version: 0,
      // No rollout holds this model: the newest upload, never a downgrade.
      rollout_id: null,
      allow_downgrade: false,
      issued_at: expect.any(Number),
      expires_at: expect.any(Number),
    });
    // The binary is the private app image, read through the link whole and by range as esp_https_ota's partial download asks.
    await signedLink(offer.url, newest.appSha256);
    expect(await privateBytes(offer.sha256)).toEqual(newest.files[newest.appName]);
    const whole = await SELF.fetch(`${ORIGIN}${offer.url}`);
    expect(whole.status).toBe(200);
    expect(await bodyBytes(whole)).toEqual(newest.files[newest.appName]);
    const part = await SELF.fetch(`${ORIGIN}${offer.url}`, { headers: { Range: "bytes=100-199" } });
    expect(part.status).toBe(206);
    expect(await bodyBytes(part)).toEqual(newest.files[newest.appName]!.subarray(100, 200));

    const current = await as(token, `/devices/${device}/firmware`, { headers: { "X-Firmware-Version": "1.1.0" } });
    expect(current.status).toBe(204);
    expect(await current.text()).toBe("");
  });

  it("remembers the running version and counts offers", async () => {
    const model = await createModel();
    await publish(model, "2.0.0");
    const { device, token } = await deviceWithToken(model);
    await as(token, `/devices/${device}/firmware?version=1.9.0`);
    await as(token, `/devices/${device}/firmware?version=1.9.0`);
    const seen = (await (await api(`/devices/${device}`)).json()) as { firmware_version: string; last_seen_at: string };
    expect(seen.firmware_version).toBe("1.9.0");
    expect(seen.last_seen_at).toMatch(/^\d{4}-/);
    const row = await env.DB.prepare("SELECT downloads FROM firmware_versions WHERE model_key = ?1").bind(model).first<{ downloads: number }>();
    expect(row!.downloads).toBe(2);
  });

  it("does not downgrade a device running an unknown newer version, nor offer anything when the model has none", async () => {
    const model = await createModel();
    const { device, token } = await deviceWithToken(model);
    expect((await as(token, `/devices/${device}/firmware?version=1.0.0`)).status).toBe(204);
    await publish(model, "v1.4.0");
    expect((await as(token, `/devices/${device}/firmware?version=v1.5.0-dev`)).status).toBe(204);
    expect((await as(token, `/devices/${device}/firmware?version=v1.3.9`)).status).toBe(200);
    // A version that is not semver and unknown here: the store's newest is offered.
    expect((await as(token, `/devices/${device}/firmware?version=nightly-42`)).status).toBe(200);
  });

  it("needs the running version", async () => {
    const model = await createModel();
    const { device, token } = await deviceWithToken(model);
    const res = await as(token, `/devices/${device}/firmware`);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { detail: string }).detail).toContain("X-Firmware-Version");
  });
});
