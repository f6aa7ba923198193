import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { api } from "../support/api";
import { ORIGIN, randomBytes, WRITE_TOKEN } from "../support/blobs";
import { espBuild, noise, zip } from "../support/esp-build";
import { createModel, firmwareCount, nothingStored, uploadZip } from "../support/firmware";
import { fetchWith } from "../support/worker";

const encoder = new TextEncoder();

/** Replaces every occurrence of one entry name by another of the same length (local and central headers alike). */
function rename(archive: Uint8Array, from: string, to: string): Uint8Array {
  const a = encoder.encode(from);
  const b = encoder.encode(to);
  if (a.length !== b.length) throw new Error("same length only");
  const out = archive.slice();
  for (let i = 0; i + a.length <= out.length; i++) if (a.every((x, j) => out[i + j] === x)) out.set(b, i);
  return out;
}

/** Sets bits in the general-purpose flags of every local and central header. */
function setFlags(archive: Uint8Array, bits: number): Uint8Array {
  const out = archive.slice();
  const v = new DataView(out.buffer);
  for (let i = 0; i + 4 <= out.length; i++) {
    const sig = v.getUint32(i, true);
    if (sig === 0x04034b50) v.setUint16(i + 6, v.getUint16(i + 6, true) | bits, true);
    if (sig === 0x02014b50) v.setUint16(i + 8, v.getUint16(i + 8, true) | bits, true);
  }
  return out;
}

async function expectRefused(model: string, archive: Uint8Array, status: number, detail: RegExp, files: Record<string, Uint8Array> = {}) {
  const res = await uploadZip(model, archive);
  expect(res.status).toBe(status);
  expect(res.headers.get("Content-Type")).toBe("application/problem+json");
  expect(((await res.json()) as { detail: string }).detail).toMatch(detail);
  expect(await firmwareCount(model)).toBe(0);
  expect(await nothingStored(files)).toBe(true);
}

describe("firmware ZIPs that are refused, leaving no row and no blob", { timeout: 20_000 }, () => {
  it("not a ZIP", async () => {
    await expectRefused(await createModel(), randomBytes(5000), 415, /not a ZIP/);
  });

  it("an entry flagged as encrypted", async () => {
    const { files } = await espBuild({ version: "1.0.0" });
    await expectRefused(await createModel(), setFlags(zip(files), 0x01), 422, /encrypted/, files);
  });

  it("an entry that climbs out with ../ or starts at /", async () => {
    const { files } = await espBuild({ version: "1.0.0" });
    const model = await createModel();
    await expectRefused(model, zip({ ...files, "../../etc/cron.d/x": encoder.encode("evil") }), 422, /"\.\."/, files);
    await expectRefused(model, zip({ ...files, "/etc/passwd": encoder.encode("evil") }), 422, /absolute/, files);
  });

  it("two entries with the same name", async () => {
    const { files } = await espBuild({ version: "1.0.0" });
    const archive = rename(zip({ ...files, "sensor-node.elX": noise(100) }), "sensor-node.elX", "sensor-node.elf");
    await expectRefused(await createModel(), archive, 422, /twice/, files);
  });

  it("more than 64 entries", async () => {
    const { files } = await espBuild({ version: "1.0.0" });
    const many = Object.fromEntries(Array.from({ length: 60 }, (_, i) => [`extra/${i}.txt`, encoder.encode(`file ${i}`)]));
    await expectRefused(await createModel(), zip({ ...files, ...many }), 422, /more than 64 entries/, files);
  });

  it("a zip bomb: a long run of zeros, refused before it is inflated", async () => {
    const { files } = await espBuild({ version: "1.0.0" });
    const archive = zip({ "zeros.bin": new Uint8Array(20 * 1024 * 1024), ...files });
    expect(archive.length).toBeLessThan(100_000);
    await expectRefused(await createModel(), archive, 413, /ratio over 100:1/, files);
  });

  it("a zip bomb whose header understates its size, stopped while inflating", async () => {
    const { files } = await espBuild({ version: "1.0.0" });
    const archive = zip({ "zeros.bin": new Uint8Array(20 * 1024 * 1024), ...files });
    // Rewrite the declared uncompressed size of zeros.bin (first local header) to 1000 bytes.
    const lying = archive.slice();
    new DataView(lying.buffer).setUint32(22, 1000, true);
    await expectRefused(await createModel(), lying, 413, /more than the 1000 bytes/, files);
  });

  it("more inflated bytes in total than MAX_FIRMWARE_UNZIPPED_BYTES", async () => {
    const model = await createModel();
    const { files } = await espBuild({ version: "1.0.0", appSize: 200_000 });
    const archive = zip(files);
    const request = new Request(`${ORIGIN}/api/device-models/${model}/firmware`, {
      method: "POST",
      body: archive,
      headers: { Authorization: "Bearer test-api-token", "Content-Length": String(archive.length) },
    });
    const res = await fetchWith(request, { MAX_FIRMWARE_UNZIPPED_BYTES: "100000" });
    expect(res.status).toBe(413);
    expect(await firmwareCount(model)).toBe(0);
    expect(await nothingStored(files)).toBe(true);
  });

  it("no app .bin", async () => {
    const { files } = await espBuild({ version: "1.0.0", files: { "sensor-node.bin": null } });
    await expectRefused(await createModel(), zip(files), 422, /no app image/, files);
  });

  it("a .bin without a valid app descriptor", async () => {
    const { files } = await espBuild({ version: "1.0.0" });
    const broken = files["sensor-node.bin"]!.slice();
    broken[32] = 0; // esp_app_desc_t.magic_word
    await expectRefused(await createModel(), zip({ ...files, "sensor-node.bin": broken }), 422, /0xABCD5432/, files);
  });

  it("an .elf that does not hash to app_elf_sha256", async () => {
    const { files } = await espBuild({ version: "1.0.0", descriptorElfSha256: "ab".repeat(32) });
    await expectRefused(await createModel(), zip(files), 422, /No \.elf .* hashes to the app's app_elf_sha256 abab/, files);
  });

  it("no .elf at all", async () => {
    const { files } = await espBuild({ version: "1.0.0", files: { "sensor-node.elf": null } });
    await expectRefused(await createModel(), zip(files), 422, /no \.elf/, files);
  });

  it("a truncated archive", async () => {
    const { files } = await espBuild({ version: "1.0.0" });
    const archive = zip(files);
    await expectRefused(await createModel(), archive.subarray(0, archive.length - 200), 400, /central directory|ends/, files);
  });

  it("entries whose sizes follow the data (data descriptor)", async () => {
    const { files } = await espBuild({ version: "1.0.0" });
    await expectRefused(await createModel(), setFlags(zip(files), 0x08), 422, /data descriptor/, files);
  });

  it("a corrupted byte inside a stored entry (CRC-32)", async () => {
    const { files } = await espBuild({ version: "1.0.0" });
    const archive = zip(files, 0);
    // Inside sensor-node.bin, the first entry, past its descriptor.
    archive[1000] = archive[1000]! ^ 0xff;
    await expectRefused(await createModel(), archive, 400, /CRC-32 mismatch/, files);
  });
});

describe("firmware upload requests that are refused", { timeout: 20_000 }, () => {
  it("needs Content-Length, an existing model and a body within the limit", async () => {
    const model = await createModel();
    const archive = zip((await espBuild({ version: "1.0.0" })).files);
    const streamed = new Request(`${ORIGIN}/api/device-models/${model}/firmware`, {
      method: "POST",
      body: new Response(archive).body,
      headers: { Authorization: "Bearer test-api-token" },
      duplex: "half",
    } as RequestInit);
    expect((await fetchWith(streamed)).status).toBe(411);
    expect((await uploadZip("no-such-model", archive)).status).toBe(404);
    const huge = await uploadZip(model, new Uint8Array(10), { "Content-Length": String(65 * 1024 * 1024) });
    expect(huge.status).toBe(413);
  });

  it("needs a token with parts:write", async () => {
    const model = await createModel();
    const archive = zip((await espBuild({ version: "1.0.0" })).files);
    const url = `${ORIGIN}/api/device-models/${model}/firmware`;
    const anonymous = await fetchWith(new Request(url, { method: "POST", body: archive }));
    expect(anonymous.status).toBe(401);
    const wrong = await fetchWith(new Request(url, { method: "POST", body: archive, headers: { Authorization: `Bearer ${WRITE_TOKEN}` } }));
    expect(wrong.status).toBe(403);
    expect(await firmwareCount(model)).toBe(0);
  });
});

describe("device models", { timeout: 20_000 }, () => {
  it("are created once, listed and read", async () => {
    const res = await api("/device-models", { method: "POST", json: { key: "esp32-gw", name: "Gateway" } });
    expect(res.status).toBe(201);
    expect((await api("/device-models", { method: "POST", json: { key: "esp32-gw", name: "Again" } })).status).toBe(409);
    expect((await api("/device-models", { method: "POST", json: { key: "bad key!", name: "x" } })).status).toBe(400);
    const list = (await (await api("/device-models")).json()) as Array<{ key: string }>;
    expect(list.map((m) => m.key)).toContain("esp32-gw");
    expect((await api("/device-models/esp32-gw")).status).toBe(200);
    expect((await api("/device-models/nope")).status).toBe(404);
    expect(await env.DB.prepare("SELECT name FROM device_models WHERE key = 'esp32-gw'").first("name")).toBe("Gateway");
  });
});
