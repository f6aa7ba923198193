import { describe, expect, it } from "vitest";
import { thumbnailBox } from "../../src/images/box";
import { probeHeader } from "../../src/images/probe";
import { concat } from "../support/bytes";
import { fixture } from "../support/fixtures";
import { type HeifProperty, heifHeader } from "../support/heif";

const probe = (bytes: Uint8Array) => probeHeader(bytes, false);
/** One item, the primary, 4032×3024 as stored (an iPhone grid), with these transforms after its size. */
const photo = (...transforms: HeifProperty[]) =>
  heifHeader({ brand: "heic", primary: 1, items: [{ id: 1, properties: [["ispe", 4032, 3024], ...transforms] }] });

describe("HEIF/AVIF headers: the primary item's size and orientation", () => {
  it("reads an AVIF's size from its primary item", () => {
    expect(probe(fixture("image.avif"))).toEqual({ format: "avif", width: 400, height: 300, orientation: 1 });
  });

  it.each([
    [0, 1],
    [1, 8], // 90° anticlockwise, EXIF's "turn 270° clockwise"
    [2, 3],
    [3, 6], // 270° anticlockwise: how a portrait iPhone photo is stored
  ])("maps irot %i to EXIF orientation %i; the stored size stays as stored", (angle, orientation) => {
    expect(probe(photo(["irot", angle]))).toEqual({ format: "heic", width: 4032, height: 3024, orientation });
  });

  it.each([
    [[["imir", 0]], 2], // about the vertical axis: left and right swap
    [[["imir", 1]], 4], // about the horizontal axis: top and bottom swap
    [
      [
        ["imir", 0],
        ["irot", 1],
      ],
      5,
    ], // mirrored, then turned anticlockwise: transposed
    [
      [
        ["irot", 1],
        ["imir", 0],
      ],
      7,
    ], // turned, then mirrored: transverse
    [
      [
        ["irot", 3],
        ["irot", 3],
      ],
      3,
    ], // two quarter turns
  ] as Array<[HeifProperty[], number]>)("composes %j in ipma order into EXIF orientation %i", (transforms, orientation) => {
    expect(probe(photo(...transforms))?.orientation).toBe(orientation);
  });

  it("takes the primary item, not the largest one", () => {
    const header = heifHeader({
      primary: 2,
      items: [
        { id: 1, properties: [["ispe", 8000, 6000]] },
        {
          id: 2,
          properties: [
            ["ispe", 3000, 2000],
            ["irot", 1],
          ],
        },
      ],
    });
    expect(probe(header)).toEqual({ format: "avif", width: 3000, height: 2000, orientation: 8 });
  });

  it("reads 32-bit item ids and 15-bit property indexes (pitm and ipma version 1, flags 1)", () => {
    const header = heifHeader({
      primary: 70_000,
      wide: true,
      items: [
        {
          id: 70_000,
          properties: [
            ["ispe", 640, 480],
            ["irot", 3],
          ],
        },
      ],
    });
    expect(probe(header)).toEqual({ format: "avif", width: 640, height: 480, orientation: 6 });
  });

  it("falls back to the largest ispe, unturned, when there is no primary item", () => {
    expect(probe(fixture("fake.heic"))).toEqual({ format: "heic", width: 4032, height: 3024, orientation: 1 });
    const noPitm = heifHeader({
      items: [
        { id: 1, properties: [["ispe", 512, 512]] },
        {
          id: 2,
          properties: [
            ["ispe", 4000, 3000],
            ["irot", 1],
          ],
        },
      ],
    });
    expect(probe(noPitm)).toEqual({ format: "avif", width: 4000, height: 3000, orientation: 1 });
  });

  it("gives no size when no ispe is in the first 64 KB", () => {
    // A primary item with no properties, and an ispe only past 64 KB.
    const late = concat([heifHeader({ primary: 1, items: [] }), new Uint8Array(70_000), photo()]);
    expect(probe(late)).toEqual({ format: "avif", width: 0, height: 0, orientation: 1 });
  });

  it("turns the thumbnail's box for a portrait photo stored landscape", () => {
    expect(thumbnailBox(probe(photo(["irot", 3]))!, 512)).toEqual({ width: 384, height: 512 });
    expect(thumbnailBox(probe(photo(["irot", 2]))!, 512)).toEqual({ width: 512, height: 384 });
  });
});
