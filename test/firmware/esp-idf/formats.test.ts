import { describe, expect, it } from "vitest";
import { readAppDescriptor } from "../../../src/firmware/esp-idf/app-image";
import { elfShaPrefixOf } from "../../../src/firmware/esp-idf/coredump-format";
import { compareSemver } from "../../../src/firmware/semver";
import { appImage, elfCoredump, noise } from "../../support/esp-build";

const elf = "0123456789abcdef".repeat(4);

describe("the app descriptor of an ESP-IDF image", () => {
  it("reads version, project, IDF version and ELF hash at offset 32", () => {
    const d = readAppDescriptor(appImage({ version: "v3.1.4-rc1", elfSha256: elf, projectName: "gw", idfVer: "v5.2" }), "app.bin");
    expect(d).toMatchObject({ version: "v3.1.4-rc1", projectName: "gw", idfVer: "v5.2", appElfSha256: elf, date: "Nov 27 2026", time: "12:00:00" });
  });

  it("refuses a wrong image magic, segment count, descriptor magic, empty version or a short file", () => {
    const good = appImage({ version: "1", elfSha256: elf });
    const broken = (patch: (b: Uint8Array) => void) => {
      const b = good.slice();
      patch(b);
      return () => readAppDescriptor(b, "app.bin");
    };
    expect(broken((b) => (b[0] = 0xe8))).toThrow(/0xE9/);
    expect(broken((b) => (b[1] = 0))).toThrow(/segment count/);
    expect(broken((b) => (b[35] = 0))).toThrow(/0xABCD5432/);
    expect(broken((b) => (b[48] = 0))).toThrow(/empty version/);
    expect(broken((b) => b.fill(0, 176, 208))).toThrow(/all zeros/);
    expect(() => readAppDescriptor(good.subarray(0, 100), "app.bin")).toThrow(/only 100 bytes/);
  });
});

describe("the ELF SHA-256 prefix of a core dump", () => {
  it("comes from the ESP_CORE_DUMP_INFO note, after a 24- or 20-byte header or none", () => {
    for (const header of [24, 20, 0] as const) expect(elfShaPrefixOf(elfCoredump(elf.slice(0, 9), header))).toBe(elf.slice(0, 9));
    expect(elfShaPrefixOf(elfCoredump(elf))).toBe(elf);
  });

  it("is null when the dump carries none or is not an ELF dump", () => {
    expect(elfShaPrefixOf(elfCoredump(null))).toBeNull();
    expect(elfShaPrefixOf(noise(2000))).toBeNull();
    expect(elfShaPrefixOf(new Uint8Array(0))).toBeNull();
    // Too short to identify anything (ESP-IDF's minimum is 8).
    expect(elfShaPrefixOf(elfCoredump("0123"))).toBeNull();
    // A note pointing past the end of the file.
    const cut = elfCoredump(elf.slice(0, 9));
    expect(elfShaPrefixOf(cut.subarray(0, cut.length - 100))).toBeNull();
  });
});

describe("semantic version order", () => {
  it("orders releases, pre-releases and a leading v", () => {
    expect(compareSemver("1.2.0", "1.10.0")).toBe(-1);
    expect(compareSemver("v2.0.0", "1.9.9")).toBe(1);
    expect(compareSemver("1.0.0", "1.0.0-rc.1")).toBe(1);
    expect(compareSemver("1.0.0-rc.2", "1.0.0-rc.10")).toBe(-1);
    expect(compareSemver("1.0.0", "v1.0.0")).toBe(0);
    expect(compareSemver("nightly", "1.0.0")).toBeUndefined();
  });
});
