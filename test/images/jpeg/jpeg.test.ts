import { describe, expect, it } from "vitest";
import { AppError } from "../../../src/errors";
import { encodeJpeg, jpegThumbnail } from "../../../src/images/jpeg";
import { fixture } from "../../support/fixtures";
import { jpegSize, near, pixelAt } from "../../support/jpeg";

// The fixtures are 400×300 in four quadrants: red, green / blue, yellow.
const RED = [220, 30, 30];
const GREEN = [30, 180, 60];
const BLUE = [40, 70, 220];
const YELLOW = [240, 210, 40];

type Rgb = [number, number, number];

/** Colours a few pixels in from each corner: top-left, top-right, bottom-left, bottom-right. */
function corners(jpeg: Uint8Array): [Rgb, Rgb, Rgb, Rgb] {
  const { width, height } = jpegSize(jpeg);
  const inset = 4;
  return [
    pixelAt(jpeg, inset, inset),
    pixelAt(jpeg, width - inset, inset),
    pixelAt(jpeg, inset, height - inset),
    pixelAt(jpeg, width - inset, height - inset),
  ];
}

function expectCorners(jpeg: Uint8Array, expected: number[][]) {
  const seen = corners(jpeg);
  for (const [i, colour] of seen.entries()) expect(near(colour, expected[i]!), `corner ${i}: ${colour} vs ${expected[i]}`).toBe(true);
}

describe("jpegThumbnail", () => {
  it.each([["baseline.jpg"], ["progressive.jpg"], ["sampling-444.jpg"], ["sampling-422.jpg"], ["sampling-440.jpg"], ["restart-interval.jpg"]])(
    "shrinks %s to the longest side and keeps its colours",
    (name) => {
      const thumb = jpegThumbnail(fixture(name), 100, 1);

      expect({ width: thumb.width, height: thumb.height }).toEqual({ width: 100, height: 75 });
      expect(jpegSize(thumb.jpeg)).toEqual({ width: 100, height: 75 });
      expectCorners(thumb.jpeg, [RED, GREEN, BLUE, YELLOW]);
    },
  );

  it("keeps a grayscale image gray, with the source's gray levels", () => {
    const source = fixture("grayscale.jpg");
    const thumb = jpegThumbnail(source, 100, 1);

    expect(jpegSize(thumb.jpeg)).toEqual({ width: 100, height: 75 });
    const sourceCorners = corners(source);
    corners(thumb.jpeg).forEach((colour, i) => {
      expect(colour[0]).toBe(colour[1]);
      expect(colour[1]).toBe(colour[2]);
      expect(near(colour, sourceCorners[i]!, 6), `corner ${i}: ${colour} vs ${sourceCorners[i]}`).toBe(true);
    });
  });

  it("turns Adobe CMYK into RGB with the right hues (no colour profile is applied)", () => {
    const thumb = jpegThumbnail(fixture("cmyk.jpg"), 100, 1);

    expect(jpegSize(thumb.jpeg)).toEqual({ width: 100, height: 75 });
    const [red, green, blue, yellow] = corners(thumb.jpeg);
    // Inverted CMYK read as plain CMYK would come out as the complementary colours.
    expect(red[0]).toBeGreaterThan(180);
    expect(Math.max(red[1], red[2])).toBeLessThan(70);
    expect(green[1]).toBeGreaterThan(150);
    expect(Math.max(green[0], green[2])).toBeLessThan(110);
    expect(blue[2]).toBeGreaterThan(180);
    expect(Math.max(blue[0], blue[1])).toBeLessThan(110);
    expect(Math.min(yellow[0], yellow[1])).toBeGreaterThan(180);
    expect(yellow[2]).toBeLessThan(70);
  });

  it("turns EXIF orientation 6 clockwise: the stored left column becomes the top row", () => {
    const thumb = jpegThumbnail(fixture("exif-orientation-6.jpg"), 100, 6);

    expect(jpegSize(thumb.jpeg)).toEqual({ width: 75, height: 100 });
    // Displayed top-left shows stored bottom-left (blue), top-right stored top-left (red).
    expectCorners(thumb.jpeg, [BLUE, RED, YELLOW, GREEN]);
  });

  it("turns EXIF orientation 8 counter-clockwise: the stored right column becomes the top row", () => {
    const thumb = jpegThumbnail(fixture("exif-orientation-8.jpg"), 100, 8);

    expect(jpegSize(thumb.jpeg)).toEqual({ width: 75, height: 100 });
    expectCorners(thumb.jpeg, [GREEN, YELLOW, RED, BLUE]);
  });

  it("mirrors for orientation 2 and turns half way for 3", () => {
    expectCorners(jpegThumbnail(fixture("baseline.jpg"), 100, 2).jpeg, [GREEN, RED, YELLOW, BLUE]);
    expectCorners(jpegThumbnail(fixture("baseline.jpg"), 100, 3).jpeg, [YELLOW, BLUE, GREEN, RED]);
  });

  it("never upscales: a size above the image's keeps its dimensions", () => {
    const thumb = jpegThumbnail(fixture("baseline.jpg"), 1000, 1);

    expect(jpegSize(thumb.jpeg)).toEqual({ width: 400, height: 300 });
    expectCorners(thumb.jpeg, [RED, GREEN, BLUE, YELLOW]);
  });

  it("rounds the short side like the rest of the service (400×300 at 101 → 101×76)", () => {
    expect(jpegSize(jpegThumbnail(fixture("baseline.jpg"), 101, 1).jpeg)).toEqual({ width: 101, height: 76 });
  });

  it.each([["corrupt-data.jpg"], ["truncated.jpg"]])("answers %s with corrupt_image, and the next thumbnail works", (name) => {
    let error: unknown;
    try {
      jpegThumbnail(fixture(name), 100, 1);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("corrupt_image");

    const thumb = jpegThumbnail(fixture("baseline.jpg"), 100, 1);
    expect(jpegSize(thumb.jpeg)).toEqual({ width: 100, height: 75 });
    expectCorners(thumb.jpeg, [RED, GREEN, BLUE, YELLOW]);
  });

  it("refuses bytes that are not a JPEG", () => {
    expect(() => jpegThumbnail(new TextEncoder().encode("not a jpeg at all"), 100, 1)).toThrow(AppError);
  });
});

describe("encodeJpeg", () => {
  it("encodes packed RGB to a JPEG of that size and colour", () => {
    const rgb = new Uint8Array(64 * 48 * 3);
    for (let i = 0; i < rgb.length; i += 3) rgb.set([20, 120, 230], i);

    const jpeg = encodeJpeg(rgb, 64, 48);

    expect(jpegSize(jpeg)).toEqual({ width: 64, height: 48 });
    expect(near(pixelAt(jpeg, 30, 20), [20, 120, 230], 6)).toBe(true);
  });

  it("rejects a buffer of the wrong length", () => {
    expect(() => encodeJpeg(new Uint8Array(10), 4, 4)).toThrow(RangeError);
  });
});
