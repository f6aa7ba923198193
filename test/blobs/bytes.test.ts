import { describe, expect, it } from "vitest";
import { concat, hex, u16be, u16le, u24le, u32be, u32le } from "../../src/blobs/bytes";
import { crc32 } from "../../src/blobs/crc32";

const ascii = (text: string) => new TextEncoder().encode(text);

describe("crc32", () => {
  it("matches the IEEE 802.3 check value and the empty input", () => {
    expect(crc32(ascii("123456789"))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array(0))).toBe(0);
  });

  it("runs on: the CRC of a whole is the CRC of its second half fed the first half's", () => {
    const whole = ascii("The quick brown fox jumps over the lazy dog");
    expect(crc32(whole)).toBe(0x414fa339);
    for (const cut of [0, 1, 3, 4, 5, 17, whole.length]) {
      expect(crc32(whole.subarray(cut), crc32(whole.subarray(0, cut)))).toBe(0x414fa339);
    }
  });
});

describe("little- and big-endian readers", () => {
  const b = new Uint8Array([0x01, 0x02, 0x03, 0x04, 0xff, 0xff, 0xff, 0xff]);

  it("read unsigned values", () => {
    expect(u16le(b, 0)).toBe(0x0201);
    expect(u24le(b, 0)).toBe(0x030201);
    expect(u32le(b, 0)).toBe(0x04030201);
    expect(u16be(b, 0)).toBe(0x0102);
    expect(u32be(b, 0)).toBe(0x01020304);
    expect(u32le(b, 4)).toBe(0xffffffff);
    expect(u32be(b, 4)).toBe(0xffffffff);
  });

  it("take bytes past the end as zero", () => {
    expect(u32le(b, 6)).toBe(0xffff);
    expect(u32be(b, 6)).toBe(0xffff0000);
    expect(u16le(b, 8)).toBe(0);
  });
});

describe("concat and hex", () => {
  it("joins parts in order", () => {
    expect(concat([new Uint8Array([1, 2]), new Uint8Array(0), new Uint8Array([3])])).toEqual(new Uint8Array([1, 2, 3]));
    expect(concat([])).toEqual(new Uint8Array(0));
  });

  it("writes lowercase hex, two digits a byte", () => {
    expect(hex(new Uint8Array([0, 1, 0xab, 0xff]))).toBe("0001abff");
    expect(hex(new Uint8Array([0x0f]).buffer)).toBe("0f");
  });
});
