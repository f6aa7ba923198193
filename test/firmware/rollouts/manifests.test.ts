import { describe, expect, it } from "vitest";
import { ManifestRejected, verifyManifest } from "../../../scripts/lib/verify-manifest";
import { createModel, nowSeconds, publish } from "../../support/firmware";
import { checkIn, deviceState, offered, publishedKeys, withPayload } from "../../support/manifests";
import { act, createRollout, startedRollout, taggedDevice } from "../../support/rollouts";

/**
 * The rollout decides what a device is offered; the manifest is what the device trusts. These check
 * that the decision (the rollout's id, whether a downgrade is allowed) reaches the signed payload, and
 * that a device the rollout holds back gets no manifest at all.
 */
describe("signed manifests of rollout offers", { timeout: 60_000 }, () => {
  it("signs a rollback's offer with allow_downgrade and its rollout id, which the device's verifier accepts", async () => {
    const model = await createModel();
    await publish(model, "1.0.0");
    await publish(model, "2.0.0");
    const d = await taggedDevice(model);
    const back = await startedRollout({ model, version: "1.0.0", rollback: true, stages: [{ percent: 100 }] });

    const answer = await offered(d.token, d.device, "2.0.0");
    const manifest = await verifyManifest(answer.manifest, {
      trusted: await publishedKeys(),
      device: deviceState(d.device, model, "2.0.0"),
      now: nowSeconds(),
    });
    expect(manifest).toMatchObject({ device: d.device, model, version: "1.0.0", rollout_id: back.id, allow_downgrade: true });
    // The readable copy beside the JWS says the same as the signed payload.
    const { manifest: _jws, ...copy } = answer;
    expect(copy).toEqual(manifest);
  });

  it("signs a staged offer with the rollout id and no downgrade; the same payload claiming a downgrade does not verify", async () => {
    const model = await createModel();
    await publish(model, "1.0.0");
    await publish(model, "2.0.0");
    const canary = await taggedDevice(model);
    const rollout = await startedRollout({ model, version: "2.0.0", stages: [{ devices: [canary.device] }, { percent: 100 }] });

    const answer = await offered(canary.token, canary.device, "1.0.0");
    const trusted = await publishedKeys();
    const device = deviceState(canary.device, model, "1.0.0");
    const manifest = await verifyManifest(answer.manifest, { trusted, device, now: nowSeconds() });
    expect(manifest).toMatchObject({ version: "2.0.0", rollout_id: rollout.id, allow_downgrade: false });
    // A server or CDN that turns an ordinary offer into a rollback breaks the signature.
    const forged = withPayload(answer.manifest, { ...manifest, allow_downgrade: true });
    await expect(verifyManifest(forged, { trusted, device, now: nowSeconds() })).rejects.toBeInstanceOf(ManifestRejected);
  });

  it("gives a device outside the open stage no manifest, and one once its stage opens", async () => {
    const model = await createModel();
    await publish(model, "1.0.0");
    await publish(model, "2.0.0");
    const canary = await taggedDevice(model);
    const later = await taggedDevice(model);
    const rollout = await createRollout({ model, version: "2.0.0", stages: [{ devices: [canary.device] }, { percent: 100 }] });
    expect((await act(rollout.id, "start")).status).toBe(200);

    const held = await checkIn(later.token, later.device, "1.0.0");
    expect(held.status).toBe(204);
    expect(await held.text()).toBe("");

    expect((await act(rollout.id, "advance")).status).toBe(200);
    const answer = await offered(later.token, later.device, "1.0.0");
    const manifest = await verifyManifest(answer.manifest, {
      trusted: await publishedKeys(),
      device: deviceState(later.device, model, "1.0.0"),
      now: nowSeconds(),
    });
    expect(manifest).toMatchObject({ device: later.device, version: "2.0.0", rollout_id: rollout.id, allow_downgrade: false });
  });
});
