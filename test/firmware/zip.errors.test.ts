import { describe, expect, it } from "vitest";
import { concat } from "../support/bytes";
import { espBuild, noise } from "../support/esp-build";
import { createModel, firmwareCount, nothingStored, uploadZip } from "../support/firmware";
import { type HandEntry, type HandZipOptions, handEntries, handZip, unicodePathExtra } from "../support/zip-build";

const encoder = new TextEncoder();

/** A build's files as hand-written entries, the ELF (the second entry) at index 1. */
async function build() {
  const { files } = await espBuild({ version: "1.0.0" });
  const entries = handEntries(files);
  expect(new TextDecoder().decode(entries[1]!.local.name)).toBe("sensor-node.elf");
  return { files, entries };
}

async function expectRefused(
  files: Record<string, Uint8Array>,
  entries: HandEntry[],
  status: number,
  detail: RegExp,
  options: HandZipOptions = {},
): Promise<void> {
  const model = await createModel();
  const res = await uploadZip(model, handZip(entries, options));
  expect(res.status).toBe(status);
  expect(res.headers.get("Content-Type")).toBe("application/problem+json");
  expect(((await res.json()) as { detail: string }).detail).toMatch(detail);
  expect(await firmwareCount(model)).toBe(0);
  expect(await nothingStored(files)).toBe(true);
}

describe("hand-written ZIPs", { timeout: 20_000 }, () => {
  it.each([8, 0] as const)("are accepted when both listings agree (method %d)", async (method) => {
    // A partition table and version of its own: the refusals below check that their builds' files are nowhere in cas/.
    const { files } = await espBuild({ version: `2.0.${method}`, files: { "partition_table/partition-table.bin": noise(3072) } });
    const entries = handEntries(files, method);
    const res = await uploadZip(await createModel(), handZip(entries, { centralOrder: [5, 4, 3, 2, 1, 0] }));
    expect(res.status).toBe(201);
  });
});

describe("a central directory that disagrees with the local headers is refused with 422 naming the entry and the field", { timeout: 20_000 }, () => {
  it("compression method", async () => {
    const { files, entries } = await build();
    entries[1]!.central.method = 0;
    await expectRefused(files, entries, 422, /Entry "sensor-node\.elf": the central directory says compression method 0, its local header 8/);
  });

  it("the data-descriptor flag (bit 3), set only in the central record", async () => {
    const { files, entries } = await build();
    entries[1]!.central.flags |= 0x08;
    await expectRefused(files, entries, 422, /Entry "sensor-node\.elf": the central directory says flags 0x0008, its local header 0x0000/);
  });

  it("the encryption flag, set only in the central record", async () => {
    const { files, entries } = await build();
    entries[2]!.central.flags |= 0x01;
    await expectRefused(files, entries, 422, /Entry "sensor-node\.map": the central directory says flags/);
  });

  it("CRC-32", async () => {
    const { files, entries } = await build();
    entries[1]!.central.crc = (entries[1]!.central.crc ^ 0x10) >>> 0;
    await expectRefused(files, entries, 422, /Entry "sensor-node\.elf": the central directory says CRC-32 0x[0-9a-f]{8}, its local header/);
  });

  it("compressed size", async () => {
    const { files, entries } = await build();
    entries[1]!.central.compressedSize += 1;
    await expectRefused(files, entries, 422, /Entry "sensor-node\.elf": the central directory says compressed size \d+, its local header \d+/);
  });

  it("uncompressed size", async () => {
    const { files, entries } = await build();
    entries[1]!.central.size -= 1;
    await expectRefused(files, entries, 422, /Entry "sensor-node\.elf": the central directory says uncompressed size 8191, its local header 8192/);
  });

  it("name", async () => {
    const { files, entries } = await build();
    entries[1]!.central.name = encoder.encode("sensor-node.exe");
    await expectRefused(files, entries, 422, /Entry "sensor-node\.elf": the central directory says name "sensor-node\.exe"/);
  });

  it("a local header offset where no entry starts", async () => {
    const { files, entries } = await build();
    entries[1]!.central.offset = 1;
    await expectRefused(files, entries, 422, /record of "sensor-node\.elf" points at byte 1, where no entry starts/);
  });

  it("two records pointing at one entry (overlapping entries)", async () => {
    const { files, entries } = await build();
    const { offset: _, ...first } = entries[0]!.central;
    entries[1]!.central = { ...first, offset: 0 };
    await expectRefused(files, entries, 422, /two records point at the entry "sensor-node\.bin"/);
  });

  it("where the central directory starts", async () => {
    const { files, entries } = await build();
    const archive = handZip(entries);
    const actual = new DataView(archive.buffer).getUint32(archive.length - 6, true);
    await expectRefused(files, entries, 422, new RegExp(`starts at byte ${actual - 16}, the entries end at byte ${actual}`), {
      centralOffset: actual - 16,
    });
  });

  it("bytes between the central records and the end record", async () => {
    const { files, entries } = await build();
    await expectRefused(files, entries, 422, /16 bytes lie between its records and its end record/, { beforeEnd: new Uint8Array(16) });
  });

  it("a Unicode Path extra field naming the entry otherwise, in the central record or the local header", async () => {
    for (const side of ["central", "local"] as const) {
      const { files, entries } = await build();
      entries[2]!.central.extra = new Uint8Array(0);
      entries[2]![side].extra = unicodePathExtra(entries[2]!.local.name, "firmware.exe");
      await expectRefused(files, entries, 422, /Entry "sensor-node\.map": .*Unicode Path extra field names it "firmware\.exe"/);
    }
  });
});

describe("an entry's data must end exactly at its compressed size", { timeout: 20_000 }, () => {
  it.each([7, 70_000])("%d junk bytes after the deflate stream, counted in both headers, are refused with 422", async (junk) => {
    const { files, entries } = await build();
    const elf = entries[1]!;
    elf.data = concat([elf.data, new Uint8Array(junk).fill(0x5a)]);
    elf.local.compressedSize += junk;
    elf.central.compressedSize += junk;
    await expectRefused(
      files,
      entries,
      422,
      new RegExp(`Entry "sensor-node\\.elf": its deflate stream ends ${junk} bytes before the compressed size`),
    );
  });

  it("a second deflate stream appended after the first is junk too", async () => {
    const { files, entries } = await build();
    const elf = entries[1]!;
    const again = elf.data;
    elf.data = concat([elf.data, again]);
    elf.local.compressedSize += again.length;
    elf.central.compressedSize += again.length;
    await expectRefused(files, entries, 422, new RegExp(`ends ${again.length} bytes before the compressed size`));
  });
});

describe("entry names", { timeout: 20_000 }, () => {
  it.each([
    ["case", "Readme.txt", "README.txt"],
    ["Unicode normalisation (NFC, NFD)", "Schaltplan-\u00fc.txt", "Schaltplan-u\u0308.txt"],
    ["case in a directory", "docs/a.txt", "Docs/a.txt"],
  ])("that differ only by %s are refused as duplicates", async (_, first, second) => {
    const { files } = await espBuild({ version: "1.0.0" });
    const entries = handEntries({ ...files, [first]: encoder.encode("one"), [second]: encoder.encode("two") });
    await expectRefused(
      files,
      entries,
      422,
      new RegExp(`"${second}": the name appears twice: "${first}" differs from it only by case or Unicode normalisation`),
    );
  });

  it.each([
    ["U+202E", "\u202Egnp.exe"],
    ["U+2066", "a\u2066b.bin"],
    ["U+200F", "notes\u200F.txt"],
    ["U+061C", "x\u061C.txt"],
    ["U+200B", "sensor\u200B-node.txt"],
    ["U+2060", "a\u2060.txt"],
    ["U+FEFF", "\uFEFFreadme.txt"],
  ])("holding the bidi or zero-width character %s are refused, the detail showing it escaped", async (code, name) => {
    const { files } = await espBuild({ version: "1.0.0" });
    const entries = handEntries({ ...files, [name]: encoder.encode("x") });
    const model = await createModel();
    const res = await uploadZip(model, handZip(entries));
    expect(res.status).toBe(422);
    const { detail } = (await res.json()) as { detail: string };
    expect(detail).toContain(`character ${code} in the name`);
    expect(detail).toContain(`<${code}>`);
    expect(detail).not.toMatch(/[\u200B-\u200F\u202A-\u202E\u2060-\u2069\u061C\uFEFF]/);
    expect(await firmwareCount(model)).toBe(0);
    expect(await nothingStored(files)).toBe(true);
  });
});
