import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { checkImage, verifyManifest } from "../../scripts/lib/verify-manifest";
import { api } from "../support/api";
import { bodyBytes, ORIGIN } from "../support/blobs";
import { createModel, deviceWithToken, nowSeconds, publish, signedLink } from "../support/firmware";
import { deviceState, keySet, offered, otherUpdateKeys, publishedKeys, updateKey } from "../support/manifests";
import { fetchWith } from "../support/worker";

describe("signed OTA manifests", { timeout: 20_000 }, () => {
  it("answers a compact JWS whose payload names the build, and the device verifies it with the published key", async () => {
    const model = await createModel();
    const build = await publish(model, "1.4.0", { secureVersion: 3 });
    const { device, token } = await deviceWithToken(model);

    const answer = await offered(token, device, "1.3.0");
    const manifest = await verifyManifest(answer.manifest, {
      trusted: await publishedKeys(),
      device: deviceState(device, model, "1.3.0", 3),
      now: nowSeconds(),
    });

    const { expires } = await signedLink(manifest.url, build.appSha256);
    expect(manifest).toEqual({
      device,
      model,
      version: "1.4.0",
      url: expect.stringMatching(`^/api/private/${build.appSha256}\\?`),
      sha256: build.appSha256,
      size: build.files[build.appName]!.length,
      app_elf_sha256: build.elfSha256,
      security_version: 3,
      rollout_id: null,
      allow_downgrade: false,
      issued_at: expect.any(Number),
      expires_at: expires,
    });
    expect(Math.abs(manifest.issued_at - nowSeconds())).toBeLessThan(60);
    // The readable copy beside the JWS is the payload, field for field.
    const { manifest: _jws, ...copy } = answer;
    expect(copy).toEqual(manifest);
    // The header names the key and the type, so a manifest is never read as an access token.
    const header = JSON.parse(atob(answer.manifest.split(".")[0]!.replaceAll("-", "+").replaceAll("_", "/"))) as Record<string, string>;
    expect(header).toEqual({ alg: "ES256", kid: updateKey().kid, typ: "cas-edge-manifest+jws" });

    // What the device downloads through the signed URL is what the manifest names.
    const image = await bodyBytes(await fetchWith(new Request(`${ORIGIN}${manifest.url}`)));
    await expect(checkImage(manifest, image)).resolves.toBeUndefined();
  });

  it("records secure_version at upload and shows it on the version; a build stored before it has none, and its manifest omits the field", async () => {
    const model = await createModel();
    await publish(model, "5.0.0", { secureVersion: 7 });
    const version = (await (await api(`/device-models/${model}/firmware/5.0.0`)).json()) as { security_version: number | null };
    expect(version.security_version).toBe(7);

    await env.DB.prepare("UPDATE firmware_versions SET security_version = NULL WHERE model_key = ?1").bind(model).run();
    const { device, token } = await deviceWithToken(model);
    const answer = await offered(token, device, "4.0.0");
    expect(answer).not.toHaveProperty("security_version");
    const manifest = await verifyManifest(answer.manifest, {
      trusted: await publishedKeys(),
      device: deviceState(device, model, "4.0.0", 9),
      now: nowSeconds(),
    });
    expect(manifest.security_version).toBeUndefined();
  });

  it("publishes every key's public half at /.well-known/cas-edge-update-keys, briefly cacheable", async () => {
    const { next } = otherUpdateKeys();
    const res = await fetchWith(new Request(`${ORIGIN}/.well-known/cas-edge-update-keys`), { UPDATE_SIGNING_KEYS: keySet(updateKey(), next) });
    expect(res.status).toBe(200);
    expect(res.headers.get("Cache-Control")).toBe("public, max-age=300");
    const { keys } = (await res.json()) as { keys: Array<Record<string, string>> };
    const pub = ({ kty, crv, kid, x, y }: Record<string, unknown>) => ({ kty, crv, kid, x, y, alg: "ES256", use: "sig" });
    expect(keys).toEqual([pub(updateKey()), pub(next)]);
    expect(JSON.stringify(keys)).not.toContain('"d"');
  });

  it("publishes an empty set when no key is configured", async () => {
    expect(await publishedKeys({ UPDATE_SIGNING_KEYS: "" })).toEqual({ keys: [] });
  });

  describe("rotation", () => {
    it("signs with the last key; manifests of the old key and of the new one both verify against the published set", async () => {
      const model = await createModel();
      await publish(model, "2.0.0");
      const { device, token } = await deviceWithToken(model);
      const old = updateKey();
      const { next } = otherUpdateKeys();
      const rotated = { UPDATE_SIGNING_KEYS: keySet(old, next) };

      const before = await offered(token, device, "1.0.0");
      const after = await offered(token, device, "1.0.0", rotated);
      const kidOf = (jws: string) => (JSON.parse(atob(jws.split(".")[0]!.replaceAll("-", "+").replaceAll("_", "/"))) as { kid: string }).kid;
      expect(kidOf(before.manifest)).toBe(old.kid);
      expect(kidOf(after.manifest)).toBe(next.kid);

      const trusted = await publishedKeys(rotated);
      const state = deviceState(device, model, "1.0.0");
      for (const jws of [before.manifest, after.manifest]) {
        await expect(verifyManifest(jws, { trusted, device: state, now: nowSeconds() })).resolves.toMatchObject({ version: "2.0.0" });
      }
      // A device that has not learnt the new key yet refuses what it signs: why the key is staged first.
      const oldOnly = { keys: trusted.keys.filter((k) => k.kid === old.kid) };
      await expect(verifyManifest(after.manifest, { trusted: oldOnly, device: state, now: nowSeconds() })).rejects.toThrow(/does not trust/);
    });

    it("a key staged first is published but does not sign until it is moved last", async () => {
      const model = await createModel();
      await publish(model, "2.0.0");
      const { device, token } = await deviceWithToken(model);
      const { next } = otherUpdateKeys();
      const staged = { UPDATE_SIGNING_KEYS: keySet(next, updateKey()) };
      const answer = await offered(token, device, "1.0.0", staged);
      const oldOnly = { keys: (await publishedKeys(staged)).keys.filter((k) => k.kid === updateKey().kid) };
      await expect(
        verifyManifest(answer.manifest, { trusted: oldOnly, device: deviceState(device, model, "1.0.0"), now: nowSeconds() }),
      ).resolves.toMatchObject({ version: "2.0.0" });
      expect((await publishedKeys(staged)).keys.map((k) => k.kid)).toEqual([next.kid, updateKey().kid]);
    });

    it("signs with an Ed25519 key (EdDSA) when that is the last key", async () => {
      const model = await createModel();
      await publish(model, "2.0.0");
      const { device, token } = await deviceWithToken(model);
      const withEd = { UPDATE_SIGNING_KEYS: keySet(updateKey(), otherUpdateKeys().ed25519) };
      const answer = await offered(token, device, "1.0.0", withEd);
      expect(answer.manifest.split(".")[0]).toBe(
        btoa(JSON.stringify({ alg: "EdDSA", kid: "update-test-ed", typ: "cas-edge-manifest+jws" })).replace(/=+$/, ""),
      );
      const trusted = await publishedKeys(withEd);
      expect(trusted.keys[1]).toMatchObject({ kty: "OKP", crv: "Ed25519", alg: "EdDSA" });
      await expect(
        verifyManifest(answer.manifest, { trusted, device: deviceState(device, model, "1.0.0"), now: nowSeconds() }),
      ).resolves.toMatchObject({ version: "2.0.0" });
    });
  });
});
