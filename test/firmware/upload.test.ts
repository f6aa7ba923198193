import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { STAGING_PREFIX } from "../../src/blobs/keys";
import { api } from "../support/api";
import { espBuild, sha256Hex, zip } from "../support/esp-build";
import { createModel, type FirmwareJson, firmwareCount, privateBytes, uploadZip } from "../support/firmware";

describe("POST /api/device-models/:model/firmware", { timeout: 20_000 }, () => {
  it("stores every artifact (privately) and records the version the app image names", async () => {
    const model = await createModel();
    const build = await espBuild({ version: "v1.2.0", appSize: 120_000, elfSize: 90_000 });
    const res = await uploadZip(model, zip(build.files));
    expect(res.status).toBe(201);
    const body = (await res.json()) as FirmwareJson;
    expect(body).toMatchObject({ model, version: "v1.2.0", project_name: "sensor-node", idf_ver: "v5.3.1", app_elf_sha256: build.elfSha256 });
    const kinds = Object.fromEntries(body.artifacts.map((a) => [a.name, a.kind]));
    expect(kinds).toEqual({
      "sensor-node.bin": "app",
      "sensor-node.elf": "elf",
      "sensor-node.map": "map",
      "bootloader/bootloader.bin": "bootloader",
      "partition_table/partition-table.bin": "partition_table",
      "version.json": "version_json",
    });
    for (const artifact of body.artifacts) {
      const original = build.files[artifact.name]!;
      expect(artifact.sha256).toBe(await sha256Hex(original));
      expect(artifact.size).toBe(original.length);
      expect(await privateBytes(artifact.sha256)).toEqual(original);
    }
    // The ELF is stored under its own hash, which is the one the app image names.
    expect(body.artifacts.find((a) => a.kind === "elf")!.sha256).toBe(build.elfSha256);
    expect((await env.BUCKET.list({ prefix: STAGING_PREFIX })).objects).toEqual([]);
  }, 30_000);

  it("answers 200 for the same version with the same bytes, 409 for different bytes, and records once", async () => {
    const model = await createModel();
    const build = await espBuild({ version: "2.0.0" });
    expect((await uploadZip(model, zip(build.files))).status).toBe(201);
    // Same files, zipped differently (stored instead of deflated): the same bytes.
    const again = await uploadZip(model, zip(build.files, 0));
    expect(again.status).toBe(200);
    expect(((await again.json()) as FirmwareJson).app_elf_sha256).toBe(build.elfSha256);

    const rebuilt = await espBuild({ version: "2.0.0" });
    const conflict = await uploadZip(model, zip(rebuilt.files));
    expect(conflict.status).toBe(409);
    expect(conflict.headers.get("Content-Type")).toBe("application/problem+json");
    expect(await firmwareCount(model)).toBe(1);
  });

  it("deduplicates artifacts shared between versions", async () => {
    const model = await createModel();
    const first = await espBuild({ version: "1.0.0" });
    const second = await espBuild({ version: "1.0.1", files: { "bootloader/bootloader.bin": first.files["bootloader/bootloader.bin"]! } });
    await uploadZip(model, zip(first.files));
    const res = await uploadZip(model, zip(second.files));
    expect(res.status).toBe(201);
    const shared = await sha256Hex(first.files["bootloader/bootloader.bin"]!);
    const rows = await env.DB.prepare("SELECT count(*) AS n FROM firmware_artifacts WHERE sha256 = ?1").bind(shared).first<{ n: number }>();
    expect(rows!.n).toBe(2);
  });

  it("lists a model's versions newest first", async () => {
    const model = await createModel();
    for (const version of ["1.0.0", "1.1.0"]) await uploadZip(model, zip((await espBuild({ version })).files));
    const list = (await (await api(`/device-models/${model}/firmware`)).json()) as FirmwareJson[];
    expect(list.map((f) => f.version)).toEqual(["1.1.0", "1.0.0"]);
    const one = await api(`/device-models/${model}/firmware/1.0.0`);
    expect(((await one.json()) as FirmwareJson).version).toBe("1.0.0");
    expect((await api(`/device-models/${model}/firmware/9.9.9`)).status).toBe(404);
  });

  it("keeps the newest MAX_FIRMWARES versions and leaves their blobs to GC", async () => {
    const model = await createModel();
    const builds = [];
    for (let i = 0; i < 6; i++) {
      const build = await espBuild({ version: `1.0.${i}` });
      builds.push(build);
      const res = await uploadZip(model, zip(build.files));
      expect(res.status).toBe(201);
      if (i === 5) expect(((await res.json()) as FirmwareJson).pruned_versions).toEqual(["1.0.0"]);
    }
    const list = (await (await api(`/device-models/${model}/firmware`)).json()) as FirmwareJson[];
    expect(list.map((f) => f.version)).toEqual(["1.0.5", "1.0.4", "1.0.3", "1.0.2", "1.0.1"]);
    // Rows go; the blob stays until GC finds nothing referencing it.
    expect(await env.BUCKET.head(`private/cas/${builds[0]!.appSha256}`)).not.toBeNull();
    const refs = await env.DB.prepare("SELECT count(*) AS n FROM blob_references WHERE hash = ?1").bind(builds[0]!.appSha256).first<{ n: number }>();
    expect(refs!.n).toBe(0);
  }, 30_000);
});
