import { env, SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { config } from "../../src/config";
import { api } from "../support/api";
import { casGet, ORIGIN } from "../support/blobs";
import { elfCoredump, espBuild, noise, sha256Hex, zip } from "../support/esp-build";
import {
  as,
  type CoredumpJson,
  createModel,
  deviceWithToken,
  type FirmwareJson,
  nowSeconds,
  privateBytes,
  publish,
  sendCoredump,
  signedLink,
  uploadZip,
} from "../support/firmware";
import { tokenWith } from "../support/tokens";
import { fetchWith } from "../support/worker";

/**
 * Firmware artifacts and coredumps are private: stored at private/cas/<hash>,
 * never served by the public route, and every answer that points at one
 * carries a signed link made for that request.
 */

const WINDOW = config(env).linkWindowSeconds;

/** A link made between `before` and `after` lives at least `min` seconds and expires on a window boundary within one window of that. */
function expectExpiry(expires: number, min: number, before: number, after: number) {
  expect(expires % WINDOW).toBe(0);
  expect(expires).toBeGreaterThanOrEqual(before + min);
  expect(expires).toBeLessThan(after + min + WINDOW);
}

/** Every artifact link of a version answer verifies, names the file's base name, and follows the window rule. */
async function expectArtifactLinks(body: FirmwareJson, before: number, after: number) {
  expect(body.artifacts.length).toBeGreaterThan(0);
  for (const a of body.artifacts) {
    const link = await signedLink(a.download_url, a.sha256);
    expect(link.view).toEqual({ filename: a.name.slice(a.name.lastIndexOf("/") + 1) });
    expectExpiry(link.expires, WINDOW, before, after);
  }
}

async function postDump(token: string, device: string, dump: Uint8Array): Promise<number> {
  const res = await sendCoredump(token, device, dump);
  expect(res.status).toBe(201);
  return ((await res.json()) as { coredump_id: number }).coredump_id;
}

describe("firmware artifacts are private", { timeout: 30_000 }, () => {
  it("stores every artifact of an upload at private/cas/<hash>, none at cas/<hash>, in rows that say private", async () => {
    const model = await createModel();
    const build = await espBuild({ version: "1.0.0", files: { "extra/notes.txt": noise(300) } });
    const res = await uploadZip(model, zip(build.files));
    expect(res.status).toBe(201);
    const body = (await res.json()) as FirmwareJson;
    expect(new Set(body.artifacts.map((a) => a.kind))).toEqual(
      new Set(["app", "elf", "map", "bootloader", "partition_table", "version_json", "other"]),
    );
    for (const a of body.artifacts) {
      expect(await privateBytes(a.sha256), a.name).toEqual(build.files[a.name]);
      expect(await env.BUCKET.head(`cas/${a.sha256}`), a.name).toBeNull();
      // The public route does not know them: the 404 of an absent hash.
      expect((await casGet(a.sha256)).status, a.name).toBe(404);
    }
    const rows = await env.DB.prepare(
      "SELECT DISTINCT a.blob_visibility AS v FROM firmware_artifacts a JOIN firmware_versions f ON f.id = a.firmware_id WHERE f.model_key = ?1",
    )
      .bind(model)
      .all<{ v: string }>();
    expect(rows.results).toEqual([{ v: "private" }]);
  });

  it("deduplicates within the private space: the same build uploaded for a second model writes nothing new", async () => {
    const build = await espBuild({ version: "1.0.0" });
    const archive = zip(build.files);
    expect((await uploadZip(await createModel(), archive)).status).toBe(201);
    const versions = () =>
      Promise.all(Object.values(build.files).map(async (bytes) => (await env.BUCKET.head(`private/cas/${await sha256Hex(bytes)}`))?.version));
    const first = await versions();
    expect(first.every((v) => typeof v === "string")).toBe(true);

    expect((await uploadZip(await createModel(), archive)).status).toBe(201);
    const second = await versions();
    // Same R2 object versions: no artifact was written again.
    expect(second).toEqual(first);
  });

  it("gives signed links in the upload answer, the model, the version list and the version detail", async () => {
    const model = await createModel();
    const build = await espBuild({ version: "2.0.0" });
    const before = nowSeconds();
    const uploaded = (await (await uploadZip(model, zip(build.files))).json()) as FirmwareJson;
    const list = (await (await api(`/device-models/${model}/firmware`)).json()) as FirmwareJson[];
    const detail = (await (await api(`/device-models/${model}/firmware/2.0.0`)).json()) as FirmwareJson;
    const withModel = (await (await api(`/device-models/${model}`)).json()) as { firmware: FirmwareJson[] };
    const after = nowSeconds();
    for (const body of [uploaded, list[0]!, detail, withModel.firmware[0]!]) await expectArtifactLinks(body, before, after);
    expect(list).toHaveLength(1);
    expect(withModel.firmware).toHaveLength(1);
  });

  it("signs a name the blob route would clean as the route reads it back, so the link still verifies", async () => {
    const model = await createModel();
    const long = `${"n".repeat(200)}.txt`;
    const build = await espBuild({ version: "2.1.0", files: { "config/.sdkconfig": noise(100), [`docs/${long}`]: noise(120) } });
    const body = (await (await uploadZip(model, zip(build.files))).json()) as FirmwareJson;
    const byName = new Map(body.artifacts.map((a) => [a.name, a]));
    const dotted = byName.get("config/.sdkconfig")!;
    expect((await signedLink(dotted.download_url, dotted.sha256)).view).toEqual({ filename: "sdkconfig" });
    const cut = byName.get(`docs/${long}`)!;
    const { view } = await signedLink(cut.download_url, cut.sha256);
    expect(view.filename).toMatch(/^n+\.txt$/);
    expect(view.filename!.length).toBeLessThan(long.length);
  });

  it("signs links for rows still public (stored before artifacts were private): the private route falls back to cas/", async () => {
    const model = await createModel();
    const build = await publish(model, "3.0.0");
    // As such a row is: its bytes at cas/<hash> only.
    for (const bytes of Object.values(build.files)) {
      const hash = await sha256Hex(bytes);
      await env.BUCKET.put(`cas/${hash}`, bytes);
      await env.BUCKET.delete(`private/cas/${hash}`);
    }
    await env.DB.prepare(
      "UPDATE firmware_artifacts SET blob_visibility = 'public' WHERE firmware_id = (SELECT id FROM firmware_versions WHERE model_key = ?1)",
    )
      .bind(model)
      .run();
    const before = nowSeconds();
    const detail = (await (await api(`/device-models/${model}/firmware/3.0.0`)).json()) as FirmwareJson;
    await expectArtifactLinks(detail, before, nowSeconds());
    for (const a of detail.artifacts) {
      const res = await SELF.fetch(`${ORIGIN}${a.download_url}`);
      expect(res.status, a.name).toBe(200);
      expect(new Uint8Array(await res.arrayBuffer()), a.name).toEqual(build.files[a.name]);
    }
    const { device, token } = await deviceWithToken(model);
    const offer = (await (await as(token, `/devices/${device}/firmware?version=0.9.0`)).json()) as { url: string };
    await signedLink(offer.url, build.appSha256);
  });
});

describe("coredumps are private", { timeout: 30_000 }, () => {
  it("stores a dump at private/cas/<hash> only, in a private row; the device's answer carries no link; equal dumps share one object", async () => {
    const model = await createModel();
    const { device, token } = await deviceWithToken(model);
    const dump = noise(900);
    const res = await sendCoredump(token, device, dump);
    expect(res.status).toBe(201);
    const answer = await res.text();
    const { coredump_id: id } = JSON.parse(answer) as { coredump_id: number };
    // The row's id and where an operator reads it; nothing that reaches the bytes.
    expect(JSON.parse(answer)).toEqual({ coredump_id: id });
    expect(res.headers.get("Location")).toBe(`/api/coredumps/${id}`);

    const row = (await (await api(`/coredumps/${id}`)).json()) as CoredumpJson;
    expect(await privateBytes(row.sha256)).toEqual(dump);
    expect(await env.BUCKET.head(`cas/${row.sha256}`)).toBeNull();
    expect((await casGet(row.sha256)).status).toBe(404);
    const visibility = await env.DB.prepare("SELECT blob_visibility AS v FROM coredumps WHERE id = ?1").bind(id).first<{ v: string }>();
    expect(visibility!.v).toBe("private");

    const version = (await env.BUCKET.head(`private/cas/${row.sha256}`))!.version;
    const again = await postDump(token, device, dump);
    expect(again).not.toBe(id);
    expect((await env.BUCKET.head(`private/cas/${row.sha256}`))!.version).toBe(version);
  });

  it("gives signed links in the coredump detail, the device's list and the parse result answer", async () => {
    const model = await createModel();
    const { device, token } = await deviceWithToken(model);
    const id = await postDump(token, device, noise(700));
    const before = nowSeconds();
    const detail = (await (await api(`/coredumps/${id}`)).json()) as CoredumpJson;
    const list = (await (await api(`/devices/${device}/coredumps`)).json()) as CoredumpJson[];
    const after = nowSeconds();
    for (const row of [detail, list[0]!]) {
      const link = await signedLink(row.download_url, row.sha256);
      expect(link.view).toEqual({ filename: `coredump-${device}-${id}.bin` });
      expectExpiry(link.expires, WINDOW, before, after);
    }
  });

  it("signs the claim answer's dump_url and elf_url, and the answer to the parser's result", async () => {
    await env.DB.prepare("UPDATE coredumps SET status = 'FAILED' WHERE status = 'PENDING'").run();
    const model = await createModel();
    const build = await publish(model, "4.0.0");
    const { device, token } = await deviceWithToken(model);
    const dump = elfCoredump(build.elfSha256.slice(0, 9));
    const id = await postDump(token, device, dump);
    const { token: parser } = await tokenWith(["coredumps:parse"]);
    const before = nowSeconds();
    const res = await as(parser, "/coredumps/claim", { method: "POST" });
    const after = nowSeconds();
    expect(res.status).toBe(200);
    const lease = (await res.json()) as { coredump_id: number; lease_id: string; dump_url: string; elf_url: string };
    expect(lease.coredump_id).toBe(id);
    const sha = await sha256Hex(dump);
    expectExpiry((await signedLink(lease.dump_url, sha)).expires, WINDOW, before, after);
    expectExpiry((await signedLink(lease.elf_url, build.elfSha256)).expires, WINDOW, before, after);

    const done = await as(parser, `/coredumps/${id}/result`, {
      method: "POST",
      body: JSON.stringify({ lease_id: lease.lease_id, status: "PARSED", result: "bt" }),
      headers: { "Content-Type": "application/json" },
    });
    expect(done.status).toBe(200);
    const row = (await done.json()) as CoredumpJson;
    await signedLink(row.download_url, sha);
  });
});

describe("the OTA answer", { timeout: 30_000 }, () => {
  it("offers a signed link to the app image that lives at least OTA_LINK_SECONDS, in an answer no shared cache keeps", async () => {
    const model = await createModel();
    const build = await publish(model, "5.0.0");
    const { device, token } = await deviceWithToken(model);
    const before = nowSeconds();
    const res = await as(token, `/devices/${device}/firmware?version=4.0.0`);
    const after = nowSeconds();
    expect(res.status).toBe(200);
    const cacheControl = res.headers.get("Cache-Control") ?? "";
    expect(cacheControl).toContain("no-store");
    expect(cacheControl).toContain("private");
    expect(cacheControl).not.toContain("public");
    const offer = (await res.json()) as { url: string; sha256: string };
    expect(offer.sha256).toBe(build.appSha256);
    const link = await signedLink(offer.url, build.appSha256);
    expect(link.view).toEqual({});
    expectExpiry(link.expires, config(env).otaLinkSeconds, before, after);
    // Longer than the links other answers carry: a slow device's download outlives one window.
    expect(link.expires - after).toBeGreaterThan(2 * WINDOW);
  });

  it("follows OTA_LINK_SECONDS as configured", async () => {
    const model = await createModel();
    const build = await publish(model, "6.0.0");
    const { device, token } = await deviceWithToken(model);
    const threeDays = 72 * 3600;
    const before = nowSeconds();
    const res = await fetchWith(
      new Request(`${ORIGIN}/api/devices/${device}/firmware?version=5.0.0`, { headers: { Authorization: `Bearer ${token}` } }),
      { OTA_LINK_SECONDS: String(threeDays) } as Partial<Env>,
    );
    const after = nowSeconds();
    expect(res.status).toBe(200);
    const offer = (await res.json()) as { url: string };
    expectExpiry((await signedLink(offer.url, build.appSha256)).expires, threeDays, before, after);
  });

  it("answers 204 with the same Cache-Control when the device is current", async () => {
    const model = await createModel();
    await publish(model, "7.0.0");
    const { device, token } = await deviceWithToken(model);
    const res = await as(token, `/devices/${device}/firmware?version=7.0.0`);
    expect(res.status).toBe(204);
    expect(res.headers.get("Cache-Control")).toBe("private, no-store");
  });
});
