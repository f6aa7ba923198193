import { env, SELF } from "cloudflare:test";
import { CompactSign, importJWK } from "jose";
import { describe, expect, it } from "vitest";
import { verifyManifest } from "../../scripts/lib/verify-manifest";
import { signManifest } from "../../src/firmware/manifest";
import { ORIGIN } from "../support/blobs";
import { createModel, deviceWithToken, nowSeconds, publish } from "../support/firmware";
import { checkIn, deviceState, keySet, offered, payloadOf, publishedKeys, updateKey, withPayload } from "../support/manifests";
import { capturingConsole } from "../support/ops";
import { testSigningJwk } from "../support/tokens";

/** A published build, a device running 1.0.0 that is offered it, and the manifest it got. */
async function scenario(options: { secureVersion?: number } = {}) {
  const model = await createModel();
  await publish(model, "2.0.0", options);
  const { device, token } = await deviceWithToken(model);
  const answer = await offered(token, device, "1.0.0");
  return { model, device, token, jws: answer.manifest, trusted: await publishedKeys(), state: deviceState(device, model, "1.0.0") };
}

describe("a manifest verifies only as signed", { timeout: 20_000 }, () => {
  it("fails when any field of the payload is changed, and passes unchanged (the tamper is the only difference)", async () => {
    const { jws, trusted, state } = await scenario({ secureVersion: 2 });
    const now = nowSeconds();
    const payload = payloadOf(jws);
    await expect(verifyManifest(withPayload(jws, payload), { trusted, device: state, now })).resolves.toBeDefined();

    const changes: Record<string, unknown> = {
      device: `${state.key}x`,
      model: `${state.model}x`,
      version: "2.0.1",
      url: "https://evil.example/fw.bin",
      sha256: "0".repeat(64),
      size: (payload.size as number) + 1,
      app_elf_sha256: "1".repeat(64),
      security_version: 1,
      rollout_id: 7,
      allow_downgrade: true,
      issued_at: (payload.issued_at as number) - 1,
      expires_at: (payload.expires_at as number) + 86400,
    };
    expect(Object.keys(changes).sort()).toEqual(Object.keys(payload).sort());
    for (const [field, value] of Object.entries(changes)) {
      const forged = withPayload(jws, { ...payload, [field]: value });
      await expect(verifyManifest(forged, { trusted, device: state, now }), field).rejects.toThrow(/signature does not verify/);
    }
    // A field added or removed breaks it too.
    const { security_version: _dropped, ...without } = payload;
    await expect(verifyManifest(withPayload(jws, without), { trusted, device: state, now })).rejects.toThrow(/signature/);
    await expect(verifyManifest(withPayload(jws, { ...payload, pinned: true }), { trusted, device: state, now })).rejects.toThrow(/signature/);
  });

  it("refuses a manifest that has expired, and one made for another device or model", async () => {
    const { jws, trusted, state } = await scenario();
    const { expires_at } = payloadOf(jws) as { expires_at: number };
    await expect(verifyManifest(jws, { trusted, device: state, now: expires_at - 1 })).resolves.toBeDefined();
    await expect(verifyManifest(jws, { trusted, device: state, now: expires_at })).rejects.toThrow(/expired/);
    await expect(verifyManifest(jws, { trusted, device: { ...state, key: "other-device" }, now: nowSeconds() })).rejects.toThrow(/made for device/);
    await expect(verifyManifest(jws, { trusted, device: { ...state, model: "other-model" }, now: nowSeconds() })).rejects.toThrow(/for model/);
  });

  it("refuses a build below the device's anti-rollback counter even when the manifest allows a downgrade", async () => {
    const model = await createModel();
    await publish(model, "2.0.0", { secureVersion: 1 });
    const { device, token } = await deviceWithToken(model);
    // The server offers its newest to a device running a version it cannot order; the rollback manifest is then signed here.
    const offer = await offered(token, device, "nightly-1");
    const { manifest: _jws, ...fields } = offer;
    const now = nowSeconds();
    const trusted = await publishedKeys();
    // A rollback rollout's manifest: an older version, allowed.
    const rollback = await signManifest(env, { ...fields, allow_downgrade: true });
    await expect(verifyManifest(rollback.manifest, { trusted, device: deviceState(device, model, "3.0.0", 1), now })).resolves.toMatchObject({
      allow_downgrade: true,
    });
    await expect(verifyManifest(rollback.manifest, { trusted, device: deviceState(device, model, "3.0.0", 2), now })).rejects.toThrow(
      /security_version 1 is below the device's 2/,
    );
    // Without allow_downgrade an older version is refused.
    const plain = await signManifest(env, { ...fields, allow_downgrade: false });
    await expect(verifyManifest(plain.manifest, { trusted, device: deviceState(device, model, "3.0.0", 1), now })).rejects.toThrow(
      /allows no downgrade/,
    );
  });

  it("refuses a JWS whose header names another algorithm or type, or a key the device does not trust", async () => {
    const { jws, trusted, state } = await scenario();
    const now = nowSeconds();
    const [, payload, signature] = jws.split(".");
    const header = (h: object) => btoa(JSON.stringify(h)).replace(/=+$/, "");
    const kid = updateKey().kid;
    await expect(
      verifyManifest(`${header({ alg: "none", kid, typ: "cas-edge-manifest+jws" })}.${payload}.`, { trusted, device: state, now }),
    ).rejects.toThrow(/algorithm/);
    await expect(
      verifyManifest(`${header({ alg: "ES256", kid, typ: "at+jwt" })}.${payload}.${signature}`, { trusted, device: state, now }),
    ).rejects.toThrow(/typ/);
    await expect(verifyManifest(jws, { trusted: { keys: [] }, device: state, now })).rejects.toThrow(/does not trust/);
  });
});

describe("the token key is never an update key", { timeout: 20_000 }, () => {
  it("a manifest signed with the JWT key does not verify, whatever kid it claims", async () => {
    const { jws, trusted, state } = await scenario();
    const jwtKey = await importJWK(testSigningJwk(), "ES256");
    const forged = await new CompactSign(new TextEncoder().encode(JSON.stringify(payloadOf(jws))))
      .setProtectedHeader({ alg: "ES256", kid: updateKey().kid, typ: "cas-edge-manifest+jws" })
      .sign(jwtKey);
    await expect(verifyManifest(forged, { trusted, device: state, now: nowSeconds() })).rejects.toThrow(/signature does not verify/);
    const ownKid = await new CompactSign(new TextEncoder().encode(JSON.stringify(payloadOf(jws))))
      .setProtectedHeader({ alg: "ES256", kid: testSigningJwk().kid, typ: "cas-edge-manifest+jws" })
      .sign(jwtKey);
    await expect(verifyManifest(ownKid, { trusted, device: state, now: nowSeconds() })).rejects.toThrow(/does not trust/);
  });

  it("the two key sets share no key, and a manifest is no access token", async () => {
    const { jws, device } = await scenario();
    const updateXs = (await publishedKeys()).keys.map((k) => k.x);
    const jwks = (await (await SELF.fetch(`${ORIGIN}/.well-known/jwks.json`)).json()) as { keys: Array<{ x: string }> };
    expect(jwks.keys.length).toBeGreaterThan(0);
    for (const k of jwks.keys) expect(updateXs).not.toContain(k.x);
    const res = await SELF.fetch(`${ORIGIN}/api/devices/${device}/firmware?version=1.0.0`, { headers: { Authorization: `Bearer ${jws}` } });
    expect(res.status).toBe(401);
  });

  it("refuses an UPDATE_SIGNING_KEYS that holds the JWT key: no manifest is signed with it", async () => {
    const model = await createModel();
    await publish(model, "2.0.0");
    const { device, token } = await deviceWithToken(model);
    const { result: res, errors } = await capturingConsole(() => checkIn(token, device, "1.0.0", { UPDATE_SIGNING_KEYS: keySet(testSigningJwk()) }));
    expect(res.status).toBe(500);
    expect(res.headers.get("Content-Type")).toBe("application/problem+json");
    expect(JSON.stringify(errors)).toContain("is also a JWT_PRIVATE_JWKS key");
    const row = await env.DB.prepare("SELECT downloads FROM firmware_versions WHERE model_key = ?1").bind(model).first<{ downloads: number }>();
    expect(row!.downloads).toBe(0);
  });
});
