import { PhotonImage } from "@cf-wasm/photon";
import { describe, expect, it } from "vitest";
import { scaledSize, thumbnailBox } from "../../src/images/box";
import { encodeJpeg, jpegThumbnail } from "../../src/images/jpeg";
import { casGet, storeBytes } from "../support/blobs";
import { jpegSize, withOrientation } from "../support/jpeg";
import { makePng } from "../support/png";

/** Packed RGB of a width×height picture with some detail (ramps); each shape's bytes are its own. */
function picture(width: number, height: number): Uint8Array {
  const rgb = new Uint8Array(width * height * 3);
  for (let y = 0, i = 0; y < height; y++) for (let x = 0; x < width; x++, i += 3) rgb.set([x & 255, (y * 3) & 255, (x + y) & 255], i);
  return rgb;
}

function webp(rgb: Uint8Array, width: number, height: number): Uint8Array {
  const rgba = new Uint8Array(width * height * 4);
  for (let s = 0, d = 0; s < rgb.length; s += 3, d += 4) rgba.set([rgb[s]!, rgb[s + 1]!, rgb[s + 2]!, 255], d);
  const image = new PhotonImage(rgba, width, height);
  try {
    return image.get_bytes_webp();
  } finally {
    image.free();
  }
}

const thumbnailSize = async (bytes: Uint8Array, size: number) => {
  const res = await casGet(await storeBytes(bytes), `?thumbnail=${size}`);
  expect(res.status).toBe(200);
  return jpegSize(new Uint8Array(await res.arrayBuffer()));
};

describe("one size for a thumbnail, whichever path makes it", () => {
  // Shapes where scaling by maxSide/longest first (rounding twice) lands a pixel short of the codec's rounding.
  it.each([
    [220, 165, 150, { width: 150, height: 113 }],
    [165, 220, 150, { width: 113, height: 150 }],
    [212, 159, 150, { width: 150, height: 113 }],
    [260, 13, 150, { width: 150, height: 8 }],
  ])("a %i×%i JPEG, PNG and WebP all come back at thumbnail=%i as %o", async (width, height, size, expected) => {
    const rgb = picture(width, height);
    const png = await makePng(width, height, (y, row) => row.set(rgb.subarray(y * width * 3, (y + 1) * width * 3)));

    expect(thumbnailBox({ width, height, orientation: 1 }, size)).toEqual(expected);
    expect(await thumbnailSize(encodeJpeg(rgb, width, height), size)).toEqual(expected);
    expect(await thumbnailSize(png, size)).toEqual(expected);
    expect(await thumbnailSize(webp(rgb, width, height), size)).toEqual(expected);
  });

  it("an EXIF-turned JPEG comes back in the turned box", async () => {
    const jpeg = withOrientation(encodeJpeg(picture(220, 165), 220, 165), 6);
    expect(await thumbnailSize(jpeg, 150)).toEqual(thumbnailBox({ width: 220, height: 165, orientation: 6 }, 150));
    expect(thumbnailBox({ width: 220, height: 165, orientation: 6 }, 150)).toEqual({ width: 113, height: 150 });
  });

  it("scaledSize is the JPEG codec's own rounding, over many shapes and sizes", () => {
    const shapes: Array<[number, number]> = [];
    for (let width = 97; width <= 260; width += 7) for (const height of [13, 40, 99, 159, 165, 201, 333]) shapes.push([width, height]);
    for (const [width, height] of shapes) {
      const jpeg = encodeJpeg(new Uint8Array(width * height * 3).fill(128), width, height);
      for (const size of [32, 75, 100, 150]) {
        const made = jpegThumbnail(jpeg, size, 1);
        expect({ shape: `${width}×${height} at ${size}`, ...scaledSize(width, height, size) }).toEqual({
          shape: `${width}×${height} at ${size}`,
          width: made.width,
          height: made.height,
        });
      }
    }
  });

  it("never enlarges", () => {
    expect(scaledSize(120, 80, 512)).toEqual({ width: 120, height: 80 });
    expect(thumbnailBox({ width: 120, height: 80, orientation: 8 }, 512)).toEqual({ width: 80, height: 120 });
  });
});
