import { describe, expect, it } from "vitest";
import { casGet, storeBytes } from "../support/blobs";
import { fixture } from "../support/fixtures";
import { jpegSize, near, pixelAt } from "../support/jpeg";

const RED = [220, 30, 30];
const GREEN = [30, 180, 60];
const BLUE = [40, 70, 220];
const YELLOW = [240, 210, 40];
const WHITE = [255, 255, 255];

async function thumbnail(name: string, size = 150) {
  const hash = await storeBytes(fixture(name));
  const res = await casGet(hash, `?thumbnail=${size}`);
  return { res, bytes: new Uint8Array(await res.arrayBuffer()) };
}

describe("PNG layouts, decoded as they stream", () => {
  it.each([["16bit.png"], ["interlaced.png"]])("%s keeps its four quadrants", async (name) => {
    const { res, bytes } = await thumbnail(name, 200);
    expect(res.status).toBe(200);
    expect(jpegSize(bytes)).toEqual({ width: 200, height: 150 });
    expect(near(pixelAt(bytes, 5, 5), RED)).toBe(true);
    expect(near(pixelAt(bytes, 195, 5), GREEN)).toBe(true);
    expect(near(pixelAt(bytes, 5, 145), BLUE)).toBe(true);
    expect(near(pixelAt(bytes, 195, 145), YELLOW)).toBe(true);
  });

  it.each([["palette-trns.png"], ["16bit-alpha.png"]])("%s: opaque left half kept, transparent right half white", async (name) => {
    const { bytes } = await thumbnail(name, 200);
    expect(near(pixelAt(bytes, 5, 5), RED)).toBe(true);
    expect(near(pixelAt(bytes, 5, 145), BLUE)).toBe(true);
    expect(near(pixelAt(bytes, 195, 5), WHITE, 10)).toBe(true);
    expect(near(pixelAt(bytes, 195, 145), WHITE, 10)).toBe(true);
  });

  it("gray+alpha: dark and light halves on top, white below where it is transparent", async () => {
    const { bytes } = await thumbnail("gray-alpha.png", 200);
    expect(near(pixelAt(bytes, 5, 5), [60, 60, 60], 12)).toBe(true);
    expect(near(pixelAt(bytes, 195, 5), [200, 200, 200], 12)).toBe(true);
    expect(near(pixelAt(bytes, 100, 145), WHITE, 10)).toBe(true);
  });
});

describe("JPEG orientation", () => {
  it("applies EXIF orientation 8: the image turns counter-clockwise", async () => {
    const { bytes } = await thumbnail("exif-orientation-8.jpg");
    expect(jpegSize(bytes)).toEqual({ width: 113, height: 150 });
    // Turned counter-clockwise, the stored top-right (green) is now top-left and top-left (red) bottom-left.
    expect(near(pixelAt(bytes, 5, 5), GREEN)).toBe(true);
    expect(near(pixelAt(bytes, 5, 145), RED)).toBe(true);
  });
});

describe("AVIF through the Images binding", () => {
  it("makes a JPEG thumbnail of an AVIF", async () => {
    const { res, bytes } = await thumbnail("image.avif", 200);
    expect(res.status).toBe(200);
    expect(jpegSize(bytes)).toEqual({ width: 200, height: 150 });
    expect(near(pixelAt(bytes, 5, 5), RED)).toBe(true);
    expect(near(pixelAt(bytes, 195, 145), YELLOW)).toBe(true);
  });
});

describe("a JPEG whose frame header follows large metadata", () => {
  /** baseline.jpg with `count` 64 KB APP2 segments inserted after SOI. */
  function withMetadata(count: number): Uint8Array {
    const jpeg = fixture("baseline.jpg");
    const segment = new Uint8Array(2 + 65535);
    segment.set([0xff, 0xe2, 0xff, 0xff]);
    const out = new Uint8Array(jpeg.length + count * segment.length);
    out.set(jpeg.subarray(0, 2));
    for (let i = 0; i < count; i++) out.set(segment, 2 + i * segment.length);
    out.set(jpeg.subarray(2), 2 + count * segment.length);
    return out;
  }

  it("is read further until its header is found (2 MB of metadata)", async () => {
    const res = await casGet(await storeBytes(withMetadata(32)), "?thumbnail=80");
    expect(res.status).toBe(200);
    expect(jpegSize(new Uint8Array(await res.arrayBuffer()))).toEqual({ width: 80, height: 60 });
  });

  it("is refused with 422 when no header is in the first 8 MB", async () => {
    const res = await casGet(await storeBytes(withMetadata(130)), "?thumbnail=80");
    expect(res.status).toBe(422);
    expect(((await res.json()) as { detail: string }).detail).toMatch(/first 8 MB/);
  });
});
