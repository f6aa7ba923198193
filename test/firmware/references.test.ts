import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { collectGarbage } from "../../src/housekeeping/gc";
import { randomBytes, storeBytes } from "../support/blobs";
import { espBuild, sha256Hex, zip } from "../support/esp-build";
import { createModel, deviceWithToken, sendCoredump, uploadZip } from "../support/firmware";
import { step } from "../support/housekeeping";

const twoDaysLater = () => Date.now() + 48 * 3_600_000;

/** What blob_references says names a hash, in which space: GC keeps a blob's copy while its space is named. */
async function referrers(hash: string) {
  return (await env.DB.prepare("SELECT referrer, visibility FROM blob_references WHERE hash = ?1").bind(hash).all()).results;
}

describe("blob_references: firmware artifacts and coredumps keep their blobs through GC", { timeout: 20_000 }, () => {
  it("keeps every artifact of a recorded version and collects them once the version is gone", async () => {
    const model = await createModel();
    const build = await espBuild({ version: "1.0.0" });
    expect((await uploadZip(model, zip(build.files))).status).toBe(201);
    const hashes = await Promise.all(Object.values(build.files).map(sha256Hex));
    const orphan = await storeBytes(randomBytes(100));

    const result = await collectGarbage(env, step({ now: twoDaysLater() }));
    expect(result.collected).toContain(orphan);
    for (const hash of hashes) {
      expect(result.collected_private).not.toContain(hash);
      expect(await env.BUCKET.head(`private/cas/${hash}`)).not.toBeNull();
      expect(await referrers(hash)).toEqual([{ referrer: "firmware_artifact", visibility: "private" }]);
    }

    // Once no row names them, nothing references them, and GC's walk of the private space takes them.
    await env.DB.prepare("DELETE FROM firmware_versions WHERE model_key = ?1").bind(model).run();
    for (const hash of hashes) expect(await referrers(hash)).toEqual([]);
    const later = await collectGarbage(env, step({ now: twoDaysLater() }));
    expect([...later.collected_private].sort()).toEqual([...new Set(hashes)].sort());
    for (const hash of hashes) expect(await env.BUCKET.head(`private/cas/${hash}`)).toBeNull();
  });

  it("keeps a coredump's blob while its row exists", async () => {
    const { device, token } = await deviceWithToken(await createModel());
    const dump = randomBytes(3000);
    expect((await sendCoredump(token, device, dump)).status).toBe(201);
    const hash = await sha256Hex(dump);
    expect(await referrers(hash)).toEqual([{ referrer: "coredump", visibility: "private" }]);

    const kept = await collectGarbage(env, step({ now: twoDaysLater() }));
    expect(kept.collected_private).not.toContain(hash);
    expect(await env.BUCKET.head(`private/cas/${hash}`)).not.toBeNull();

    await env.DB.prepare("DELETE FROM coredumps WHERE sha256 = ?1").bind(hash).run();
    expect(await referrers(hash)).toEqual([]);
    expect((await collectGarbage(env, step({ now: twoDaysLater() }))).collected_private).toContain(hash);
    expect(await env.BUCKET.head(`private/cas/${hash}`)).toBeNull();
  });
});
