import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { api } from "../support/api";
import { ORIGIN } from "../support/blobs";
import { elfCoredump, noise } from "../support/esp-build";
import { type CoredumpJson, createModel, deviceWithToken, privateBytes, publish, sendCoredump, signedLink } from "../support/firmware";
import { fetchWith } from "../support/worker";

async function coredump(id: number): Promise<CoredumpJson> {
  return (await api(`/coredumps/${id}`)).json();
}

async function postDump(token: string, device: string, dump: Uint8Array, headers: Record<string, string> = {}): Promise<number> {
  const res = await sendCoredump(token, device, dump, headers);
  expect(res.status).toBe(201);
  return ((await res.json()) as { coredump_id: number }).coredump_id;
}

describe("POST /api/devices/:device/coredumps", { timeout: 20_000 }, () => {
  it("stores the dump as a private blob, queued PENDING and matched to its ELF by the 9-digit prefix it carries", async () => {
    const model = await createModel();
    const build = await publish(model, "1.0.0");
    await publish(model, "1.1.0");
    const { device, token } = await deviceWithToken(model);
    const dump = elfCoredump(build.elfSha256.slice(0, 9));
    const id = await postDump(token, device, dump, { "X-Firmware-Version": "1.1.0" });

    const row = await coredump(id);
    // The dump's own prefix beats what the device says it runs.
    expect(row).toMatchObject({ device, status: "PENDING", elf_sha256_prefix: build.elfSha256.slice(0, 9), app_elf_sha256: build.elfSha256 });
    expect(await privateBytes(row.sha256)).toEqual(dump);
    expect((await signedLink(row.download_url, row.sha256)).view).toEqual({ filename: `coredump-${device}-${id}.bin` });
  });

  it("falls back to the version the device reports, in the header or last seen", async () => {
    const model = await createModel();
    const build = await publish(model, "3.0.0");
    const { device, token } = await deviceWithToken(model);
    const byHeader = await postDump(token, device, elfCoredump(null), { "X-Firmware-Version": "3.0.0" });
    expect((await coredump(byHeader)).app_elf_sha256).toBe(build.elfSha256);
    // Binary-format dumps carry no hash at all; the device's last reported version decides.
    const binary = await postDump(token, device, noise(4000));
    expect(await coredump(binary)).toMatchObject({ firmware_version: "3.0.0", app_elf_sha256: build.elfSha256, elf_sha256_prefix: null });
  });

  it("treats a prefix two stored ELFs share as unmatched unless the reported version settles it", async () => {
    const model = await createModel();
    const { device, token } = await deviceWithToken(model);
    // Given two versions whose ELF hashes share their first nine hex digits.
    const shared = "abcdef012";
    const [a, b] = [`${shared}${"1".repeat(55)}`, `${shared}${"2".repeat(55)}`];
    for (const [version, elf] of [
      ["5.0.0", a],
      ["5.0.1", b],
    ]) {
      await env.DB.prepare(
        "INSERT INTO firmware_versions (model_key, version, project_name, idf_ver, build_date, build_time, app_elf_sha256) VALUES (?1, ?2, 'p', 'v5', 'd', 't', ?3)",
      )
        .bind(model, version, elf)
        .run();
    }
    const ambiguous = await postDump(token, device, elfCoredump(shared));
    expect((await coredump(ambiguous)).app_elf_sha256).toBeNull();
    const settled = await postDump(token, device, elfCoredump(shared), { "X-Firmware-Version": "5.0.1" });
    expect((await coredump(settled)).app_elf_sha256).toBe(b);
    // A dump naming another build is never read against the reported version's ELF.
    const contradicting = await postDump(token, device, elfCoredump("999999999"), { "X-Firmware-Version": "5.0.1" });
    expect((await coredump(contradicting)).app_elf_sha256).toBeNull();
  });

  it("keeps the newest MAX_COREDUMPS per device", async () => {
    const model = await createModel();
    const { device, token } = await deviceWithToken(model);
    const ids: number[] = [];
    for (let i = 0; i < 4; i++) {
      const dump = noise(500);
      const res = await fetchWith(
        new Request(`${ORIGIN}/api/devices/${device}/coredumps`, {
          method: "POST",
          body: dump,
          headers: { Authorization: `Bearer ${token}`, "Content-Length": String(dump.length) },
        }),
        { MAX_COREDUMPS: "3" },
      );
      expect(res.status).toBe(201);
      ids.push(((await res.json()) as { coredump_id: number }).coredump_id);
    }
    const list = (await (await api(`/devices/${device}/coredumps`)).json()) as CoredumpJson[];
    expect(list.map((c) => c.id)).toEqual(ids.slice(1).reverse());
  });

  it("lets operators list, read and delete dumps (the blob is left to GC)", async () => {
    const model = await createModel();
    const { device, token } = await deviceWithToken(model);
    const id = await postDump(token, device, noise(800));
    const sha = (await coredump(id)).sha256;
    expect(((await (await api(`/devices/${device}/coredumps`)).json()) as CoredumpJson[]).map((c) => c.id)).toEqual([id]);
    expect((await api(`/coredumps/${id}`, { method: "DELETE" })).status).toBe(204);
    expect((await api(`/coredumps/${id}`)).status).toBe(404);
    expect((await api(`/coredumps/${id}`, { method: "DELETE" })).status).toBe(404);
    expect(await env.BUCKET.head(`private/cas/${sha}`)).not.toBeNull();
  });

  it("refuses empty, oversized and unsized bodies", async () => {
    const model = await createModel();
    const { device, token } = await deviceWithToken(model);
    expect((await sendCoredump(token, device, new Uint8Array(0))).status).toBe(400);
    const big = await sendCoredump(token, device, new Uint8Array(10), { "Content-Length": String(1024 * 1024 + 1) });
    expect(big.status).toBe(413);
    const streamed = new Request(`${ORIGIN}/api/devices/${device}/coredumps`, {
      method: "POST",
      body: new Response(noise(10)).body,
      headers: { Authorization: `Bearer ${token}` },
      duplex: "half",
    } as RequestInit);
    expect((await fetchWith(streamed)).status).toBe(411);
    expect(((await (await api(`/devices/${device}/coredumps`)).json()) as unknown[]).length).toBe(0);
  });
});
