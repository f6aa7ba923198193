import { describe, expect, it } from "vitest";
import { api } from "../support/api";
import { elfCoredump } from "../support/esp-build";
import { type CoredumpJson, createModel, deviceWithToken, privateBytes, publish, sendCoredump } from "../support/firmware";

/** An ESP_CORE_DUMP_INFO desc: the uint32 version, then `text` with no NUL anywhere. */
function unterminatedInfo(text: Uint8Array): Uint8Array {
  const desc = new Uint8Array(4 + text.length);
  new DataView(desc.buffer).setUint32(0, 0x0103, true);
  desc.set(text, 4);
  return desc;
}

describe("coredumps whose ESP_CORE_DUMP_INFO note is not what ESP-IDF writes", { timeout: 20_000 }, () => {
  it.each([
    ["120 KB of hex digits", new Uint8Array(120 * 1024).fill(0x61)],
    ["120 KB of bytes that are not ASCII", new Uint8Array(120 * 1024).fill(0xe9)],
  ])("a note holding %s without a NUL is stored, the note ignored and the dump unmatched", async (_, text) => {
    const model = await createModel();
    await publish(model, "1.0.0");
    const { device, token } = await deviceWithToken(model);
    const dump = elfCoredump(null, 24, { infoDesc: unterminatedInfo(text) });
    const res = await sendCoredump(token, device, dump);
    expect(res.status).toBe(201);
    const { coredump_id } = (await res.json()) as { coredump_id: number };
    const row = (await (await api(`/coredumps/${coredump_id}`)).json()) as CoredumpJson;
    expect(row).toMatchObject({ device, status: "PENDING", elf_sha256_prefix: null, app_elf_sha256: null });
    expect(await privateBytes(row.sha256)).toEqual(dump);
  });

  it("a note longer than its field still gives the prefix a NUL ends within the field", async () => {
    const model = await createModel();
    const build = await publish(model, "1.0.0");
    const { device, token } = await deviceWithToken(model);
    const text = new Uint8Array(120 * 1024).fill(0x61);
    text.set(new TextEncoder().encode(`${build.elfSha256.slice(0, 9)}\0`));
    const res = await sendCoredump(token, device, elfCoredump(null, 24, { infoDesc: unterminatedInfo(text) }));
    expect(res.status).toBe(201);
    const { coredump_id } = (await res.json()) as { coredump_id: number };
    expect(await (await api(`/coredumps/${coredump_id}`)).json()).toMatchObject({
      elf_sha256_prefix: build.elfSha256.slice(0, 9),
      app_elf_sha256: build.elfSha256,
    });
  });
});
